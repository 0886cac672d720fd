/**
 * What a file's accepted rows add up to, per month and measure: the total and each
 * breakdown's sum (in whole ten-thousandths), row count and, for a distinct measure, the set
 * of its ids (numbered by the measurer's interner, hashed only when records are made). Totals
 * of two stretches of one file, measured apart (the pipeline reads a large file in parts, in
 * parallel), merge into what one pass over the file gives: sums and counts add, id sets unite
 * (renumbered into the receiving interner). Plain data, so a part crosses a worker boundary as is.
 *
 * @example
 * const into = newMonthTotals([false], 2);   // one sum measure, first row on line 2
 * mergeMonthTotals(into, other, 50_000);     // other's lines were counted from its own start, it has no ids
 */
import type { MeasureSpec } from "../sources/profile";
import type { Month, MonthlyRecord } from "../records/records";
import { addAllIds, newIdSet, type IdSet } from "./idSet";

/** Sums are kept as whole ten-thousandths, so a total never depends on the order rows are added in. */
export const SCALE = 10_000;

export interface Accumulator {
  /** Sum in ten-thousandths (distinct measures: unused, the number of ids is the sum). */
  scaled: number;
  count: number;
  ids: IdSet | undefined;
}

export interface MeasureTotals {
  readonly total: Accumulator;
  readonly breakdowns: Map<string, Accumulator>;
}

/** One month's accepted rows, and the lowest line of one (to point at a month that does not belong). */
export interface MonthTotals {
  rows: number;
  firstLine: number;
  /** Values of the profile's part column ("parts" deliveries: the units the file holds for the month). */
  parts: Set<string> | undefined;
  /** In the profile's order of measures. */
  readonly measures: readonly MeasureTotals[];
}

export type TotalsByMonth = Map<Month, MonthTotals>;

export function newAccumulator(distinct: boolean): Accumulator {
  return { scaled: 0, count: 0, ids: distinct ? newIdSet() : undefined };
}

/** Empty totals for a month first seen on `line`; `distinct` tells, per measure, whether it counts keys. */
export function newMonthTotals(distinct: readonly boolean[], line: number, withParts = false): MonthTotals {
  return {
    rows: 0,
    firstLine: line,
    parts: withParts ? new Set() : undefined,
    measures: distinct.map((isDistinct) => ({ total: newAccumulator(isDistinct), breakdowns: new Map() })),
  };
}

function mergeAccumulator(into: Accumulator, from: Accumulator, renumber: (id: number) => number): void {
  into.scaled += from.scaled;
  into.count += from.count;
  if (into.ids !== undefined && from.ids !== undefined) addAllIds(into.ids, from.ids, renumber);
}

/**
 * Adds `from` (a later stretch of the file, its lines counted from its own start) into `into`;
 * `renumber` takes an id of the stretch's interner to the receiving one's.
 */
export function mergeMonthTotals(into: TotalsByMonth, from: TotalsByMonth, lineOffset: number, renumber: (id: number) => number = (id) => id): void {
  for (const [month, part] of from) {
    const shifted = part.firstLine + lineOffset;
    let held = into.get(month);
    if (held === undefined) {
      held = newMonthTotals(part.measures.map((measure) => measure.total.ids !== undefined), shifted, part.parts !== undefined);
      into.set(month, held);
    }
    held.rows += part.rows;
    held.firstLine = Math.min(held.firstLine, shifted);
    if (held.parts !== undefined && part.parts !== undefined) for (const value of part.parts) held.parts.add(value);
    part.measures.forEach((measure, index) => {
      const target = held.measures[index]!;
      mergeAccumulator(target.total, measure.total, renumber);
      for (const [key, value] of measure.breakdowns) {
        let found = target.breakdowns.get(key);
        if (found === undefined) {
          found = newAccumulator(value.ids !== undefined);
          target.breakdowns.set(key, found);
        }
        mergeAccumulator(found, value, renumber);
      }
    });
  }
}

/**
 * The record of one measure, month and breakdown from its sums and count; a distinct measure's
 * from the keyed hashes of its ids (sum = how many), which it sorts in place and keeps.
 */
export function toRecord(
  source: string,
  spec: MeasureSpec,
  month: Month,
  breakdown: string,
  value: { readonly scaled: number; readonly count: number },
  hashedIds: string[] = [],
): MonthlyRecord {
  const base = { source, measure: spec.id, month, breakdown };
  switch (spec.kind) {
    case "distinct": {
      const keys = hashedIds.sort();
      return { ...base, sum: keys.length, count: value.count, keys };
    }
    case "count":
      return { ...base, sum: value.count, count: value.count };
    case "sum":
    case "duration":
      return { ...base, sum: value.scaled / SCALE, count: value.count };
  }
}
