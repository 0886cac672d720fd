/**
 * Keyed rows: for a source whose files are slices of one list ("delivery": { "kind": "rows" }),
 * what each row adds to each measure, kept per row under the keyed hash of its key column so
 * that a row seen again (in any file) replaces its earlier version. A month's records are then
 * the sum of the rows held for it now, added up exactly as the measurer adds rows (sums in
 * ten-thousandths, records by the same toRecord), so slicing a list into files changes no figure.
 *
 * @example
 * recordsOfRows(profile, "2019-03", [[{ measure: "vantedagar", breakdowns: ["", "enhet=EB Nord"], scaled: 240000 }]])
 * // [{ source: "vantetider", measure: "vantedagar", month: "2019-03", breakdown: "", sum: 24, count: 1 },
 * //  { …, breakdown: "enhet=EB Nord", sum: 24, count: 1 }]
 */
import type { Month, MonthlyRecord } from "../records/records";
import { TOTAL } from "../records/records";
import type { SourceProfile } from "../sources/profile";
import { toRecord } from "./monthTotals";

/** A measure's sums over the rows held, and for a distinct measure their ids' keyed hashes. */
interface RowsAccumulator {
  scaled: number;
  count: number;
  keys: Set<string> | undefined;
}

const newRowsAccumulator = (distinct: boolean): RowsAccumulator => ({ scaled: 0, count: 0, keys: distinct ? new Set() : undefined });

/** What one row adds to one measure: to the total ("") and each of its breakdowns. */
export interface RowFact {
  readonly measure: string;
  /** "" (the total) first, then the row's breakdown keys ("enhet=EB Nord"). */
  readonly breakdowns: readonly string[];
  /** The value in ten-thousandths (sum, duration); 0 for distinct and count. */
  readonly scaled: number;
  /** Keyed hashes of the row's ids (distinct measures). */
  readonly ids?: readonly string[];
}

/** One row of a "rows" delivery: its key (a keyed hash, never the id) and, when it counts, its month. */
export interface KeyedRow {
  readonly key: string;
  /** Absent when a filter left the row out (a pending case): it counts in no month. */
  readonly month?: Month;
  readonly facts: readonly RowFact[];
}

/** The records of one month from the facts of the rows held for it (any order). */
export function recordsOfRows(profile: SourceProfile, month: Month, rows: Iterable<readonly RowFact[]>): MonthlyRecord[] {
  const byMeasure = new Map<string, Map<string, RowsAccumulator>>(
    profile.measures.map((spec) => [spec.id, new Map([[TOTAL, newRowsAccumulator(spec.kind === "distinct")]])]),
  );
  for (const facts of rows) {
    for (const fact of facts) {
      const accumulators = byMeasure.get(fact.measure);
      if (accumulators === undefined) continue; // a measure since removed from the profile
      const distinct = fact.ids !== undefined;
      for (const breakdown of fact.breakdowns) {
        let found = accumulators.get(breakdown);
        if (found === undefined) {
          found = newRowsAccumulator(distinct);
          accumulators.set(breakdown, found);
        }
        found.scaled += fact.scaled;
        found.count++;
        if (found.keys !== undefined) for (const id of fact.ids ?? []) found.keys.add(id);
      }
    }
  }
  const records: MonthlyRecord[] = [];
  for (const spec of profile.measures) {
    const found = [...byMeasure.get(spec.id)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [breakdown, value] of found) records.push(toRecord(profile.id, spec, month, breakdown, value, value.keys === undefined ? [] : [...value.keys]));
  }
  return records;
}
