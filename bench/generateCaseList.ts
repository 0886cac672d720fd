/**
 * Writes a large waiting-time case list like the case system's export (Excel "Unicode text":
 * UTF-16 LE with BOM, tab separated, CRLF): one row per case, decided in one month, some
 * pending. Identity numbers are invented with a deliberately wrong check digit.
 */
import { writeLines } from "./writeLines";

const UNITS = ["EB Nord", "EB Syd", "EB Ungdom", "EB Etablering", "Jobbcenter Öst"];

/**
 * A personnummer-shaped text whose Luhn check digit is wrong, so it belongs to nobody. The
 * seed is read as a number of mixed radix (year, month, day, serial), so seeds below
 * 60 × 12 × 28 × 900 = 18 144 000 give as many different numbers: a payment list's
 * households have adults of their own, as they do in life.
 */
export function impossibleIdentityNumber(seed: number): string {
  let rest = seed;
  const digit = (radix: number): number => {
    const value = rest % radix;
    rest = Math.floor(rest / radix);
    return value;
  };
  const year = 1940 + digit(60);
  const month = 1 + digit(12);
  const day = 1 + digit(28);
  const serial = String(100 + digit(900));
  const digits = `${String(year).slice(2)}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${serial}`;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const right = (10 - (sum % 10)) % 10;
  return `${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}-${serial}${(right + 1) % 10}`;
}

/**
 * `newUnitEvery`: a new unit name every so many rows ("Enhet nummer 0001" …) instead of five
 * names over and over, so names first seen far into the file are kept (see core/measures/detachText.ts).
 */
export async function generateCaseList(path: string, rows: number, options: { readonly newUnitEvery?: number } = {}): Promise<void> {
  const every = options.newUnitEvery;
  const unitOf = (i: number): string =>
    every === undefined ? UNITS[i % UNITS.length]! : `Enhet nummer ${String(Math.floor(i / every)).padStart(4, "0")}`;
  await writeLines(path, {
    encoding: "utf16le",
    bom: true,
    header: "Ärendenummer\tPersonnummer\tFörsta kontakt\tBeslutsdatum\tEnhet",
    rows,
    line: (i) => {
      const firstDay = 1 + (i % 28);
      const decisionDay = 1 + ((i * 7) % 30);
      const pending = i % 10 === 9;
      return `AE-${100000 + i}\t${impossibleIdentityNumber(i)}\t${firstDay}/5 2019\t${pending ? "" : `${decisionDay}/6 2019`}\t${unitOf(i)}`;
    },
  });
}
