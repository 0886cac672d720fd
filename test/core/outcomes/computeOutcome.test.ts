import fc from "fast-check";
import { computeOutcome, type OutcomeSpec } from "../../../core/outcomes/computeOutcome";
import type { MonthlyRecord } from "../../../core/records/records";
import { period } from "../../fixtures/period";

const T2 = period("2019-T2");
const MONTHS = T2.months;

const rec = (source: string, measure: string, month: string, breakdown: string, sum: number, count = 1): MonthlyRecord => ({
  source,
  measure,
  month,
  breakdown,
  sum,
  count,
});

const households: OutcomeSpec = {
  combine: "mean-of-months",
  measure: { source: "forsorjningsstod", measure: "hushall", breakdown: "" },
  scale: 1,
  unit: "count",
};
const HOUSEHOLDS = [2490, 2520, 2480, 2530, 2510, 2470, 2560, 2515];
const householdRecords = MONTHS.flatMap((month, i) => [
  rec("forsorjningsstod", "hushall", month, "", HOUSEHOLDS[i] ?? 0, HOUSEHOLDS[i] ?? 0),
  // Noise the binding must not pick up: another measure, another breakdown, a month outside the period.
  rec("forsorjningsstod", "vuxna-langvarigt", month, "", 1300 + i),
  rec("forsorjningsstod", "hushall", month, "kon=K", 1000),
]).concat([rec("forsorjningsstod", "hushall", "2019-09", "", 9999)]);

const sickLeave = (breakdown: string): OutcomeSpec => ({
  combine: "ratio-of-sums",
  measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown },
  denominator: { source: "sjukfranvaro", measure: "schematimmar", breakdown },
  scale: 100,
  unit: "percent",
});

describe("computeOutcome", () => {
  it("means the months' sums for households 'i snitt per månad'", () => {
    const { outcome, issues } = computeOutcome(householdRecords, households, T2);
    const expected = HOUSEHOLDS.reduce((a, b) => a + b, 0) / 8;
    expect(outcome?.quantity).toEqual({ value: expected, unit: "count" });
    expect(outcome?.monthsUsed).toEqual(MONTHS);
    expect(outcome?.missingMonths).toEqual([]);
    expect(outcome?.series.map((p) => p.sum)).toEqual(HOUSEHOLDS);
    expect(issues).toEqual([]);
  });

  it("sums the months for 'sum'", () => {
    const { outcome } = computeOutcome(householdRecords, { ...households, combine: "sum" }, period("2019-T1"));
    expect(outcome?.quantity.value).toBe(2490 + 2520 + 2480 + 2530);
  });

  it("takes the last month for point-in-time counts ('latest')", () => {
    const spec: OutcomeSpec = { ...households, combine: "latest", measure: { source: "forsorjningsstod", measure: "vuxna-langvarigt", breakdown: "" } };
    const { outcome, issues } = computeOutcome(householdRecords, spec, T2);
    expect(outcome?.quantity.value).toBe(1307);
    expect(outcome?.monthsUsed).toEqual(["2019-08"]);
    expect(issues).toEqual([]);
  });

  it("reports the last month missing for 'latest' and uses the latest month there is", () => {
    const spec: OutcomeSpec = { ...households, combine: "latest", measure: { source: "forsorjningsstod", measure: "vuxna-langvarigt", breakdown: "" } };
    const withoutAugust = householdRecords.filter((r) => r.month !== "2019-08");
    const { outcome, issues } = computeOutcome(withoutAugust, spec, T2);
    expect(outcome?.quantity.value).toBe(1306);
    expect(outcome?.missingMonths).toEqual(["2019-08"]);
    expect(issues.map((i) => [i.code, i.params?.["month"]])).toEqual([["period/missing-month", "2019-08"]]);
  });

  it("divides summed sick hours by summed scheduled hours, never averaging percentages", () => {
    // Two months: 10/100 = 10 % and 1/1000 = 0,1 %; the mean of percentages would be 5,05 %.
    const records = [
      rec("sjukfranvaro", "sjuktimmar", "2019-01", "kon=K", 10),
      rec("sjukfranvaro", "schematimmar", "2019-01", "kon=K", 100),
      rec("sjukfranvaro", "sjuktimmar", "2019-02", "kon=K", 1),
      rec("sjukfranvaro", "schematimmar", "2019-02", "kon=K", 1000),
      rec("sjukfranvaro", "sjuktimmar", "2019-01", "kon=M", 500),
      rec("sjukfranvaro", "schematimmar", "2019-01", "kon=M", 1000),
      rec("sjukfranvaro", "sjuktimmar", "2019-02", "kon=M", 0),
      rec("sjukfranvaro", "schematimmar", "2019-02", "kon=M", 1000),
    ];
    const { outcome } = computeOutcome(records, sickLeave("kon=K"), period("2019-01..2019-02"));
    expect(outcome?.quantity.unit).toBe("percent");
    expect(outcome?.quantity.value).toBeCloseTo((11 / 1100) * 100, 10);
    expect(outcome?.series).toEqual([
      { month: "2019-01", sum: 10, count: 1, denominator: 100 },
      { month: "2019-02", sum: 1, count: 1, denominator: 1000 },
    ]);
    expect(computeOutcome(records, sickLeave("kon=M"), period("2019-01..2019-02")).outcome?.quantity.value).toBeCloseTo(25, 10);
  });

  it("means waiting days over the decisions of the period (Σ days / Σ decisions)", () => {
    const spec: OutcomeSpec = { combine: "mean-of-records", measure: { source: "vantetider", measure: "vantedagar", breakdown: "" }, scale: 1, unit: "days" };
    const records = [rec("vantetider", "vantedagar", "2019-01", "", 300, 20), rec("vantetider", "vantedagar", "2019-02", "", 100, 5)];
    const { outcome } = computeOutcome(records, spec, period("2019-01..2019-02"));
    // 400 days over 25 decisions = 16; the mean of the monthly means would be 17,5.
    expect(outcome?.quantity).toEqual({ value: 16, unit: "days" });
  });

  it("reports every missing month by name and computes from the months there are", () => {
    const withoutMarch = householdRecords.filter((r) => r.month !== "2019-03");
    const { outcome, issues } = computeOutcome(withoutMarch, households, T2);
    expect(outcome?.missingMonths).toEqual(["2019-03"]);
    expect(outcome?.monthsUsed).not.toContain("2019-03");
    const present = HOUSEHOLDS.filter((_, i) => i !== 2);
    expect(outcome?.quantity.value).toBeCloseTo(present.reduce((a, b) => a + b, 0) / 7, 10);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: "period/missing-month",
      params: { month: "2019-03", measure: "forsorjningsstod/hushall", period: "tertial 2 2019 (jan–aug)" },
    });
  });

  it("counts a breakdown with no rows in an imported month as zero, not missing", () => {
    const records = [
      rec("vantetider", "vantedagar", "2019-01", "kon=K", 30, 2),
      rec("vantetider", "vantedagar", "2019-02", "kon=M", 10, 1),
    ];
    const spec: OutcomeSpec = { combine: "sum", measure: { source: "vantetider", measure: "vantedagar", breakdown: "kon=K" }, scale: 1, unit: "days" };
    const { outcome, issues } = computeOutcome(records, spec, period("2019-01..2019-02"));
    expect(outcome?.quantity.value).toBe(30);
    expect(outcome?.monthsUsed).toEqual(["2019-01", "2019-02"]);
    expect(issues).toEqual([]);
  });

  it("gives no outcome when no month has data, and names all eight months", () => {
    const { outcome, issues } = computeOutcome([], households, T2);
    expect(outcome).toBeUndefined();
    expect(issues.map((i) => i.params?.["month"])).toEqual([...MONTHS]);
  });

  it("gives no outcome (outcome/no-data) when a mean has no decisions to divide by", () => {
    const spec: OutcomeSpec = { combine: "mean-of-records", measure: { source: "vantetider", measure: "vantedagar", breakdown: "" }, scale: 1, unit: "days" };
    const { outcome, issues } = computeOutcome([rec("vantetider", "vantedagar", "2019-06", "", 0, 0)], spec, period("2019-06"));
    expect(outcome).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(["outcome/no-data"]);
  });
});

// Properties: order of the records (import order) never matters; a period's outcome is what its months give.
const monthArb = fc.constantFrom(...MONTHS);
const recordArbOver = (month: fc.Arbitrary<string>) =>
  fc
  .record({
    measure: fc.constantFrom("sjuktimmar", "schematimmar"),
    month,
    breakdown: fc.constantFrom("", "kon=K", "kon=M"),
    // Sums of very different sizes, so adding them in another order would change the total's last bits.
    hours: fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(1, 0.001, 1000)).map(([n, size]) => (n / 3) * size),
    count: fc.integer({ min: 0, max: 50 }),
  })
  .map((r) => rec("sjukfranvaro", r.measure, r.month, r.breakdown, r.hours, r.count));
const recordArb = recordArbOver(monthArb);
/** Few months, so that several records share a month and breakdown (as a file imported in parts would). */
const crowdedArb = recordArbOver(fc.constantFrom("2019-02", "2019-07"));
const specArb: fc.Arbitrary<OutcomeSpec> = fc.constantFrom<OutcomeSpec>(
  sickLeave(""),
  sickLeave("kon=K"),
  { combine: "mean-of-months", measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown: "" }, scale: 1, unit: "number" },
  { combine: "sum", measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown: "kon=M" }, scale: 1, unit: "number" },
  { combine: "latest", measure: { source: "sjukfranvaro", measure: "schematimmar", breakdown: "" }, scale: 1, unit: "number" },
  { combine: "mean-of-records", measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown: "kon=K" }, scale: 1, unit: "number" },
);

describe("computeOutcome properties", () => {
  it("does not depend on the order of the records", () => {
    fc.assert(
      fc.property(
        fc.array(crowdedArb, { minLength: 20, maxLength: 80 }).chain((records) =>
          fc.tuple(fc.constant(records), fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length })),
        ),
        specArb,
        ([records, shuffled], spec) => {
          expect(computeOutcome(shuffled, spec, T2)).toEqual(computeOutcome(records, spec, T2));
        },
      ),
    );
  });

  it("gives the same outcome whether months are imported one at a time, in any order, or all at once", () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), specArb, fc.shuffledSubarray([...MONTHS], { minLength: 8, maxLength: 8 }), (records, spec, monthOrder) => {
        // A store that receives one month's file at a time, in the given order.
        const store: MonthlyRecord[] = [];
        for (const month of monthOrder) store.push(...records.filter((r) => r.month === month));
        expect(computeOutcome(store, spec, T2)).toEqual(computeOutcome(records, spec, T2));
      }),
    );
  });

  // Complete months: every measure and breakdown has a record in each month present, so each month's own outcome exists.
  const completeMonthsArb = fc.subarray([...MONTHS], { minLength: 1 }).chain((months) =>
    fc
      .array(fc.tuple(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 1, max: 50 })), { minLength: months.length * 6, maxLength: months.length * 6 })
      .map((values) =>
        months.flatMap((month, m) =>
          ["sjuktimmar", "schematimmar"].flatMap((measure, k) =>
            ["", "kon=K", "kon=M"].map((breakdown, b) => {
              const [quarterHours, count] = values[m * 6 + k * 3 + b] ?? [1, 1];
              return rec("sjukfranvaro", measure, month, breakdown, quarterHours / 4, count);
            }),
          ),
        ),
      ),
  );

  it("gives a tertial's outcome from what its months give", () => {
    fc.assert(
      fc.property(completeMonthsArb, specArb, (records, spec) => {
        const whole = computeOutcome(records, spec, T2).outcome;
        const months = MONTHS.map((m) => computeOutcome(records, spec, period(m)).outcome).filter((o) => o !== undefined);
        if (months.length === 0) return void expect(whole).toBeUndefined();
        const series = months.flatMap((o) => o.series);
        if (spec.combine !== "latest") expect(whole?.series).toEqual(series);
        const total = (pick: (p: (typeof series)[number]) => number): number => series.reduce((a, p) => a + pick(p), 0);
        let expected: number | undefined;
        switch (spec.combine) {
          case "sum":
            expected = months.reduce((a, o) => a + o.quantity.value, 0);
            break;
          case "mean-of-months":
            expected = months.reduce((a, o) => a + o.quantity.value, 0) / months.length;
            break;
          case "latest":
            expected = months[months.length - 1]?.quantity.value;
            break;
          case "ratio-of-sums":
            expected = total((p) => p.denominator ?? 0) === 0 ? undefined : (total((p) => p.sum) / total((p) => p.denominator ?? 0)) * 100;
            break;
          case "mean-of-records":
            expected = total((p) => p.count) === 0 ? undefined : total((p) => p.sum) / total((p) => p.count);
            break;
        }
        if (expected === undefined) expect(whole).toBeUndefined();
        else expect(whole?.quantity.value).toBeCloseTo(expected, 6);
      }),
    );
  });
});
