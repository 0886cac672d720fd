/**
 * Compiling a profile condition (a filter, or a measure's condition) into a row test.
 * A test answers true/false, or undefined when the cell could not be read (the reader
 * then holds the issue and the row is rejected).
 *
 * @example compileCondition({ column: "Förvaltning", equals: "Arbetsmarknadsförvaltningen" }, ref).test(reader, "2019-06")
 *   // true for " arbetsmarknadsförvaltningen ", false for "Kultur- och fritidsförvaltningen"
 * @example compileCondition({ column: "Bistånd sedan", olderThanMonths: 24 }, ref).test(reader, "2019-06")
 *   // true for "2017-06-29", false for "2017-06-30" (24 months exactly is not more than 24);
 *   // in February 2020, true for "2018-02-28" (24 months and a day before 2020-02-29)
 * @example compileCondition({ column: "Avslutsdatum", inMonth: true }, ref).test(reader, "2019-06")
 *   // true for "2019-06-30", false for "2019-07-01" and for an empty cell (no end yet)
 */
import { daysInMonth } from "../values/parseDate";
import type { ConditionSpec } from "../sources/profile";
import type { Month } from "../records/records";
import type { CellReader } from "./cellReader";
import { normalizeCellText, type ColumnRef } from "./columns";
import { memoizeText } from "./memoizeText";

export type RowTest = (cells: CellReader, month: Month) => boolean | undefined;

export interface CompiledCondition {
  readonly test: RowTest;
  /** Whether the test needs the row's month (it cannot run before the month is known). */
  readonly needsMonth: boolean;
}

/** The ISO date N months later, the day clamped to the month's length: ("2017-12-31", 2) -> "2018-02-28". */
export function addMonths(iso: string, months: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The last day of a month as an ISO date: "2019-02" -> "2019-02-28". */
export function monthEnd(month: Month): string {
  return `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, "0")}`;
}

function textSet(value: string | readonly string[]): ReadonlySet<string> {
  return new Set((typeof value === "string" ? [value] : value).map(normalizeCellText));
}

export function compileCondition(spec: ConditionSpec, column: ColumnRef): CompiledCondition {
  if (spec.equals !== undefined) {
    const wanted = textSet(spec.equals);
    const matches = memoizeText((raw) => wanted.has(normalizeCellText(raw)));
    return { needsMonth: false, test: (cells) => matches(cells.raw(column)) };
  }
  if (spec.notEquals !== undefined) {
    const unwanted = textSet(spec.notEquals);
    const matches = memoizeText((raw) => !unwanted.has(normalizeCellText(raw)));
    return { needsMonth: false, test: (cells) => matches(cells.raw(column)) };
  }
  if (spec.empty !== undefined) {
    const empty = spec.empty;
    return { needsMonth: false, test: (cells) => (cells.text(column) === "") === empty };
  }
  if (spec.olderThanMonths !== undefined) {
    const months = spec.olderThanMonths;
    const endOf = memoizeText(monthEnd);
    const laterOf = memoizeText((iso) => addMonths(iso, months));
    return {
      needsMonth: true,
      test: (cells, month) => {
        const date = cells.date(column);
        if (date === undefined) return undefined;
        // More than N months: N months after the date is still before the month's last day.
        return laterOf(date.iso) < endOf(month); // ISO dates compare as text
      },
    };
  }
  if (spec.inMonth !== undefined) {
    const wanted = spec.inMonth;
    return {
      needsMonth: true,
      test: (cells, month) => {
        if (cells.text(column) === "") return !wanted; // no date: not in any month
        const date = cells.date(column);
        if (date === undefined) return undefined;
        return (date.month === month) === wanted;
      },
    };
  }
  const atLeast = spec.atLeast ?? -Infinity;
  const atMost = spec.atMost ?? Infinity;
  return {
    needsMonth: false,
    test: (cells) => {
      const value = cells.number(column);
      return value === undefined ? undefined : value >= atLeast && value <= atMost;
    },
  };
}
