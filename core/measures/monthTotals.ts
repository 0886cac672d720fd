/**
 * What a file's accepted rows add up to, per month and measure: the total and each
 * breakdown's sum (in whole ten-thousandths), row count and, for a distinct measure, the set
 * of keyed hashes. Totals of two stretches of one file, measured apart (the pipeline reads a
 * large file in parts, in parallel), merge into what one pass over the file gives: sums and
 * counts add, key sets unite. Maps and Sets only, so a part crosses a worker boundary as is.
 *
 * @example
 * const into = newMonthTotals([false], 2);   // one sum measure, first row on line 2
 * mergeMonthTotals(into, other, 50_000);     // other's lines were counted from its own start
 */
import type { MeasureSpec } from "../sources/profile";
import type { Month, MonthlyRecord } from "../records/records";

/** Sums are kept as whole ten-thousandths, so a total never depends on the order rows are added in. */
export const SCALE = 10_000;

export interface Accumulator {
  /** Sum in ten-thousandths (distinct measures: unused, the size of keys is the sum). */
  scaled: number;
  count: number;
  keys: Set<string> | undefined;
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
  return { scaled: 0, count: 0, keys: distinct ? new Set() : undefined };
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

function mergeAccumulator(into: Accumulator, from: Accumulator): void {
  into.scaled += from.scaled;
  into.count += from.count;
  if (into.keys !== undefined && from.keys !== undefined) for (const key of from.keys) into.keys.add(key);
}

/** Adds `from` (a later stretch of the file, its lines counted from its own start) into `into`. */
export function mergeMonthTotals(into: TotalsByMonth, from: TotalsByMonth, lineOffset: number): void {
  for (const [month, part] of from) {
    const shifted = part.firstLine + lineOffset;
    const held = into.get(month);
    if (held === undefined) {
      into.set(month, { ...part, firstLine: shifted });
      continue;
    }
    held.rows += part.rows;
    held.firstLine = Math.min(held.firstLine, shifted);
    if (held.parts !== undefined && part.parts !== undefined) for (const value of part.parts) held.parts.add(value);
    part.measures.forEach((measure, index) => {
      const target = held.measures[index]!;
      mergeAccumulator(target.total, measure.total);
      for (const [key, value] of measure.breakdowns) {
        const found = target.breakdowns.get(key);
        if (found === undefined) target.breakdowns.set(key, value);
        else mergeAccumulator(found, value);
      }
    });
  }
}

/** The record one accumulator gives for one measure, month and breakdown (distinct: sum = number of keys). */
export function toRecord(source: string, spec: MeasureSpec, month: Month, breakdown: string, value: Accumulator): MonthlyRecord {
  const base = { source, measure: spec.id, month, breakdown };
  switch (spec.kind) {
    case "distinct": {
      const keys = [...(value.keys ?? [])].sort();
      return { ...base, sum: keys.length, count: value.count, keys };
    }
    case "count":
      return { ...base, sum: value.count, count: value.count };
    case "sum":
    case "duration":
      return { ...base, sum: value.scaled / SCALE, count: value.count };
  }
}
