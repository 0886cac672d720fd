/**
 * Month parsing: the month texts exports and people write, as a calendar month "YYYY-MM".
 *
 * Accepts "2019-06", "2019-6", "201906", "2019/06", "06/2019", "6.2019", "juni 2019",
 * "Jun 2019", "jun. 2019", "2019 juni", "jun-19", "juni -19" and the English "June 2019"
 * or "Oct-19" that an English Excel writes. A full date ("2019-06-15") is not a month:
 * use parseDate and take its month.
 *
 * @example parseMonth("juni 2019") // ok "2019-06"
 * @example parseMonth("201906")    // ok "2019-06"
 * @example parseMonth("jun-19")    // ok "2019-06"
 * @example parseMonth("13/2019")   // fail csv/unparseable-month
 */
import { issue } from "../issues/issues";
import type { Month } from "../records/records";
import { fail, ok, type Result } from "../issues/result";

/** Swedish and English month names and abbreviations, lower case, to month number. */
const MONTH_WORDS: ReadonlyMap<string, number> = new Map<string, number>(
  (
    [
      [1, ["januari", "jan", "january"]],
      [2, ["februari", "feb", "february"]],
      [3, ["mars", "mar", "march"]],
      [4, ["april", "apr"]],
      [5, ["maj", "may"]],
      [6, ["juni", "jun", "june"]],
      [7, ["juli", "jul", "july"]],
      [8, ["augusti", "aug", "august"]],
      [9, ["september", "sep", "sept"]],
      [10, ["oktober", "okt", "oct", "october"]],
      [11, ["november", "nov"]],
      [12, ["december", "dec"]],
    ] as const
  ).flatMap(([month, words]) => words.map((word) => [word, month] as [string, number])),
);

/** The month number (1-12) of a Swedish or English month word, "juni" -> 6, "okt." -> 10. */
export function monthNumberOfWord(word: string): number | undefined {
  return MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, ""));
}

/** "19" -> 2019, "98" -> 1998, "2019" -> 2019. Two-digit years below 70 are this century. */
export function expandYear(digits: string): number {
  const year = Number(digits); // digits only: checked by the callers' patterns
  if (digits.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

/** "YYYY-MM" from a year and a month number, or undefined when out of range. */
export function formatMonth(year: number, month: number): Month | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month)) return undefined;
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return undefined;
  return `${year}-${String(month).padStart(2, "0")}`;
}

const NUMERIC_FORMS: readonly { readonly pattern: RegExp; readonly year: number; readonly month: number }[] = [
  { pattern: /^(\d{4})[-/.](\d{1,2})$/, year: 1, month: 2 }, // 2019-06, 2019/6
  { pattern: /^(\d{4})(\d{2})$/, year: 1, month: 2 }, // 201906
  { pattern: /^(\d{1,2})[-/.](\d{4})$/, year: 2, month: 1 }, // 06/2019
  { pattern: /^(\d{4})\s*[Mm](\d{1,2})$/, year: 1, month: 2 }, // 2019M06 (SCB style)
];

export function parseMonth(text: string): Result<Month> {
  const unreadable = fail<Month>(issue("csv/unparseable-month", "error", { raw: text }));
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return unreadable;

  for (const form of NUMERIC_FORMS) {
    const match = form.pattern.exec(trimmed);
    if (!match) continue;
    const month = formatMonth(Number(match[form.year]), Number(match[form.month]));
    return month === undefined ? unreadable : ok(month);
  }

  // A month word with a year before or after it: "juni 2019", "jun-19", "2019 juni".
  const wordFirst = /^([A-Za-zÅÄÖåäö]+\.?)[\s\-/']*(\d{4}|\d{2})$/.exec(trimmed);
  const yearFirst = /^(\d{4})[\s\-/]+([A-Za-zÅÄÖåäö]+\.?)$/.exec(trimmed);
  const word = wordFirst?.[1] ?? yearFirst?.[2];
  const yearDigits = wordFirst?.[2] ?? yearFirst?.[1];
  if (word === undefined || yearDigits === undefined) return unreadable;
  const monthNumber = monthNumberOfWord(word);
  if (monthNumber === undefined) return unreadable;
  const month = formatMonth(expandYear(yearDigits), monthNumber);
  return month === undefined ? unreadable : ok(month);
}
