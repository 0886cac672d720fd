import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bindingMeasures, parseBindings } from "../../../core/outcomes/bindings";
import { fromA1, toA1 } from "../../../core/workbook/address";
import { cellAt, type Grid, type GridCell } from "../../../core/workbook/grid";
import type { Appendix } from "../../../core/model";
import type { CellWrite } from "../../../core/workbook/patch";
import { parsePeriod, type Period } from "../../../core/periods/period";
import { numberFormatFor, planWrites } from "../../../core/workbook/planWrites";
import { readTable } from "../../../core/table/readTable";
import type { MonthlyRecord } from "../../../core/records/records";
import { assessAppendix } from "../../../core/status/assessAppendix";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { gridFromLayout, gridFromRows } from "../../fixtures/gridFromLayout";

function period(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
}
const T2 = period("2019-T2");
const appendix = readTable(gridFromLayout(SEED_APPENDIX));
const config = parseBindings(JSON.parse(readFileSync(join(__dirname, "../../../samples/config/bindings.json"), "utf8")), "bindings.json");
if (!config.ok) throw new Error("sample bindings do not parse");
// The records below are invented for the first three sources only: the sample entries that read them.
const FIRST_SOURCES = ["forsorjningsstod", "sjukfranvaro", "vantetider"];
// The equal-treatment row reads the user survey's export; here it keeps only its status set by
// hand, with no measure behind it (the case "a status set by hand, no outcome").
const bindings = {
  ...config.value,
  entries: config.value.entries.flatMap((e) => {
    if (e.binding === undefined || bindingMeasures(e.binding).every(({ ref }) => FIRST_SOURCES.includes(ref.source))) return [e];
    if (e.status.manual === undefined) return [];
    const { binding: _measured, ...statusOnly } = e;
    return [statusOnly];
  }),
};
/** The writes under a table's last row: the legend. */
const writesBelow = (patch: ReturnType<typeof planWrites>, lastRow: number): CellWrite[] => (patch.sheets[0]?.writes ?? []).filter((w) => w.row > lastRow);
const plain = (text: unknown): string => String(text).replace(/[\u00a0\u202f]/g, " ");

// Invented monthly records for jan–aug 2019, with figures chosen so each outcome is easy to compute by hand.
function sampleRecords(skip: readonly string[] = []): MonthlyRecord[] {
  const out: MonthlyRecord[] = [];
  T2.months.forEach((month, i) => {
    if (skip.includes(month)) return;
    const r = (source: string, measure: string, breakdown: string, sum: number, count: number): void => {
      out.push({ source, measure, month, breakdown, sum, count });
    };
    r("forsorjningsstod", "hushall", "", 2500 + (i % 2 === 0 ? -10 : 10), 0); // mean 2 500
    r("forsorjningsstod", "vuxna-langvarigt", "", 1300 - i, 0); // latest (aug) 1 293
    r("vantetider", "vantedagar", "", 14 * 50, 50); // 14 days a decision
    r("sjukfranvaro", "sjuktimmar", "kon=K", 600, 0); // 600 / 10 000 = 6 %
    r("sjukfranvaro", "schematimmar", "kon=K", 10_000, 0);
    r("sjukfranvaro", "sjuktimmar", "kon=M", 150, 0); // 150 / 5 000 = 3 %
    r("sjukfranvaro", "schematimmar", "kon=M", 5_000, 0);
    r("sjukfranvaro", "sjuktimmar", "", 750, 0); // 750 / 15 000 = 5 %
    r("sjukfranvaro", "schematimmar", "", 15_000, 0);
  });
  return out;
}

function writesAt(writes: readonly CellWrite[], row: number): CellWrite[] {
  return writes.filter((w) => w.row === row).sort((a, b) => a.column - b.column);
}

describe("assessAppendix + planWrites on the seed table", () => {
  const assessment = assessAppendix(appendix, bindings, sampleRecords(), T2);
  const patch = planWrites(appendix, assessment.rows, T2);
  const sheet = patch.sheets[0];
  const writes = sheet?.writes ?? [];
  const byName = (name: string) => assessment.rows.find((r) => r.name === name);

  it("computes each bound row's outcome as calculated by hand", () => {
    expect(byName("Antal hushåll med försörjningsstöd i snitt per månad.")?.outcome?.quantity).toEqual({ value: 2500, unit: "count" });
    expect(byName("Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.")?.outcome?.quantity.value).toBe(1293);
    expect(byName("Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)")?.outcome?.quantity).toEqual({ value: 14, unit: "days" });
    expect(byName("Total sjukfrånvaro (%)")?.outcome?.quantity.value).toBeCloseTo(5, 10);
    expect(byName("Total sjukfrånvaro (%) – Kvinnor")?.outcome?.quantity.value).toBeCloseTo(6, 10);
    expect(byName("Total sjukfrånvaro (%) – Män")?.outcome?.quantity.value).toBeCloseTo(3, 10);
  });

  it("judges each row by the rules", () => {
    const statuses = Object.fromEntries(assessment.rows.map((r) => [r.name, r.status.status]));
    expect(statuses).toEqual({
      "Antal hushåll med försörjningsstöd i snitt per månad.": "met", // 2 500 ≤ 2 800
      "Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.": "partly-met", // 1 293 > 1 150, < 1 387
      "Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)": "met", // 14 ≤ 15
      "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.": "not-assessable",
      "Total sjukfrånvaro (%)": "met", // 5 ≤ 5,5
      "Total sjukfrånvaro (%) – Män": "met", // 3 ≤ 3,3
      "Total sjukfrånvaro (%) – Kvinnor": "met", // 6 ≤ 6,2
    });
    expect(assessment.counts).toEqual({ met: 5, "partly-met": 1, "not-met": 0, "not-assessable": 1 });
  });

  it("puts 'Utfall <period>' and 'Status' in the first free columns right of the table, on the header row", () => {
    expect(writesAt(writes, appendix.headerRow).map((w) => [w.column, w.value])).toEqual([
      [8, "Utfall tertial 2 2019 (jan–aug)"],
      [9, "Status"],
    ]);
    expect(sheet?.sheet).toBe("Bilaga");
    expect(sheet?.replaceWhole).toBeUndefined();
  });

  it("writes the outcome as a number with a Swedish-looking format and the status as symbol, text, fill and note", () => {
    const row = assessment.rows.find((r) => r.name.startsWith("Antal hushåll"))?.row ?? -1;
    const [outcomeCell, statusCell] = writesAt(writes, row);
    expect(outcomeCell).toMatchObject({ column: 8, value: 2500, numberFormat: "#,##0" });
    expect(statusCell).toMatchObject({ column: 9, value: "✓ Uppfyllt", asText: true, style: { fill: "C6EFCE" } });
    expect(plain(statusCell?.note)).toBe("Utfall 2 500 mot målvärde 2 800 – uppfyllt");
  });

  it("writes a percentage as 6 with the format '#,##0.0\" %\"' (the model's canonical form)", () => {
    const row = assessment.rows.find((r) => r.name.endsWith("Kvinnor"))?.row ?? -1;
    const [outcomeCell] = writesAt(writes, row);
    expect(outcomeCell?.value).toBeCloseTo(6, 10);
    expect(outcomeCell?.numberFormat).toBe('#,##0.0" %"');
  });

  it("writes days with one decimal and the word dagar", () => {
    const row = assessment.rows.find((r) => r.name.startsWith("Väntetid"))?.row ?? -1;
    expect(writesAt(writes, row)[0]?.numberFormat).toBe('#,##0.0" dagar"');
  });

  it("leaves the outcome empty for a row with a status set by hand, and says why in the note", () => {
    const row = assessment.rows.find((r) => r.name.startsWith("Bemötande"))?.row ?? -1;
    const [outcomeCell, statusCell] = writesAt(writes, row);
    expect(outcomeCell?.value).toBeNull();
    expect(statusCell?.value).toBe("○ Kan ej bedömas");
    expect(statusCell?.note).toContain("för hand");
  });

  it("puts the legend under a footnote whose text goes on over several rows, not beside it", () => {
    const table = readTable(
      gridFromRows("Bilaga", "A1", [
        ["Nämndmål", "Nämndindikator", "2017", "2018", "Målvärde 2019"],
        ["1 Budget i balans", "Antal placeringar", "470*", "477", "Minst 677"],
        [],
        ["* Eftersom arbetsmarknadsnämnden blev en egen nämnd"],
        ["2017 finns inga jämförbara värden"],
        ["från tidigare år."],
      ]),
    );
    const legendRows = writesBelow(planWrites(table, [], T2), table.lastRow).map((w) => w.row);
    expect(Math.min(...legendRows)).toBe(5 + 2); // A6 is the note's last row; one empty row between
  });

  it("writes no cell inside the table's own columns", () => {
    const body = writes.filter((w) => w.row >= appendix.firstRow && w.row <= appendix.lastRow);
    expect(body.every((w) => w.column >= 8)).toBe(true);
  });

  it("puts a legend under the footnotes explaining every symbol and colour in Swedish", () => {
    const footnoteRow = 59; // A60
    const legend = writes.filter((w) => w.row > footnoteRow);
    expect(Math.min(...legend.map((w) => w.row))).toBe(footnoteRow + 2);
    const texts = legend.map((w) => plain(w.value));
    expect(texts).toEqual(expect.arrayContaining(["✓ Uppfyllt", "◐ Delvis uppfyllt", "✗ Ej uppfyllt", "○ Kan ej bedömas"]));
    for (const colour of ["grön", "gul", "röd", "grå"]) expect(texts.some((t) => t.startsWith(`${colour}:`))).toBe(true);
    expect(texts.some((t) => t.includes("prognos"))).toBe(true);
    const swatches = legend.filter((w) => w.style?.fill !== undefined).map((w) => w.style?.fill);
    expect(swatches).toEqual(["C6EFCE", "FFEB9C", "FFC7CE", "D9D9D9"]);
  });

  it("marks every string as text", () => {
    for (const write of writes) if (typeof write.value === "string") expect(write.asText).toBe(true);
  });

  it("reports the unbound indicators and nothing not found", () => {
    expect(assessment.issues.filter((i) => i.code === "binding/row-not-found")).toEqual([]);
    expect(assessment.issues.filter((i) => i.code === "binding/indicator-unbound").length).toBeGreaterThan(10);
  });
});

describe("planWrites details", () => {
  it("reports a missing month once per measure and month, and names it in the outcome's note", () => {
    const assessment = assessAppendix(appendix, bindings, sampleRecords(["2019-03"]), T2);
    const missing = assessment.issues.filter((i) => i.code === "period/missing-month");
    // forsorjningsstod/hushall, vantetider/vantedagar and the three sick-leave numerators (total, K, M)
    expect(missing.map((i) => i.params?.["measure"]).sort()).toEqual([
      "forsorjningsstod/hushall",
      "sjukfranvaro/sjuktimmar",
      "sjukfranvaro/sjuktimmar (kon=K)",
      "sjukfranvaro/sjuktimmar (kon=M)",
      "vantetider/vantedagar",
    ]);
    const patch = planWrites(appendix, assessment.rows, T2);
    const households = assessment.rows.find((r) => r.name.startsWith("Antal hushåll"));
    const note = patch.sheets[0]?.writes.find((w) => w.row === households?.row && w.column === 8)?.note;
    expect(note).toContain("Saknade månader: mars 2019");
  });

  it("writes 'Saknas' for a bound row with no data", () => {
    const assessment = assessAppendix(appendix, bindings, [], T2);
    const patch = planWrites(appendix, assessment.rows, T2);
    const households = assessment.rows.find((r) => r.name.startsWith("Antal hushåll"));
    const cell = patch.sheets[0]?.writes.find((w) => w.row === households?.row && w.column === 8);
    expect(cell).toMatchObject({ value: "Saknas", asText: true });
    expect(households?.status.status).toBe("not-assessable");
  });

  it("fills the same columns again when the table already has an earlier fill's columns", () => {
    const filled: Appendix = {
      ...appendix,
      columns: [
        ...appendix.columns,
        { role: "extra", column: 8, header: "Kommentar" },
        { role: "extra", column: 9, header: "Utfall tertial 1 2019 (jan–apr)" },
        { role: "extra", column: 10, header: "Status" },
      ],
    };
    const patch = planWrites(filled, [], T2, { legend: false });
    expect(patch.sheets[0]?.writes.map((w) => [w.column, w.value])).toEqual([
      [9, "Utfall tertial 2 2019 (jan–aug)"],
      [10, "Status"],
    ]);
  });

  it("goes right of an extra Kommentar column", () => {
    const commented: Appendix = { ...appendix, columns: [...appendix.columns, { role: "extra", column: 8, header: "Kommentar" }] };
    expect(planWrites(commented, [], T2).sheets[0]?.writes[0]?.column).toBe(9);
  });

  it("marks a forecast in the status text", () => {
    const placements = { name: "Antal placeringar inom arbetsträning + praktik + arbetsmarknadsanställningar ska vara minst 677 under 2019 och minst 777 under 2020." };
    const json = { bindings: [{ indicator: placements.name, measure: { source: "x", measure: "placeringar" }, combine: "sum" }] };
    const parsed = parseBindings(json, "b.json");
    if (!parsed.ok) throw new Error("config");
    const records = T2.months.map((month) => ({ source: "x", measure: "placeringar", month, breakdown: "", sum: 60, count: 60 }));
    const assessment = assessAppendix(appendix, parsed.value, records, T2);
    expect(assessment.rows[0]?.status).toMatchObject({ status: "met", forecast: true });
    const patch = planWrites(appendix, assessment.rows, T2);
    expect(patch.sheets[0]?.writes.find((w) => w.row === assessment.rows[0]?.row && w.column === 9)?.value).toBe("✓ Uppfyllt (prognos)");
  });

  it.each([
    ["count", 0, "#,##0"],
    ["percent", 1, '#,##0.0" %"'],
    ["percentage-points", 1, '#,##0.0" procentenheter"'],
    ["days", 0, '#,##0" dagar"'],
    ["kr", 0, '#,##0" kr"'],
    ["ratio", 2, "#,##0.00"],
  ] as const)("formats %s with %d decimals as %s", (unit, decimals, format) => {
    expect(numberFormatFor(unit, decimals)).toBe(format);
  });
});

describe("planWrites on a workbook it filled before", () => {
  it("fills the same columns and legend rows again, as the table reader sees the filled sheet", () => {
    const first = planWrites(appendix, assessAppendix(appendix, bindings, sampleRecords(), T2).rows, T2);
    // The sheet after the first fill: the seed's cells with the written cells on top.
    const written = new Map(SEED_APPENDIX.cells.map((c) => [c.address, c]));
    for (const w of first.sheets[0]?.writes ?? []) {
      const address = toA1({ row: w.row, column: w.column });
      if (w.value === null) written.delete(address);
      else written.set(address, { address, value: w.value, ...(w.numberFormat !== undefined && { numberFormat: w.numberFormat }) });
    }
    const refilled = readTable(gridFromLayout({ ...SEED_APPENDIX, cells: [...written.values()] }));
    expect(refilled.lastRow).toBe(appendix.lastRow);
    const T3 = period("2019");
    const second = planWrites(refilled, assessAppendix(refilled, bindings, sampleRecords(), T3).rows, T3);
    const place = (p: typeof first): string[] => (p.sheets[0]?.writes ?? []).map((w) => toA1({ row: w.row, column: w.column }));
    expect(place(second)).toEqual(place(first));
  });
});

/** The grid with some cells put in (or replaced), as a controller might keep them right of the table. */
function withCells(base: Grid, extra: Readonly<Record<string, GridCell>>): Grid {
  const cells = base.cells.map((row) => (row === undefined ? undefined : [...row]));
  for (const [address, cell] of Object.entries(extra)) {
    const ref = fromA1(address);
    if (!ref) throw new Error(address);
    const row = (cells[ref.row - base.origin.row] ??= []);
    row[ref.column - base.origin.column] = cell;
  }
  return { ...base, cells };
}

const text = (value: string): GridCell => ({ value, text: value, numberFormat: "General" });
/** A formula whose value was never calculated (openpyxl writes <f> with an empty <v>): empty by value and text. */
const uncalculated: GridCell = { value: null, text: "", numberFormat: "General", hasFormula: true };
const isEmpty = (cell: GridCell): boolean => cell.value === null && cell.text.trim() === "" && cell.hasFormula !== true;
const households = "21"; // "Antal hushåll med försörjningsstöd i snitt per månad.", a bound row
const firstLegendSwatchRow = "64"; // footnote in A60, legend heading in row 62, the swatches from row 64

describe("planWrites keeps clear of what the sheet holds right of the table", () => {
  const grid = gridFromLayout(SEED_APPENDIX);
  const rows = assessAppendix(appendix, bindings, sampleRecords(), T2).rows;
  const columnOf = (patch: ReturnType<typeof planWrites>): number | undefined => patch.sheets[0]?.writes[0]?.column;

  it.each([
    // what sits where, expected "Utfall" column (the table ends in H: I = 8, J = 9, K = 10)
    ["a formula never calculated in the header row", { I4: uncalculated }, 9],
    ["a formula with a value beside a bound row", { [`I${households}`]: { value: 2510, text: "2 510", numberFormat: "General", hasFormula: true } }, 9],
    ["a note to self in a bound row's status cell", { [`J${households}`]: text("kolla med Eva") }, 10],
    ["a date under the table where the legend's meanings go", { [`K${firstLegendSwatchRow}`]: { value: 43631, text: "2019-06-15", numberFormat: "yyyy-mm-dd" } }, 10],
    ["a formula that gives an empty text where the legend's heading goes", { J62: uncalculated }, 9],
    ["text in the header row and a formula two columns on", { I4: text("Kommentar"), K4: uncalculated }, 11],
  ] as const)("%s moves the columns right", (_, extra, expected) => {
    const sheet = withCells(grid, extra);
    const blind = planWrites(appendix, rows, T2);
    // Without the grid the plan would write on the cell: the case is a real collision.
    const hit = (blind.sheets[0]?.writes ?? []).filter((w) => Object.keys(extra).includes(toA1({ row: w.row, column: w.column })));
    expect(hit.length).toBeGreaterThan(0);

    const patch = planWrites(readTable(sheet), rows, T2, { grid: sheet });
    expect(columnOf(patch)).toBe(expected);
    const blocked = (patch.sheets[0]?.writes ?? []).filter((w) => !isEmpty(cellAt(sheet, w.row, w.column)));
    expect(blocked.map((w) => toA1({ row: w.row, column: w.column }))).toEqual([]);
    expect(patch.sheets[0]?.columnWidths?.map((c) => c.column)).toEqual([expected, expected + 1]);
  });

  it("names the moved outcome column in the legend", () => {
    const sheet = withCells(grid, { I4: uncalculated });
    const legend = planWrites(appendix, rows, T2, { grid: sheet }).sheets[0]?.writes.find((w) => String(w.value).startsWith("Utfallen avser"));
    expect(legend?.value).toContain("(kolumn J)");
  });

  it("takes the first column right of the table when nothing is there, and a formatted empty cell is empty", () => {
    const sheet = withCells(grid, { I4: { value: null, text: "", numberFormat: "0.0%" } });
    expect(columnOf(planWrites(appendix, rows, T2, { grid: sheet }))).toBe(8);
    expect(planWrites(appendix, rows, T2, { grid: sheet })).toEqual(planWrites(appendix, rows, T2));
  });

  it("reuses an earlier fill's columns although they hold text, and writes over its legend", () => {
    const first = planWrites(appendix, rows, T2, { grid });
    const filled = withCells(
      grid,
      Object.fromEntries((first.sheets[0]?.writes ?? []).filter((w) => w.value !== null).map((w) => [toA1({ row: w.row, column: w.column }), text(String(w.value))])),
    );
    const T1 = period("2019-T1");
    const refilled = readTable(filled);
    const second = planWrites(refilled, assessAppendix(refilled, bindings, sampleRecords(), T1).rows, T1, { grid: filled });
    const place = (p: typeof first): string[] => (p.sheets[0]?.writes ?? []).map((w) => toA1({ row: w.row, column: w.column }));
    expect(columnOf(second)).toBe(columnOf(first));
    expect(place(second)).toEqual(place(first));
    expect(second.sheets[0]?.writes[0]?.value).toBe("Utfall tertial 1 2019 (jan–apr)");
  });

  it("keeps an explicit column, whatever the grid holds", () => {
    const sheet = withCells(grid, { I4: uncalculated });
    expect(columnOf(planWrites(appendix, rows, T2, { grid: sheet, column: 8 }))).toBe(8);
  });
});
