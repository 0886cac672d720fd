/**
 * Computes one row's outcome for a period from the monthly records: sums first, divided
 * last, so any period's outcome is exact (never an average of averages or of percentages).
 * A month of the period with no data is reported (period/missing-month), never skipped
 * silently. The result does not depend on the order of the records. A formula binding computes
 * each named term as its own outcome (its combine over the same months) and then the formula.
 */
import { issue, type Issue } from "../issues/issues";
import type { Outcome, MeasureRef, MonthPoint, OutcomeResult } from "./outcome";
import { evaluateFormula } from "./formula";
import type { Period } from "../periods/period";
import type { Month, MonthlyRecord } from "../records/records";
import type { FormulaBinding, SingleMeasureBinding } from "./bindings";
import type { Unit } from "../model";

/** What computeOutcome needs of a one-measure binding. */
export type MeasureOutcomeSpec = Pick<SingleMeasureBinding, "combine" | "measure" | "scale"> &
  Partial<Pick<SingleMeasureBinding, "denominator">> & { readonly unit: Unit };

/** What computeOutcome needs of a binding: one measure, or a formula over named terms. */
export type OutcomeSpec = MeasureOutcomeSpec | (Pick<FormulaBinding, "combine" | "formula" | "terms" | "scale"> & { readonly unit: Unit });

interface MonthTotals {
  readonly sum: number;
  readonly count: number;
}

/** Adds numbers in a fixed order, so the total does not depend on the input's order. */
function stableSum(values: number[]): number {
  return values.sort((a, b) => a - b).reduce((total, value) => total + value, 0);
}

/**
 * Per month of the period: the totals of one measure and breakdown. A month counts as
 * imported when the measure has any record that month (a breakdown with no rows in an
 * imported month is zero, not missing).
 */
function monthlyTotals(records: readonly MonthlyRecord[], ref: MeasureRef, months: ReadonlySet<Month>): Map<Month, MonthTotals> {
  const sums = new Map<Month, number[]>();
  const counts = new Map<Month, number[]>();
  for (const record of records) {
    if (record.source !== ref.source || record.measure !== ref.measure || !months.has(record.month)) continue;
    if (!sums.has(record.month)) {
      sums.set(record.month, []);
      counts.set(record.month, []);
    }
    if (record.breakdown !== ref.breakdown) continue;
    sums.get(record.month)?.push(record.sum);
    counts.get(record.month)?.push(record.count);
  }
  const totals = new Map<Month, MonthTotals>();
  for (const [month, values] of sums) {
    totals.set(month, { sum: stableSum(values), count: stableSum(counts.get(month) ?? []) });
  }
  return totals;
}

function measureName(ref: MeasureRef): string {
  return `${ref.source}/${ref.measure}${ref.breakdown === "" ? "" : ` (${ref.breakdown})`}`;
}

/**
 * The outcome of one bound row for a period.
 *
 * @example computeOutcome(records, { combine: "mean-of-months", measure: { source: "forsorjningsstod", measure: "hushall", breakdown: "" }, scale: 1, unit: "count" }, T2_2019)
 *   // { outcome: { quantity: { value: 2509.4, unit: "count" }, monthsUsed: ["2019-01", …, "2019-08"], missingMonths: [] }, issues: [] }
 * @example // March never imported: the mean is over the 7 other months, and the gap is reported
 *   // issues: [{ code: "period/missing-month", params: { month: "2019-03", measure: "forsorjningsstod/hushall", period: "tertial 2 2019 (jan–aug)" } }]
 */
export function computeOutcome(records: readonly MonthlyRecord[], binding: OutcomeSpec, period: Period): OutcomeResult {
  if (binding.combine === "formula") return computeFormulaOutcome(records, binding, period);
  return computeMeasureOutcome(records, binding, period);
}

function computeMeasureOutcome(records: readonly MonthlyRecord[], binding: MeasureOutcomeSpec, period: Period): OutcomeResult {
  const periodMonths = new Set(period.months);
  const numerator = monthlyTotals(records, binding.measure, periodMonths);
  const denominator = binding.denominator === undefined ? undefined : monthlyTotals(records, binding.denominator, periodMonths);
  const present = (month: Month): boolean => numerator.has(month) && (denominator === undefined || denominator.has(month));
  const label = measureName(binding.measure);

  const missingIssue = (month: Month): Issue =>
    issue("period/missing-month", "warning", { params: { month, measure: label, period: period.label } });

  let monthsUsed: Month[];
  let missingMonths: Month[];
  if (binding.combine === "latest") {
    // Only the period's last month matters; when it is missing, the latest earlier month stands in, reported.
    const available = period.months.filter(present);
    const last = available[available.length - 1];
    const wanted = period.months[period.months.length - 1];
    monthsUsed = last === undefined ? [] : [last];
    missingMonths = wanted !== undefined && wanted !== last ? [wanted] : [];
  } else {
    monthsUsed = period.months.filter(present);
    missingMonths = period.months.filter((month) => !present(month));
  }
  const issues = missingMonths.map(missingIssue);

  const series: MonthPoint[] = monthsUsed.map((month) => {
    const own = numerator.get(month) ?? { sum: 0, count: 0 };
    const under = denominator?.get(month);
    return { month, sum: own.sum, count: own.count, ...(under !== undefined && { denominator: under.sum }) };
  });
  if (series.length === 0) return { outcome: undefined, issues };

  const total = (pick: (point: MonthPoint) => number): number => stableSum(series.map(pick));
  let value: number | undefined;
  switch (binding.combine) {
    case "mean-of-months":
      value = total((p) => p.sum) / series.length;
      break;
    case "sum":
      value = total((p) => p.sum);
      break;
    case "latest":
      value = series[series.length - 1]?.sum;
      break;
    case "ratio-of-sums": {
      const under = total((p) => p.denominator ?? 0);
      value = under === 0 ? undefined : total((p) => p.sum) / under;
      break;
    }
    case "mean-of-records": {
      const count = total((p) => p.count);
      value = count === 0 ? undefined : total((p) => p.sum) / count;
      break;
    }
  }
  if (value === undefined) {
    issues.push(issue("outcome/no-data", "warning", { raw: label, params: { period: period.label } }));
    return { outcome: undefined, issues };
  }
  const outcome: Outcome = {
    quantity: { value: value * binding.scale, unit: binding.unit },
    combine: binding.combine,
    monthsUsed,
    missingMonths,
    series,
  };
  return { outcome, issues };
}

/**
 * A formula's outcome: each term is computed as its own outcome for the period (its combine, the
 * same missing-month rules), then the formula over the terms' values. No term value, no outcome;
 * a division by zero gives outcome/formula-undefined with the reason.
 *
 * @example computeFormulaOutcome(records, { combine: "formula", formula: parse("(budget - utfall) / budget * 100"),
 *   terms: [utfall summed, budget summed], scale: 1, unit: "percent" }, T2_2019)
 *   // { outcome: { quantity: { value: 3.1, unit: "percent" }, formula: { text: "…", terms: { utfall: 348.7e6, budget: 359.8e6 } }, … } }
 */
function computeFormulaOutcome(
  records: readonly MonthlyRecord[],
  binding: Pick<FormulaBinding, "formula" | "terms" | "scale"> & { readonly unit: Unit },
  period: Period,
): OutcomeResult {
  const issues: Issue[] = [];
  const values: Record<string, number> = {};
  const used = new Set<Month>();
  const missing = new Set<Month>();
  let complete = true;
  for (const term of binding.terms) {
    const computed = computeMeasureOutcome(records, { combine: term.combine, measure: term.measure, scale: 1, unit: "number" }, period);
    issues.push(...computed.issues);
    if (computed.outcome === undefined) {
      complete = false;
      continue;
    }
    values[term.name] = computed.outcome.quantity.value;
    computed.outcome.monthsUsed.forEach((month) => used.add(month));
    computed.outcome.missingMonths.forEach((month) => missing.add(month));
  }
  if (!complete) return { outcome: undefined, issues };
  const evaluated = evaluateFormula(binding.formula, values);
  if (!evaluated.ok) {
    issues.push(issue("outcome/formula-undefined", "warning", { raw: binding.formula.text, params: { period: period.label, reason: evaluated.reason } }));
    return { outcome: undefined, issues };
  }
  const outcome: Outcome = {
    quantity: { value: evaluated.value * binding.scale, unit: binding.unit },
    combine: "formula",
    monthsUsed: period.months.filter((month) => used.has(month)),
    missingMonths: period.months.filter((month) => missing.has(month)),
    series: [],
    formula: { text: binding.formula.text, terms: values },
  };
  return { outcome, issues };
}
