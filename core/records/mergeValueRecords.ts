/**
 * Combines the yearly value records a Månadsdata sheet keeps (source "kolada" or "manuell")
 * with those read now (Kolada files or the ledger, manual values): per source, measure,
 * breakdown and month the fresh record wins; a kept record nothing fresh replaces stays, so a
 * value is never lost on a re-fill. Among the fresh records of one key the last given wins (as the
 * ledger's upsert), and one that differs is reported (kolada/changed; manual records arrive one
 * per key, currentManualValues). Records of other sources pass through untouched (their months
 * are merged by replaceDeliveredMonths / mergeSheetMonths). The task pane and the pipeline both
 * merge with this, so they compute the same numbers.
 */
import type { MonthlyRecord } from "./records";
import { VALUE_SOURCES } from "../outcomes/yearlyOutcome";
import { issue, type Issue } from "../issues/issues";
import { municipalityOf } from "../sources/koladaValues";

/** True for a record of a fetched or entered value (Kolada, manual). */
export function isValueRecord(record: MonthlyRecord): boolean {
  return VALUE_SOURCES.includes(record.source);
}

const key = (r: MonthlyRecord): string => `${r.source}\u0000${r.measure}\u0000${r.breakdown}\u0000${r.month}`;

export interface ValueMergeOptions {
  /** Where a fresh record was read from (a file's name), for the message when two disagree. */
  readonly originOf?: (record: MonthlyRecord) => string | undefined;
  /** Receives one kolada/changed warning per fresh record replaced by a later fresh one with another value. */
  readonly issues?: Issue[];
}

/** The gender a Kolada breakdown names: "K", "M", or "T" for the total. */
const genderOf = (breakdown: string): string => /(?:^|&)kon=([^&]*)/.exec(breakdown)?.[1] ?? "T";

/**
 * @example mergeValueRecords(
 *   [{ source: "manuell", measure: "avi", month: "2019-12", breakdown: "", sum: 110, count: 1 }, hushåll 2019-08],
 *   [{ source: "manuell", measure: "avi", month: "2019-12", breakdown: "", sum: 112, count: 1 }])
 *   // [hushåll 2019-08, { source: "manuell", measure: "avi", …, sum: 112 }]
 */
export function mergeValueRecords(kept: readonly MonthlyRecord[], fresh: readonly MonthlyRecord[], options: ValueMergeOptions = {}): MonthlyRecord[] {
  // One fresh record per key, the last given winning (as the ledger's upsert): the same response
  // saved twice ("N00011.json", "N00011 (1).json") must not be summed into the outcome.
  const latest = new Map<string, MonthlyRecord>();
  for (const record of fresh.filter(isValueRecord)) {
    const earlier = latest.get(key(record));
    if (earlier !== undefined && (earlier.sum !== record.sum || earlier.count !== record.count)) {
      const [oldFile, newFile] = [options.originOf?.(earlier), options.originOf?.(record)];
      options.issues?.push(
        issue("kolada/changed", "warning", {
          ...(newFile !== undefined && { file: newFile }),
          params: {
            kpi: record.measure,
            municipality: municipalityOf(record.breakdown) ?? record.breakdown,
            year: record.month.slice(0, 4),
            gender: genderOf(record.breakdown),
            old: earlier.sum,
            new: record.sum,
            ...(oldFile !== undefined && { oldFile }),
            ...(newFile !== undefined && { newFile }),
          },
        }),
      );
    }
    latest.delete(key(record));
    latest.set(key(record), record);
  }
  const freshValues = [...latest.values()];
  return [...kept.filter((r) => !isValueRecord(r) || !latest.has(key(r))), ...freshValues];
}
