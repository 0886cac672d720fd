// A third board's workbook with its header over two rows (made with openpyxl by
// test/fixtures/two-row-header/make_two_row_header.py, committed as .xlsx): text headers merged
// down over rows 4 and 5 (Nämndindikator in row 4 only), "Utfall" merged over 2019 and 2020,
// "Mål" merged over 2021 and 2022, the years typed as numbers (2019, 2020) and as text ("2021",
// "2022"), a footnote whose text goes on on the row under it. Read as a new user would: the
// built CLI in a temporary folder. The expected values are the ones typed into the script.
import type { Appendix, CellValue, Indicator } from "../../../core/model";
import { inspectInTempFolder, type Inspected } from "./runCli";

const WORKBOOK = "test/fixtures/two-row-header/socialnamnden-2021.xlsx";

let appendix: Appendix;
let indicators: Indicator[];
let text = "";
let cleanup = (): void => undefined;
let named: Inspected["named"];

/** The numbers the cells hold, or the kind of a cell that holds none. */
const numbers = (values: readonly { readonly value: CellValue }[]): Array<number | string> =>
  values.map(({ value }) => (value.kind === "number" || value.kind === "labelled" ? value.quantity.value : value.kind));

beforeAll(() => {
  ({ appendix, indicators, named, text, cleanup } = inspectInTempFolder(WORKBOOK));
});
afterAll(() => cleanup());

describe("bilaga inspect on a workbook whose header stands on two rows", () => {
  it("reads the header on rows 4 and 5: outcomes under Utfall, targets under Mål, the body from row 6", () => {
    expect(appendix.headerRow).toBe(3);
    expect(appendix.firstRow).toBe(5);
    expect(appendix.lastRow).toBe(11);
    expect(appendix.columns.map((c) => [c.role, c.column, c.year ?? c.header])).toEqual([
      ["focus-area", 0, "Målområde"],
      ["municipal-goal", 1, "Kommunövergripande mål"],
      ["board-goal", 2, "Nämndmål"],
      ["indicator", 3, "Nämndindikator"],
      ["outcome", 4, 2019],
      ["outcome", 5, 2020],
      ["target", 6, 2021],
      ["target", 7, 2022],
      ["extra", 8, "Kommentar"],
    ]);
    expect(text).toContain("Rubrikrader 4–5, tabellen på rad 6–12");
  });

  it("reads all five indicators under their merged focus areas and goals, none from the header rows", () => {
    expect(indicators.map((i) => [i.name, i.cell])).toEqual([
      ["Antal hushåll med ekonomiskt bistånd i snitt per månad", "D6"],
      ["Andel hushåll med långvarigt ekonomiskt bistånd (%)", "D7"],
      ["Väntetid i antal dagar från ansökan till beslut om bistånd (medelvärde)", "D8"],
      ["Budgetavvikelse, mnkr", "D9"],
      ["Sjukfrånvaro (%)", "D10"],
    ]);
    expect(appendix.focusAreas.map((a) => [a.name, a.cell])).toEqual([
      ["Medborgare", "A6"],
      ["Ekonomi", "A9"],
      ["Medarbetare", "A10"],
    ]);
  });

  it("reads the values by year: numbers with formats, texts, Högst targets and percent", () => {
    const households = named("Antal hushåll med ekonomiskt bistånd i snitt per månad");
    expect(households.outcomes.map((o) => [o.year, o.cell])).toEqual([
      [2019, "E6"],
      [2020, "F6"],
    ]);
    expect(numbers(households.outcomes)).toEqual([1812, 1905]);
    expect(households.targets.map((t) => [t.year, t.target])).toEqual([
      [2021, { kind: "at-most", quantity: { value: 1800, unit: "count" } }],
      [2022, { kind: "at-most", quantity: { value: 1700, unit: "count" } }],
    ]);
    expect(households.polarity).toEqual({ kind: "lower-better" });
    expect(households.extra).toEqual([{ header: "Kommentar", cell: "I6", text: "Snitt över årets månader." }]);

    const longTerm = named("Andel hushåll med långvarigt ekonomiskt bistånd (%)");
    expect(longTerm.unit).toBe("percent");
    expect(numbers(longTerm.outcomes)).toEqual([28.4, 30.1]);
    const waiting = named("Väntetid i antal dagar från ansökan till beslut om bistånd (medelvärde)");
    expect(waiting.targets.map((t) => t.target)).toEqual([
      { kind: "value", quantity: { value: 15, unit: "days" } },
      { kind: "value", quantity: { value: 14, unit: "days" } },
    ]);
    expect(numbers(named("Budgetavvikelse, mnkr").outcomes)).toEqual([-3.1, 0.8]);
  });

  it("reads Kvinnor and Män under sick leave, and the footnote whose text goes on on the next row", () => {
    const sick = named("Sjukfrånvaro (%)");
    expect(sick.polarity).toEqual({ kind: "lower-better" });
    expect(sick.breakdowns.map((b) => [b.label, b.cell, numbers(b.outcomes)])).toEqual([
      ["Kvinnor", "D11", [8.9, 9.8]],
      ["Män", "D12", [5.1, 5.9]],
    ]);
    expect(sick.footnotes).toEqual(["*"]);
    expect(appendix.footnotes).toEqual([
      { marker: "*", text: "Sjukfrånvaron 2020 påverkades av pandemin och är inte jämförbar med tidigare år.", cell: "A14", continuedTo: "A15" },
    ]);
  });

  it("has no warnings or errors: the group headers are not unknown columns", () => {
    expect(appendix.issues.filter((i) => i.severity !== "info")).toEqual([]);
    expect(appendix.issues.map((i) => i.raw)).not.toContain("Utfall");
  });
});
