// The add-in's merge into Månadsdata follows the profile's delivery mode like the ledger:
// "any" refuses a file overlapping what the sheet (or an earlier file of the batch) holds with
// other figures, and takes the same figures again; "cumulative" lets the newest send win
// whatever the order; "rows" and "parts" need what the sheet does not keep and are refused
// with a Swedish message. A refused file changes nothing.
import { formatIssue } from "../../../core/issues/messages.sv";
import type { MonthlyRecord } from "../../../core/records/records";
import { replaceDeliveredMonths, type Delivery } from "../../../core/records/replaceDeliveredMonths";
import type { DeliveryMode } from "../../../core/sources/profile";

const waiting = (month: string, sum: number, count: number): MonthlyRecord => ({ source: "vantetider", measure: "vantedagar", month, breakdown: "", sum, count });

function delivery(file: string, mode: DeliveryMode, records: MonthlyRecord[]): Delivery {
  return { file, source: "vantetider", mode, months: [...new Set(records.map((r) => r.month))].sort(), rejected: false, records };
}

/** Waiting days and decisions per month in the merged records: what an outcome would use. */
const figures = (records: readonly MonthlyRecord[]) => Object.fromEntries(records.map((r) => [r.month, [r.sum, r.count]]));

describe("replaceDeliveredMonths with the profile's delivery mode", () => {
  const sheet = [waiting("2019-01", 1900, 100), waiting("2019-02", 1800, 100)];

  it('"any": refuses a file with other figures for a month the sheet holds, names the file, month and "bladet Månadsdata", and keeps the sheet', () => {
    const merged = replaceDeliveredMonths(sheet, [delivery("ansokan-2019-02.csv", "any", [waiting("2019-02", 500, 30), waiting("2019-03", 900, 50)])]);
    expect(merged.records).toEqual(sheet);
    expect(merged.refused).toHaveLength(1);
    const message = formatIssue(merged.refused[0]!.issue);
    expect(message).toContain("ansokan-2019-02.csv");
    expect(message).toContain("2019-02 (från bladet Månadsdata)");
  });

  it('"any": refuses the second of two files of the batch that share a month, and takes the first', () => {
    const first = delivery("ansokan-2019-01.csv", "any", [waiting("2019-03", 100, 10)]);
    const second = delivery("ansokan-2019-02.csv", "any", [waiting("2019-03", 200, 12)]);
    const merged = replaceDeliveredMonths(sheet, [first, second]);
    expect(figures(merged.records)["2019-03"]).toEqual([100, 10]);
    expect(merged.refused.map((r) => [r.file, r.issue.code])).toEqual([["ansokan-2019-02.csv", "delivery/overlap"]]);
  });

  it('"any": the same figures again (the same file dropped twice) are no overlap and change nothing', () => {
    const merged = replaceDeliveredMonths(sheet, [delivery("kopia.csv", "any", [waiting("2019-02", 1800, 100)])]);
    expect(merged.refused).toEqual([]);
    expect(figures(merged.records)).toEqual(figures(sheet));
  });

  it('"cumulative": the newest send wins in any order; an older send keeps nothing of its own', () => {
    const march = delivery("alla-t-o-m-mars.csv", "cumulative", [waiting("2019-01", 1950, 101), waiting("2019-02", 1810, 102), waiting("2019-03", 1700, 90)]);
    const february = delivery("alla-t-o-m-feb.csv", "cumulative", [waiting("2019-01", 1940, 100), waiting("2019-02", 1500, 80)]);
    const inOrder = replaceDeliveredMonths(sheet, [february, march]);
    const reversed = replaceDeliveredMonths(sheet, [march, february]);
    const expected = { "2019-01": [1950, 101], "2019-02": [1810, 102], "2019-03": [1700, 90] };
    expect(figures(inOrder.records)).toEqual(expected);
    expect(figures(reversed.records)).toEqual(expected);
    // Not silent: the older send's months that the newer keeps are named.
    expect(reversed.kept.map((k) => [k.month, k.file, k.keptFile])).toEqual([
      ["2019-01", "alla-t-o-m-feb.csv", "alla-t-o-m-mars.csv"],
      ["2019-02", "alla-t-o-m-feb.csv", "alla-t-o-m-mars.csv"],
    ]);
    expect(inOrder.kept).toEqual([]);
    // After the sheet reached March, a February send read alone changes nothing either.
    expect(figures(replaceDeliveredMonths(reversed.records, [february]).records)).toEqual(expected);
  });

  it.each<[DeliveryMode, string]>([
    [{ kind: "rows", key: "Ärendenummer" }, "rows"],
    [{ kind: "parts", column: "Enhet" }, "parts"],
  ])('"%s": refused with a Swedish message that points to the batch run', (mode, word) => {
    const merged = replaceDeliveredMonths(sheet, [delivery("ansokan-2019-03.csv", mode, [waiting("2019-03", 100, 10)])]);
    expect(merged.records).toEqual(sheet);
    const message = formatIssue(merged.refused[0]!.issue);
    expect(merged.refused[0]!.issue.code).toBe("delivery/not-in-addin");
    expect(message).toContain(`("${word}")`);
    expect(message).toContain("bilaga import");
  });
});
