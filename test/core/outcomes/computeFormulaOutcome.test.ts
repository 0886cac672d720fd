/**
 * A formula binding's outcome: each term computed for the period as its own combine says, then
 * the formula. Figures worked out by hand from the records below.
 */
import { parseBindings, type FormulaBinding } from "../../../core/outcomes/bindings";
import { computeOutcome } from "../../../core/outcomes/computeOutcome";
import { parsePeriod, type Period } from "../../../core/periods/period";
import type { MonthlyRecord } from "../../../core/records/records";

const period = (text: string): Period => {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

function formulaBinding(formula: string, terms: Record<string, unknown>): FormulaBinding & { unit: "percent" } {
  const parsed = parseBindings({ bindings: [{ indicator: "X", formula, terms }] }, "bindings.json");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issue));
  const binding = parsed.value.entries[0]?.binding;
  if (binding?.combine !== "formula") throw new Error("not a formula");
  return { ...binding, unit: "percent" };
}

const record = (measure: string, month: string, sum: number, breakdown = ""): MonthlyRecord => ({ source: "personal", measure, month, breakdown, sum, count: sum });
const TURNOVER = formulaBinding("slutat / anstallda * 100", {
  slutat: { source: "personal", measure: "slutat" },
  anstallda: { source: "personal", measure: "anstallda", combine: "mean-of-months" },
});

describe("computeOutcome with a formula", () => {
  const records = [
    record("slutat", "2019-01", 2), record("slutat", "2019-02", 0), record("slutat", "2019-03", 3), record("slutat", "2019-04", 1),
    record("anstallda", "2019-01", 400), record("anstallda", "2019-02", 404), record("anstallda", "2019-03", 396), record("anstallda", "2019-04", 400),
  ];

  it("sums one term and averages the other over the months, then divides: 6 / 400 × 100 = 1,5", () => {
    const { outcome, issues } = computeOutcome(records, TURNOVER, period("2019-T1"));
    expect(issues).toEqual([]);
    expect(outcome?.quantity).toEqual({ value: 1.5, unit: "percent" });
    expect(outcome?.combine).toBe("formula");
    expect(outcome?.formula).toEqual({ text: "slutat / anstallda * 100", terms: { slutat: 6, anstallda: 400 } });
    expect(outcome?.monthsUsed).toEqual(["2019-01", "2019-02", "2019-03", "2019-04"]);
  });

  it("names a month a term lacks and uses the months there are", () => {
    const { outcome, issues } = computeOutcome(records.filter((r) => !(r.measure === "anstallda" && r.month === "2019-04")), TURNOVER, period("2019-T1"));
    expect(issues.map((i) => [i.code, i.params?.["month"], i.params?.["measure"]])).toEqual([["period/missing-month", "2019-04", "personal/anstallda"]]);
    expect(outcome?.missingMonths).toEqual(["2019-04"]);
    expect(outcome?.quantity.value).toBeCloseTo((6 / 400) * 100, 12);
  });

  it("gives no outcome when a term has no data in the period, never a number from the other term alone", () => {
    const { outcome } = computeOutcome(records.filter((r) => r.measure !== "anstallda"), TURNOVER, period("2019-T1"));
    expect(outcome).toBeUndefined();
  });

  it("gives no outcome and says why when the formula divides by zero", () => {
    const zero = records.map((r) => (r.measure === "anstallda" ? { ...r, sum: 0 } : r));
    const { outcome, issues } = computeOutcome(zero, TURNOVER, period("2019-T1"));
    expect(outcome).toBeUndefined();
    expect(issues.map((i) => [i.code, i.raw, i.params?.["reason"]])).toEqual([["outcome/formula-undefined", "slutat / anstallda * 100", "division med noll (anstallda = 0)"]]);
  });

  it("does not depend on the order of the records", () => {
    const forward = computeOutcome(records, TURNOVER, period("2019-T1")).outcome?.quantity.value;
    const backward = computeOutcome([...records].reverse(), TURNOVER, period("2019-T1")).outcome?.quantity.value;
    expect(backward).toBe(forward);
  });
});
