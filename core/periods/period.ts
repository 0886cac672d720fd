/**
 * Periods: the months an outcome is measured over, read from what a controller types
 * ("2019-T2", "T1 2019", "2019-06", "2019-H1", "2019", "2019-01..2019-05").
 *
 * Tertials are cumulative from January, as the reports are: T1 = jan–apr (the first
 * tertial report), T2 = jan–aug (the delårsrapport), T3 = jan–dec (the year). Half-years
 * are the calendar halves: H1 = jan–jun, H2 = jul–dec.
 */
import { issue } from "../issues/issues";
import type { Month } from "../records/records";
import { fail, ok, type Result } from "../issues/result";

export type PeriodKind = "month" | "tertial" | "half" | "year" | "range";

export interface Period {
  readonly kind: PeriodKind;
  /** Canonical text that parsePeriod reads back: "2019-T2", "2019-06", "2019-01..2019-05". */
  readonly id: string;
  /** Swedish label for people: "tertial 2 2019 (jan–aug)", "juni 2019", "jan–maj 2019". */
  readonly label: string;
  /** The year of the period's last month (the year whose target it is judged against). */
  readonly year: number;
  /** Every month of the period, in order. */
  readonly months: readonly Month[];
}

export const MONTH_NAMES_SV = [
  "januari", "februari", "mars", "april", "maj", "juni",
  "juli", "augusti", "september", "oktober", "november", "december",
] as const;

/** Short month names as the reports write them: "jan", "feb", "mar", "apr", "maj", "jun" ... */
export const MONTH_ABBREVIATIONS_SV = [
  "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
] as const;

/** "2019-06" from year 2019 and month number 6. */
export function monthOf(year: number, monthNumber: number): Month {
  return `${String(year).padStart(4, "0")}-${String(monthNumber).padStart(2, "0")}`;
}

/** Year and month number (1–12) of a "YYYY-MM" month. */
export function splitMonth(month: Month): { readonly year: number; readonly month: number } {
  const [year = "0", number = "0"] = month.split("-");
  return { year: Number.parseInt(year, 10), month: Number.parseInt(number, 10) };
}

/** "juni 2019" for "2019-06". */
export function monthLabel(month: Month): string {
  const { year, month: number } = splitMonth(month);
  return `${MONTH_NAMES_SV[number - 1] ?? month} ${year}`;
}

/** "jan–aug" for the months of one year; "dec 2018–feb 2019" across years. */
export function monthSpanLabel(months: readonly Month[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return "";
  const a = splitMonth(first);
  const b = splitMonth(last);
  const short = (m: number): string => MONTH_ABBREVIATIONS_SV[m - 1] ?? String(m);
  if (a.year !== b.year) return `${short(a.month)} ${a.year}–${short(b.month)} ${b.year}`;
  if (a.month === b.month) return short(a.month);
  return `${short(a.month)}–${short(b.month)}`;
}

/** "jan–aug 2019", "aug 2019", "nov 2018–feb 2019": a run of months with its year. */
export function monthsLabel(months: readonly Month[]): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return "";
  const span = monthSpanLabel(months);
  return splitMonth(first).year === splitMonth(last).year ? `${span} ${splitMonth(last).year}` : span;
}

function monthsBetween(first: Month, last: Month): Month[] {
  const a = splitMonth(first);
  const b = splitMonth(last);
  const months: Month[] = [];
  for (let index = a.year * 12 + a.month - 1; index <= b.year * 12 + b.month - 1; index++) {
    months.push(monthOf(Math.floor(index / 12), (index % 12) + 1));
  }
  return months;
}

function yearMonths(year: number, from: number, to: number): Month[] {
  return monthsBetween(monthOf(year, from), monthOf(year, to));
}

/** A tertial, cumulative from January: T1 jan–apr, T2 jan–aug (the delårsrapport), T3 jan–dec. */
function tertial(year: number, n: number): Period {
  const months = yearMonths(year, 1, n * 4);
  return { kind: "tertial", id: `${year}-T${n}`, label: `tertial ${n} ${year} (${monthSpanLabel(months)})`, year, months };
}

function half(year: number, n: number): Period {
  const months = n === 1 ? yearMonths(year, 1, 6) : yearMonths(year, 7, 12);
  return { kind: "half", id: `${year}-H${n}`, label: `halvår ${n} ${year} (${monthSpanLabel(months)})`, year, months };
}

function wholeYear(year: number): Period {
  return { kind: "year", id: String(year), label: `helår ${year}`, year, months: yearMonths(year, 1, 12) };
}

function singleMonth(year: number, n: number): Period {
  const month = monthOf(year, n);
  return { kind: "month", id: month, label: monthLabel(month), year, months: [month] };
}

function range(first: Month, last: Month): Period {
  const months = monthsBetween(first, last);
  return { kind: "range", id: `${first}..${last}`, label: monthsLabel(months), year: splitMonth(last).year, months };
}

const YEAR = "(\\d{4})";
const MONTH = "(0?[1-9]|1[0-2])";
const PATTERNS: ReadonlyArray<{ readonly re: RegExp; readonly make: (m: RegExpExecArray) => Period | undefined }> = [
  { re: new RegExp(`^${YEAR}$`), make: (m) => wholeYear(int(m[1])) },
  { re: new RegExp(`^${YEAR}\\s*[-/ ]\\s*${MONTH}$`), make: (m) => singleMonth(int(m[1]), int(m[2])) },
  { re: new RegExp(`^${YEAR}\\s*[- ]?\\s*T\\s*([1-3])$`, "i"), make: (m) => tertial(int(m[1]), int(m[2])) },
  { re: new RegExp(`^T\\s*([1-3])\\s*[- ]?\\s*${YEAR}$`, "i"), make: (m) => tertial(int(m[2]), int(m[1])) },
  { re: new RegExp(`^${YEAR}\\s*[- ]?\\s*H\\s*([12])$`, "i"), make: (m) => half(int(m[1]), int(m[2])) },
  { re: new RegExp(`^H\\s*([12])\\s*[- ]?\\s*${YEAR}$`, "i"), make: (m) => half(int(m[2]), int(m[1])) },
  {
    re: new RegExp(`^${YEAR}-${MONTH}\\s*(?:\\.\\.|–|—)\\s*${YEAR}-${MONTH}$`),
    make: (m) => {
      const first = monthOf(int(m[1]), int(m[2]));
      const last = monthOf(int(m[3]), int(m[4]));
      return first <= last ? range(first, last) : undefined;
    },
  },
];

function int(text: string | undefined): number {
  return Number.parseInt(text ?? "", 10);
}

/**
 * Reads a period. T2 means jan–aug, cumulative, as in the delårsrapport.
 *
 * @example parsePeriod("2019-T2")  // ok { kind: "tertial", label: "tertial 2 2019 (jan–aug)", months: 2019-01 … 2019-08 }
 * @example parsePeriod("T1 2019")  // ok { kind: "tertial", label: "tertial 1 2019 (jan–apr)" }
 * @example parsePeriod("2019-06")  // ok { kind: "month", label: "juni 2019" }
 * @example parsePeriod("2019-01..2019-05") // ok { kind: "range", label: "jan–maj 2019" }
 * @example parsePeriod("våren")    // fail period/unparseable
 */
export function parsePeriod(text: string): Result<Period> {
  const trimmed = text.trim();
  for (const pattern of PATTERNS) {
    const match = pattern.re.exec(trimmed);
    if (!match) continue;
    const period = pattern.make(match);
    if (period) return ok(period);
  }
  return fail(issue("period/unparseable", "error", { raw: text }));
}

/** How many months of its year the period covers, counted from January to its last month. */
export function monthsIntoYear(period: Period): number {
  const last = period.months[period.months.length - 1];
  return last === undefined ? 0 : splitMonth(last).month;
}

/**
 * True when the period runs from January of its year: only then is its sum the year so far,
 * which a cumulative yearly target ("minst 677 under 2019") can be judged on.
 *
 * @example startsInJanuary(parsePeriod("2019-T2")) // true (jan–aug)
 * @example startsInJanuary(parsePeriod("2019-H2")) // false (jul–dec)
 */
export function startsInJanuary(period: Period): boolean {
  const first = period.months[0];
  return first !== undefined && splitMonth(first).month === 1 && splitMonth(first).year === period.year;
}

/** True when the period is the year's first months (jan…) and stops before december: a target for the year is still ahead. */
export function isPartOfYear(period: Period): boolean {
  const first = period.months[0];
  const last = period.months[period.months.length - 1];
  if (first === undefined || last === undefined) return false;
  const a = splitMonth(first);
  const b = splitMonth(last);
  return a.year === b.year && b.month < 12;
}
