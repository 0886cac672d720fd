// A month the workbook's Månadsdata holds and the ledger does not (entered through the task
// pane) survives `bilaga fill` and `bilaga run`, end to end through the built CLI (node
// bin/bilaga.js, built by `npm run build:cli`): it stays in Månadsdata, counts in the outcomes as
// the add-in counts it, and the summary and the run report name it. A month both hold takes the
// ledger's figures.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyse, loadConfiguration, measureFiles } from "../../../addin/taskpane/analyse";
import { decodeCsvBytes, splitCsv } from "../../../addin/taskpane/readCsvFile";
import { cellAt } from "../../../core/workbook/grid";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { MONTHLY_SHEET, planMonthlySheet, readMonthlySheet } from "../../../core/records/monthlySheet";
import { parsePeriod } from "../../../core/periods/period";
import type { MonthlyRecord } from "../../../core/records/records";
import { planFill } from "../../../pipeline/fill/fillWorkbook";
import { loadBindings } from "../../../pipeline/fill/loadBindings";
import { readBoundSeries, readHeldMonths, readPeriodRecords } from "../../../pipeline/fill/readPeriodRecords";
import { buildRunReport, type RunReport } from "../../../pipeline/fill/runReport";
import { summarizeRun } from "../../../pipeline/fill/summarizeRun";
import { applyPatch, openWorkbook } from "../../../pipeline/xlsx";
import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILE_JSON } from "../../fixtures/sampleConfiguration";
import { householdMonth, monthsOf2019, SAMPLE_EXPORTS, waitingMonth } from "../../fixtures/sampleExportFigures";
import { bilaga, requireBuild } from "../cliTestKit";

const ROOT = join(__dirname, "../../..");
const SAMPLE_WORKBOOK = join(ROOT, "samples", "verksamhetsplan-amn-2019.xlsx");
const JAN_TO_AUG = monthsOf2019(8);

const line = (r: MonthlyRecord): string => `${r.source}|${r.measure}|${r.breakdown}|${r.month}|${r.sum}|${r.count}`;
const isTotal = (source: string, measure: string, month: string) => (r: MonthlyRecord): boolean =>
  r.source === source && r.measure === measure && r.month === month && r.breakdown === "";

beforeAll(requireBuild);

describe("a month only the workbook's Månadsdata holds, when the pipeline fills it again", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bilaga-kept-months-"));
  const exportsDir = join(cwd, "exporter");
  const ledger = join(cwd, "data", "liggare.sqlite");
  const t2 = join(cwd, "bilaga T2.xlsx");
  const edited = join(cwd, "bilaga med september.xlsx");
  /** vantetider 2019-09 as the task pane would have added it (invented figures). */
  let september: MonthlyRecord[] = [];

  beforeAll(async () => {
    copyFileSync(SAMPLE_WORKBOOK, join(cwd, "bilaga.xlsx"));
    mkdirSync(exportsDir);
    for (const name of readdirSync(SAMPLE_EXPORTS)) if (JAN_TO_AUG.some((m) => name.includes(m))) copyFileSync(join(SAMPLE_EXPORTS, name), join(exportsDir, name));
    const run = bilaga(cwd, "run", "--period", "2019-T2", "--exports", exportsDir, "--workbook", join(cwd, "bilaga.xlsx"), "--ledger", ledger, "--out", t2);
    if (run.status !== 0) throw new Error(`bilaga run failed: ${run.stderr}`);

    // The task pane's write: Månadsdata replaced whole by planMonthlySheet, applied by the pipeline's patch applier.
    const book = await openWorkbook(t2);
    const kept = readMonthlySheet(book.readGrid(MONTHLY_SHEET));
    september = kept.filter((r) => r.source === "vantetider" && r.month === "2019-08").map((r) => ({ ...r, month: "2019-09", sum: r.sum + 3 * r.count + 11, count: r.count + 2 }));
    expect(september.length).toBeGreaterThan(0);
    // forsorjningsstod 2019-08 edited in the sheet: the ledger holds that month, so its figure must win.
    const tampered = kept.map((r) => (isTotal("forsorjningsstod", "hushall", "2019-08")(r) ? { ...r, sum: 1, count: 1 } : r));
    const bytes = await applyPatch(book, { sheets: [planMonthlySheet([...tampered, ...september], { sheet: MONTHLY_SHEET })] });
    writeFileSync(edited, bytes);
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("in process (planFill): a row of Månadsdata that cannot be read is not kept, and the report and the summary say so", async () => {
    const book = await openWorkbook(edited);
    const kept = readMonthlySheet(book.readGrid(MONTHLY_SHEET));
    const patch = planMonthlySheet(kept, { sheet: MONTHLY_SHEET });
    const lastRow = Math.max(...patch.writes.map((w) => w.row));
    const bad = [["vantetider", 1], ["vantedagar", 2], ["trettonde månaden", 4]] as const;
    const withBadRow = {
      ...patch,
      writes: [...patch.writes, ...bad.map(([value, column]) => ({ row: lastRow + 1, column, value, asText: true })), { row: lastRow + 1, column: 5, value: 10 }, { row: lastRow + 1, column: 6, value: 1 }],
    };
    const input = join(cwd, "bilaga med trasig rad.xlsx");
    writeFileSync(input, await applyPatch(book, { sheets: [withBadRow] }));

    const bindings = await loadBindings(join(ROOT, "samples", "config", "bindings.json"));
    const period = parsePeriod("2019-T3");
    if (!period.ok) throw new Error("2019-T3");
    const plan = await planFill({
      workbook: input,
      period: period.value,
      records: readPeriodRecords(ledger, bindings, period.value),
      series: readBoundSeries(ledger, bindings),
      held: readHeldMonths(ledger),
      bindings,
    });
    expect(plan.fromWorkbook).toEqual([{ source: "vantetider", month: "2019-09" }]);
    expect(plan.monthlyIssues.map((found) => [found.code, found.row])).toEqual([["monthly/unreadable-row", lastRow + 2]]);
    const report = buildRunReport({ startedAt: new Date(), period: period.value, workbook: input, plan });
    expect(report.issues.filter((found) => found.code === "monthly/unreadable-row")).toHaveLength(1);
    expect(summarizeRun(report)).toContain("Månadsdata: 1 rad i arbetsbokens blad kunde inte läsas och behölls inte");
  });

  it("bilaga fill keeps vantetider 2019-09 in Månadsdata, says so in the summary, and writes the outcomes the add-in computes from the same sheet and files", async () => {
    const out = join(cwd, "bilaga 2019.xlsx");
    const result = bilaga(cwd, "fill", edited, "--period", "2019", "--ledger", ledger, "--out", out);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);

    const filled = await openWorkbook(out);
    const monthly = readMonthlySheet(filled.readGrid(MONTHLY_SHEET));
    expect(monthly.filter((r) => r.source === "vantetider" && r.month === "2019-09").map(line).sort()).toEqual(september.map(line).sort());
    expect(result.stdout).toContain("Från arbetsbokens blad Månadsdata (finns inte i liggaren; behålls och räknas med):\n    – vantetider: 2019-09\n");

    // The add-in, given the same workbook (its Månadsdata) and the ledger's months as CSV files.
    const input = await openWorkbook(edited);
    const configuration = loadConfiguration(SAMPLE_PROFILE_JSON, SAMPLE_BINDINGS_JSON);
    const period = parsePeriod("2019");
    if (!period.ok) throw new Error("2019");
    const files = readdirSync(exportsDir).sort().map((f) => {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(readFileSync(join(exportsDir, f))));
      return splitCsv(f, text, encoding);
    });
    const addin = analyse({ table: input.readGrid("Bilaga"), monthly: input.readGrid(MONTHLY_SHEET), files: await measureFiles(files, configuration.profiles, testHasher("kept-months")), configuration, period: period.value });
    const writes = addin.patch!.sheets.find((s) => s.sheet === "Bilaga")!.writes;
    expect(writes.length).toBeGreaterThan(20);
    const table = filled.readGrid("Bilaga");
    const mismatches = writes.flatMap((w) => {
      const cell = cellAt(table, w.row, w.column).value;
      const same = typeof w.value === "number" && typeof cell === "number" ? Math.abs(w.value - cell) < 1e-9 : (w.value ?? null) === cell;
      return same ? [] : [{ row: w.row + 1, column: w.column + 1, addin: w.value, pipeline: cell }];
    });
    expect(mismatches).toEqual([]);
  });

  it("a month both hold takes the ledger's figures and is not named as the workbook's; bilaga run keeps the month only the sheet holds and counts it in the outcome (a plain sum)", async () => {
    const out = join(cwd, "körning 2019.xlsx");
    const reportPath = join(cwd, "korrapport.json");
    const result = bilaga(cwd, "run", "--period", "2019", "--exports", exportsDir, "--workbook", edited, "--ledger", ledger, "--out", out, "--report", reportPath);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("    – vantetider: 2019-09\n");
    const report = JSON.parse(readFileSync(reportPath, "utf8")) as RunReport;
    expect(report.fromWorkbook).toEqual([{ source: "vantetider", month: "2019-09" }]);

    const waiting = report.rows.find((r) => r.name.startsWith("Väntetid i antal dagar från första kontakt till beslut"));
    const sep = september.find(isTotal("vantetider", "vantedagar", "2019-09"));
    if (!waiting?.outcome || !sep) throw new Error("no waiting-time outcome or no September total");
    const days = JAN_TO_AUG.reduce((t, m) => t + waitingMonth(m).days, 0) + sep.sum;
    const decisions = JAN_TO_AUG.reduce((t, m) => t + waitingMonth(m).decisions, 0) + sep.count;
    expect(waiting.outcome.monthsUsed).toContain("2019-09");
    expect(waiting.outcome.value).toBeCloseTo(days / decisions, 9);

    // Månadsdata: the ledger's August (not the sheet's edit), and September beside it.
    const monthly = readMonthlySheet((await openWorkbook(out)).readGrid(MONTHLY_SHEET));
    expect(monthly.filter(isTotal("forsorjningsstod", "hushall", "2019-08")).map((r) => r.sum)).toEqual([householdMonth("2019-08").households]);
    expect(monthly.filter((r) => r.source === "vantetider" && r.month === "2019-09").map(line).sort()).toEqual(september.map(line).sort());
  });
});
