/**
 * `npm run bench`: generates a 1 000 000-row case list in a temporary folder, then times
 * `bilaga import` (a child process, as a user runs it) and papaparse alone on the same
 * file, and prints rows/s, MB/s and peak memory (RSS) of each.
 * Goals: the import at 70 % or more of papaparse's throughput; peak memory under 200 MB.
 * BILAGA_BENCH_ROWS and BILAGA_BENCH_REPEAT (default 3, the fastest counts) change the run.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findPackageRoot } from "../pipeline/ledger/findPackageRoot";
import { generateCaseList } from "./generateCaseList";
import { timeFill } from "./fillTiming";

const ROWS = Number(process.env["BILAGA_BENCH_ROWS"] ?? 1_000_000);
const REPEAT = Math.max(1, Number(process.env["BILAGA_BENCH_REPEAT"] ?? 3));

interface Run {
  readonly seconds: number;
  readonly peakBytes: number;
  readonly status: number | null;
  readonly output: string;
}

function measure(dir: string, args: readonly string[]): Run {
  const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
  const preload = join(__dirname, "reportPeak.js");
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", preload, ...args], {
    env: { ...process.env, BILAGA_BENCH_PEAK_FILE: peakFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let peakBytes = Number.NaN;
  try {
    peakBytes = Number(readFileSync(peakFile, "utf8"));
  } catch {
    // the child died before it could report
  }
  return { seconds, peakBytes, status: child.status, output: `${child.stdout}${child.stderr}` };
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

async function main(): Promise<void> {
  const root = findPackageRoot();
  const dir = mkdtempSync(join(tmpdir(), "bilaga-bench-"));
  try {
    const file = join(dir, "vantetider-2019-06-stor.txt");
    process.stdout.write(`Skapar ${ROWS.toLocaleString("sv-SE")} rader i ${file} ...\n`);
    await generateCaseList(file, ROWS);
    const bytes = statSync(file).size;
    process.stdout.write(`Filen: ${mb(bytes)} MB (UTF-16 LE, tabbavgränsad)\n\n`);

    // Each is run REPEAT times, alternating, and the fastest run counts (the machine may be busy);
    // the peak memory is the highest seen. Every import gets a fresh ledger.
    const runs: { parse: Run[]; imported: Run[] } = { parse: [], imported: [] };
    for (let round = 0; round < REPEAT; round++) {
      const parse = measure(dir, [join(__dirname, "parseOnly.js"), file, "utf16le"]);
      if (parse.status !== 0) throw new Error(`papaparse misslyckades:\n${parse.output}`);
      const ledger = join(dir, `liggare-${round}.sqlite`);
      const imported = measure(dir, [join(root, "bin", "bilaga.js"), "import", file, "--ledger", ledger]);
      if (imported.status !== 0) throw new Error(`bilaga import misslyckades (kod ${imported.status}):\n${imported.output}`);
      runs.parse.push(parse);
      runs.imported.push(imported);
    }
    const best = (list: Run[]): Run => ({
      ...list.reduce((a, b) => (b.seconds < a.seconds ? b : a)),
      peakBytes: Math.max(...list.map((r) => r.peakBytes)),
    });
    const parse = best(runs.parse);
    const imported = best(runs.imported);
    process.stdout.write(`Bästa av ${REPEAT} körningar var:\n`);

    const line = (name: string, run: Run): string =>
      `${name.padEnd(22)} ${run.seconds.toFixed(2).padStart(7)} s ${Math.round(ROWS / run.seconds).toLocaleString("sv-SE").padStart(12)} rader/s ` +
      `${(bytes / 1e6 / run.seconds).toFixed(1).padStart(7)} MB/s   topp-RSS ${mb(run.peakBytes).padStart(6)} MB`;
    process.stdout.write(`${line("papaparse ensam", parse)}\n${line("bilaga import", imported)}\n\n`);
    const share = parse.seconds / imported.seconds;
    const speedOk = share >= 0.7;
    const memoryOk = imported.peakBytes < 200e6;
    process.stdout.write(
      `Import i förhållande till papaparse: ${(share * 100).toFixed(0)} % (mål ≥ 70 %) ${speedOk ? "OK" : "EJ UPPNÅTT"}\n` +
        `Toppminne för import: ${mb(imported.peakBytes)} MB (mål < 200 MB) ${memoryOk ? "OK" : "EJ UPPNÅTT"}\n`,
    );
    if (!speedOk || !memoryOk) process.exitCode = 1;

    // bilaga fill on the seed-sized table (goal: well under a second).
    const fill = await timeFill();
    process.stdout.write(`\n${fill.text}`);
    if (!fill.ok) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
