// A workbook's Månadsdata combined with the ledger: the ledger's records for every source-month
// it holds, the sheet's for the rest, and the list of source-months taken from the sheet.
import fc from "fast-check";
import { mergeSheetMonths } from "../../../core/records/mergeSheetMonths";
import type { MonthlyRecord } from "../../../core/records/records";

const record = (source: string, month: string, sum: number, breakdown = ""): MonthlyRecord => ({ source, measure: "m", month, breakdown, sum, count: 1 });

describe("mergeSheetMonths", () => {
  it("keeps a month only the sheet holds, and takes the ledger's figures for a month both hold", () => {
    const sheet = [record("vantetider", "2019-09", 700), record("forsorjningsstod", "2019-08", 1), record("forsorjningsstod", "2019-07", 2950)];
    const ledger = [record("forsorjningsstod", "2019-07", 2950), record("forsorjningsstod", "2019-08", 2986)];

    const merged = mergeSheetMonths(sheet, { records: ledger, held: [] });

    const sumOf = (source: string, month: string): number => merged.records.filter((r) => r.source === source && r.month === month).reduce((t, r) => t + r.sum, 0);
    expect(sumOf("vantetider", "2019-09")).toBe(700);
    expect(sumOf("forsorjningsstod", "2019-08")).toBe(2986);
    expect(sumOf("forsorjningsstod", "2019-07")).toBe(2950);
    expect(merged.fromSheet).toEqual([{ source: "vantetider", month: "2019-09" }]);
  });

  it("a month the ledger holds without records of these measures is still the ledger's: the sheet's stale record is dropped", () => {
    const merged = mergeSheetMonths([record("vantetider", "2019-09", 700)], { records: [], held: [{ source: "vantetider", month: "2019-09" }] });
    expect(merged.records).toEqual([]);
    expect(merged.fromSheet).toEqual([]);
  });

  it("property: each source-month comes whole from the ledger when it holds it, else whole from the sheet", () => {
    const arbRecord = fc.record({
      source: fc.constantFrom("a", "b"),
      month: fc.constantFrom("2019-01", "2019-02", "2019-03"),
      breakdown: fc.constantFrom("", "kon=K"),
      sum: fc.integer({ min: 0, max: 1000 }),
    }).map((r) => record(r.source, r.month, r.sum, r.breakdown));
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 12 }), fc.array(arbRecord, { maxLength: 12 }), (sheet, ledger) => {
        const merged = mergeSheetMonths(sheet, { records: ledger, held: [] });
        const key = (r: MonthlyRecord): string => `${r.source}|${r.month}`;
        const ledgerKeys = new Set(ledger.map(key));
        const text = (rs: readonly MonthlyRecord[]): string[] => rs.map((r) => `${key(r)}|${r.breakdown}|${r.sum}`).sort();
        const expected = [...ledger, ...sheet.filter((r) => !ledgerKeys.has(key(r)))];
        expect(text(merged.records)).toEqual(text(expected));
        expect(merged.fromSheet.map((m) => `${m.source}|${m.month}`)).toEqual([...new Set(sheet.filter((r) => !ledgerKeys.has(key(r))).map(key))].sort());
      }),
    );
  });
});
