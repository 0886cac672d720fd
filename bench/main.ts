/**
 * `npm run bench`: generates a 1 000 000-row case list and a payment list of as many rows
 * (100 000 households) in a temporary folder (benchFiles.ts), then times, as a user runs them
 * (child processes), in two sections:
 *   - one core (oneCore.ts): `bilaga import`, papaparse alone and DuckDB (read_csv and the same
 *     GROUP BY, its totals checked against the ledger) each pinned with `taskset -c 0`, and the
 *     payment list's import beside DuckDB on the same file (printed, no goal); goals: the import within 2.5 × DuckDB's time, ≥ 85 % of
 *     papaparse's throughput, under 150 MB; the payment list ≥ 50 % of the case list's rows/s;
 *   - two cores (twoCores.ts): the import against papaparse unpinned (goal ≥ 70 %), and peak
 *     memory under 200 MB for a file three times as large, the payment list and the case list
 *     read as slices of a list.
 * Absolute times drift between runs and machines, so every goal is a ratio of runs made in
 * the same round (the same load), BILAGA_BENCH_REPEAT rounds (default 5), judged on the median.
 * BILAGA_BENCH_ROWS changes the files' size. Last, the fill and the board's report (HTML and
 * PDF) of the sample appendix are timed (fillTiming.ts, reportTiming.ts), and a night run of
 * 15 boards (nightTiming.ts). The exit code is 1 when any goal is not met.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPackageRoot } from "../pipeline/ledger/findPackageRoot";
import { prepareBenchFiles, type SectionResult } from "./benchFiles";
import { timeFill } from "./fillTiming";
import { timeOneCore } from "./oneCore";
import { timeReport } from "./reportTiming";
import { timeNight } from "./nightTiming";
import { timeTwoCores } from "./twoCores";

const ROWS = Number(process.env["BILAGA_BENCH_ROWS"] ?? 1_000_000);
const REPEAT = Math.max(1, Number(process.env["BILAGA_BENCH_REPEAT"] ?? 5));
/** Distinct households in the payment list: some 30 times a city's month (Linköping: about 3 000). */
const PAYMENT_HOUSEHOLDS = 100_000;

const write = (text: string): void => {
  process.stdout.write(text);
};

/** Prints a timing's summary; a goal not met makes the bench's exit code 1. */
function judge(result: SectionResult): void {
  write(result.text);
  if (!result.ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  const root = findPackageRoot();
  const dir = mkdtempSync(join(tmpdir(), "bilaga-bench-"));
  try {
    const files = await prepareBenchFiles(root, dir, { rows: ROWS, households: PAYMENT_HOUSEHOLDS, repeat: REPEAT }, write);
    judge(await timeOneCore(files, write));
    write("\n");
    judge(await timeTwoCores(files, write));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The seed-sized table, each timing with its own temporary ledger.
  // bilaga fill (goal: well under a second).
  write("\n");
  judge(await timeFill());
  // bilaga report, HTML and PDF (goal: well under 5 s).
  write("\n");
  judge(await timeReport());
  // The night run: 15 boards × 12 months of all samples' sources, each export read once.
  write("\n");
  judge(await timeNight());
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
