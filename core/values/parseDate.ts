/**
 * Date parsing: the date texts exports and people write, as an ISO date "YYYY-MM-DD".
 *
 * Accepts ISO "2019-06-15" (also with a time, "2019-06-15 08:30:00" or "2019-06-15T08:30"),
 * "20190615", "2019/06/15", "2019.06.15", and the Swedish day-first forms "15/6 2019",
 * "15/6-2019", "15/6/2019", "15.6.2019", "15-06-2019", "15 juni 2019", "15 jun. 2019",
 * "den 15 juni 2019". Day-first is always read as day/month (never the American month/day).
 * The day must exist: "2019-02-29" fails.
 *
 * @example parseDate("15/6 2019")    // ok "2019-06-15"
 * @example parseDate("15 juni 2019") // ok "2019-06-15"
 * @example parseDate("2019-02-30")   // fail csv/unparseable-date
 */
import { issue } from "../issues/issues";
import { fail, ok, type Result } from "../issues/result";
import { expandYear, monthNumberOfWord } from "../periods/parseMonth";

const ISO_LIKE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})(?:[ /.-]|\s*-\s*)(\d{4}|\d{2})$/;
const DAY_MONTH_WORD = /^(?:den\s+)?(\d{1,2})\s*(?:[-\s])\s*([A-Za-zÅÄÖåäö]+\.?)\s*(?:[-\s])\s*(\d{4}|\d{2})$/i;

/** Is y-m-d a day of the calendar? */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** 28..31 for a month of a year (Gregorian leap years). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseDate(text: string): Result<string> {
  const unreadable = fail<string>(issue("csv/unparseable-date", "error", { raw: text }));
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return unreadable;

  let parts: [number, number, number] | undefined;
  let match: RegExpExecArray | null;
  if ((match = ISO_LIKE.exec(trimmed))) {
    parts = [Number(match[1]), Number(match[3]), Number(match[4])];
  } else if ((match = COMPACT.exec(trimmed))) {
    parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = DAY_FIRST.exec(trimmed))) {
    parts = [expandYear(match[3] ?? ""), Number(match[2]), Number(match[1])];
  } else if ((match = DAY_MONTH_WORD.exec(trimmed))) {
    const month = monthNumberOfWord(match[2] ?? "");
    if (month !== undefined) parts = [expandYear(match[3] ?? ""), month, Number(match[1])];
  }
  if (parts === undefined) return unreadable;
  const [year, month, day] = parts;
  return isCalendarDay(year, month, day) ? ok(isoDate(year, month, day)) : unreadable;
}

/** Days from one ISO date to another (positive when `to` is later): "2019-01-01" -> "2019-01-31" = 30. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days since 1970-01-01 of an ISO date, without Date or time zones. */
export function dayNumber(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  // Howard Hinnant's days_from_civil.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Excel's day serial (1900 date system) as "YYYY-MM-DD": only for a date cell that shows no text
 * (a cell's shown text already follows the workbook's own date system, 1900 or 1904).
 *
 * @example dateOfSerial(43850) // "2020-01-20"
 * @example dateOfSerial(1e20)  // undefined: no day of the calendar
 */
export function dateOfSerial(serial: number): string | undefined {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return isCalendarDay(year, month, day) ? isoDate(year, month, day) : undefined;
}
