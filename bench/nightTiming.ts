/**
 * The night run at a municipality's size (issue 14): 15 boards (five copies each of the three
 * sample boards' workbooks) over a year of every sample source (makeNightExports: 8 sources ×
 * 12 months), period 2019, as a scheduler runs it (`bilaga run --boards`, a child process,
 * Node's start included): total time and peak memory. Then the same night with one board on
 * the same exports: each export is read once whatever the number of boards, so 15 boards must
 * cost far less than 15 × one board (goal: under half, a ratio from the same run; both nights
 * must read the same rows and every file once).
 *
 * Run alone: `npm run build:cli && node build/bench/nightTiming.js`; `npm run bench` calls it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPackageRoot } from "../pipeline/ledger/findPackageRoot";
import type { NightReport } from "../pipeline/night/nightReport";
import { makeNightExports } from "./makeNightExports";
import { verdict } from "./median";
import { runAlone } from "./runAlone";
import { runMeasured, type Run } from "./runMeasured";

const BOARDS = 15;
/** 15 boards may cost at most this share of 15 separate one-board nights. */
const GOAL_SHARE = 0.5;

const SAMPLE_BOARDS = [
  { name: "Arbetsmarknadsnämnden", workbook: "verksamhetsplan-amn-2019.xlsx", bindings: "config/bindings.json" },
  { name: "Utbildningsnämnden", workbook: "verksamhetsplan-utbildningsnamnden-2019.xlsx", bindings: "config/boards/utbildningsnamnden.json" },
  { name: "Kultur- och fritidsnämnden", workbook: "verksamhetsplan-kultur-och-fritidsnamnden-2019.xlsx", bindings: "config/boards/kultur-och-fritidsnamnden.json" },
] as const;

interface Night {
  readonly run: Run;
  readonly report: NightReport;
  readonly rowsRead: number;
}

/** Writes the night's configuration for `count` boards (workbook copies in `dir`) and runs it measured. */
function runNight(root: string, dir: string, exportsDir: string, count: number): Night {
  const night = join(dir, `natt-${count}`);
  mkdirSync(night, { recursive: true });
  const boards = Array.from({ length: count }, (_, index) => {
    const sample = SAMPLE_BOARDS[index % SAMPLE_BOARDS.length]!;
    const workbook = join(night, `namnd-${String(index + 1).padStart(2, "0")}-${sample.workbook}`);
    copyFileSync(join(root, "samples", sample.workbook), workbook);
    return { name: `${sample.name} ${index + 1}`, workbook, bindings: join(root, "samples", sample.bindings) };
  });
  const config = join(night, "natt.json");
  writeFileSync(config, JSON.stringify({ period: "2019", ledger: join(night, "liggare.sqlite"), exports: exportsDir, outputDir: join(night, "ut"), pdf: "off", boards }, null, 2));
  const run = runMeasured(dir, [join(root, "bin", "bilaga.js"), "run", "--boards", config]);
  if (run.status !== 0) throw new Error(`nattkörningen med ${count} nämnder misslyckades (kod ${run.status}):\n${run.output}`);
  const report = JSON.parse(readFileSync(join(night, "ut", "nattrapport-2019.json"), "utf8")) as NightReport;
  const rowsRead = report.imports.details.reduce((sum, file) => sum + (file.rowsRead ?? 0), 0);
  return { run, report, rowsRead };
}

export async function timeNight(): Promise<{ text: string; ok: boolean }> {
  const root = findPackageRoot();
  const dir = mkdtempSync(join(tmpdir(), "bilaga-bench-natt-"));
  try {
    const exportsDir = join(dir, "exporter");
    const files = makeNightExports(exportsDir);
    const many = runNight(root, dir, exportsDir, BOARDS);
    const one = runNight(root, dir, exportsDir, 1);

    const filled = many.report.summary.filled;
    const onceEach = many.report.imports.files === files && many.report.imports.imported === files && one.report.imports.imported === files;
    const sameRows = many.rowsRead === one.rowsRead;
    const share = many.run.seconds / (BOARDS * one.run.seconds);
    const perBoard = (many.run.seconds - one.run.seconds) / (BOARDS - 1);
    const ok = filled === BOARDS && onceEach && sameRows && share < GOAL_SHARE;
    const mb = (bytes: number): string => String(Math.round(bytes / 1e6));
    const s = (seconds: number): string => `${seconds.toFixed(2).replace(".", ",")} s`;
    const text =
      `Nattkörning, ${BOARDS} nämnder × 12 månader av exemplens ${files / 12} källor (${files} filer, ${many.rowsRead.toLocaleString("sv-SE")} rader), period 2019:\n` +
      `  ${BOARDS} nämnder: ${s(many.run.seconds)}, topp-RSS ${mb(many.run.peakBytes)} MB, processortid ${s(many.run.cpuSeconds)}; ${filled} av ${BOARDS} ifyllda\n` +
      `  1 nämnd, samma exporter: ${s(one.run.seconds)}, topp-RSS ${mb(one.run.peakBytes)} MB\n` +
      `  varje fil lästes en gång: ${onceEach ? "ja" : "NEJ"} (${many.report.imports.imported} inlästa med ${BOARDS} nämnder, ${one.report.imports.imported} med 1); ` +
      `samma rader lästa: ${sameRows ? "ja" : "NEJ"}\n` +
      `  ${BOARDS} nämnder / 1 nämnd: ${(many.run.seconds / one.run.seconds).toFixed(1).replace(".", ",")} × (${BOARDS} separata körningar: ${BOARDS} ×); ` +
      `andel av ${BOARDS} separata: ${Math.round(share * 100)} % (mål < ${Math.round(GOAL_SHARE * 100)} %) ${verdict(ok)}\n` +
      `  varje nämnd till kostar ungefär ${s(perBoard)} (fyllning och rapport); inläsningen görs en gång\n`;
    return { text, ok };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runAlone(timeNight);
