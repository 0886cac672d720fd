// `bilaga run` and `bilaga fill` end to end, as a user runs them (node bin/bilaga.js, built by
// `npm run build:cli`, which `npm test` runs first), in temporary folders with copies of the
// samples. The written workbook is reopened with exceljs and with pipeline/xlsx; outcomes are
// checked against figures computed from the sample CSV files by test/fixtures/sampleExportFigures.ts
// (plain loops, no product code), statuses against the glossary's rules, and every original
// cell against the input.
import { createHash } from "node:crypto";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readMonthlySheet } from "../../../core/records/monthlySheet";
import { readTable } from "../../../core/table/readTable";
import { openLedger } from "../../../pipeline/ledger/openLedger";
import { openWorkbook } from "../../../pipeline/xlsx";
import { ledgerFingerprint } from "../ledgerTestKit";
import { householdsPerMonth, meanWaitingDays, monthsOf2019, SAMPLE_EXPORTS, sickLeaveRate } from "../../fixtures/sampleExportFigures";
import { bilaga, requireBuild } from "../cliTestKit";

const ROOT = join(__dirname, "../../..");
const SAMPLE_WORKBOOK = join(ROOT, "samples", "verksamhetsplan-amn-2019.xlsx");
const T2_HEADER = "Utfall tertial 2 2019 (jan–aug)";
const T2_OUTPUT = "verksamhetsplan-amn-2019 utfall 2019-T2.xlsx";

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "bilaga-fill-"));
}

/** A copy of the sample exports for the given months. */
/** The sample exports: one file per source and month, January–August. */
const SAMPLE_FILES = readdirSync(SAMPLE_EXPORTS).length;
const FILES_A_MONTH = SAMPLE_FILES / 8;

function copyExports(to: string, months: readonly string[]): string {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(SAMPLE_EXPORTS)) {
    if (months.some((month) => name.includes(month))) copyFileSync(join(SAMPLE_EXPORTS, name), join(to, name));
  }
  return to;
}

async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The 1-based row whose column D (Nämndindikator) holds the text; for a breakdown, the first such row below its indicator. */
function rowOf(sheet: ExcelJS.Worksheet, indicator: string, breakdown?: string): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (found === 0 && String(row.getCell(4).value ?? "").trim() === indicator) found = number;
  });
  if (found === 0) throw new Error(`no row "${indicator}"`);
  if (breakdown === undefined) return found;
  for (let r = found + 1; r < found + 6; r++) if (String(sheet.getRow(r).getCell(4).value ?? "").trim() === breakdown) return r;
  throw new Error(`no breakdown "${breakdown}" under "${indicator}"`);
}

/** The 1-based column whose header row holds the text. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= 10; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= sheet.columnCount; c++) if (String(row.getCell(c).value ?? "").trim() === header) return c;
  }
  throw new Error(`no column "${header}"`);
}

const numberIn = (cell: ExcelJS.Cell): number => {
  const value = cell.value;
  if (typeof value === "number") return value;
  // Table cells like "19 dagar" or "6,8": the test reads them its own way.
  const text = String(value ?? "").replace(/dagar|%|\s/g, "").replace(",", ".");
  return Number(text);
};

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The glossary's rule for a value target with lower-is-better: met when reached; partly met when better than the reference; else not met. */
function expectedLowerBetter(outcome: number, target: number, reference: number, decimals: number): string {
  const shown = round(outcome, decimals);
  if (shown <= target) return "Uppfyllt";
  if (shown < reference) return "Delvis uppfyllt";
  return "Ej uppfyllt";
}

/** The latest earlier outcome (2018, else 2017) as the table shows it. */
function referenceOf(sheet: ExcelJS.Worksheet, row: number): number {
  const in2018 = numberIn(sheet.getRow(row).getCell(6));
  return Number.isFinite(in2018) ? in2018 : numberIn(sheet.getRow(row).getCell(5));
}

function cellState(cell: ExcelJS.Cell): string {
  return JSON.stringify({ value: cell.value, numFmt: cell.numFmt, font: cell.font, fill: cell.fill, border: cell.border, alignment: cell.alignment });
}

beforeAll(requireBuild);

describe("bilaga run --period 2019-T2 on a fresh folder, no other arguments (README's main command)", () => {
  const cwd = tempDir();
  let result: ReturnType<typeof bilaga>;
  beforeAll(() => {
    result = bilaga(cwd, "run", "--period", "2019-T2");
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("exits 0, keeps the ledger in ./bilaga-data and writes the workbook and report in ./utdata", () => {
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(join(cwd, "bilaga-data", "liggare.sqlite"))).toBe(true);
    expect(existsSync(join(cwd, "utdata", T2_OUTPUT))).toBe(true);
    expect(existsSync(join(cwd, "utdata", "korrapport-2019-T2.json"))).toBe(true);
  });

  it("prints the Swedish summary: files read, each status with its count, what is missing, where things went", () => {
    expect(result.stdout).toContain("Period: tertial 2 2019 (jan–aug)");
    expect(result.stdout).toContain(`Inläsning: ${SAMPLE_FILES} filer: ${SAMPLE_FILES} inlästa, 0 redan inlästa, 0 avvisade.`);
    const report = JSON.parse(readFileSync(join(cwd, "utdata", "korrapport-2019-T2.json"), "utf8"));
    for (const [label, key] of [["Uppfyllt", "met"], ["Delvis uppfyllt", "partly-met"], ["Ej uppfyllt", "not-met"], ["Kan ej bedömas", "not-assessable"]] as const) {
      expect(result.stdout).toMatch(new RegExp(`${label}\\s+${report.counts[key]}\\n`));
    }
    // Every indicator of the seed table has a binding (issue 13): none is left empty without a word.
    expect(report.missing.unboundIndicators).toEqual([]);
    expect(result.stdout).not.toContain("Indikatorer utan koppling");
    expect(result.stdout).toContain(`Arbetsbok: utdata/${T2_OUTPUT}`);
    expect(result.stdout).toContain("Körrapport: utdata/korrapport-2019-T2.json");
  });

  it("gives at least 20 of the seed's 25 indicators an outcome for T2; each of the others says it is measured per year", () => {
    const report = JSON.parse(readFileSync(join(cwd, "utdata", "korrapport-2019-T2.json"), "utf8"));
    type Row = { name: string; outcome: unknown; explanation: string };
    const indicatorOf = (row: Row): string => row.name.replace(/ – (Män|Kvinnor|OSA|AMS)$/, "");
    const indicators = new Set((report.rows as Row[]).map(indicatorOf));
    const withOutcome = new Set((report.rows as Row[]).filter((r) => r.outcome !== null).map(indicatorOf));
    expect(indicators.size).toBe(25);
    expect(withOutcome.size).toBeGreaterThanOrEqual(20);
    for (const row of report.rows as Row[]) {
      if (!withOutcome.has(indicatorOf(row))) expect({ name: row.name, explanation: row.explanation }).toEqual({ name: row.name, explanation: expect.stringMatching(/^Mäts per år: /) });
    }
    // The user survey's export gives the tertial its positive share and the women–men difference (issue 13).
    expect(withOutcome).toContain("Andel positiva svar i brukarenkät");
    expect(withOutcome).toContain("Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.");
  });

  it("the run report's counts agree with the statuses written in the workbook", async () => {
    const report = JSON.parse(readFileSync(join(cwd, "utdata", "korrapport-2019-T2.json"), "utf8"));
    expect(report.format).toBe("bilaga-korrapport/1");
    expect(report.status).toBe("filled");
    expect(report.imports).toMatchObject({ files: SAMPLE_FILES, imported: SAMPLE_FILES, unchanged: 0, rejected: 0 });
    const sheet = (await readXlsx(join(cwd, "utdata", T2_OUTPUT))).getWorksheet("Bilaga")!;
    const statusColumn = columnOf(sheet, "Status");
    const written = { met: 0, "partly-met": 0, "not-met": 0, "not-assessable": 0 } as Record<string, number>;
    const labels: Record<string, string> = { Uppfyllt: "met", "Delvis uppfyllt": "partly-met", "Ej uppfyllt": "not-met", "Kan ej bedömas": "not-assessable" };
    const tableEnd = rowOf(sheet, "Chefer med utomnordisk bakgrund");
    for (let r = 5; r <= tableEnd; r++) {
      const text = String(sheet.getRow(r).getCell(statusColumn).value ?? "");
      const label = text.replace(/^\S+ /, "").replace(" (prognos)", "");
      if (text !== "") written[labels[label]!]! += 1;
    }
    expect(written).toEqual({ met: report.counts.met, "partly-met": report.counts["partly-met"], "not-met": report.counts["not-met"], "not-assessable": report.counts["not-assessable"] });
    expect(report.counts.total).toBe(report.rows.length);
    expect(report.missing.months).toEqual([]);
  });

  it("the run report says where each value came from: the source and the files behind the months used", () => {
    const report = JSON.parse(readFileSync(join(cwd, "utdata", "korrapport-2019-T2.json"), "utf8"));
    type Row = { name: string; outcome: unknown; provenance: { kind: string; source: string; files: string[] }[] };
    const row = (name: string): Row => report.rows.find((r: Row) => r.name === name);
    const files = (source: string, extension: string, months: readonly string[]): string[] => months.map((m) => `${source}-${m}.${extension}`);
    expect(row("Avvikelse från budget, i %").provenance).toEqual([{ kind: "export", source: "ekonomi", files: files("ekonomi", "csv", monthsOf2019(8)) }]);
    // The full-time share is the last month's: only August's register is behind it.
    expect(row("Andel (%) heltidsanställningar").provenance).toEqual([{ kind: "export", source: "personal", files: ["personal-2019-08.txt"] }]);
    expect(row("Antalet deltagare som slussas ut från arbetsmarknadsnämndens arbetsmarknadsinsatser till arbete eller studier per miljoner kronor").provenance).toEqual([
      { kind: "export", source: "deltagare", files: files("deltagare", "csv", monthsOf2019(8)) },
      { kind: "export", source: "ekonomi", files: files("ekonomi", "csv", monthsOf2019(8)) },
    ]);
    // The user survey's export is behind both its share and the women–men difference (whose status is set by hand).
    expect(row("Andel positiva svar i brukarenkät").provenance).toEqual([{ kind: "export", source: "brukarenkat", files: files("brukarenkat", "csv", monthsOf2019(8)) }]);
    expect(row("Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.").provenance).toEqual([{ kind: "export", source: "brukarenkat", files: files("brukarenkat", "csv", monthsOf2019(8)) }]);
    // Every row with an outcome names at least one file.
    for (const r of report.rows as Row[]) if (r.outcome !== null) expect(r.provenance.flatMap((p) => p.files).length).toBeGreaterThan(0);
  });
});

describe("bilaga run and fill on copies of the samples", () => {
  const cwd = tempDir();
  const workbook = join(cwd, "bilaga.xlsx");
  const exportsDir = join(cwd, "exporter");
  const ledger = join(cwd, "data", "liggare.sqlite");
  const output = join(cwd, "ut", "bilaga utfall 2019-T2.xlsx");
  let run: ReturnType<typeof bilaga>;
  let inputHash: string;
  beforeAll(() => {
    copyFileSync(SAMPLE_WORKBOOK, workbook);
    copyExports(exportsDir, monthsOf2019(8));
    inputHash = sha(workbook);
    run = bilaga(cwd, "run", "--period", "2019-T2", "--exports", exportsDir, "--workbook", workbook, "--ledger", ledger, "--out", output, "--report", join(cwd, "rapport.json"));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("runs, and leaves the input workbook byte for byte as it was", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(sha(workbook)).toBe(inputHash);
  });

  it("writes each outcome equal to the figure computed independently from the CSV files, with a Swedish number format", async () => {
    const sheet = (await readXlsx(output)).getWorksheet("Bilaga")!;
    const col = columnOf(sheet, T2_HEADER);
    const months = monthsOf2019(8);
    const cases: Array<[string, string | undefined, number, string]> = [
      ["Antal hushåll med försörjningsstöd i snitt per månad.", undefined, householdsPerMonth(months), "#,##0"],
      ["Total sjukfrånvaro (%)", undefined, sickLeaveRate(months), '#,##0.0" %"'],
      ["Total sjukfrånvaro (%)", "Kvinnor", sickLeaveRate(months, "K"), '#,##0.0" %"'],
      ["Total sjukfrånvaro (%)", "Män", sickLeaveRate(months, "M"), '#,##0.0" %"'],
      ["Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)", undefined, meanWaitingDays(months), '#,##0.0" dagar"'],
    ];
    for (const [indicator, breakdown, expected, format] of cases) {
      const cell = sheet.getRow(rowOf(sheet, indicator, breakdown)).getCell(col);
      expect({ indicator, breakdown, value: cell.value }).toEqual({ indicator, breakdown, value: expect.closeTo(expected, 9) });
      expect(cell.numFmt).toBe(format);
      expect(cell.note).toBeDefined();
    }
  });

  it("writes each status as symbol and text on its fill colour, following the glossary's rules, with the explanation as a note", async () => {
    const sheet = (await readXlsx(output)).getWorksheet("Bilaga")!;
    const outcomeCol = columnOf(sheet, T2_HEADER);
    const statusCol = columnOf(sheet, "Status");
    expect(statusCol).toBe(outcomeCol + 1);
    const fills: Record<string, string> = { Uppfyllt: "FFC6EFCE", "Delvis uppfyllt": "FFFFEB9C", "Ej uppfyllt": "FFFFC7CE", "Kan ej bedömas": "FFD9D9D9" };
    const symbols: Record<string, string> = { Uppfyllt: "✓", "Delvis uppfyllt": "◐", "Ej uppfyllt": "✗", "Kan ej bedömas": "○" };
    const months = monthsOf2019(8);
    // Lower is better for all of these (the bindings say so; breakdowns inherit it, even
    // "Kvinnor" whose 2019 target is above its 2017 outcome).
    const cases: Array<[string, string | undefined, number, number]> = [
      ["Antal hushåll med försörjningsstöd i snitt per månad.", undefined, householdsPerMonth(months), 0],
      ["Total sjukfrånvaro (%)", undefined, sickLeaveRate(months), 1],
      ["Total sjukfrånvaro (%)", "Kvinnor", sickLeaveRate(months, "K"), 1],
      ["Total sjukfrånvaro (%)", "Män", sickLeaveRate(months, "M"), 1],
      ["Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)", undefined, meanWaitingDays(months), 1],
    ];
    for (const [indicator, breakdown, outcome, decimals] of cases) {
      const row = rowOf(sheet, indicator, breakdown);
      const target = numberIn(sheet.getRow(row).getCell(7));
      const expected = expectedLowerBetter(outcome, target, referenceOf(sheet, row), decimals);
      const cell = sheet.getRow(row).getCell(statusCol);
      expect({ indicator, breakdown, status: cell.value }).toEqual({ indicator, breakdown, status: `${symbols[expected]} ${expected}` });
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(fills[expected]);
      const note = JSON.stringify(cell.note);
      expect(note).toContain("Utfall ");
      expect(note).toContain(expected.toLowerCase());
    }
    // The text target is set by hand in the bindings: Kan ej bedömas, with its reason.
    const textRow = rowOf(sheet, "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.");
    expect(sheet.getRow(textRow).getCell(statusCol).value).toBe("○ Kan ej bedömas");
    expect(JSON.stringify(sheet.getRow(textRow).getCell(statusCol).note)).toContain("skillnaden i procentenheter mellan kvinnors och mäns andel positiva svar i brukarenkäten");
  });

  it("puts a legend under the table with every status", async () => {
    const sheet = (await readXlsx(output)).getWorksheet("Bilaga")!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain("Teckenförklaring, status");
    for (const status of ["✓ Uppfyllt", "◐ Delvis uppfyllt", "✗ Ej uppfyllt", "○ Kan ej bedömas"]) expect(texts).toContain(status);
  });

  it("leaves every original cell, merge, width and sheet of the input unchanged (exceljs, all sheets)", async () => {
    const before = await readXlsx(workbook);
    const after = await readXlsx(output);
    const names = (wb: ExcelJS.Workbook): string[] => wb.worksheets.map((s) => s.name);
    // The sample has activities (issue 11): the fill also adds Bilaga's Aktivitetsuppföljning sheet.
    expect(names(after)).toEqual([...names(before), "Månadsdata", "Aktivitetsuppföljning"]);
    for (const original of before.worksheets) {
      const filled = after.getWorksheet(original.name)!;
      const newColumnsFrom = original.name === "Bilaga" ? columnOf(filled, T2_HEADER) : Number.POSITIVE_INFINITY;
      expect(newColumnsFrom).toBeGreaterThan(original.columnCount);
      for (let r = 1; r <= original.rowCount; r++) {
        for (let c = 1; c <= original.columnCount; c++) {
          const address = original.getRow(r).getCell(c).address;
          // The rule's statuses go into empty follow-up cells of the activity sheet (test/pipeline/fill/fillActivities.test.ts).
          if (original.name === "Aktiviteter" && original.getCell(address).value === null) continue;
          expect({ address, state: cellState(filled.getCell(address)) }).toEqual({ address, state: cellState(original.getCell(address)) });
        }
        expect(filled.getRow(r).height).toBe(original.getRow(r).height);
      }
      for (let c = 1; c <= original.columnCount; c++) expect(filled.getColumn(c).width).toBe(original.getColumn(c).width);
      expect([...(filled.model.merges ?? [])].sort()).toEqual([...(original.model.merges ?? [])].sort());
    }
  });

  it("reads back with pipeline/xlsx: the table has the new columns and Månadsdata holds the ledger's monthly records", async () => {
    const book = await openWorkbook(output);
    const appendix = readTable(book.readGrid("Bilaga"), { file: "bilaga.xlsx" });
    expect(appendix.columns.map((c) => c.header.trim())).toEqual(expect.arrayContaining([T2_HEADER, "Status"]));
    const monthly = readMonthlySheet(book.readGrid("Månadsdata"));
    const held = openLedger(ledger, { readonly: true });
    const bound = [
      ["forsorjningsstod", "hushall"],
      ["forsorjningsstod", "vuxna-langvarigt"],
      ["sjukfranvaro", "sjuktimmar"],
      ["sjukfranvaro", "schematimmar"],
      ["vantetider", "vantedagar"],
    ];
    const key = (r: { source: string; measure: string; breakdown: string; month: string; sum: number; count: number }): string =>
      `${r.source}|${r.measure}|${r.breakdown}|${r.month}|${r.sum}|${r.count}`;
    const fromLedger = bound.flatMap(([source, measure]) => held.records({ source: source!, measure: measure! }));
    held.close();
    const boundKeys = new Set(["forsorjningsstod|hushall|", "forsorjningsstod|vuxna-langvarigt|", "sjukfranvaro|sjuktimmar|", "sjukfranvaro|sjuktimmar|kon=K", "sjukfranvaro|sjuktimmar|kon=M", "sjukfranvaro|schematimmar|", "sjukfranvaro|schematimmar|kon=K", "sjukfranvaro|schematimmar|kon=M", "vantetider|vantedagar|"]);
    const expected = fromLedger.filter((r) => boundKeys.has(`${r.source}|${r.measure}|${r.breakdown}`)).map(key).sort();
    const ofTheseSources = (r: { source: string }): boolean => ["forsorjningsstod", "sjukfranvaro", "vantetider"].includes(r.source);
    expect(monthly.filter(ofTheseSources).map(key).sort()).toEqual(expected);
    // A formula's terms are listed too: the budget behind "Avvikelse från budget", every month.
    expect(monthly.filter((r) => r.source === "ekonomi" && r.measure === "budget").map((r) => r.month)).toEqual(monthsOf2019(8));
    // Yearly values (Kolada, manual; issue 13) are listed on their year's December.
    expect(monthly.filter((r) => r.source === "kolada" || r.source === "manuell").every((r) => r.month.endsWith("-12"))).toBe(true);
    // Eight months for each series behind an outcome.
    expect(monthly.filter((r) => r.measure === "hushall").map((r) => r.month)).toEqual(monthsOf2019(8));
  });

  it("fill writes a new workbook beside the input by default, and the input stays byte for byte", () => {
    const result = bilaga(cwd, "fill", "bilaga.xlsx", "--period", "2019-T1", "--ledger", ledger);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(existsSync(join(cwd, "bilaga utfall 2019-T1.xlsx"))).toBe(true);
    expect(sha(workbook)).toBe(inputHash);
    expect(result.stdout).toContain("Period: tertial 1 2019 (jan–apr)");
    expect(result.stdout).toContain("Arbetsbok: bilaga utfall 2019-T1.xlsx");
  });

  it("fill refuses to write over the input without --overwrite (exit 2, file unchanged)", () => {
    const result = bilaga(cwd, "fill", "bilaga.xlsx", "--period", "2019-T2", "--ledger", ledger, "--out", "bilaga.xlsx");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("samma fil som indata");
    expect(sha(workbook)).toBe(inputHash);
  });

  it("fill --overwrite writes over the input atomically and keeps the original as a backup", async () => {
    const copy = join(cwd, "egen.xlsx");
    copyFileSync(workbook, copy);
    const result = bilaga(cwd, "fill", "egen.xlsx", "--period", "2019-T2", "--ledger", ledger, "--overwrite");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(sha(join(cwd, "egen.bak.xlsx"))).toBe(inputHash);
    expect(result.stdout).toContain("Säkerhetskopia av originalet: egen.bak.xlsx");
    const sheet = (await readXlsx(copy)).getWorksheet("Bilaga")!;
    expect(columnOf(sheet, T2_HEADER)).toBeGreaterThan(8);
    expect(readdirSync(cwd).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("fill with a period it cannot read says so in Swedish (exit 2) and writes nothing", () => {
    const result = bilaga(cwd, "fill", "bilaga.xlsx", "--period", "våren 2019", "--ledger", ledger);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Perioden "våren 2019" känns inte igen');
    expect(existsSync(join(cwd, "bilaga utfall våren 2019.xlsx"))).toBe(false);
  });
});

describe("bilaga run with months missing and with a rejected export", () => {
  const cwd = tempDir();
  const workbook = join(cwd, "bilaga.xlsx");
  const exportsDir = join(cwd, "exporter");
  const ledger = join(cwd, "data", "liggare.sqlite");
  const args = (out: string): string[] => ["--exports", exportsDir, "--workbook", workbook, "--ledger", ledger, "--out", join(cwd, out), "--report", join(cwd, `${out}.json`)];
  beforeAll(() => {
    copyFileSync(SAMPLE_WORKBOOK, workbook);
    copyExports(exportsDir, monthsOf2019(6));
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("names the months missing in the period, per measure, and still fills from the months there are", () => {
    const result = bilaga(cwd, "run", "--period", "2019-T2", ...args("t2-utan-jul-aug.xlsx"));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Månader utan data i perioden");
    expect(result.stdout).toContain("forsorjningsstod/hushall: 2019-07, 2019-08");
    const report = JSON.parse(readFileSync(join(cwd, "t2-utan-jul-aug.xlsx.json"), "utf8"));
    expect(report.missing.months).toEqual(expect.arrayContaining([{ measure: "forsorjningsstod/hushall", month: "2019-07" }, { measure: "vantetider/vantedagar", month: "2019-08" }]));
    const households = report.rows.find((r: { name: string }) => r.name.startsWith("Antal hushåll"));
    expect(households.outcome.value).toBeCloseTo(householdsPerMonth(monthsOf2019(6)), 9);
    expect(households.outcome.missingMonths).toEqual(["2019-07", "2019-08"]);
  });

  it("stops before filling when an export is rejected: exit 1, no workbook, ledger unchanged, the report says why", () => {
    copyExports(exportsDir, ["2019-07", "2019-08"]);
    cpSync(join(ROOT, "test", "fixtures", "csv", "bad-text-in-number-column.csv"), join(exportsDir, "sjukfranvaro-2019-06-rattad.csv"));
    const before = ledgerFingerprint(ledger);
    const result = bilaga(cwd, "run", "--period", "2019-T2", ...args("t2.xlsx"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Avvisad: ");
    expect(result.stderr).toContain("sjukfranvaro-2019-06-rattad.csv");
    expect(result.stderr).toContain("Körningen avbröts");
    expect(result.stdout).toContain("Ingenting lästes in i liggaren och ingen arbetsbok skrevs.");
    expect(existsSync(join(cwd, "t2.xlsx"))).toBe(false);
    expect(ledgerFingerprint(ledger)).toBe(before);
    expect(readdirSync(join(cwd, "data")).sort()).toEqual(["liggare.sqlite", "liggare.sqlite.key"]);
    const report = JSON.parse(readFileSync(join(cwd, "t2.xlsx.json"), "utf8"));
    expect(report).toMatchObject({ status: "rejected", exitCode: 1, workbook: { output: null } });
    expect(report.imports.rejected).toBe(1);
  });

  it("with the bad file gone, the same run reads July and August and fills", () => {
    rmSync(join(exportsDir, "sjukfranvaro-2019-06-rattad.csv"));
    const result = bilaga(cwd, "run", "--period", "2019-T2", ...args("t2.xlsx"));
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Inläsning: ${SAMPLE_FILES} filer: ${2 * FILES_A_MONTH} inlästa, ${6 * FILES_A_MONTH} redan inlästa, 0 avvisade.`);
    expect(result.stdout).toContain("Saknas:");
    expect(result.stdout).not.toContain("Månader utan data");
  });

  it("a workbook that is not an xlsx is refused before anything is written: no output, ledger unchanged", () => {
    const notXlsx = join(cwd, "inte-en-bok.xlsx");
    cpSync(join(exportsDir, "sjukfranvaro-2019-01.csv"), notXlsx);
    rmSync(join(exportsDir, "sjukfranvaro-2019-08.csv"));
    // A re-delivery of August with one row fewer: valid, and it would change the ledger.
    const lines = readFileSync(join(SAMPLE_EXPORTS, "sjukfranvaro-2019-08.csv"), "utf8").trimEnd().split("\r\n");
    writeFileSync(join(exportsDir, "sjukfranvaro-2019-08-ny.csv"), `${lines.slice(0, -1).join("\r\n")}\r\n`);
    const before = ledgerFingerprint(ledger);
    const result = bilaga(cwd, "run", "--period", "2019-T2", "--exports", exportsDir, "--workbook", notXlsx, "--ledger", ledger, "--out", join(cwd, "x.xlsx"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ingen fil skrevs/);
    expect(existsSync(join(cwd, "x.xlsx"))).toBe(false);
    expect(ledgerFingerprint(ledger)).toBe(before);
    // The same exports with the real workbook do change the ledger: the refusal was what kept it.
    const good = bilaga(cwd, "run", "--period", "2019-T2", "--exports", exportsDir, "--workbook", workbook, "--ledger", ledger, "--out", join(cwd, "x.xlsx"));
    expect(good.status).toBe(0);
    expect(good.stdout).toContain(`Inläsning: ${SAMPLE_FILES} filer: 1 inläst, ${SAMPLE_FILES - 1} redan inlästa, 0 avvisade.`);
    expect(ledgerFingerprint(ledger)).not.toBe(before);
  });
});
