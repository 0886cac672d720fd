import fc from "fast-check";
import { bindIndicators, parseBindings } from "../../../core/outcomes/bindings";
import type { Grid, GridCell } from "../../../core/workbook/grid";
import { isMonthlySheet, mayReplaceMonthlySheet, MONTHLY_SHEET, planMonthlySheet, readMonthlySheet, readMonthlySheetWithIssues } from "../../../core/records/monthlySheet";
import type { SheetPatch } from "../../../core/workbook/patch";
import { readTable } from "../../../core/table/readTable";
import type { MonthlyRecord } from "../../../core/records/records";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";

/** What a shell would read back after applying the sheet patch: values as written, text as shown. */
function gridOf(patch: SheetPatch): Grid {
  const cells: (GridCell | undefined)[][] = [];
  for (const write of patch.writes) {
    const row = (cells[write.row] ??= []);
    row[write.column] = {
      value: write.value,
      text: write.value === null ? "" : typeof write.value === "number" ? String(write.value) : write.value,
      numberFormat: write.numberFormat ?? "General",
    };
  }
  return { sheet: patch.sheet, origin: { row: 0, column: 0 }, cells, merges: [] };
}

const key = (r: MonthlyRecord): string => `${r.source}|${r.measure}|${r.breakdown}|${r.month}`;
const sorted = (records: readonly MonthlyRecord[]): MonthlyRecord[] => [...records].sort((a, b) => key(a).localeCompare(key(b)));

const records: MonthlyRecord[] = [
  { source: "sjukfranvaro", measure: "sjuktimmar", month: "2019-02", breakdown: "kon=K", sum: 812.25, count: 40 },
  { source: "forsorjningsstod", measure: "hushall", month: "2019-01", breakdown: "", sum: 2490, count: 2490, keys: ["ab12", "cd34"] },
  { source: "sjukfranvaro", measure: "schematimmar", month: "2019-02", breakdown: "kon=K", sum: 13_460.5, count: 40 },
  { source: "sjukfranvaro", measure: "sjuktimmar", month: "2019-02", breakdown: "aldersgrupp=-29", sum: 12, count: 3 },
];

describe("planMonthlySheet", () => {
  const appendix = readTable(gridFromLayout(SEED_APPENDIX));
  const config = parseBindings(
    {
      bindings: [
        { indicator: "Antal hushåll med försörjningsstöd i snitt per månad.", measure: { source: "forsorjningsstod", measure: "hushall" }, combine: "mean-of-months" },
        {
          indicator: "Total sjukfrånvaro (%)",
          breakdown: "Kvinnor",
          measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown: "kon=K" },
          denominator: { source: "sjukfranvaro", measure: "schematimmar", breakdown: "kon=K" },
          combine: "ratio-of-sums",
        },
      ],
    },
    "bindings.json",
  );
  if (!config.ok) throw new Error("config");
  const { bound } = bindIndicators(appendix, config.value);
  const patch = planMonthlySheet(records, { rows: bound });
  const grid = gridOf(patch);
  const row = (r: number): unknown[] => (grid.cells[r] ?? []).map((c) => c?.value);

  it("replaces the Månadsdata sheet whole, with the header on row 4", () => {
    expect(patch.sheet).toBe(MONTHLY_SHEET);
    expect(patch.replaceWhole).toBe(true);
    expect(row(3)).toEqual(["Indikator", "Källa", "Mått", "Uppdelning", "Månad", "Summa", "Antal"]);
  });

  it("lists every record sorted by source, measure, breakdown and month, naming the indicators it feeds", () => {
    expect(row(4)).toEqual(["Antal hushåll med försörjningsstöd i snitt per månad.", "forsorjningsstod", "hushall", "totalt", "2019-01", 2490, 2490]);
    expect(row(5)).toEqual(["Total sjukfrånvaro (%) – Kvinnor", "sjukfranvaro", "schematimmar", "kon=K", "2019-02", 13_460.5, 40]);
    expect(row(6)).toEqual(["", "sjukfranvaro", "sjuktimmar", "aldersgrupp=-29", "2019-02", 12, 3]);
    expect(row(7)).toEqual(["Total sjukfrånvaro (%) – Kvinnor", "sjukfranvaro", "sjuktimmar", "kon=K", "2019-02", 812.25, 40]);
    expect(grid.cells[8]).toBeUndefined();
  });

  it("writes every string as text, so '=…' or '-29' never becomes a formula", () => {
    for (const write of patch.writes) if (typeof write.value === "string") expect(write.asText).toBe(true);
  });

  it("lists only the records behind the bound rows when asked", () => {
    const only = gridOf(planMonthlySheet(records, { rows: bound, onlyBound: true }));
    expect(readMonthlySheet(only).map((r) => r.breakdown)).toEqual(["", "kon=K", "kon=K"]);
  });

  it("reads back the records it wrote (keyed hashes are not kept)", () => {
    expect(sorted(readMonthlySheet(grid))).toEqual(sorted(records.map(({ keys: _keys, ...rest }) => rest)));
  });
});

describe("readMonthlySheet", () => {
  const header = ["Indikator", "Källa", "Mått", "Uppdelning", "Månad", "Summa", "Antal"];
  const cell = (value: string | number | null, text?: string, numberFormat = "General"): GridCell => ({
    value,
    text: text ?? (value === null ? "" : String(value)),
    numberFormat,
  });
  const sheet = (rows: (GridCell | undefined)[][]): Grid => ({ sheet: "Månadsdata", origin: { row: 2, column: 1 }, cells: rows, merges: [] });

  it("reads what a person or Excel may have done to the sheet: a month turned into a date, Swedish number text, moved columns", () => {
    const grid = sheet([
      header.map((h) => cell(h)),
      [cell(""), cell("vantetider"), cell("vantedagar"), cell("Totalt"), cell(43617, "jun-19", "mmm-yy"), cell("2 509,5"), cell(12)],
      [],
      [cell(""), cell("vantetider"), cell("vantedagar"), cell("kon=K"), cell("juli 2019"), cell(30), cell("3")],
    ]);
    expect(readMonthlySheet(grid)).toEqual([
      { source: "vantetider", measure: "vantedagar", month: "2019-06", breakdown: "", sum: 2509.5, count: 12 },
      { source: "vantetider", measure: "vantedagar", month: "2019-07", breakdown: "kon=K", sum: 30, count: 3 },
    ]);
  });

  it("reports a row it cannot read, with its sheet row, and keeps the others", () => {
    const grid = sheet([
      header.map((h) => cell(h)),
      [cell(""), cell("vantetider"), cell("vantedagar"), cell(""), cell("someday"), cell(1), cell(1)],
      [cell(""), cell("vantetider"), cell("vantedagar"), cell(""), cell("2019-05"), cell("många"), cell(1)],
      [cell(""), cell("vantetider"), cell("vantedagar"), cell(""), cell("2019-05"), cell(4), cell(1)],
    ]);
    const { records: read, issues } = readMonthlySheetWithIssues(grid);
    expect(read).toHaveLength(1);
    expect(issues.map((i) => [i.code, i.row])).toEqual([
      ["monthly/unreadable-row", 4],
      ["monthly/unreadable-row", 5],
    ]);
  });

  it("gives no records for a sheet without the header", () => {
    expect(readMonthlySheet(sheet([[cell("Något annat")]]))).toEqual([]);
  });

  it("round-trips any records", () => {
    const recordArb = fc.record({
      source: fc.constantFrom("forsorjningsstod", "sjukfranvaro", "vantetider", "=HYPERLINK(\"x\")"),
      measure: fc.constantFrom("hushall", "sjuktimmar", "vantedagar"),
      month: fc.tuple(fc.integer({ min: 2015, max: 2025 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
      breakdown: fc.constantFrom("", "kon=K", "kon=M", "aldersgrupp=-29", "enhet=JKT&kon=M"),
      sum: fc.double({ min: 0, max: 1e7, noNaN: true }),
      count: fc.nat({ max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(recordArb, { selector: key, maxLength: 40 }), (list) => {
        expect(sorted(readMonthlySheet(gridOf(planMonthlySheet(list))))).toEqual(sorted(list));
      }),
    );
  });
});

describe("isMonthlySheet / mayReplaceMonthlySheet (which 'Månadsdata' sheet Bilaga may replace)", () => {
  const cell = (text: string): GridCell => ({ value: text, text, numberFormat: "General" });
  const sheetOf = (rows: string[][]): Grid => ({ sheet: MONTHLY_SHEET, origin: { row: 0, column: 0 }, cells: rows.map((r) => r.map(cell)), merges: [] });

  it("recognises the sheet Bilaga writes, with or without records", () => {
    expect(isMonthlySheet(gridOf(planMonthlySheet(records)))).toBe(true);
    expect(isMonthlySheet(gridOf(planMonthlySheet([])))).toBe(true);
    expect(mayReplaceMonthlySheet(gridOf(planMonthlySheet(records)))).toBe(true);
  });

  it("does not take a controller's own sheet of that name for Bilaga's, even with the same column names elsewhere", () => {
    const own = sheetOf([["Mina anteckningar"], ["Januari", "17"]]);
    expect(isMonthlySheet(own)).toBe(false);
    expect(mayReplaceMonthlySheet(own)).toBe(false);
    const sameHeadersOnRow1 = sheetOf([["Indikator", "Källa", "Mått", "Uppdelning", "Månad", "Summa", "Antal"]]);
    expect(mayReplaceMonthlySheet(sameHeadersOnRow1)).toBe(false);
  });

  it("lets a blank sheet be replaced: nothing is lost", () => {
    expect(mayReplaceMonthlySheet({ sheet: MONTHLY_SHEET, origin: { row: 0, column: 0 }, cells: [], merges: [] })).toBe(true);
  });
});
