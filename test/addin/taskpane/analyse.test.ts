import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILE_JSON } from "../../fixtures/sampleConfiguration";
import * as fs from "node:fs";
import * as path from "node:path";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { parsePeriod } from "../../../core/periods/period";
import { openWorkbook } from "../../../pipeline/xlsx";
import { analyse, loadConfiguration, measureFile, measureFiles, type FileImport } from "../../../addin/taskpane/analyse";
import { replaceDeliveredMonths } from "../../../core/records/replaceDeliveredMonths";
import { decodeCsvBytes, splitCsv } from "../../../addin/taskpane/readCsvFile";
import type { Grid, GridCell } from "../../../core/workbook/grid";
import { formatIssue } from "../../../core/issues/messages.sv";
import { planMonthlySheet } from "../../../core/records/monthlySheet";
import { householdMonth } from "../../fixtures/sampleExportFigures";
import { createWebCryptoHasher } from "../../../addin/taskpane/webCryptoHasher";
/** The pane's own hasher (Web Crypto), under a key of the test. */
const paneHasher = createWebCryptoHasher(new TextEncoder().encode("test"));

const SAMPLES = path.join(__dirname, "../../../samples");

function configuration() {
  return loadConfiguration(SAMPLE_PROFILE_JSON, SAMPLE_BINDINGS_JSON);
}

function exportsOf(months: readonly string[]) {
  return fs
    .readdirSync(path.join(SAMPLES, "exports"))
    .filter((file) => months.some((m) => file.includes(m)))
    .map((file) => {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(fs.readFileSync(path.join(SAMPLES, "exports", file))));
      return splitCsv(file, text, encoding);
    });
}

describe("analyse (the task pane's month, over the sample workbook and exports)", () => {
  it("reads the table, measures the browser-split CSVs and plans outcome, status and Månadsdata writes", async () => {
    const workbook = await openWorkbook(path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx"));
    const config = configuration();
    expect(config.issues).toEqual([]);
    const table = workbook.sheetNames.map((name) => workbook.readGrid(name)).find((grid) => grid.cells.length > 20)!;
    const period = parsePeriod("2019-T1");
    if (!period.ok) throw new Error("period");
    const months = ["2019-01", "2019-02", "2019-03", "2019-04"];

    const result = analyse({ table, files: await measureFiles(exportsOf(months), config.profiles, paneHasher), configuration: config, period: period.value });

    expect(result.indicatorCount).toBeGreaterThan(5);
    expect(result.imports.every((file) => file.source !== undefined)).toBe(true);
    expect(result.imports.every((file) => file.rowsAccepted > 0)).toBe(true);
    expect(result.assessment!.rows.length).toBeGreaterThan(0);
    expect(result.assessment!.rows.some((row) => row.outcome !== undefined)).toBe(true);
    const sheets = result.patch!.sheets.map((s) => s.sheet);
    expect(sheets).toContain(table.sheet);
    expect(sheets).toContain("Månadsdata");
    // No personal data reaches the writes: no personnummer-like text in any written string.
    const strings = result.patch!.sheets.flatMap((s) => s.writes.map((w) => w.value)).filter((v): v is string => typeof v === "string");
    expect(strings.filter((s) => /\d{8}-\d{4}/.test(s))).toEqual([]);
  });
});

describe("analyse places the outcome and status columns as the pipeline does", () => {
  it("moves them right of a formula that shows nothing where 'Utfall' would go", async () => {
    const workbook = await openWorkbook(path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx"));
    const table = workbook.sheetNames.map((name) => workbook.readGrid(name)).find((grid) => grid.cells.length > 20)!;
    const period = parsePeriod("2019-T1");
    if (!period.ok) throw new Error("period");
    const config = configuration();
    const input = { files: await measureFiles(exportsOf(["2019-01", "2019-02", "2019-03", "2019-04"]), config.profiles, paneHasher), configuration: config, period: period.value };
    const header = analyse({ table, ...input }).patch!.sheets[0]!.writes[0]!;
    expect(String(header.value)).toMatch(/^Utfall /);

    // What gridFromRange gives for =IF(…,"",…) in that cell: no value, no text, a formula.
    const cells = table.cells.map((row) => (row === undefined ? undefined : [...row]));
    (cells[header.row - table.origin.row] ??= [])[header.column - table.origin.column] = { value: null, text: "", numberFormat: "General", hasFormula: true };
    const moved = analyse({ table: { ...table, cells }, ...input }).patch!.sheets[0]!.writes;
    expect(moved[0]).toMatchObject({ row: header.row, column: header.column + 1, value: header.value });
    expect(moved.filter((w) => w.row === header.row && w.column === header.column)).toEqual([]);
  });
});

describe("replaceDeliveredMonths with the task pane's file imports", () => {
  it("replaces the sheet's records of a delivered source and month, keeps the rest, and is idempotent", async () => {
    const old = [
      { source: "s", measure: "m", month: "2019-01", breakdown: "", sum: 1, count: 1 },
      { source: "s", measure: "m", month: "2019-02", breakdown: "", sum: 2, count: 1 },
    ];
    const delivery: FileImport = {
      file: "s-2019-02.csv", source: "s", months: ["2019-02"], rowsRead: 1, rowsAccepted: 1, rowsRejected: 0, rejected: false, issues: [],
      records: [{ source: "s", measure: "m", month: "2019-02", breakdown: "", sum: 5, count: 1 }],
    };
    const once = replaceDeliveredMonths(old, [delivery]).records;
    expect(once.map((r) => r.sum)).toEqual([1, 5]);
    expect(replaceDeliveredMonths(once, [delivery]).records).toEqual(once);
  });
});

describe("a file with a bad row, in the task pane", () => {
  // As in the pipeline: a file is taken whole or not at all, so one bad row must not leave
  // a month half counted in Månadsdata.
  it("is rejected whole: no records, no month replaced, the bad row named with line and column", async () => {
    const [good] = exportsOf(["2019-03"]).filter((csv) => csv.file.startsWith("sjukfranvaro"));
    if (!good) throw new Error("no sick-leave export for 2019-03");
    const hoursColumn = good.header.indexOf("Sjukfrånvarotimmar");
    const target = good.rows.findIndex((row) => row.fields.includes("Arbetsmarknadsförvaltningen"));
    const rows = good.rows.map((row, index) =>
      index === target ? { ...row, fields: row.fields.map((field, column) => (column === hoursColumn ? "tolv" : field)) } : row,
    );
    const config = configuration();
    const bad = await measureFile({ ...good, rows }, config.profiles, paneHasher);
    expect(bad.rejected).toBe(true);
    expect(bad.records).toEqual([]);
    expect(bad.months).toEqual([]);
    expect(bad.issues).toContainEqual(
      expect.objectContaining({ code: "csv/unparseable-number", file: good.file, row: rows[target]!.line, column: hoursColumn + 1, raw: "tolv" }),
    );
    const earlier = [{ source: "sjukfranvaro", measure: "sjuktimmar", month: "2019-03", breakdown: "", sum: 10, count: 1 }];
    expect(replaceDeliveredMonths(earlier, [bad]).records).toEqual(earlier);
    expect((await measureFile(good, config.profiles, paneHasher)).rejected).toBe(false);
  });
});

/** The grid a shell reads back after writing the sheet patch (values as written). */
function gridOfWrites(sheet: string, writes: readonly { row: number; column: number; value: string | number | null }[]): Grid {
  const cells: (GridCell | undefined)[][] = [];
  for (const write of writes) {
    (cells[write.row] ??= [])[write.column] = { value: write.value, text: write.value === null ? "" : String(write.value), numberFormat: "General" };
  }
  return { sheet, origin: { row: 0, column: 0 }, cells, merges: [] };
}

describe("two files of the same source and month in one batch (a copy, or a corrected re-delivery beside the original)", () => {
  it("counts August once: households stay the figure the file gives, and the pane is told which file replaced which", async () => {
    const workbook = await openWorkbook(path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx"));
    const table = workbook.sheetNames.map((name) => workbook.readGrid(name)).find((grid) => grid.cells.length > 20)!;
    const period = parsePeriod("2019-08");
    if (!period.ok) throw new Error("period");
    const [august] = exportsOf(["2019-08"]).filter((csv) => csv.file.startsWith("forsorjningsstod"));
    if (!august) throw new Error("no forsorjningsstod export for 2019-08");
    const copy = { ...august, file: "forsorjningsstod-2019-08 (1).csv" };

    const config = configuration();
    const result = analyse({ table, files: await measureFiles([august, copy], config.profiles, paneHasher), configuration: config, period: period.value });

    const households = result.records.filter((r) => r.source === "forsorjningsstod" && r.measure === "hushall" && r.month === "2019-08" && r.breakdown === "");
    expect(households.reduce((sum, r) => sum + r.sum, 0)).toBe(householdMonth("2019-08").households);
    expect(result.replacements).toEqual([
      { source: "forsorjningsstod", month: "2019-08", file: "forsorjningsstod-2019-08 (1).csv", replacedFile: "forsorjningsstod-2019-08.csv" },
    ]);
    const row = result.assessment!.rows.find((r) => r.name.startsWith("Antal hushåll med försörjningsstöd"));
    expect(row?.outcome?.quantity.value).toBe(householdMonth("2019-08").households);
  });
});

describe("writing is refused when the Månadsdata sheet would lose something", () => {
  const sheetRecords = [
    { source: "forsorjningsstod", measure: "hushall", month: "2019-06", breakdown: "", sum: 2501, count: 2501 },
    { source: "forsorjningsstod", measure: "hushall", month: "2019-07", breakdown: "", sum: 2950, count: 2950 },
  ];
  async function analyseWith(monthly: Grid) {
    const workbook = await openWorkbook(path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx"));
    const table = workbook.sheetNames.map((name) => workbook.readGrid(name)).find((grid) => grid.cells.length > 20)!;
    const period = parsePeriod("2019-T2");
    if (!period.ok) throw new Error("period");
    return analyse({ table, monthly, files: [], configuration: configuration(), period: period.value });
  }

  it("writes Bilaga's own sheet as before", async () => {
    const result = await analyseWith(gridOfWrites("Månadsdata", planMonthlySheet(sheetRecords).writes));
    expect(result.writeRefusals).toEqual([]);
    expect(result.patch).toBeDefined();
  });

  it("unreadable rows: no patch, and a Swedish error naming the rows", async () => {
    const writes = [...planMonthlySheet(sheetRecords).writes, { row: 6, column: 1, value: "forsorjningsstod" }, { row: 6, column: 2, value: "hushall" }, { row: 6, column: 4, value: "augusti?" }, { row: 6, column: 5, value: 1 }, { row: 6, column: 6, value: 1 }];
    const result = await analyseWith(gridOfWrites("Månadsdata", writes));
    expect(result.patch).toBeUndefined();
    expect(result.writeRefusals.map((found) => found.code)).toEqual(["monthly/unreadable-rows-kept"]);
    expect(formatIssue(result.writeRefusals[0]!)).toContain("rad 7");
    expect(formatIssue(result.writeRefusals[0]!)).toMatch(/skriver inte/);
  });

  it("a controller's own sheet named Månadsdata: no patch, and a Swedish error", async () => {
    const result = await analyseWith(gridOfWrites("Månadsdata", [{ row: 0, column: 0, value: "Mina anteckningar" }, { row: 1, column: 0, value: "Januari" }]));
    expect(result.patch).toBeUndefined();
    expect(result.writeRefusals.map((found) => found.code)).toEqual(["workbook/foreign-monthly-sheet"]);
    expect(formatIssue(result.writeRefusals[0]!)).toContain("som Bilaga inte har skrivit");
  });
});

describe("a file of a source sliced by application month (delivery rows) in the task pane", () => {
  it("is refused with a Swedish message, shown as rejected, and gives no records", async () => {
    const workbook = await openWorkbook(path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx"));
    const table = workbook.sheetNames.map((name) => workbook.readGrid(name)).find((grid) => grid.cells.length > 20)!;
    const period = parsePeriod("2019-T1");
    if (!period.ok) throw new Error("period");
    const name = "vantetider-ansokan-2019-02.csv";
    const { text, encoding } = decodeCsvBytes(new Uint8Array(fs.readFileSync(path.join(SAMPLES, "exports-ansokningsmanad", name))));
    const config = configuration();
    const result = analyse({ table, files: await measureFiles([splitCsv(name, text, encoding)], config.profiles, paneHasher), configuration: config, period: period.value });
    const file = result.imports[0]!;
    expect(file).toMatchObject({ source: "vantetider-ansokan", rejected: true, records: [] });
    expect(result.records.filter((r) => r.source === "vantetider-ansokan")).toEqual([]);
    const refusal = file.issues.find((found) => found.code === "delivery/not-in-addin");
    expect(formatIssue(refusal!)).toMatch(/Excel-tillägget.*bilaga import/);
  });
});
