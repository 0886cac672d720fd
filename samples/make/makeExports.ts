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
import { mkdirSync } from "node:fs";
import {
  addDays, day, daysInMonth, draws, fakeName as fakeNameFrom, fakePersonnummer as fakePersonnummerFrom, iso, MONTHS, OUT, pad,
  swedishAmount, swedishDate, windows1252, write, YEAR,
} from "./sampleKit";

const d = draws(20190101);
const { random, between, pick, chance } = d;
const fakePersonnummer = (birthYear: number): string => fakePersonnummerFrom(d, birthYear);
const fakeName = (): string => fakeNameFrom(d);

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
