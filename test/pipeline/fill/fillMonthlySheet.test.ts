// The Månadsdata sheet when `bilaga fill` runs again, end to end through the built CLI
// (node bin/bilaga.js, built by `npm run build:cli`): a re-fill with an earlier, shorter period
// keeps the months the sheet already listed, and a controller's own sheet named "Månadsdata"
// is refused, with the workbook left byte for byte and no output written.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readMonthlySheet } from "../../../core/records/monthlySheet";
import { openWorkbook } from "../../../pipeline/xlsx";
import { householdMonth, monthsOf2019, SAMPLE_EXPORTS } from "../../fixtures/sampleExportFigures";
import { bilaga, requireBuild } from "../cliTestKit";

const ROOT = join(__dirname, "../../..");
const SAMPLE_WORKBOOK = join(ROOT, "samples", "verksamhetsplan-amn-2019.xlsx");

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

beforeAll(requireBuild);

describe("the Månadsdata sheet when a workbook is filled again", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bilaga-monthly-"));
  const workbook = join(cwd, "bilaga.xlsx");
  const exportsDir = join(cwd, "exporter");
  const ledger = join(cwd, "data", "liggare.sqlite");
  const t2 = join(cwd, "bilaga T2.xlsx");
  beforeAll(() => {
    copyFileSync(SAMPLE_WORKBOOK, workbook);
    mkdirSync(exportsDir);
    for (const name of readdirSync(SAMPLE_EXPORTS)) if (monthsOf2019(8).some((m) => name.includes(m))) copyFileSync(join(SAMPLE_EXPORTS, name), join(exportsDir, name));
    const run = bilaga(cwd, "run", "--period", "2019-T2", "--exports", exportsDir, "--workbook", workbook, "--ledger", ledger, "--out", t2);
    if (run.status !== 0) throw new Error(`bilaga run failed: ${run.stderr}`);
  });
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));

  it("re-filling a T2 workbook with --period 2019-T1 keeps May–August in Månadsdata", async () => {
    const t1 = join(cwd, "bilaga T1.xlsx");
    const result = bilaga(cwd, "fill", t2, "--period", "2019-T1", "--ledger", ledger, "--out", t1);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const monthly = readMonthlySheet((await openWorkbook(t1)).readGrid("Månadsdata"));
    const households = monthly.filter((r) => r.source === "forsorjningsstod" && r.measure === "hushall" && r.breakdown === "");
    expect(households.map((r) => r.month)).toEqual(monthsOf2019(8));
    // Each month once, with the figure the file gives (counted independently).
    expect(households.find((r) => r.month === "2019-08")?.sum).toBe(householdMonth("2019-08").households);
  });

  it("refuses a workbook whose own 'Månadsdata' sheet Bilaga did not write: exit 1, workbook byte for byte, no output", async () => {
    const foreign = join(cwd, "egen månadsdata.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(SAMPLE_WORKBOOK);
    const own = book.addWorksheet("Månadsdata");
    own.getCell("A1").value = "Mina anteckningar per månad";
    own.getCell("A2").value = "Januari";
    own.getCell("B2").value = 17;
    await book.xlsx.writeFile(foreign);
    const before = sha(foreign);
    const out = join(cwd, "ska inte finnas.xlsx");

    const result = bilaga(cwd, "fill", foreign, "--period", "2019-T2", "--ledger", ledger, "--out", out);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Arbetsboken har redan ett blad "Månadsdata" som Bilaga inte har skrivit');
    expect(existsSync(out)).toBe(false);
    expect(sha(foreign)).toBe(before);
    expect(readdirSync(cwd).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
