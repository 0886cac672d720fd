// Medians and the small number formats the bench prints (megabytes, shares in per cent, rows/s,
// OK or not, and a step's line of medians over its runs).
import type { Run } from "./runMeasured";

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
export const percent = (share: number): string => `${(share * 100).toFixed(0)} %`;
/**
 * A share judged against a goal: whole per cent, or one decimal where rounding would hide which
 * side of the goal it is on (0.849 against 0.85 is "84.9 %", never "85 %" with "EJ UPPNÅTT").
 */
export const percentAgainst = (share: number, goal: number): string =>
  percent(share) === percent(goal) && share !== goal ? `${(share * 100).toFixed(1)} %` : percent(share);
export const rowsPerSecond = (rows: number, seconds: number): string => Math.round(rows / seconds).toLocaleString("sv-SE");
export const verdict = (ok: boolean): string => (ok ? "OK" : "EJ UPPNÅTT");

/**
 * One step's line of medians over its runs: time, rows/s (and MB/s when the file's bytes are
 * given), the fastest run, processor time, and the highest peak memory of them all.
 */
export function runsLine(name: string, runs: readonly Run[], rows: number, layout: { readonly indent?: string; readonly nameWidth: number; readonly bytes?: number }): string {
  const seconds = median(runs.map((run) => run.seconds));
  const fastest = Math.min(...runs.map((run) => run.seconds));
  const throughput = layout.bytes === undefined ? "" : `${(layout.bytes / 1e6 / seconds).toFixed(1).padStart(6)} MB/s `;
  return (
    `${layout.indent ?? ""}${name.padEnd(layout.nameWidth)} ${seconds.toFixed(2).padStart(6)} s ${rowsPerSecond(rows, seconds).padStart(10)} rader/s ` +
    `${throughput}  (snabbast ${fastest.toFixed(2)} s)   ` +
    `processortid ${median(runs.map((run) => run.cpuSeconds)).toFixed(2)} s   topp-RSS ${mb(Math.max(...runs.map((run) => run.peakBytes))).padStart(6)} MB`
  );
}
