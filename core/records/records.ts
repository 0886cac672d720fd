/**
 * MonthlyRecord: what one export says about one measure, one month and one breakdown,
 * in a form that combines across months (sums and counts; never an average).
 * The ledger (pipeline) and the Månadsdata sheet (add-in) keep the same records.
 */

/** A calendar month as "YYYY-MM". */
export type Month = string;

export interface MonthlyRecord {
  /** Source profile id, e.g. "forsorjningsstod". */
  readonly source: string;
  /** Measure id within the source, e.g. "hushall". */
  readonly measure: string;
  readonly month: Month;
  /** "" for the total; otherwise "dimension=value" pairs joined by "&", sorted: "kon=K", "enhet=JKT&kon=M". */
  readonly breakdown: string;
  /** Sum of the measured quantity (households counted, sick hours, waiting days). */
  readonly sum: number;
  /** Number of records summed (payments, decisions), so a mean is sum / count over any period. */
  readonly count: number;
  /**
   * Keyed hashes (HMAC) of the distinct ids behind a distinct-count measure, so that
   * distinct counts over several months can be computed. Never an identity number in clear.
   */
  readonly keys?: readonly string[];
}

/** The breakdown key for the total. */
export const TOTAL = "";

/** Builds a breakdown key from dimension values, in a stable order. */
export function breakdownKey(parts: Readonly<Record<string, string>>): string {
  return Object.keys(parts)
    .sort()
    .map((dimension) => `${dimension}=${parts[dimension] ?? ""}`)
    .join("&");
}
