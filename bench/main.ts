/**
 * `npm run bench`: generates a 1 000 000-row case list in a temporary folder, then times
 * `bilaga import` (a child process, as a user runs it) and papaparse alone on the same
 * file, and prints rows/s, MB/s, processor time and peak memory (RSS) of each.
 * Goals: the import at 70 % or more of papaparse's throughput; peak memory under 200 MB,
 * whatever the file size: a file three times as large, with a new unit name every 1 000
 * rows, is imported once more for its peak, and so is a payment list of as many rows whose
 * 100 000 households are counted distinctly (memory grows with them, not with rows), and
 * the case list once more read as a slice of a list (delivery "rows": every row kept by key).
 * The two run in turns, BILAGA_BENCH_REPEAT rounds (default 5); the share is taken per round
 * (both ran under the same load) and its median is judged, so a busy machine moves it little.
 * The import reads a file this large in two parts at once where there are two cores
 * (pipeline/ledger/measureFile.ts): its processor time is printed beside papaparse's.
 * BILAGA_BENCH_ROWS changes the file's size. Last, the fill and the board's report (HTML and
 * PDF) of the sample appendix are timed (fillTiming.ts, reportTiming.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPackageRoot } from "../pipeline/ledger/findPackageRoot";
import { generateCaseList } from "./generateCaseList";
import { timeFill } from "./fillTiming";
import { timeReport } from "./reportTiming";
import { timeNight } from "./nightTiming";
import { generatePayments } from "./paymentsMemory";
import { runMeasured, type Run } from "./runMeasured";

const ROWS = Number(process.env["BILAGA_BENCH_ROWS"] ?? 1_000_000);
const REPEAT = Math.max(1, Number(process.env["BILAGA_BENCH_REPEAT"] ?? 5));
const SPEED_GOAL = 0.7;
const MEMORY_GOAL_BYTES = 200e6;
/** Distinct households in the payment list: some 30 times a city's month (Linköping: about 3 000). */
const PAYMENT_HOUSEHOLDS = 100_000;

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
const percent = (share: number): string => `${(share * 100).toFixed(0)} %`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One `bilaga import` of a file into a new ledger; throws when it fails. */
function importOnce(root: string, dir: string, file: string, name: string, extra: readonly string[] = []): Run {
  const run = runMeasured(dir, [join(root, "bin", "bilaga.js"), "import", file, "--ledger", join(dir, `liggare-${name}.sqlite`), ...extra]);
  if (run.status !== 0) throw new Error(`bilaga import misslyckades (kod ${run.status}):\n${run.output}`);
  return run;
}

async function main(): Promise<void> {
  const root = findPackageRoot();
  const dir = mkdtempSync(join(tmpdir(), "bilaga-bench-"));
  try {
    const file = join(dir, "vantetider-2019-06-stor.txt");
    process.stdout.write(`Skapar ${ROWS.toLocaleString("sv-SE")} rader i ${file} ...\n`);
    await generateCaseList(file, ROWS);
    const bytes = statSync(file).size;
    process.stdout.write(`Filen: ${mb(bytes)} MB (UTF-16 LE, tabbavgränsad)\n\n`);

    // Each is run REPEAT times, in turns; every import gets a fresh ledger.
    const runs: { parse: Run[]; imported: Run[] } = { parse: [], imported: [] };
    for (let round = 0; round < REPEAT; round++) {
      const parse = runMeasured(dir, [join(__dirname, "parseOnly.js"), file, "utf16le"]);
      if (parse.status !== 0) throw new Error(`papaparse misslyckades:\n${parse.output}`);
      const imported = importOnce(root, dir, file, String(round));
      runs.parse.push(parse);
      runs.imported.push(imported);
      process.stdout.write(
        `Omgång ${round + 1}: papaparse ${parse.seconds.toFixed(2)} s, bilaga import ${imported.seconds.toFixed(2)} s ` +
          `(${percent(parse.seconds / imported.seconds)})\n`,
      );
    }

    const line = (name: string, list: readonly Run[]): string => {
      const seconds = median(list.map((run) => run.seconds));
      const fastest = Math.min(...list.map((run) => run.seconds));
      const cpu = median(list.map((run) => run.cpuSeconds));
      const peak = Math.max(...list.map((run) => run.peakBytes));
      return (
        `${name.padEnd(16)} ${seconds.toFixed(2).padStart(6)} s ${Math.round(ROWS / seconds).toLocaleString("sv-SE").padStart(10)} rader/s ` +
        `${(bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s   (snabbast ${fastest.toFixed(2)} s)   ` +
        `processortid ${cpu.toFixed(2)} s   topp-RSS ${mb(peak).padStart(6)} MB`
      );
    };
    process.stdout.write(
      `\nMedian av ${REPEAT} omgångar (topp-RSS: högsta):\n` +
        `${line("papaparse ensam", runs.parse)}\n${line("bilaga import", runs.imported)}\n\n`,
    );
    const shares = runs.parse.map((parse, round) => parse.seconds / runs.imported[round]!.seconds);
    const share = median(shares);
    const bestShare = Math.min(...runs.parse.map((run) => run.seconds)) / Math.min(...runs.imported.map((run) => run.seconds));

    // Peak memory must not grow with the file: one import of a file three times as large,
    // its unit names new every 1 000 rows (each is kept for the breakdown)…
    const larger = join(dir, "vantetider-2019-06-storre.txt");
    await generateCaseList(larger, ROWS * 3, { newUnitEvery: 1000 });
    const largerRun = importOnce(root, dir, larger, "storre");
    process.stdout.write(
      `bilaga import av ${(ROWS * 3).toLocaleString("sv-SE")} rader med ${Math.ceil((ROWS * 3) / 1000).toLocaleString("sv-SE")} enheter ` +
        `(${mb(statSync(larger).size)} MB): ${largerRun.seconds.toFixed(2)} s, topp-RSS ${mb(largerRun.peakBytes)} MB\n`,
    );
    rmSync(larger);
    // …and of a payment list whose households are counted distinctly.
    const payments = join(dir, "forsorjningsstod-2019-06-stor.csv");
    await generatePayments(payments, ROWS, PAYMENT_HOUSEHOLDS);
    const paymentsRun = importOnce(root, dir, payments, "utbetalningar");
    process.stdout.write(
      `bilaga import av ${ROWS.toLocaleString("sv-SE")} utbetalningar till ${PAYMENT_HOUSEHOLDS.toLocaleString("sv-SE")} hushåll ` +
        `(${mb(statSync(payments).size)} MB): ${paymentsRun.seconds.toFixed(2)} s, topp-RSS ${mb(paymentsRun.peakBytes)} MB\n\n`,
    );
    rmSync(payments);
    // …and of the case list as a slice of a list ("delivery": { "kind": "rows" }): every row is
    // kept by its keyed hash, through a temporary table, so memory must not grow with rows here either.
    const rowsProfiles = join(dir, "profiler-rows");
    mkdirSync(rowsProfiles);
    const waiting = JSON.parse(readFileSync(join(root, "samples", "config", "profiles", "vantetider.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(rowsProfiles, "vantetider.json"), JSON.stringify({ ...waiting, delivery: { kind: "rows", key: "Ärendenummer" } }));
    const rowsRun = importOnce(root, dir, file, "rader", ["--profiles", rowsProfiles]);
    process.stdout.write(
      `bilaga import av ${ROWS.toLocaleString("sv-SE")} ärenden som delar av en lista (rader efter Ärendenummer): ` +
        `${rowsRun.seconds.toFixed(2)} s, topp-RSS ${mb(rowsRun.peakBytes)} MB\n\n`,
    );
    const peakBytes = Math.max(largerRun.peakBytes, paymentsRun.peakBytes, rowsRun.peakBytes, ...runs.imported.map((run) => run.peakBytes));
    const speedOk = share >= SPEED_GOAL;
    const memoryOk = peakBytes < MEMORY_GOAL_BYTES;
    process.stdout.write(
      `Importens genomströmning i förhållande till papaparse: ${percent(share)} (median per omgång; ` +
        `snabbast mot snabbast ${percent(bestShare)}) (mål ≥ ${percent(SPEED_GOAL)}) ${speedOk ? "OK" : "EJ UPPNÅTT"}\n` +
        `Toppminne för import, alla filerna: ${mb(peakBytes)} MB (mål < ${mb(MEMORY_GOAL_BYTES)} MB) ${memoryOk ? "OK" : "EJ UPPNÅTT"}\n`,
    );
    if (!speedOk || !memoryOk) process.exitCode = 1;

    // bilaga fill on the seed-sized table (goal: well under a second).
    const fill = await timeFill();
    process.stdout.write(`\n${fill.text}`);
    if (!fill.ok) process.exitCode = 1;

    // bilaga report on the seed-sized table, HTML and PDF (goal: well under 5 s).
    const report = await timeReport();
    process.stdout.write(`\n${report.text}`);
    if (!report.ok) process.exitCode = 1;

    // The night run: 15 boards × 12 months, each export read once (issue 14).
    const night = await timeNight();
    process.stdout.write(`\n${night.text}`);
    if (!night.ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
