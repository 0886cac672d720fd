/**
 * The sample exports measured by the core equal an independent calculation: the file is
 * decoded and split by test/fixtures/sampleExportFigures.ts, which also recomputes every
 * figure with plain loops written without the product's code (no parseSwedishNumber,
 * parseDate or profiles).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { startMeasure, type MeasureResult } from "../../../core/measures/measure";
import { recogniseSource } from "../../../core/sources/recogniseSource";
import type { MonthlyRecord } from "../../../core/records/records";
import { SAMPLE_PROFILES } from "../../fixtures/sampleConfiguration";
import { exportFiles, householdMonth, monthsOf2019, readExport, SAMPLE_EXPORTS, sickLeaveMonth, waitingMonth, type ExportTable } from "../../fixtures/sampleExportFigures";

const MONTHS = monthsOf2019(8);

const profiles = SAMPLE_PROFILES;

/** The sample as the file has it, byte order mark kept in the first header name. */
const readTable = (file: string): ExportTable => readExport(file, { keepBom: true });

async function measureTable(table: ExportTable, file: string, expectedSource: string): Promise<MeasureResult> {
  const profile = recogniseSource(profiles, table.header);
  expect(profile?.id).toBe(expectedSource);
  const started = startMeasure(profile!, table.header, { file, hashKey: testHasher("provnyckel") });
  if (!started.ok) throw new Error(JSON.stringify(started.issue));
  table.rows.forEach((fields, index) => {
    expect(started.value.push(fields, index + 2)).toEqual([]);
  });
  return (await started.value.finish());
}

function record(result: MeasureResult, measure: string, month: string, breakdown = ""): MonthlyRecord {
  const found = result.records.filter((r) => r.measure === measure && r.month === month && r.breakdown === breakdown);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe("försörjningsstöd samples (windows-1252, semicolon)", () => {
  it.each(MONTHS)("%s: households, long-term adults and amounts equal a plain count", async (month) => {
    const file = `forsorjningsstod-${month}.csv`;
    const table = readTable(file);
    const result = await measureTable(table, file, "forsorjningsstod");

    const figures = householdMonth(month);

    expect(result.months).toEqual([month]);
    expect(result.rowsRead).toBe(figures.rows);
    expect(result.rowsAccepted).toBe(figures.rows);
    expect(record(result, "hushall", month).sum).toBe(figures.households);
    expect(record(result, "vuxna-langvarigt", month).sum).toBe(figures.longTermAdults);
    expect(record(result, "utbetalt", month).sum).toBeCloseTo(figures.paid, 2);
    expect(record(result, "utbetalt", month).count).toBe(figures.rows);
    for (const [name, households] of figures.householdsByUnit) {
      expect(record(result, "hushall", month, `enhet=${name}`).sum).toBe(households);
    }
    // Realistic size: about 3 000 households, some with two payments.
    expect(figures.households).toBeGreaterThan(2500);
    expect(figures.rows).toBeGreaterThan(figures.households);
  });

  it("keeps no personnummer, name or household id in clear in the records", async () => {
    const file = "forsorjningsstod-2019-06.csv";
    const table = readTable(file);
    const stored = JSON.stringify((await measureTable(table, file, "forsorjningsstod")).records);
    for (const row of table.rows.slice(0, 200)) {
      for (const field of [row[0]!, row[1]!, row[1]!.replace("-", ""), row[2]!]) expect(stored).not.toContain(field);
    }
    const hushall = (await measureTable(table, file, "forsorjningsstod")).records.find((r) => r.measure === "hushall" && r.breakdown === "");
    expect(hushall?.keys).toHaveLength(hushall!.sum);
    for (const key of hushall!.keys!) expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("every personnummer in the samples has a wrong check digit", async () => {
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
      const table = readTable(`forsorjningsstod-${month}.csv`);
      for (const row of table.rows) {
        for (const pnr of [row[1]!, row[3]!].filter((text) => text !== "")) {
          expect(pnr).toMatch(/^\d{8}-\d{4}$/);
          expect(luhnOk(pnr)).toBe(false);
          checked++;
        }
      }
      const cases = readTable(`vantetider-${month}.txt`);
      for (const row of cases.rows) {
        expect(luhnOk(row[1]!)).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(25_000);
  });
});

describe("sjukfrånvaro samples (UTF-8 with BOM, semicolon)", () => {
  it.each(MONTHS)("%s: sick and scheduled hours of Arbetsmarknadsförvaltningen, by gender and age group", async (month) => {
    const file = `sjukfranvaro-${month}.csv`;
    const table = readTable(file);
    expect(table.header[0]!.startsWith("\ufeff")).toBe(true); // the BOM is in the first header here
    const result = await measureTable(table, file, "sjukfranvaro");

    const { byBreakdown, otherAdministrations } = sickLeaveMonth(month);
    expect(otherAdministrations).toBeGreaterThan(0);
    // Issue 14: no row is filtered out any more; the other administrations' rows count only in
    // the per-administration measures, and AMF's own there are the same hours as sjuktimmar's.
    expect(result.rowsFiltered).toBe(0);
    expect(record(result, "sjuktimmar-forvaltning", month, "forvaltning=AMF").sum).toBeCloseTo(byBreakdown.get("")!.sick, 6);
    expect(record(result, "schematimmar-forvaltning", month, "forvaltning=AMF").count).toBe(byBreakdown.get("")!.rows);
    expect(result.months).toEqual([month]);
    for (const [breakdown, expected] of byBreakdown) {
      expect(record(result, "sjuktimmar", month, breakdown).sum).toBeCloseTo(expected.sick, 6);
      expect(record(result, "schematimmar", month, breakdown).sum).toBeCloseTo(expected.scheduled, 6);
      expect(record(result, "schematimmar", month, breakdown).count).toBe(expected.rows);
    }
    const breakdowns = result.records.filter((r) => r.measure === "sjuktimmar").map((r) => r.breakdown).sort();
    expect(breakdowns).toEqual([...byBreakdown.keys()].sort());
    // The rate users see is between 2 % and 12 %.
    const rate = (100 * byBreakdown.get("")!.sick) / byBreakdown.get("")!.scheduled;
    expect(rate).toBeGreaterThan(2);
    expect(rate).toBeLessThan(12);
  });
});

describe("väntetider samples (UTF-16 LE, tab: Excel Unicode text)", () => {
  it.each(MONTHS)("%s: waiting days over the decisions made in the month; pending cases are not decisions", async (month) => {
    const file = `vantetider-${month}.txt`;
    const table = readTable(file);
    const result = await measureTable(table, file, "vantetider");

    const { days, decisions, pending, daysByUnit } = waitingMonth(month);
    const total = record(result, "vantedagar", month);
    expect(pending).toBeGreaterThan(0);
    expect(result.rowsFiltered).toBe(pending);
    expect(total.sum).toBe(days);
    expect(total.count).toBe(decisions);
    for (const [name, sum] of daysByUnit) expect(record(result, "vantedagar", month, `enhet=${name}`).sum).toBe(sum);
    expect(result.months).toEqual([month]);
    const mean = days / decisions;
    expect(mean).toBeGreaterThan(8);
    expect(mean).toBeLessThan(30);
  });
});

describe("the columns a profile does not read (left uncut by the pipeline, issue 14)", () => {
  // The sources the plain reader of the fixtures knows: a semicolon file with personal ids and
  // amounts, one with a value map, and the tab-separated case list (each reads only some columns).
  const files = ["forsorjningsstod", "sjukfranvaro", "vantetider"].flatMap((source) => exportFiles(source, MONTHS));

  it.each(files)("%s: its figures and issues are the same when those cells are empty", async (file) => {
    const table = readTable(file);
    const profile = recogniseSource(profiles, table.header)!;
    const measureRows = async (rows: readonly (readonly string[])[]): Promise<{ result: MeasureResult; columns: ReadonlySet<number> }> => {
      const started = startMeasure(profile, table.header, { file, hashKey: testHasher("provnyckel") });
      if (!started.ok) throw new Error(JSON.stringify(started.issue));
      rows.forEach((fields, index) => started.value.push(fields, index + 2));
      return { result: await started.value.finish(), columns: started.value.columns };
    };
    const whole = await measureRows(table.rows);
    // As streamCsvRows gives rows when told which columns are unread: a row of one field is whole.
    const blanked = table.rows.map((fields) =>
      fields.length < 2 ? fields : fields.map((text, column) => (column < table.header.length && !whole.columns.has(column) ? "" : text)),
    );
    expect(whole.result.rowsAccepted).toBeGreaterThan(0);
    expect((await measureRows(blanked)).result).toEqual(whole.result);
  });
});

describe("sample files", () => {
  it("stay small enough for git (under 4 MB together)", async () => {
    const total = readdirSync(SAMPLE_EXPORTS).reduce((size, name) => size + readFileSync(join(SAMPLE_EXPORTS, name)).length, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});
