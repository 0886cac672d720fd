/**
 * Runs a node script as a child process, as a user runs a command, and measures it: wall
 * time, and through reportPeak.ts (preloaded) its peak memory and processor time.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface Run {
  readonly seconds: number;
  readonly peakBytes: number;
  /** User + system time of all the process's threads. */
  readonly cpuSeconds: number;
  readonly status: number | null;
  readonly output: string;
}

/** Runs `node -r reportPeak.js ...args`; `dir` holds the file the child reports to. */
export function runMeasured(dir: string, args: readonly string[]): Run {
  const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
  const preload = join(__dirname, "reportPeak.js");
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["-r", preload, ...args], {
    env: { ...process.env, BILAGA_BENCH_PEAK_FILE: peakFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let usage = { peakBytes: Number.NaN, cpuSeconds: Number.NaN };
  try {
    usage = JSON.parse(readFileSync(peakFile, "utf8")) as typeof usage;
  } catch {
    // the child died before it could report
  }
  return { seconds, ...usage, status: child.status, output: `${child.stdout}${child.stderr}` };
}
