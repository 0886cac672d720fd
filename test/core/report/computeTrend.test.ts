// The trend behind each picture: every month's value checked against a plain loop over the
// records (not product code), gaps kept as gaps and named, a sum drawn as the year so far, and
// the words: which way the months went (a least-squares line computed here), what is better.
import fc from "fast-check";
import type { ResolvedBinding } from "../../../core/outcomes/bindings";
import type { MonthlyRecord } from "../../../core/records/records";
import { computeTrend, trendMonths } from "../../../core/report/computeTrend";
import { describeTrend, trendDirection } from "../../../core/report/describeTrend";
import type { TrendPoint } from "../../../core/report/computeTrend";
import { atLeast, direction, indicator, value } from "../status/evaluateStatus.fixtures";
import { period } from "../../fixtures/period";

const T2 = period("2019-T2");
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, " ");
const month = (n: number): string => `2019-${String(n).padStart(2, "0")}`;

const sickLeave = indicator({
  name: "Total sjukfrånvaro (%)",
  unit: "percent",
  polarity: { kind: "lower-better" },
  outcomes: { 2017: 5.5, 2018: 6.8 },
  targets: { 2019: value(5.5, "percent") },
});
const ratio: ResolvedBinding = {
  combine: "ratio-of-sums",
  measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown: "" },
  denominator: { source: "sjukfranvaro", measure: "schematimmar", breakdown: "" },
  scale: 100,
  unit: "percent",
  decimals: 1,
};
/** Sick hours and scheduled hours per month, split over two units (two records a month). */
function sickRecords(hours: Readonly<Record<number, readonly [number, number]>>): MonthlyRecord[] {
  return Object.entries(hours).flatMap(([n, [sick, scheduled]]) => [
    { source: "sjukfranvaro", measure: "sjuktimmar", month: month(Number(n)), breakdown: "", sum: sick * 0.4, count: 3 },
    { source: "sjukfranvaro", measure: "sjuktimmar", month: month(Number(n)), breakdown: "", sum: sick * 0.6, count: 4 },
    { source: "sjukfranvaro", measure: "schematimmar", month: month(Number(n)), breakdown: "", sum: scheduled, count: 7 },
  ]);
}

describe("computeTrend", () => {
  it("gives each month of jan–aug its own rate (sick hours / scheduled hours × 100, summed first), and the earlier years from the table", () => {
    const hours: Record<number, readonly [number, number]> = { 1: [700, 10000], 2: [640, 9800], 3: [610, 10100], 4: [560, 9900], 5: [540, 10000], 6: [420, 8000], 7: [300, 6000], 8: [480, 9700] };
    const records = sickRecords(hours);
    const trend = computeTrend({ subject: { indicator: sickLeave }, name: sickLeave.name, unit: "percent", decimals: 1, binding: ratio, records, period: T2 });

    expect(trend.years.map((p) => [p.label, p.value])).toEqual([["2017", 5.5], ["2018", 6.8]]);
    expect(trend.months.map((p) => p.label)).toEqual(["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug"]);
    for (const point of trend.months) {
      let sick = 0;
      let scheduled = 0;
      for (const r of records) {
        if (r.month !== point.key) continue;
        if (r.measure === "sjuktimmar") sick += r.sum;
        else scheduled += r.sum;
      }
      expect(point.value).toBeCloseTo((sick / scheduled) * 100, 10);
    }
    expect(trend.cumulative).toBe(false);
    expect(trend.target).toEqual({ year: 2019, value: 5.5, text: "5,5\u00a0%" });
  });

  it("keeps a month without data as a gap, never a zero, and says which month is missing", () => {
    const records = sickRecords({ 1: [700, 10000], 2: [640, 9800], 4: [560, 9900] });
    const trend = computeTrend({ subject: { indicator: sickLeave }, name: sickLeave.name, unit: "percent", decimals: 1, binding: ratio, records, period: period("2019-T1") });
    expect(trend.months.map((p) => p.value === undefined)).toEqual([false, false, true, false]);
    expect(plain(describeTrend(trend))).toContain("Uppgift saknas för mars.");
    const none = computeTrend({ subject: { indicator: sickLeave }, name: sickLeave.name, unit: "percent", decimals: 1, binding: ratio, records, period: period("2020-T1") });
    expect(plain(describeTrend(none))).toBe("Inga månadsvärden för jan–apr 2020. Tidigare år: 5,5 % (2017), 6,8 % (2018).");
  });

  it("draws a sum as the year so far, from January, and ends on the outcome the workbook gets", () => {
    const placements = indicator({ name: "Antal placeringar", outcomes: { 2018: 477 }, targets: { 2019: atLeast(677) } });
    const binding: ResolvedBinding = { combine: "sum", measure: { source: "insatser", measure: "placeringar", breakdown: "" }, scale: 1, unit: "count" };
    const perMonth = [40, 35, 52, 41, 38, 30, 12, 44];
    const records: MonthlyRecord[] = perMonth.map((sum, i) => ({ source: "insatser", measure: "placeringar", month: month(i + 1), breakdown: "", sum, count: sum }));
    const trend = computeTrend({ subject: { indicator: placements }, name: placements.name, unit: "count", decimals: 0, binding, records, period: T2 });
    let running = 0;
    trend.months.forEach((point, i) => {
      running += perMonth[i] ?? 0;
      expect(point.value).toBe(running);
    });
    expect(trend.cumulative).toBe(true);
    expect(plain(describeTrend(trend))).toContain(`Hittills under 2019 (summan av månaderna): ${running} i augusti`);
  });

  it("runs the months of a single month's period from January, so the picture still shows the year", () => {
    expect(trendMonths(period("2019-06"))).toEqual(["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"]);
    expect(trendMonths(period("2018-11..2019-02"))).toEqual(["2018-11", "2018-12", "2019-01", "2019-02"]);
  });

  it("says when an earlier year's value covers only part of that year, as the table does (\"88,3, tertial 1\")", () => {
    const fullTime = indicator({ name: "Andel (%) heltidsanställningar", unit: "percent", outcomes: { 2017: 87.9, 2018: 88.3 }, targets: { 2019: value(88.6, "percent") } });
    const annotated = {
      ...fullTime,
      outcomes: fullTime.outcomes.map((o) => (o.year === 2018 && o.value.kind === "number" ? { ...o, raw: "88,3, tertial 1", value: { ...o.value, annotation: "tertial 1" } } : o)),
    };
    const trend = computeTrend({ subject: { indicator: annotated }, name: annotated.name, unit: "percent", decimals: 1, records: [], period: T2 });
    expect(plain(describeTrend(trend))).toBe("Tidigare år: 87,9 % (2017), 88,3 % (2018, tertial 1). Målvärde 2019: 88,6 %.");
  });

  it("draws a value measured per year (Kolada, entered by hand) as the years, the period's year included, never as months", () => {
    const children = indicator({ name: "Barn i familjer med långvarigt bistånd (%)", unit: "percent", polarity: { kind: "lower-better" }, outcomes: { 2017: 4.8, 2018: 4.6 }, targets: { 2019: value(4.2, "percent") } });
    const binding: ResolvedBinding = { combine: "latest", measure: { source: "kolada", measure: "N31807", breakdown: "kommun=0580" }, scale: 1, unit: "percent", decimals: 1 };
    const records: MonthlyRecord[] = [{ source: "kolada", measure: "N31807", month: "2019-12", breakdown: "kommun=0580", sum: 4.1, count: 1 }];
    const trend = computeTrend({ subject: { indicator: children }, name: children.name, unit: "percent", decimals: 1, binding, records, period: period("2019"), outcome: 4.1 });
    expect(trend.months).toEqual([]);
    expect(trend.years.map((p) => [p.label, p.value])).toEqual([["2017", 4.8], ["2018", 4.6], ["2019", 4.1]]);
    expect(plain(describeTrend(trend))).toBe("Per år: 4,8 % (2017), 4,6 % (2018), 4,1 % (2019). Målvärde 2019: 4,2 %.");
    const midYear = computeTrend({ subject: { indicator: children }, name: children.name, unit: "percent", decimals: 1, binding, records, period: T2 });
    expect(plain(describeTrend(midYear))).toBe("Tidigare år: 4,8 % (2017), 4,6 % (2018). Målvärde 2019: 4,2 %."); // no "Inga månadsvärden"
  });

  it("has only the earlier years for a row no measure feeds, and a direction target in words (no line)", () => {
    const toWork = indicator({ name: "Avslutas till arbete", outcomes: { 2017: 170, 2018: 182 }, targets: { 2019: direction("increase") } });
    const trend = computeTrend({ subject: { indicator: toWork }, name: toWork.name, unit: "count", decimals: 0, records: [], period: T2 });
    expect(trend.months).toEqual([]);
    expect(trend.target).toEqual({ year: 2019, text: "Ska öka" });
    expect(plain(describeTrend(trend))).toBe("Tidigare år: 170 (2017), 182 (2018). Målvärde 2019: Ska öka.");
  });
});

describe("the trend in words", () => {
  const points = (values: readonly (number | undefined)[]): TrendPoint[] =>
    values.map((v, i) => ({ key: month(i + 1), kind: "month", label: "", spoken: "", value: v }));

  /** The least-squares slope over the positions, times the span, against 1 % of the mean: computed here. */
  function expected(values: readonly (number | undefined)[]): string | undefined {
    const xs: number[] = [];
    const ys: number[] = [];
    values.forEach((v, i) => {
      if (v !== undefined) {
        xs.push(i);
        ys.push(v);
      }
    });
    if (xs.length < 2) return undefined;
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let num = 0;
    let den = 0;
    for (let i = 0; i < xs.length; i++) {
      num += (xs[i]! - mx) * (ys[i]! - my);
      den += (xs[i]! - mx) ** 2;
    }
    const change = (num / den) * (xs[xs.length - 1]! - xs[0]!);
    if (Math.abs(change) <= 0.01 * Math.abs(my) || change === 0) return "flat";
    return change > 0 ? "increasing" : "decreasing";
  }

  it("says which way the months went, as a least-squares line does", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }), { minLength: 0, maxLength: 12 }), (values) => {
        expect(trendDirection(points(values))).toBe(expected(values));
      }),
    );
  });

  it("calls a line that moves less than 1 % of the mean unchanged, and says whether the way is the better one", () => {
    expect(trendDirection(points([1000, 1004, 998, 1003]))).toBe("flat");
    const households = indicator({ name: "Antal hushåll", polarity: { kind: "lower-better" }, outcomes: { 2017: 2996, 2018: 3130 }, targets: { 2019: value(2800) } });
    const binding: ResolvedBinding = { combine: "mean-of-months", measure: { source: "fbs", measure: "hushall", breakdown: "" }, scale: 1, unit: "count" };
    const sums = [3060, 3040, 3050, 3020, 3010, 3000, 2990, 2986];
    const records: MonthlyRecord[] = sums.map((sum, i) => ({ source: "fbs", measure: "hushall", month: month(i + 1), breakdown: "", sum, count: sum }));
    const trend = computeTrend({ subject: { indicator: households }, name: households.name, unit: "count", decimals: 0, binding, records, period: T2 });
    expect(plain(describeTrend(trend))).toBe(
      "Per månad jan–aug 2019: minskande, åt det bättre hållet, från 3 060 i januari till 2 986 i augusti; lägst 2 986 i augusti, högst 3 060 i januari. " +
        "Tidigare år: 2 996 (2017), 3 130 (2018). Målvärde 2019: 2 800.",
    );
    const rising = computeTrend({ subject: { indicator: households }, name: households.name, unit: "count", decimals: 0, binding, records: records.map((r) => ({ ...r, sum: 6000 - r.sum })), period: T2 });
    expect(describeTrend(rising)).toContain("ökande, åt det sämre hållet");
  });

  it("says the forecast for the year when the status was judged on one", () => {
    const placements = indicator({ name: "Antal placeringar", outcomes: { 2018: 477 }, targets: { 2019: atLeast(677) } });
    const binding: ResolvedBinding = { combine: "sum", measure: { source: "insatser", measure: "placeringar", breakdown: "" }, scale: 1, unit: "count" };
    const records: MonthlyRecord[] = [1, 2].map((n) => ({ source: "insatser", measure: "placeringar", month: month(n), breakdown: "", sum: 50, count: 50 }));
    const status = { status: "partly-met", label: "Delvis uppfyllt", symbol: "◐", fill: "", fontColor: "", explanation: "", forecast: true, forecastQuantity: { value: 600, unit: "count" }, manual: false, issues: [] } as const;
    const trend = computeTrend({ subject: { indicator: placements }, name: placements.name, unit: "count", decimals: 0, binding, records, period: period("2019-02"), status });
    expect(trend.forecast?.value).toBe(600);
    expect(describeTrend(trend)).toContain("Prognos för helåret: 600.");
  });
});
