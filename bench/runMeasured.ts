/**
 * Runs a node script as a child process, as a user runs a command, and measures it: wall
 * time, and through reportPeak.ts (preloaded) its peak memory and processor time. Pinned,
 * the child runs under `taskset -c 0`: it and all its threads share the first core only.
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
  /** What the child wrote on stdout. */
  readonly stdout: string;
  /** stdout and stderr together, for an error message. */
  readonly output: string;
}

export interface MeasureOptions {
  /** Run under `taskset -c 0` (check `canPinToOneCore()` first). */
  readonly pinned?: boolean;
}

/** True when `taskset` exists here and may pin a process to core 0. */
export function canPinToOneCore(): boolean {
  const probe = spawnSync("taskset", ["-c", "0", process.execPath, "-e", ""], { encoding: "utf8" });
  return probe.error === undefined && probe.status === 0;
}

/** Runs `node -r reportPeak.js ...args` (under `taskset -c 0` when pinned); `dir` holds the file the child reports to. */
export function runMeasured(dir: string, args: readonly string[], options: MeasureOptions = {}): Run {
  const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
  const preload = join(__dirname, "reportPeak.js");
  const node = [process.execPath, "-r", preload, ...args];
  const [command, ...commandArgs] = options.pinned ? ["taskset", "-c", "0", ...node] : node;
  const started = process.hrtime.bigint();
  const child = spawnSync(command!, commandArgs, {
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
  return { seconds, ...usage, status: child.status, stdout: child.stdout, output: `${child.stdout}${child.stderr}` };
}
