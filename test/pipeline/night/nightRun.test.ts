// The night run on the three sample boards, from the built command line as a scheduler runs it
// (issue 14): each board's workbook equals a single-board fill on the same ledger, a broken
// board fails alone, the same night twice changes nothing, and each export is read once.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { bilaga, requireBuild } from "../cliTestKit";
import { ledgerSum } from "../../fixtures/staffAndFinanceFigures";
import { monthsOf2019 } from "../../fixtures/sampleExportFigures";
import { ledgerContents, packageParts, SAMPLE_BOARDS, SAMPLES, workbookValues, writeNightConfig, type BoardEntry } from "./nightKit";

interface ReportedRow {
  name: string;
  cell: string;
  outcome: { value: number; text: string } | null;
  status: string;
}
interface NightReport {
  status: string;
  exitCode: number;
  imports: { files: number; imported: number; unchanged: number; rejected: number; details: { file: string; kind: string }[] };
  stopped: string | null;
  summary: { boards: number; filled: number; failed: number; failedBoards: string[] };
  boards: {
    name: string;
    status: string;
    workbook: { input: string; output: string | null };
    failure: { stage: string; message: string; issues: { message: string }[] } | null;
    report: { rows: ReportedRow[] } | null;
  }[];
}

const readReport = (dir: string): NightReport => JSON.parse(readFileSync(join(dir, "ut", "nattrapport-2019-T2.json"), "utf8"));
const outputOf = (dir: string, workbook: string): string => join(dir, "ut", `${workbook.replace(/^.*\//, "").replace(/\.xlsx$/, "")} utfall 2019-T2.xlsx`);
const EXPORT_FILES = readdirSync(join(SAMPLES, "exports")).filter((name) => /\.(csv|txt|tsv)$/.test(name));

let root = "";
/** The night on the three sample boards, run once for the tests below. */
let clean = "";

beforeAll(() => {
  requireBuild();
  root = mkdtempSync(join(tmpdir(), "bilaga-natt-"));
  clean = join(root, "clean");
  mkdirSync(clean);
  // One board names the shared folder again as its own: still read once.
  const boards = SAMPLE_BOARDS.map((b, i) => (i === 1 ? { ...b, exports: join(SAMPLES, "exports") } : b));
  writeNightConfig(clean, boards);
  const run = bilaga(clean, "run", "--boards", "natt.json");
  if (run.status !== 0) throw new Error(`the night failed: ${run.status}\n${run.stdout}\n${run.stderr}`);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("bilaga run --boards on the samples", () => {
  it("reads each export once, whatever number of boards use it, and fills every board", () => {
    const report = readReport(clean);
    expect(report).toMatchObject({ status: "filled", exitCode: 0, stopped: null, summary: { boards: 3, filled: 3, failed: 0 } });
    expect(report.imports.files).toBe(EXPORT_FILES.length);
    expect(report.imports.imported).toBe(EXPORT_FILES.length);
    const files = report.imports.details.map((d) => basename(d.file)).sort();
    expect(files).toEqual([...EXPORT_FILES].sort());
    expect(new Set(files).size).toBe(files.length);
    for (const board of SAMPLE_BOARDS) expect(existsSync(outputOf(clean, board.workbook))).toBe(true);
  });

  it("writes each board's workbook exactly as a single-board fill from the same ledger", async () => {
    const ledger = join(clean, "data", "liggare.sqlite");
    for (const board of SAMPLE_BOARDS) {
      const single = join(clean, `ensam-${board.name}.xlsx`);
      const args = ["fill", board.workbook, "--period", "2019-T2", "--ledger", ledger, "--bindings", board.bindings, "--out", single];
      const run = bilaga(clean, ...args, ...(board.sheet === undefined ? [] : ["--sheet", board.sheet]));
      expect(run.status).toBe(0);
      expect(await workbookValues(outputOf(clean, board.workbook))).toEqual(await workbookValues(single));
    }
  });

  it("fills the other boards from their own administration's rows of the shared exports (a plain loop over the files)", () => {
    const months = monthsOf2019(8);
    const sickLeave = (administration: string, gender?: "K" | "M"): number => {
      let sick = 0;
      let scheduled = 0;
      for (const month of months) {
        const lines = readFileSync(join(SAMPLES, "exports", `sjukfranvaro-${month}.csv`), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l !== "");
        const header = lines[0]!.split(";");
        const at = (name: string): number => header.indexOf(name);
        for (const line of lines.slice(1)) {
          const cells = line.split(";");
          if (cells[at("Förvaltning")] !== administration) continue;
          if (gender !== undefined && cells[at("Kön")]![0] !== gender) continue;
          const hours = (text: string): number => Number(text.replace(/[\s\u00a0]/g, "").replace(",", ".") || "0");
          sick += hours(cells[at("Sjukfrånvarotimmar")]!);
          scheduled += hours(cells[at("Ordinarie arbetstid timmar")]!);
        }
      }
      return (sick / scheduled) * 100;
    };
    const report = readReport(clean);
    const rows = (name: string): ReportedRow[] => report.boards.find((b) => b.name === name)!.report!.rows;
    const value = (board: string, row: string): number => rows(board).find((r) => r.name === row)!.outcome!.value;
    for (const [board, administration, code] of [
      ["Utbildningsnämnden", "Utbildningsförvaltningen", "UTBF"],
      ["Kultur- och fritidsnämnden", "Kultur- och fritidsförvaltningen", "KFF"],
    ] as const) {
      expect(value(board, "Sjukfrånvaro (%)")).toBeCloseTo(sickLeave(administration), 9);
      expect(value(board, "Sjukfrånvaro (%) – Kvinnor")).toBeCloseTo(sickLeave(administration, "K"), 9);
      expect(value(board, "Sjukfrånvaro (%) – Män")).toBeCloseTo(sickLeave(administration, "M"), 9);
      const budget = ledgerSum(months, "Budget", { administration: code });
      expect(value(board, "Avvikelse från budget, i %")).toBeCloseTo(((budget - ledgerSum(months, "Utfall", { administration: code })) / budget) * 100, 9);
      const premises = ledgerSum(months, "Utfall", { administration: code, accounts: [6100, 6199] }) / ledgerSum(months, "Utfall", { administration: code, accounts: [4000, 7999] });
      expect(value(board, "Lokalernas andel av totala kostnaden (%)")).toBeCloseTo(premises * 100, 9);
    }
    // The boards' figures are not Arbetsmarknadsförvaltningen's.
    expect(value("Utbildningsnämnden", "Sjukfrånvaro (%)")).not.toBeCloseTo(sickLeave("Arbetsmarknadsförvaltningen"), 3);
  });

  it("changes nothing the second time: every file already read, the same ledger, the same cell values", async () => {
    const again = join(root, "again");
    mkdirSync(again);
    writeNightConfig(again, SAMPLE_BOARDS);
    expect(bilaga(again, "run", "--boards", "natt.json").status).toBe(0);
    const ledger = join(again, "data", "liggare.sqlite");
    const before = ledgerContents(ledger);
    const first = await Promise.all(SAMPLE_BOARDS.map((b) => workbookValues(outputOf(again, b.workbook))));
    const firstParts = await Promise.all(SAMPLE_BOARDS.map((b) => packageParts(outputOf(again, b.workbook))));

    const second = bilaga(again, "run", "--boards", "natt.json");
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`Inläsning: ${EXPORT_FILES.length} filer: 0 inlästa, ${EXPORT_FILES.length} redan inlästa, 0 avvisade`);
    expect(readReport(again).imports.details.every((d) => d.kind === "unchanged")).toBe(true);
    expect(ledgerContents(ledger)).toEqual(before);
    expect(await Promise.all(SAMPLE_BOARDS.map((b) => workbookValues(outputOf(again, b.workbook))))).toEqual(first);
    // Not only the values: every part of each package is the same (the zip's timestamps aside).
    expect(await Promise.all(SAMPLE_BOARDS.map((b) => packageParts(outputOf(again, b.workbook))))).toEqual(firstParts);
  });
});

describe("a board that fails", () => {
  it("leaves the other boards' outputs right, its own unwritten, the ledger whole, and says which and why (exit 5)", async () => {
    const dir = join(root, "broken");
    mkdirSync(join(dir, "data"), { recursive: true });
    // The same key as the clean night's ledger, so the two ledgers' keyed hashes compare.
    copyFileSync(join(clean, "data", "liggare.sqlite.key"), join(dir, "data", "liggare.sqlite.key"));
    writeFileSync(join(dir, "trasig.xlsx"), "det här är ingen arbetsbok\n");
    const corrupt = readFileSync(join(dir, "trasig.xlsx"));
    // A real workbook read where it has no indicator table: the culture board's workbook with
    // its cover sheet named as the table's sheet.
    const broken: BoardEntry[] = [
      { name: "Trasiga nämnden", workbook: join(dir, "trasig.xlsx"), bindings: SAMPLE_BOARDS[0]!.bindings },
      { ...SAMPLE_BOARDS[2]!, name: "Nämnden utan tabell", sheet: "Försättsblad", output: join(dir, "ut-utan-tabell", "utan tabell.xlsx") },
    ];
    // Bindings that name a measure no profile has: refused before the import.
    writeFileSync(join(dir, "fel.json"), JSON.stringify({ bindings: [{ indicator: "Sjukfrånvaro (%)", measure: { source: "sjukfranvaro", measure: "sjuktimar" }, combine: "sum" }] }));
    broken.push({ ...SAMPLE_BOARDS[1]!, name: "Felkopplade nämnden", bindings: join(dir, "fel.json"), output: join(dir, "ut-fel", "fel.xlsx") });
    writeNightConfig(dir, [SAMPLE_BOARDS[0]!, broken[0]!, SAMPLE_BOARDS[1]!, broken[1]!, SAMPLE_BOARDS[2]!, broken[2]!]);
    const run = bilaga(dir, "run", "--boards", "natt.json");

    expect(run.status).toBe(5);
    expect(run.stdout).toContain("✗ Trasiga nämnden: INTE IFYLLD");
    expect(run.stdout).toContain("✗ Nämnden utan tabell: INTE IFYLLD");
    expect(run.stdout).toContain("Slutkod: 5");
    expect(run.stderr).toContain("Nämnden Trasiga nämnden kunde inte fyllas i");
    const report = readReport(dir);
    expect(report).toMatchObject({
      status: "boards-failed",
      exitCode: 5,
      summary: { boards: 6, filled: 3, failed: 3, failedBoards: ["Trasiga nämnden", "Nämnden utan tabell", "Felkopplade nämnden"] },
    });
    const failure = (name: string): string => {
      const board = report.boards.find((b) => b.name === name)!;
      expect(board).toMatchObject({ status: "failed", workbook: { output: null }, report: null });
      return [board.failure!.message, ...board.failure!.issues.map((i) => i.message)].join("\n");
    };
    expect(failure("Trasiga nämnden")).toContain("Filen är ingen Excel-arbetsbok");
    expect(failure("Nämnden utan tabell")).toMatch(/rubrikrad|tabell/i);
    expect(failure("Felkopplade nämnden")).toContain('Måttet "sjukfranvaro/sjuktimar" finns inte i någon källprofil');
    expect(report.boards.map((b) => b.failure?.stage ?? null)).toEqual([null, "workbook", null, "workbook", null, "configuration"]);
    expect(existsSync(join(dir, "ut-fel"))).toBe(false);

    expect(existsSync(join(dir, "ut", "trasig utfall 2019-T2.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "ut-utan-tabell"))).toBe(false);
    expect(readFileSync(join(dir, "trasig.xlsx"))).toEqual(corrupt);
    for (const board of SAMPLE_BOARDS) {
      expect(await workbookValues(outputOf(dir, board.workbook))).toEqual(await workbookValues(outputOf(clean, board.workbook)));
    }
    expect(ledgerContents(join(dir, "data", "liggare.sqlite"))).toEqual(ledgerContents(join(clean, "data", "liggare.sqlite")));
  });

  it("a rejected export stops the import for every board: nothing read in, no workbook written (exit 1)", () => {
    const dir = join(root, "rejected");
    mkdirSync(join(dir, "egna"), { recursive: true });
    // A case-system export of one board's own with a text where a number belongs.
    copyFileSync(join(SAMPLES, "..", "test", "fixtures", "csv", "bad-text-in-number-column.csv"), join(dir, "egna", "sjukfranvaro-2019-09.csv"));
    writeNightConfig(dir, [SAMPLE_BOARDS[0]!, { ...SAMPLE_BOARDS[1]!, exports: "egna" }, SAMPLE_BOARDS[2]!]);
    const run = bilaga(dir, "run", "--boards", "natt.json");

    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Avvisad: egna/sjukfranvaro-2019-09.csv");
    const report = readReport(dir);
    expect(report).toMatchObject({ status: "rejected", exitCode: 1, imports: { rejected: 1 } });
    expect(report.stopped).toContain("Liggaren är oförändrad");
    expect(report.boards.map((b) => b.status)).toEqual(["not-run", "not-run", "not-run"]);
    expect(existsSync(join(dir, "data", "liggare.sqlite"))).toBe(false);
    expect(readdirSync(join(dir, "ut")).filter((name) => name.endsWith(".xlsx"))).toEqual([]);
  });
});
