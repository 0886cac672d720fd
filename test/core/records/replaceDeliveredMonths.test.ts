import fc from "fast-check";
import type { MonthlyRecord } from "../../../core/records/records";
import { replaceDeliveredMonths, type Delivery } from "../../../core/records/replaceDeliveredMonths";

const households = (month: string, sum: number): MonthlyRecord => ({ source: "forsorjningsstod", measure: "hushall", month, breakdown: "", sum, count: sum });

function delivery(file: string, records: MonthlyRecord[], rejected = false): Delivery {
  return { file, source: "forsorjningsstod", months: [...new Set(records.map((r) => r.month))], rejected, records };
}

/** Households in a month, summed over the records kept: what an outcome would count. */
const householdsIn = (records: readonly MonthlyRecord[], month: string): number =>
  records.filter((r) => r.measure === "hushall" && r.month === month).reduce((total, r) => total + r.sum, 0);

describe("replaceDeliveredMonths", () => {
  const sheet = [households("2019-06", 2501), households("2019-07", 2950)];

  it("two files of the same source and month in one batch: the later replaces the earlier, the month is not counted twice", () => {
    const original = delivery("forsorjningsstod-2019-08.csv", [households("2019-08", 2986)]);
    const corrected = delivery("forsorjningsstod-2019-08 (1).csv", [households("2019-08", 2990)]);

    const merged = replaceDeliveredMonths(sheet, [original, corrected]);

    expect(householdsIn(merged.records, "2019-08")).toBe(2990);
    expect(householdsIn(merged.records, "2019-07")).toBe(2950);
    expect(merged.replacements).toEqual([
      { source: "forsorjningsstod", month: "2019-08", file: "forsorjningsstod-2019-08 (1).csv", replacedFile: "forsorjningsstod-2019-08.csv" },
    ]);
  });

  it("the same content twice (a copy under another name) changes nothing", () => {
    const august = [households("2019-08", 2986)];
    const once = replaceDeliveredMonths(sheet, [delivery("a.csv", august)]).records;
    const twice = replaceDeliveredMonths(sheet, [delivery("a.csv", august), delivery("a (1).csv", august)]).records;
    expect(twice).toEqual(once);
    expect(replaceDeliveredMonths(once, [delivery("a.csv", august)]).records).toEqual(once);
  });

  it("a rejected file replaces nothing, neither the sheet's month nor an earlier file of the batch", () => {
    const good = delivery("forsorjningsstod-2019-07.csv", [households("2019-07", 2951)]);
    const rejected = { ...delivery("forsorjningsstod-2019-07 (1).csv", [households("2019-07", 1)], true), months: ["2019-07"] };
    const merged = replaceDeliveredMonths(sheet, [good, rejected]);
    expect(householdsIn(merged.records, "2019-07")).toBe(2951);
    expect(merged.replacements).toEqual([]);
    expect(replaceDeliveredMonths(sheet, [rejected]).records).toEqual(sheet);
  });

  it("a delivery of one month leaves the other sources and months as they were", () => {
    const sick: MonthlyRecord = { source: "sjukfranvaro", measure: "sjuktimmar", month: "2019-08", breakdown: "", sum: 812, count: 40 };
    const merged = replaceDeliveredMonths([...sheet, sick], [delivery("f.csv", [households("2019-08", 2986)])]);
    expect(merged.records).toEqual(expect.arrayContaining([...sheet, sick, households("2019-08", 2986)]));
    expect(merged.records).toHaveLength(4);
  });

  it("property: the batch gives each (source, month) exactly the last delivery's records, whatever came before", () => {
    const month = fc.constantFrom("2019-06", "2019-07", "2019-08");
    fc.assert(
      fc.property(fc.array(fc.tuple(month, fc.integer({ min: 0, max: 5000 }), fc.boolean()), { maxLength: 8 }), (batch) => {
        const deliveries = batch.map(([m, sum, rejected], i) => delivery(`f${i}.csv`, [households(m, sum)], rejected));
        const merged = replaceDeliveredMonths(sheet, deliveries).records;
        for (const m of ["2019-06", "2019-07", "2019-08"]) {
          const last = [...batch].reverse().find(([bm, , rejected]) => bm === m && !rejected);
          const expected = last ? last[1] : householdsIn(sheet, m);
          expect(householdsIn(merged, m)).toBe(expected);
        }
        // Idempotent: the same batch again changes nothing.
        expect(replaceDeliveredMonths(merged, deliveries).records.map((r) => `${r.month}:${r.sum}`).sort()).toEqual(merged.map((r) => `${r.month}:${r.sum}`).sort());
      }),
    );
  });
});
