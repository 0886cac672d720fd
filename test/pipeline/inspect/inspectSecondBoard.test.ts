// The "second board" test: a workbook the project did not lay out (made with openpyxl by
// test/fixtures/second-board/make_second_board.py, committed as .xlsx), in another common
// layout: a cover sheet first, the table in B6 under title rows, years 2020/2021 and
// Målvärde 2022/2023, "Indikator", a Kommentar column, values typed as text with no-break
// spaces, focus areas repeated instead of merged, Flickor/Pojkar rows, "Högst"/"Minst" targets.
// Read as a new user would: the built CLI, no --sheet, in a temporary folder. The expected
// values are the ones typed into the script.
import type { Appendix, Indicator } from "../../../core/model";
import { inspectInTempFolder, type Inspected } from "./runCli";

const WORKBOOK = "test/fixtures/second-board/barn-och-ungdomsnamnden-2022.xlsx";

const INDICATORS = [
  "Andel elever i åk 9 som är behöriga till yrkesprogram (%)",
  "Genomsnittligt meritvärde i åk 9",
  "Andel elever i åk 5 som känner sig trygga i skolan",
  "Andel legitimerade förskollärare av pedagogisk personal i förskolan",
  "Antal barn per årsarbetare i förskolan",
  "Antal barn i kö till förskolan den 1 oktober",
  "Kostnad per elev i grundskolan, kr",
  "Budgetavvikelse, mnkr",
  "Sjukfrånvaro bland medarbetare (%)",
];

let appendix: Appendix;
let indicators: Indicator[];
let text = "";
let cleanup = (): void => undefined;
let named: Inspected["named"];

const targetOf = (indicator: Indicator, year: number): unknown => indicator.targets.find((t) => t.year === year)?.target;
const outcomeOf = (indicator: Indicator, year: number): unknown => indicator.outcomes.find((o) => o.year === year)?.value;

beforeAll(() => {
  ({ appendix, indicators, named, text, cleanup } = inspectInTempFolder(WORKBOOK));
});
afterAll(() => cleanup());

describe("bilaga inspect on a second board's workbook in another layout", () => {
  it("finds the table on the second sheet, header in row 6 starting in column B, and says which sheet", () => {
    expect(appendix.sheet).toBe("Indikatorer");
    expect(appendix.headerRow).toBe(5);
    expect(appendix.columns.find((c) => c.role === "indicator")).toMatchObject({ header: "Indikator", column: 4 });
    expect(text).toContain('blad "Indikatorer"');
    expect(text).toContain('"Försättsblad"');
  });

  it("reads all nine indicators in order, under three focus areas written on every row", () => {
    expect(indicators.map((i) => i.name)).toEqual(INDICATORS);
    expect(appendix.focusAreas.map((a) => a.name)).toEqual(["Medborgare", "Ekonomi", "Medarbetare"]);
    expect(text).toContain("3 målområden, 4 kommunövergripande mål, 3 nämndmål, 9 indikatorer, 4 uppdelningar");
  });

  it("takes the years from the headers: outcomes 2020 and 2021, targets 2022 and 2023", () => {
    expect(appendix.columns.filter((c) => c.role === "outcome").map((c) => c.year)).toEqual([2020, 2021]);
    expect(appendix.columns.filter((c) => c.role === "target").map((c) => c.year)).toEqual([2022, 2023]);
    for (const indicator of indicators) {
      expect(indicator.outcomes.map((o) => o.year)).toEqual([2020, 2021]);
      expect(indicator.targets.map((t) => t.year)).toEqual([2022, 2023]);
    }
  });

  it('reads "Högst 125 000 kr" (no-break space) as at most 125 000 kr, and the outcomes typed as text', () => {
    const cost = named("Kostnad per elev i grundskolan, kr");
    expect(targetOf(cost, 2022)).toEqual({ kind: "at-most", quantity: { value: 125000, unit: "kr" } });
    expect(targetOf(cost, 2023)).toEqual({ kind: "at-most", quantity: { value: 128000, unit: "kr" } });
    expect(outcomeOf(cost, 2020)).toMatchObject({ kind: "number", quantity: { value: 118450, unit: "kr" } });
    expect(outcomeOf(cost, 2021)).toMatchObject({ kind: "number", quantity: { value: 121900, unit: "kr" } });
    expect(cost.polarity).toEqual({ kind: "lower-better" });
  });

  it('reads "Minst 45 %" as at least 45 percent', () => {
    const teachers = named("Andel legitimerade förskollärare av pedagogisk personal i förskolan");
    expect(targetOf(teachers, 2022)).toEqual({ kind: "at-least", quantity: { value: 45, unit: "percent" } });
    expect(targetOf(teachers, 2023)).toEqual({ kind: "at-least", quantity: { value: 47, unit: "percent" } });
    expect(outcomeOf(teachers, 2021)).toMatchObject({ kind: "number", quantity: { value: 43, unit: "percent" } });
    expect(teachers.polarity).toEqual({ kind: "higher-better" });
  });

  it("reads thousands with a no-break or narrow no-break space and a U+2212 minus", () => {
    const queue = named("Antal barn i kö till förskolan den 1 oktober");
    expect(outcomeOf(queue, 2020)).toMatchObject({ kind: "number", quantity: { value: 1204 } });
    expect(outcomeOf(queue, 2021)).toMatchObject({ kind: "number", quantity: { value: 1087 } });
    expect(targetOf(queue, 2022)).toEqual({ kind: "direction", direction: "decrease" });
    const budget = named("Budgetavvikelse, mnkr");
    expect(outcomeOf(budget, 2020)).toMatchObject({ kind: "number", quantity: { value: -4.2 } });
    expect(targetOf(budget, 2022)).toMatchObject({ kind: "at-least", quantity: { value: 0 } });
  });

  it("reads Flickor and Pojkar rows as gender breakdowns of the indicator above", () => {
    const eligible = named("Andel elever i åk 9 som är behöriga till yrkesprogram (%)");
    expect(eligible.breakdowns.map((b) => [b.kind, b.label, b.cell])).toEqual([
      ["gender", "Flickor", "E8"],
      ["gender", "Pojkar", "E9"],
    ]);
    expect(eligible.breakdowns[0]?.outcomes.map((o) => o.value)).toEqual([
      expect.objectContaining({ quantity: { value: 86.9, unit: "percent" } }),
      expect.objectContaining({ quantity: { value: 85, unit: "percent" } }),
    ]);
    const merit = named("Genomsnittligt meritvärde i åk 9");
    expect(merit.breakdowns.map((b) => b.label)).toEqual(["Flickor", "Pojkar"]);
    expect(merit.breakdowns[1]?.outcomes[0]?.value).toMatchObject({ quantity: { value: 214.2 } });
  });

  it("keeps the Kommentar column: its header and each comment with its cell", () => {
    expect(appendix.columns.find((c) => c.role === "extra")).toMatchObject({ header: "Kommentar", column: 9 });
    expect(named("Kostnad per elev i grundskolan, kr").extra).toEqual([
      { header: "Kommentar", cell: "J17", text: "Exklusive lokalkostnader." },
    ]);
    expect(named("Andel elever i åk 9 som är behöriga till yrkesprogram (%)").extra[0]?.text).toBe("Källa: Skolverket");
    expect(text).toContain("Kommentar (J17): Exklusive lokalkostnader.");
  });

  it("keeps an indicator that sits directly under a municipal goal, and the footnote under the table", () => {
    const staff = appendix.focusAreas.find((a) => a.name === "Medarbetare")?.municipalGoals[0];
    expect(staff?.boardGoals).toEqual([]);
    expect(staff?.indicators.map((i) => i.name)).toEqual(["Sjukfrånvaro bland medarbetare (%)"]);
    expect(targetOf(named("Sjukfrånvaro bland medarbetare (%)"), 2023)).toEqual({ kind: "at-most", quantity: { value: 6.5, unit: "percent" } });
    expect(appendix.footnotes).toEqual([expect.objectContaining({ marker: "*", cell: "B21" })]);
    expect(outcomeOf(named("Andel elever i åk 5 som känner sig trygga i skolan"), 2021)).toMatchObject({ footnotes: ["*"] });
  });

  it("reports no errors for this table", () => {
    expect(appendix.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
