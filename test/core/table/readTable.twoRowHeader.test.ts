// The indicator table with its header over two rows: the first row names the text columns and
// puts group headers ("Utfall", "Målvärde", "Mål") over the year columns, the second row holds
// the years, as text or as numbers. Each case is the seed's table with its header rewritten,
// and must read as the same table with a one-row header ("Utfall 2017" ... "Målvärde 2020")
// would: same columns, indicators, values, breakdowns, footnotes and issues.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toA1 } from "../../../core/workbook/address";
import { parseBindings } from "../../../core/outcomes/bindings";
import { allIndicators, type Appendix } from "../../../core/model";
import { parsePeriod, type Period } from "../../../core/periods/period";
import { planWrites } from "../../../core/workbook/planWrites";
import { readTable } from "../../../core/table/readTable";
import type { MonthlyRecord } from "../../../core/records/records";
import { assessAppendix } from "../../../core/status/assessAppendix";
import { SEED_APPENDIX, SEED_INDICATOR_NAMES, type LayoutCell, type SheetLayout } from "../../../samples/make/seedAppendix";
import { gridFromLayout, gridFromRows } from "../../fixtures/gridFromLayout";

const TEXT_HEADERS = ["Målområde", "Kommunövergripande mål", "Nämndmål", "Nämndindikator"] as const;

/** The seed's layout with its header (sheet row 4, row 3 empty above it) replaced by these cells and merges. */
function withHeader(cells: readonly LayoutCell[], merges: readonly string[] = []): SheetLayout {
  const isHeader = (address: string): boolean => /^[A-H][34]$/.test(address);
  return {
    ...SEED_APPENDIX,
    cells: [...SEED_APPENDIX.cells.filter((c) => !isHeader(c.address)), ...cells],
    merges: [...SEED_APPENDIX.merges, ...merges],
  };
}

/** Cells on one sheet row from column A on (undefined leaves a cell empty). */
function rowCells(row: number, values: ReadonlyArray<string | number | undefined>): LayoutCell[] {
  return values.flatMap((value, index) => (value === undefined ? [] : [{ address: `${"ABCDEFGH"[index]}${row}`, value }]));
}

/** The one-row version: the header on row 4, each year column naming its group. */
function oneRow(outcome: string, target: string): SheetLayout {
  return withHeader(rowCells(4, [...TEXT_HEADERS, `${outcome} 2017`, `${outcome} 2018`, `${target} 2019`, `${target} 2020`]));
}

const read = (layout: SheetLayout): Appendix => readTable(gridFromLayout(layout), { file: "bilaga.xlsx" });

/** Everything but the header's own row, which is one row higher in the two-row version. */
function withoutHeaderRow(appendix: Appendix): Omit<Appendix, "headerRow"> {
  const { headerRow: _headerRow, ...rest } = appendix;
  return rest;
}

const _ = undefined;
const YEARS_AS_NUMBERS = [_, _, _, _, 2017, 2018, 2019, 2020];
const YEARS_AS_TEXT = [_, _, _, _, "2017", "2018", "2019", "2020"];
const VERTICAL = ["A3:A4", "B3:B4", "C3:C4", "D3:D4"];

describe("a header over two rows reads as the same table with a one-row header", () => {
  it.each([
    [
      "text headers merged down, Utfall and Målvärde merged across, years as numbers",
      withHeader([...rowCells(3, [...TEXT_HEADERS, "Utfall", _, "Målvärde"]), ...rowCells(4, YEARS_AS_NUMBERS)], [...VERTICAL, "E3:F3", "G3:H3"]),
      ["Utfall", "Målvärde"],
    ],
    [
      "text headers in the first row only, Utfall and Mål merged across, years as text",
      withHeader([...rowCells(3, [...TEXT_HEADERS, "Utfall", _, "Mål"]), ...rowCells(4, YEARS_AS_TEXT)], ["E3:F3", "G3:H3"]),
      ["Utfall", "Mål"],
    ],
    [
      "a shell that repeats a merged area's text in its covered cells",
      withHeader(
        [...rowCells(3, [...TEXT_HEADERS, "Utfall", "Utfall", "Målvärde", "Målvärde"]), ...rowCells(4, [...TEXT_HEADERS, 2017, 2018, 2019, 2020])],
        [...VERTICAL, "E3:F3", "G3:H3"],
      ),
      ["Utfall", "Målvärde"],
    ],
    [
      "group headers not merged, standing over the first of their years",
      withHeader([...rowCells(3, [...TEXT_HEADERS, "Utfall", _, "Målvärde"]), ...rowCells(4, YEARS_AS_TEXT)], VERTICAL),
      ["Utfall", "Målvärde"],
    ],
  ] as const)("%s", (_label, layout, [outcome, target]) => {
    const twoRows = read(layout);
    const single = read(oneRow(outcome, target));

    expect(twoRows.headerRow).toBe(2);
    expect(twoRows.firstRow).toBe(4);
    expect(twoRows.columns.map((c) => [c.role, c.year, c.header])).toEqual([
      ["focus-area", undefined, "Målområde"],
      ["municipal-goal", undefined, "Kommunövergripande mål"],
      ["board-goal", undefined, "Nämndmål"],
      ["indicator", undefined, "Nämndindikator"],
      ["outcome", 2017, `${outcome} 2017`],
      ["outcome", 2018, `${outcome} 2018`],
      ["target", 2019, `${target} 2019`],
      ["target", 2020, `${target} 2020`],
    ]);
    expect(allIndicators(twoRows)).toHaveLength(SEED_INDICATOR_NAMES.length);
    expect(single.headerRow).toBe(3);
    expect(withoutHeaderRow(twoRows)).toEqual(withoutHeaderRow(single));
  });

  it("reads outcomes and targets of the seed's indicators under the group headers (Antal hushåll: 2 996, 3 130; 2 800, 2 700)", () => {
    const twoRows = read(withHeader([...rowCells(3, [...TEXT_HEADERS, "Utfall", _, "Målvärde"]), ...rowCells(4, YEARS_AS_NUMBERS)], [...VERTICAL, "E3:F3", "G3:H3"]));
    const hushall = allIndicators(twoRows).find((i) => i.name.startsWith("Antal hushåll med försörjningsstöd"));
    expect(hushall?.outcomes.map((o) => [o.year, o.cell, o.value.kind === "number" && o.value.quantity.value])).toEqual([
      [2017, "E21", 2996],
      [2018, "F21", 3130],
    ]);
    expect(hushall?.targets.map((t) => [t.year, t.target.kind === "value" && t.target.quantity.value])).toEqual([
      [2019, 2800],
      [2020, 2700],
    ]);
    expect(hushall?.polarity).toEqual({ kind: "lower-better" });
    expect(twoRows.footnotes.map((f) => f.marker)).toEqual(["*", "**"]);
  });
});

describe("years and groups in a header over two rows", () => {
  const body = ["Medborgare", "Trygg kommun", "Färre ska vänta", "Antal ärenden som väntar", "40", "35", "Ska minska", "Ska minska"];

  it("a year under no group keeps the one-row rule (an outcome); one under Mål is a target", () => {
    const table = readTable(gridFromRows("Blad1", "A1", [[...TEXT_HEADERS, _, _, "Mål"], [_, _, _, _, 2017, 2018, 2019, 2020], body], ["G1:H1"]));
    expect(table.columns.filter((c) => c.year !== undefined).map((c) => [c.role, c.year, c.header])).toEqual([
      ["outcome", 2017, "2017"],
      ["outcome", 2018, "2018"],
      ["target", 2019, "Mål 2019"],
      ["target", 2020, "Mål 2020"],
    ]);
    expect(table.firstRow).toBe(2);
    expect(allIndicators(table)[0]?.targets.map((t) => t.target)).toEqual([
      { kind: "direction", direction: "decrease" },
      { kind: "direction", direction: "decrease" },
    ]);
  });

  it("earlier years merged down over both rows and Målvärde over the later two", () => {
    const table = readTable(
      gridFromRows("Blad1", "A1", [[...TEXT_HEADERS, "2017", "2018", "Målvärde"], [_, _, _, _, _, _, "2019", "2020"], body], [
        "A1:A2",
        "B1:B2",
        "C1:C2",
        "D1:D2",
        "E1:E2",
        "F1:F2",
        "G1:H1",
      ]),
    );
    expect(table.columns.filter((c) => c.year !== undefined).map((c) => [c.role, c.year])).toEqual([
      ["outcome", 2017],
      ["outcome", 2018],
      ["target", 2019],
      ["target", 2020],
    ]);
    expect(allIndicators(table).map((i) => [i.name, i.cell])).toEqual([["Antal ärenden som väntar", "D3"]]);
  });

  it("a Kommentar column merged down and the columns a fill wrote right of the table stay extra columns", () => {
    const table = readTable(
      gridFromRows(
        "Blad1",
        "A1",
        [
          [...TEXT_HEADERS, "Utfall", _, "Målvärde", _, "Kommentar", "Utfall tertial 2 2019 (jan–aug)", "Status"],
          [_, _, _, _, "2017", "2018", "2019", "2020"],
          [...body, "Mäts i april", 38, "◐ Delvis uppfyllt"],
        ],
        ["E1:F1", "G1:H1", "I1:I2"],
      ),
    );
    expect(table.columns.filter((c) => c.role === "extra").map((c) => [c.column, c.header])).toEqual([
      [8, "Kommentar"],
      [9, "Utfall tertial 2 2019 (jan–aug)"],
      [10, "Status"],
    ]);
    expect(allIndicators(table)[0]?.extra.map((e) => [e.header, e.cell])).toEqual([
      ["Kommentar", "I3"],
      ["Utfall tertial 2 2019 (jan–aug)", "J3"],
      ["Status", "K3"],
    ]);
    expect(allIndicators(table)[0]?.outcomes.map((o) => o.year)).toEqual([2017, 2018]);
  });
});

describe("when the row under the header is not a row of years, the one-row reading stands", () => {
  const header = ["Nämndmål", "Nämndindikator", "2017", "2018", "Målvärde 2019", "Målvärde 2020", "Kommentar"];

  it.each([
    ["an indicator whose counts look like years", ["1 Fler i arbete", "Antal avslut till arbete", 2017, 2019, 2100, "Ska öka"], "Antal avslut till arbete"],
    ["a row of year-like numbers under columns that already name years", [_, _, 2017, 2018, 2019, 2020], undefined],
    ["a focus-area row", ["Medborgare"], undefined],
    ["a year under Kommentar only", [_, _, _, _, _, _, "2019"], undefined],
  ] as const)("%s", (_label, second, indicator) => {
    const table = readTable(
      gridFromRows("Blad1", "A1", [header, second, ["1 Fler i arbete", "Antal deltagare i arbete", 310, 335, "Minst 350", "Minst 380"]]),
    );
    expect(table.headerRow).toBe(0);
    expect(table.firstRow).toBe(1);
    expect(table.columns.map((c) => c.header)).toEqual(header);
    expect(allIndicators(table).map((i) => i.name)).toEqual([...(indicator === undefined ? [] : [indicator]), "Antal deltagare i arbete"]);
  });

  it("a group header row over a second row that also holds text is not a two-row header", () => {
    // "Utfall" over the years, but a Kommentar header only on the second row: not a row of years.
    const table = readTable(
      gridFromRows("Blad1", "A1", [
        ["Nämndindikator", "Utfall", _, "Målvärde 2019"],
        [_, "2017", "2018", _, "Kommentar"],
        ["Antal deltagare i arbete", 310, 335, "Minst 350"],
      ]),
    );
    expect(table.headerRow).toBe(0);
    expect(table.firstRow).toBe(1);
    expect(table.issues).toContainEqual(expect.objectContaining({ code: "table/year-column-missing", cell: "B1", raw: "Utfall" }));
  });
});

describe("a fill on a table with a header over two rows", () => {
  function period(text: string): Period {
    const parsed = parsePeriod(text);
    if (!parsed.ok) throw new Error(text);
    return parsed.value;
  }
  const config = parseBindings(JSON.parse(readFileSync(join(__dirname, "../../../samples/config/bindings.json"), "utf8")), "bindings.json");
  if (!config.ok) throw new Error("sample bindings do not parse");
  const bindings = config.value;
  // Invented: 2 500 households a month in jan–aug 2019.
  const records: MonthlyRecord[] = period("2019-T2").months.map((month) => ({ source: "forsorjningsstod", measure: "hushall", month, breakdown: "", sum: 2500, count: 0 }));

  it("writes Utfall and Status on the header's first row, and a refill of the filled sheet writes the same cells", () => {
    const layout = withHeader([...rowCells(3, [...TEXT_HEADERS, "Utfall", _, "Målvärde"]), ...rowCells(4, YEARS_AS_NUMBERS)], [...VERTICAL, "E3:F3", "G3:H3"]);
    const table = read(layout);
    const T2 = period("2019-T2");
    const first = planWrites(table, assessAppendix(table, bindings, records, T2).rows, T2);
    const writes = first.sheets[0]?.writes ?? [];
    expect(writes.slice(0, 2).map((w) => [toA1({ row: w.row, column: w.column }), w.value])).toEqual([
      ["I3", "Utfall tertial 2 2019 (jan–aug)"],
      ["J3", "Status"],
    ]);
    expect(writes.find((w) => toA1({ row: w.row, column: w.column }) === "I21")?.value).toBe(2500);

    const written = new Map(layout.cells.map((c) => [c.address, c]));
    for (const w of writes) {
      const address = toA1({ row: w.row, column: w.column });
      if (w.value === null) written.delete(address);
      else written.set(address, { address, value: w.value, ...(w.numberFormat !== undefined && { numberFormat: w.numberFormat }) });
    }
    const refilled = read({ ...layout, cells: [...written.values()] });
    expect(refilled.headerRow).toBe(2);
    expect(refilled.firstRow).toBe(4);
    expect(refilled.lastRow).toBe(table.lastRow);
    expect(refilled.columns.filter((c) => c.role === "outcome").map((c) => c.year)).toEqual([2017, 2018]);
    const T3 = period("2019");
    const second = planWrites(refilled, assessAppendix(refilled, bindings, records, T3).rows, T3);
    const place = (p: typeof first): string[] => (p.sheets[0]?.writes ?? []).map((w) => toA1({ row: w.row, column: w.column }));
    expect(place(second)).toEqual(place(first));
  });
});
