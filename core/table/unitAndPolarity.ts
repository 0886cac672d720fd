/**
 * Settles an indicator's unit and polarity once all its rows are read. The unit comes from
 * every value of the indicator and its breakdowns (inferUnit); bare numbers ("5,5" in a "(%)"
 * indicator) then take it. The polarity comes from the wording or the targets (inferPolarity).
 * A guess the controller should check is an issue at the indicator's name.
 */
import { issue, type Issue } from "../issues/issues";
import type { Baseline, Breakdown, CellValue, Polarity, Quantity, Target, Unit, YearOutcome, YearTarget } from "../model";
import type { PositionFields } from "./issuePosition";
import { inferPolarity, type PolarityInference } from "./inferPolarity";
import { inferUnit } from "./inferUnit";
import type { IndicatorBuilder } from "./treeBuilder";
import { UNIT_NAMES_SV as UNIT_SV } from "../issues/messages.sv";


/** What is better, for the polarity-guessed message. */
const POLARITY_SV: Record<Polarity["kind"], string> = { "higher-better": "högre", "lower-better": "lägre", point: "närmare målpunkten" };

function valueQuantity(value: CellValue): Quantity[] {
  return value.kind === "number" || value.kind === "labelled" ? [value.quantity] : [];
}

function targetQuantity(target: Target): Quantity[] {
  return target.kind === "value" || target.kind === "at-least" || target.kind === "at-most" ? [target.quantity] : [];
}

/** A bare number ("5,5" in a "(%)" indicator) takes the indicator's unit. */
function valueWithUnit(value: CellValue, unit: Unit): CellValue {
  if ((value.kind === "number" || value.kind === "labelled") && value.quantity.unit === "number") {
    return { ...value, quantity: { ...value.quantity, unit } };
  }
  return value;
}

function targetWithUnit(target: Target, unit: Unit): Target {
  if ((target.kind === "value" || target.kind === "at-least" || target.kind === "at-most") && target.quantity.unit === "number") {
    return { ...target, quantity: { ...target.quantity, unit } };
  }
  return target;
}

const outcomesWithUnit = (outcomes: readonly YearOutcome[], unit: Unit): YearOutcome[] =>
  outcomes.map((o) => ({ ...o, value: valueWithUnit(o.value, unit) }));
const targetsWithUnit = (targets: readonly YearTarget[], unit: Unit): YearTarget[] =>
  targets.map((t) => ({ ...t, target: targetWithUnit(t.target, unit) }));

export interface UnitSettled {
  readonly unit: Unit;
  readonly outcomes: YearOutcome[];
  readonly targets: YearTarget[];
  readonly breakdowns: Breakdown[];
  readonly baseline: Baseline | undefined;
  readonly issues: Issue[];
}

/**
 * @example settleUnit(indicator "Total sjukfrånvaro (%)" with outcome "5,5", at D20)
 *   // { unit: "percent", outcomes: [{ value: number 5.5 percent }], issues: [] }
 * @example settleUnit(indicator "Chefers sjukfrånvaro" with outcome "5,5", at D21)
 *   // { unit: "percent", ..., issues: [table/unit-guessed at D21, params { unit: "procent", reason: "sjukfrånvaro" }] }
 */
export function settleUnit(b: IndicatorBuilder, at: PositionFields): UnitSettled {
  const quantities = [
    ...b.outcomes.flatMap((o) => valueQuantity(o.value)),
    ...b.targets.flatMap((t) => targetQuantity(t.target)),
    ...b.breakdowns.flatMap((d) => [...d.outcomes.flatMap((o) => valueQuantity(o.value)), ...d.targets.flatMap((t) => targetQuantity(t.target))]),
  ];
  const { unit, guess } = inferUnit(b.name, quantities);
  const issues = guess === undefined ? [] : [issue("table/unit-guessed", "info", { ...at, raw: b.name, params: { unit: UNIT_SV[unit], reason: guess } })];
  const baseline: Baseline | undefined =
    b.baseline?.kind === "value" && b.baseline.quantity.unit === "number" ? { ...b.baseline, quantity: { ...b.baseline.quantity, unit } } : b.baseline;
  return {
    unit,
    outcomes: outcomesWithUnit(b.outcomes, unit),
    targets: targetsWithUnit(b.targets, unit),
    breakdowns: b.breakdowns.map((d) => ({ ...d, outcomes: outcomesWithUnit(d.outcomes, unit), targets: targetsWithUnit(d.targets, unit) })),
    baseline,
    issues,
  };
}

/**
 * @example settlePolarity("Antal hushåll med försörjningsstöd", outcomes 2018: 3 130, targets 2019: 2 800, at D6)
 *   // { inferred: { polarity: lower-better, source: "targets" }, issues: [table/polarity-guessed (info), params { polarity: "lägre" }] }
 */
export function settlePolarity(
  name: string,
  outcomes: readonly YearOutcome[],
  targets: readonly YearTarget[],
  at: PositionFields,
): { inferred: PolarityInference; issues: Issue[] } {
  const inferred = inferPolarity({
    name,
    targets,
    outcomes: outcomes.flatMap((o) => (o.value.kind === "number" ? [{ year: o.year, quantity: o.value.quantity }] : [])),
  });
  if (inferred.source !== "targets" && inferred.source !== "unknown") return { inferred, issues: [] };
  const severity = inferred.source === "unknown" ? "warning" : "info";
  const params = { polarity: POLARITY_SV[inferred.polarity.kind], reason: inferred.reason };
  return { inferred, issues: [issue("table/polarity-guessed", severity, { ...at, raw: name, params })] };
}
