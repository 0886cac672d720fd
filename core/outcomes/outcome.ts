/**
 * Outcome types: the measured value of one indicator row for a period, with the months it
 * rests on and the monthly series behind it (what the Månadsdata sheet shows).
 */
import type { Issue } from "../issues/issues";
import type { Quantity } from "../model";
import type { Month } from "../records/records";

/**
 * How the months of a period combine into one outcome.
 * - mean-of-months: the mean of the months' sums (households "i snitt per månad")
 * - sum: the sum over the months (counts over the year)
 * - latest: the last month's sum (point-in-time counts, "aktuell > 2 år")
 * - ratio-of-sums: Σ numerator sums / Σ denominator sums × scale (sick leave %, never a mean of percentages)
 * - mean-of-records: Σ sum / Σ count (waiting days: mean over the decisions made in the period)
 */
export type Combine = "mean-of-months" | "sum" | "latest" | "ratio-of-sums" | "mean-of-records";

export const COMBINES = ["mean-of-months", "sum", "latest", "ratio-of-sums", "mean-of-records"] as const satisfies readonly Combine[];

/** How an outcome was computed: a combine kind, or "formula" (named totals in a formula, core/outcomes/formula.ts). */
export type OutcomeCombine = Combine | "formula";

/** Which records feed a row: one measure of one source, one breakdown ("" = total, "kon=K"). */
export interface MeasureRef {
  readonly source: string;
  readonly measure: string;
  readonly breakdown: string;
}

/** One month behind an outcome: the summed records (and the denominator's, for ratio-of-sums). */
export interface MonthPoint {
  readonly month: Month;
  readonly sum: number;
  readonly count: number;
  /** Denominator sum, for ratio-of-sums. */
  readonly denominator?: number;
}

export interface Outcome {
  readonly quantity: Quantity;
  readonly combine: OutcomeCombine;
  /** The months the outcome rests on, in order. */
  readonly monthsUsed: readonly Month[];
  /** Months of the period with no data; reported as period/missing-month, never silently skipped. */
  readonly missingMonths: readonly Month[];
  /** The monthly series behind the outcome, one point per month used, in order (empty for a formula: see terms). */
  readonly series: readonly MonthPoint[];
  /** For a formula: the formula as written and each named total it used for the period. */
  readonly formula?: { readonly text: string; readonly terms: Readonly<Record<string, number>> };
}

export interface OutcomeResult {
  /** Undefined when no month of the period has data (or a mean has nothing to divide by). */
  readonly outcome: Outcome | undefined;
  readonly issues: readonly Issue[];
}
