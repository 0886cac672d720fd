// Medians and the small number formats the bench prints (megabytes, shares in per cent, rows/s, OK or not).

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);
export const percent = (share: number): string => `${(share * 100).toFixed(0)} %`;
export const rowsPerSecond = (rows: number, seconds: number): string => Math.round(rows / seconds).toLocaleString("sv-SE");
export const verdict = (ok: boolean): string => (ok ? "OK" : "EJ UPPNÅTT");
