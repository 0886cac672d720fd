/**
 * Generates the sample exports in samples/exports/ (January–August 2019): invented
 * households, staff groups and cases, from a seeded pseudo-random generator, so the
 * files are the same on every run. See samples/EXPORTS.md.
 *
 * Every personnummer here has a deliberately wrong check digit (the Luhn digit plus 5,
 * modulo 10), so none can belong to a real person. Names are random pairs of common
 * first names and surnames.
 *
 * Run: npm run build:cli && node build/samples/make/makeExports.js
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const OUT = join(__dirname, "..", "..", "..", "samples", "exports");
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const YEAR = 2019;

/** mulberry32: a small seeded PRNG, deterministic across Node versions. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20190101);
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number): boolean => random() < p;
const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function iso(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
/** Swedish short form "15/6 2019". */
function swedishDate(date: Date): string {
  return `${date.getUTCDate()}/${date.getUTCMonth() + 1} ${date.getUTCFullYear()}`;
}
function day(year: number, month: number, dayOfMonth: number): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth));
}
function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Luhn check digit of the nine digits YYMMDDNNN. */
function luhn(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let digit = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** An invented personnummer YYYYMMDD-NNNC whose check digit C is always wrong. */
function fakePersonnummer(birthYear: number): string {
  const month = between(1, 12);
  const dayOfMonth = between(1, daysInMonth(birthYear, month));
  const serial = pad(between(0, 999), 3);
  const nine = `${pad(birthYear % 100)}${pad(month)}${pad(dayOfMonth)}${serial}`;
  const wrong = (luhn(nine) + 5) % 10;
  return `${birthYear}${pad(month)}${pad(dayOfMonth)}-${serial}${wrong}`;
}

const FIRST = ["Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Fatima", "Amina", "Sofia", "Erik", "Lars",
  "Karl", "Anders", "Johan", "Per", "Mikael", "Ali", "Omar", "Jonas", "Åsa", "Örjan", "Håkan", "Märta", "Björn"];
const LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
  "Gustafsson", "Hassan", "Mohammed", "Ahmed", "Lindqvist", "Berg", "Åberg", "Öberg", "Ström", "Holmén", "Sjögren"];
const fakeName = (): string => `${pick(FIRST)} ${pick(LAST)}`;

/** Swedish amount with no-break space thousands and two decimals, as Excel writes "# ##0,00": "12 432,50". */
function swedishAmount(value: number, decimals: number, groupSeparator: string): string {
  const [whole = "0", fraction] = value.toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/** windows-1252 bytes (the file is checked to hold only characters that code page has). */
function windows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not in windows-1252: ${text[i]}`);
    bytes[i] = code;
  }
  return bytes;
}

function write(name: string, bytes: Buffer): void {
  writeFileSync(join(OUT, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}

// ---------------------------------------------------------------------------
// Försörjningsstöd: one row per payment, windows-1252, ";" (Excel CSV on Swedish Windows)

interface Household {
  id: string;
  applicant: string;
  name: string;
  coApplicant: string;
  children: number;
  aidSince: Date;
  unit: string;
  active: boolean;
}

const UNITS_EB = ["EB Nord", "EB Syd", "EB Ungdom", "EB Etablering"];
let nextHousehold = 104_000;

function newHousehold(aidSince: Date): Household {
  const birthYear = between(1950, 2000);
  return {
    id: `H${nextHousehold++}`,
    applicant: fakePersonnummer(birthYear),
    name: fakeName(),
    coApplicant: chance(0.28) ? fakePersonnummer(Math.min(2000, birthYear + between(-4, 6))) : "",
    children: chance(0.45) ? between(1, 4) : 0,
    aidSince,
    unit: birthYear >= 1995 ? "EB Ungdom" : pick(["EB Nord", "EB Syd", "EB Etablering"]),
    active: true,
  };
}

function makeIncomeSupport(): void {
  const households: Household[] = [];
  for (let i = 0; i < 3060; i++) {
    const longTerm = chance(0.3);
    const since = longTerm
      ? day(between(2010, 2016), between(1, 12), between(1, 28))
      : day(chance(0.25) ? 2017 : 2018, between(1, 12), between(1, 28));
    households.push(newHousehold(since));
  }
  for (const month of MONTHS) {
    if (month > 1) {
      let exits = 0;
      for (const household of households) {
        if (!household.active) continue;
        const longTerm = household.aidSince < day(YEAR - 2, month, 1);
        if (chance(longTerm ? 0.03 : 0.06)) {
          household.active = false;
          exits++;
        }
      }
      const arrivals = Math.round(exits * 0.93) + between(-10, 10);
      for (let i = 0; i < arrivals; i++) {
        households.push(newHousehold(day(YEAR, month, between(1, 20))));
      }
    }
    const lines = ["Hushållsnummer;Personnummer;Namn;Medsökande personnummer;Antal vuxna;Antal barn;Bistånd sedan;Utbetalningsdatum;Belopp;Enhet"];
    const last = daysInMonth(YEAR, month);
    for (const household of households) {
      if (!household.active) continue;
      const adults = household.coApplicant === "" ? 1 : 2;
      const payments = chance(0.1) ? 2 : 1;
      for (let p = 0; p < payments; p++) {
        const paid = p === 0 ? day(YEAR, month, between(Math.max(1, last - 8), last)) : day(YEAR, month, between(1, last));
        const base = p === 0 ? 3900 + 2800 * adults + 2100 * household.children : 400 + random() * 2500;
        const amount = Math.round((base + (random() - 0.5) * 1500) * 2) / 2; // to the half krona
        lines.push(
          [household.id, household.applicant, household.name, household.coApplicant, adults, household.children,
            iso(household.aidSince), iso(paid), swedishAmount(amount, 2, "\u00a0"), household.unit].join(";"),
        );
      }
    }
    write(`forsorjningsstod-${YEAR}-${pad(month)}.csv`, windows1252(`${lines.join("\r\n")}\r\n`));
  }
}

// ---------------------------------------------------------------------------
// Sjukfrånvaro per unit, gender and age group: UTF-8 with BOM, ";"

const ADMINISTRATIONS: readonly { name: string; units: readonly string[] }[] = [
  { name: "Arbetsmarknadsförvaltningen", units: ["JKT", "OSA", "AMS", "EB", "Stab"] },
  { name: "Kultur- och fritidsförvaltningen", units: ["Bibliotek", "Fritidsgårdar"] },
  { name: "Utbildningsförvaltningen", units: ["Grundskola Öst", "Gymnasiet"] },
];

function makeSickLeave(): void {
  for (const month of MONTHS) {
    // In May the HR system was upgraded: gender and age groups are written differently since.
    const upgraded = month >= 5;
    const header = "Period;Förvaltning;Enhet;Kön;Åldersgrupp;Sjukfrånvarotimmar;Ordinarie arbetstid timmar";
    const lines = [header];
    for (const administration of ADMINISTRATIONS) {
      for (const unit of administration.units) {
        for (const gender of ["K", "M"] as const) {
          for (const age of ["-29", "30-49", "50-"] as const) {
            if (chance(0.05)) continue; // no one in that group this month
            const staff = between(2, 40);
            const scheduled = Math.round(staff * (150 + random() * 20) * (0.8 + random() * 0.2) * 2) / 2;
            const baseRate = (gender === "K" ? 0.07 : 0.04) * (age === "50-" ? 1.3 : age === "-29" ? 0.8 : 1);
            const seasonal = month <= 3 ? 1.25 : month >= 6 && month <= 7 ? 0.7 : 1;
            const sick = Math.round(scheduled * baseRate * seasonal * (0.5 + random()) * 4) / 4;
            const genderText = upgraded ? (gender === "K" ? "Kvinna" : "Man") : gender;
            const ageText = upgraded ? { "-29": "<30", "30-49": "30–49", "50-": "50+" }[age] : age;
            lines.push([`${YEAR}${pad(month)}`, administration.name, unit, genderText, ageText,
              swedishAmount(sick, 2, " "), swedishAmount(scheduled, 1, " ")].join(";"));
          }
        }
      }
    }
    write(`sjukfranvaro-${YEAR}-${pad(month)}.csv`, Buffer.from(`\ufeff${lines.join("\r\n")}\r\n`, "utf8"));
  }
}

// ---------------------------------------------------------------------------
// Väntetider: case list, UTF-16 LE with BOM, tab separated (Excel "Unicode text")

function makeWaitingTimes(): void {
  let caseNumber = 19_000;
  for (const month of MONTHS) {
    // Dates: ISO until April; from May the case system writes the Swedish short form "15/6 2019".
    const formatDate = month >= 5 ? swedishDate : iso;
    const lines = ["Ärendenummer\tPersonnummer\tFörsta kontakt\tBeslutsdatum\tEnhet"];
    const last = daysInMonth(YEAR, month);
    const decisions = between(330, 390);
    for (let i = 0; i < decisions; i++) {
      const decided = day(YEAR, month, between(1, last));
      // Waiting days fall over the year, from around 19 towards 15.
      const wait = Math.max(0, Math.round(3 + (random() + random() + random()) * (11 - month * 0.35)));
      const contact = addDays(decided, -wait);
      lines.push([`AE-${caseNumber++}`, fakePersonnummer(between(1950, 2000)), formatDate(contact),
        formatDate(decided), pick(UNITS_EB)].join("\t"));
    }
    const pending = between(40, 80);
    for (let i = 0; i < pending; i++) {
      const contact = day(YEAR, month, between(Math.max(1, last - 25), last));
      lines.push([`AE-${caseNumber++}`, fakePersonnummer(between(1950, 2000)), formatDate(contact), "",
        pick(UNITS_EB)].join("\t"));
    }
    // The case system lists pending and decided cases mixed: shuffle (Fisher–Yates).
    const [head, ...rows] = lines;
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const text = `\ufeff${[head, ...rows].join("\r\n")}\r\n`;
    write(`vantetider-${YEAR}-${pad(month)}.txt`, Buffer.from(text, "utf16le"));
  }
}

mkdirSync(OUT, { recursive: true });
makeIncomeSupport();
makeSickLeave();
makeWaitingTimes();
