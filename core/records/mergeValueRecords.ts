/**
 * Combines the yearly value records a Månadsdata sheet keeps (source "kolada" or "manuell")
 * with those read now (Kolada files or the ledger, manual values): per source, measure,
 * breakdown and month the fresh record wins; a kept record nothing fresh replaces stays, so a
 * value is never lost on a re-fill. Records of other sources pass through untouched (their months
 * are merged by replaceDeliveredMonths / mergeSheetMonths). The task pane and the pipeline both
 * merge with this, so they compute the same numbers.
 */
import type { MonthlyRecord } from "./records";
import { VALUE_SOURCES } from "../outcomes/yearlyOutcome";

/** True for a record of a fetched or entered value (Kolada, manual). */
export function isValueRecord(record: MonthlyRecord): boolean {
  return VALUE_SOURCES.includes(record.source);
}

const key = (r: MonthlyRecord): string => `${r.source}\u0000${r.measure}\u0000${r.breakdown}\u0000${r.month}`;

/**
 * @example mergeValueRecords(
 *   [{ source: "manuell", measure: "avi", month: "2019-12", breakdown: "", sum: 110, count: 1 }, hushåll 2019-08],
 *   [{ source: "manuell", measure: "avi", month: "2019-12", breakdown: "", sum: 112, count: 1 }])
 *   // [hushåll 2019-08, { source: "manuell", measure: "avi", …, sum: 112 }]
 */
export function mergeValueRecords(kept: readonly MonthlyRecord[], fresh: readonly MonthlyRecord[]): MonthlyRecord[] {
  const freshValues = fresh.filter(isValueRecord);
  const replaced = new Set(freshValues.map(key));
  return [...kept.filter((r) => !isValueRecord(r) || !replaced.has(key(r))), ...freshValues];
}
