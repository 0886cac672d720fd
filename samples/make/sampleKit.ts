/**
 * What the sample generators share: a seeded pseudo-random generator (mulberry32, so the same
 * files come out on every run), dates, Swedish amounts, windows-1252 bytes, invented names and
 * personnummer that cannot belong to anyone (the check digit is always wrong: the Luhn digit
 * plus 5, modulo 10). Used by makeExports.ts, makeStaffAndFinanceExports.ts and makeSurveyExports.ts.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export const OUT = join(__dirname, "..", "..", "..", "samples", "exports");
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const YEAR = 2019;

/** mulberry32: a small seeded PRNG, deterministic across Node versions. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The draws a generator makes, all from one seeded stream. */
export interface Draws {
  readonly random: () => number;
  /** A whole number from low to high, both included. */
  between(low: number, high: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function draws(seed: number): Draws {
  const random = seeded(seed);
  return {
    random,
    between: (low, high) => low + Math.floor(random() * (high - low + 1)),
    pick: (items) => items[Math.floor(random() * items.length)]!,
    chance: (p) => random() < p,
  };
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
export function iso(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
/** Swedish short form "15/6 2019". */
export function swedishDate(date: Date): string {
  return `${date.getUTCDate()}/${date.getUTCMonth() + 1} ${date.getUTCFullYear()}`;
}
export function day(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Luhn check digit of the nine digits YYMMDDNNN. */
export function luhn(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let digit = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** An invented personnummer YYYYMMDD-NNNC whose check digit C is always wrong. */
export function fakePersonnummer(d: Draws, birthYear: number): string {
  const month = d.between(1, 12);
  const dayOfMonth = d.between(1, daysInMonth(birthYear, month));
  const serial = pad(d.between(0, 999), 3);
  const nine = `${pad(birthYear % 100)}${pad(month)}${pad(dayOfMonth)}${serial}`;
  const wrong = (luhn(nine) + 5) % 10;
  return `${birthYear}${pad(month)}${pad(dayOfMonth)}-${serial}${wrong}`;
}

const FIRST = ["Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Fatima", "Amina", "Sofia", "Erik", "Lars",
  "Karl", "Anders", "Johan", "Per", "Mikael", "Ali", "Omar", "Jonas", "Åsa", "Örjan", "Håkan", "Märta", "Björn"];
const LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
  "Gustafsson", "Hassan", "Mohammed", "Ahmed", "Lindqvist", "Berg", "Åberg", "Öberg", "Ström", "Holmén", "Sjögren"];
/** A random pair of a common first name and surname. */
export const fakeName = (d: Draws): string => `${d.pick(FIRST)} ${d.pick(LAST)}`;

/** Swedish amount with a group separator and decimal comma, as Excel writes "# ##0,00": "12 432,50". */
export function swedishAmount(value: number, decimals: number, groupSeparator: string): string {
  const [whole = "0", fraction] = value.toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/** windows-1252 bytes (the file is checked to hold only characters that code page has). */
export function windows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not in windows-1252: ${text[i]}`);
    bytes[i] = code;
  }
  return bytes;
}

export function write(name: string, bytes: Buffer): void {
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}
