/**
 * The sample exports measured by the core equal an independent calculation: the file is
 * decoded here with TextDecoder, split by hand, and every figure is recomputed with plain
 * loops written without the product's code (no parseSwedishNumber, parseDate or profiles).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createKeyHasher } from "../../core/hmacSha256";
import { startMeasure, type MeasureResult } from "../../core/measure";
import { parseProfile, type SourceProfile } from "../../core/profile";
import { recogniseSource } from "../../core/recogniseSource";
import type { MonthlyRecord } from "../../core/records";

const ROOT = join(__dirname, "..", "..", "samples");
const EXPORTS = join(ROOT, "exports");
const MONTHS = ["01", "02", "03", "04", "05", "06", "07", "08"].map((m) => `2019-${m}`);

const profiles: SourceProfile[] = readdirSync(join(ROOT, "config", "profiles"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => {
    const parsed = parseProfile(JSON.parse(readFileSync(join(ROOT, "config", "profiles", name), "utf8")), name);
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issue)}`);
    return parsed.value;
  });

interface Table {
  header: string[];
  rows: string[][];
}

/** Decodes a sample as the given encoding, keeping a BOM in the text, and splits it (the samples have no quotes). */
function readTable(name: string, encoding: string, delimiter: string): Table {
  const text = new TextDecoder(encoding, { ignoreBOM: true, fatal: true }).decode(readFileSync(join(EXPORTS, name)));
  expect(text).not.toContain('"');
  const lines = text.split("\r\n");
  expect(lines.pop()).toBe(""); // the file ends with a line break
  const [header = "", ...rows] = lines;
  return { header: header.split(delimiter), rows: rows.map((line) => line.split(delimiter)) };
}

function measureTable(table: Table, file: string, expectedSource: string): MeasureResult {
  const profile = recogniseSource(profiles, table.header);
  expect(profile?.id).toBe(expectedSource);
  const started = startMeasure(profile!, table.header, { file, hashKey: createKeyHasher("provnyckel") });
  if (!started.ok) throw new Error(JSON.stringify(started.issue));
  table.rows.forEach((fields, index) => {
    expect(started.value.push(fields, index + 2)).toEqual([]);
  });
  return started.value.finish();
}

function record(result: MeasureResult, measure: string, month: string, breakdown = ""): MonthlyRecord {
  const found = result.records.filter((r) => r.measure === measure && r.month === month && r.breakdown === breakdown);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** "12 432,50" (no-break or plain spaces) -> 12432.5, written plainly for the test. */
function amount(text: string): number {
  let digits = "";
  for (const char of text) {
    if (char === " " || char === "\u00a0") continue;
    digits += char === "," ? "." : char;
  }
  const value = Number(digits);
  if (Number.isNaN(value)) throw new Error(`not a number: ${text}`);
  return value;
}

/** Days since epoch of "2019-06-15" or "15/6 2019". */
function epochDay(text: string): number {
  let year: number, month: number, day: number;
  if (text.includes("/")) {
    const [dayMonth = "", yearText = ""] = text.split(" ");
    const [d = "", m = ""] = dayMonth.split("/");
    [year, month, day] = [Number(yearText), Number(m), Number(d)];
  } else {
    [year, month, day] = text.split("-").map(Number) as [number, number, number];
  }
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

const column = (table: Table, name: string): number => {
  const index = table.header.findIndex((h) => h.replace("\ufeff", "") === name);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
};

describe("försörjningsstöd samples (windows-1252, semicolon)", () => {
  it.each(MONTHS)("%s: households, long-term adults and amounts equal a plain count", (month) => {
    const file = `forsorjningsstod-${month}.csv`;
    const table = readTable(file, "windows-1252", ";");
    const result = measureTable(table, file, "forsorjningsstod");

    const [household, applicant, coApplicant, since, paid, sum, unit] = [
      "Hushållsnummer", "Personnummer", "Medsökande personnummer", "Bistånd sedan", "Utbetalningsdatum", "Belopp", "Enhet",
    ].map((name) => column(table, name)) as [number, number, number, number, number, number, number];
    const [year, monthNumber] = month.split("-").map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
    const monthEnd = year * 10000 + monthNumber * 100 + lastDay;

    const households = new Set<string>();
    const householdsPerUnit = new Map<string, Set<string>>();
    const longTermAdults = new Set<string>();
    let paidTotal = 0;
    for (const row of table.rows) {
      expect(row[paid]!.slice(0, 7)).toBe(month);
      households.add(row[household]!);
      if (!householdsPerUnit.has(row[unit]!)) householdsPerUnit.set(row[unit]!, new Set());
      householdsPerUnit.get(row[unit]!)!.add(row[household]!);
      const sinceNumber = Number(row[since]!.split("-").join(""));
      if (sinceNumber + 2 * 10000 < monthEnd) {
        longTermAdults.add(row[applicant]!);
        if (row[coApplicant] !== "") longTermAdults.add(row[coApplicant]!);
      }
      paidTotal += amount(row[sum]!);
    }

    expect(result.months).toEqual([month]);
    expect(result.rowsRead).toBe(table.rows.length);
    expect(result.rowsAccepted).toBe(table.rows.length);
    expect(record(result, "hushall", month).sum).toBe(households.size);
    expect(record(result, "vuxna-langvarigt", month).sum).toBe(longTermAdults.size);
    expect(record(result, "utbetalt", month).sum).toBeCloseTo(paidTotal, 2);
    expect(record(result, "utbetalt", month).count).toBe(table.rows.length);
    for (const [name, ids] of householdsPerUnit) {
      expect(record(result, "hushall", month, `enhet=${name}`).sum).toBe(ids.size);
    }
    // Realistic size: about 3 000 households, some with two payments.
    expect(households.size).toBeGreaterThan(2500);
    expect(table.rows.length).toBeGreaterThan(households.size);
  });

  it("keeps no personnummer, name or household id in clear in the records", () => {
    const file = "forsorjningsstod-2019-06.csv";
    const table = readTable(file, "windows-1252", ";");
    const stored = JSON.stringify(measureTable(table, file, "forsorjningsstod").records);
    for (const row of table.rows.slice(0, 200)) {
      for (const field of [row[0]!, row[1]!, row[1]!.replace("-", ""), row[2]!]) expect(stored).not.toContain(field);
    }
    const hushall = measureTable(table, file, "forsorjningsstod").records.find((r) => r.measure === "hushall" && r.breakdown === "");
    expect(hushall?.keys).toHaveLength(hushall!.sum);
    for (const key of hushall!.keys!) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("every personnummer in the samples has a wrong check digit", () => {
    const luhnOk = (twelve: string): boolean => {
      const digits = twelve.replace("-", "").slice(2);
      let sum = 0;
      for (let i = 0; i < 10; i++) {
        let d = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
        if (d > 9) d -= 9;
        sum += d;
      }
      return sum % 10 === 0;
    };
    let checked = 0;
    for (const month of MONTHS) {
      const table = readTable(`forsorjningsstod-${month}.csv`, "windows-1252", ";");
      for (const row of table.rows) {
        for (const pnr of [row[1]!, row[3]!].filter((text) => text !== "")) {
          expect(pnr).toMatch(/^\d{8}-\d{4}$/);
          expect(luhnOk(pnr)).toBe(false);
          checked++;
        }
      }
      const cases = readTable(`vantetider-${month}.txt`, "utf-16le", "\t");
      for (const row of cases.rows) {
        expect(luhnOk(row[1]!)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25_000);
  });
});

describe("sjukfrånvaro samples (UTF-8 with BOM, semicolon)", () => {
  const toGender: Record<string, string> = { K: "K", Kvinna: "K", M: "M", Man: "M" };
  const toAge: Record<string, string> = { "-29": "-29", "<30": "-29", "30-49": "30-49", "30–49": "30-49", "50-": "50-", "50+": "50-" };

  it.each(MONTHS)("%s: sick and scheduled hours of Arbetsmarknadsförvaltningen, by gender and age group", (month) => {
    const file = `sjukfranvaro-${month}.csv`;
    const table = readTable(file, "utf-8", ";");
    expect(table.header[0]!.startsWith("\ufeff")).toBe(true); // the BOM is in the first header here
    const result = measureTable(table, file, "sjukfranvaro");

    const [administration, gender, age, unit, sick, scheduled] = [
      "Förvaltning", "Kön", "Åldersgrupp", "Enhet", "Sjukfrånvarotimmar", "Ordinarie arbetstid timmar",
    ].map((name) => column(table, name)) as [number, number, number, number, number, number];
    const totals = new Map<string, { sick: number; scheduled: number; rows: number }>();
    const add = (key: string, row: string[]): void => {
      const entry = totals.get(key) ?? { sick: 0, scheduled: 0, rows: 0 };
      entry.sick += amount(row[sick]!);
      entry.scheduled += amount(row[scheduled]!);
      entry.rows += 1;
      totals.set(key, entry);
    };
    let otherAdministrations = 0;
    for (const row of table.rows) {
      if (row[administration] !== "Arbetsmarknadsförvaltningen") {
        otherAdministrations++;
        continue;
      }
      add("", row);
      add(`kon=${toGender[row[gender]!]}`, row);
      add(`aldersgrupp=${toAge[row[age]!]}`, row);
      add(`enhet=${row[unit]}`, row);
    }
    expect(otherAdministrations).toBeGreaterThan(0);
    expect(result.rowsFiltered).toBe(otherAdministrations);
    expect(result.months).toEqual([month]);
    for (const [breakdown, expected] of totals) {
      expect(record(result, "sjuktimmar", month, breakdown).sum).toBeCloseTo(expected.sick, 6);
      expect(record(result, "schematimmar", month, breakdown).sum).toBeCloseTo(expected.scheduled, 6);
      expect(record(result, "schematimmar", month, breakdown).count).toBe(expected.rows);
    }
    const breakdowns = result.records.filter((r) => r.measure === "sjuktimmar").map((r) => r.breakdown).sort();
    expect(breakdowns).toEqual([...totals.keys()].sort());
    // The rate users see is between 2 % and 12 %.
    const rate = (100 * totals.get("")!.sick) / totals.get("")!.scheduled;
    expect(rate).toBeGreaterThan(2);
    expect(rate).toBeLessThan(12);
  });
});

describe("väntetider samples (UTF-16 LE, tab: Excel Unicode text)", () => {
  it.each(MONTHS)("%s: waiting days over the decisions made in the month; pending cases are not decisions", (month) => {
    const file = `vantetider-${month}.txt`;
    const table = readTable(file, "utf-16le", "\t");
    const result = measureTable(table, file, "vantetider");

    const [contact, decision, unit] = ["Första kontakt", "Beslutsdatum", "Enhet"].map((name) => column(table, name)) as [number, number, number];
    let days = 0;
    let decisions = 0;
    let pending = 0;
    const perUnit = new Map<string, number>();
    for (const row of table.rows) {
      if (row[decision] === "") {
        pending++;
        continue;
      }
      const wait = epochDay(row[decision]!) - epochDay(row[contact]!);
      days += wait;
      decisions++;
      perUnit.set(row[unit]!, (perUnit.get(row[unit]!) ?? 0) + wait);
    }
    const total = record(result, "vantedagar", month);
    expect(pending).toBeGreaterThan(0);
    expect(result.rowsFiltered).toBe(pending);
    expect(total.sum).toBe(days);
    expect(total.count).toBe(decisions);
    for (const [name, sum] of perUnit) expect(record(result, "vantedagar", month, `enhet=${name}`).sum).toBe(sum);
    expect(result.months).toEqual([month]);
    const mean = days / decisions;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(30);
  });
});

describe("sample files", () => {
  it("stay small enough for git (under 4 MB together)", () => {
    const total = readdirSync(EXPORTS).reduce((size, name) => size + readFileSync(join(EXPORTS, name)).length, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});
