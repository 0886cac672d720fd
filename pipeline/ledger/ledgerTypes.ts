/**
 * What the ledger holds, as plain data: import batches and the coverage of each source.
 */
import type { Month } from "../../core/records/records";

/** One imported file. */
export interface BatchInfo {
  readonly id: number;
  readonly fileName: string;
  readonly sha256: string;
  readonly source: string;
  readonly months: readonly Month[];
  readonly bytes: number;
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  readonly issueCount: number;
  /** ISO 8601, UTC. */
  readonly importedAt: string;
  /** The profile's delivery mode when imported: "one-month", "cumulative", "any", "rows" or "parts". */
  readonly delivery: string;
  /** Months of this batch that a later re-delivery replaced, with the batch that did. */
  readonly replacedMonths: ReadonlyArray<{ readonly month: Month; readonly byBatch: number }>;
  /** Earlier batches this one replaced, per month. */
  readonly replaces: ReadonlyArray<{ readonly month: Month; readonly batch: number }>;
  /** "rows": rows of earlier batches this one replaced by key, per earlier batch and the month they counted in ("" none). */
  readonly replacesRows: ReadonlyArray<{ readonly batch: number; readonly month: Month; readonly rows: number; readonly changed: number }>;
}

/** Which months a source has, from its first to its last, and the months missing between. */
export interface SourceCoverage {
  readonly source: string;
  readonly measures: readonly string[];
  readonly months: readonly Month[];
  readonly gaps: readonly Month[];
}

export interface RecordFilter {
  readonly source?: string;
  readonly measure?: string;
  readonly months?: readonly Month[];
}

/** What one delivery gives one source-month now ("bilaga ledger"). */
export interface MonthContribution {
  readonly source: string;
  readonly month: Month;
  readonly batchId: number;
  readonly fileName: string;
  /** Rows it gives the month now; null when imported before the ledger counted them. */
  readonly rows: number | null;
}
