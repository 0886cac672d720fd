/**
 * The status rules (GLOSSARY.md), for one indicator row and one period:
 * - a value or a bound: met → Uppfyllt; not met but better than the reference (the latest
 *   earlier outcome, else the baseline) → Delvis uppfyllt; otherwise Ej uppfyllt.
 * - a direction: the right way against the reference (beyond the tolerance) → Uppfyllt;
 *   unchanged within the tolerance → Delvis uppfyllt; the wrong way → Ej uppfyllt.
 *   "Ska inte öka" is met when the outcome is not above the reference.
 * - a text target, no target, no outcome, or no reference for a direction → Kan ej bedömas.
 * - part of a year, a cumulative yearly target ("minst 677 under 2019") is judged on a
 *   forecast at the run rate (outcome so far × 12 / months so far), marked "prognos".
 * - the configuration can change polarity, tolerance and reference, or set a status by hand.
 *
 * An outcome is judged as it is shown, rounded to the decimals shown (1 for percent and
 * days, 0 for counts): "5,5 %" meets a target of 5,5 %. A target is cumulative by default
 * when the outcome is a sum over the months (combine "sum"); the configuration can say
 * otherwise either way.
 *
 * Default tolerance: 1 % of the reference (direction targets) or of the target (point
 * polarity, "Balanstal chefer" aiming at 1), in the outcome's unit.
 */
import { formatQuantity, formatTarget } from "../values/formatValue";
import { issue, type Issue } from "../issues/issues";
import type { Breakdown, Direction, Indicator, Polarity, Quantity, Target, Unit } from "../model";
import type { Outcome } from "../outcomes/outcome";
import { isPartOfYear, startsInJanuary, type Period } from "../periods/period";
import type { Reference, Status, StatusOverrides, StatusResult } from "./status";
import { STATUS_LOOKS } from "./statusLabels";

/** The row a status is for: an indicator's own row, or one of its breakdown rows. */
export interface StatusSubject {
  readonly indicator: Indicator;
  readonly breakdown?: Breakdown;
}

export interface EvaluateOptions {
  /** Decimals of numbers in the explanation; by default from the unit. */
  readonly decimals?: number;
}

/** Default decimals shown for a unit: whole counts, one decimal for percentages and days. */
export function defaultDecimals(unit: Unit): number {
  switch (unit) {
    case "count":
    case "kr":
      return 0;
    case "percent":
    case "percentage-points":
    case "days":
    case "mnkr":
      return 1;
    case "index":
    case "ratio":
    case "number":
      return 2;
  }
}

const RELATIVE_TOLERANCE = 0.01;

/** Rounds half away from zero, as Intl (and so the explanation) shows the number. */
function roundAsShown(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  return (Math.sign(value) * Math.round(scaled + 1e-9 * Math.max(1, scaled))) / factor;
}

/** Equal within floating-point noise. */
function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
const atLeast = (a: number, b: number): boolean => a > b || near(a, b);
const atMost = (a: number, b: number): boolean => a < b || near(a, b);

/** Is `a` strictly better than `b` for this polarity? */
function better(a: number, b: number, polarity: Polarity): boolean {
  switch (polarity.kind) {
    case "higher-better":
      return a > b && !near(a, b);
    case "lower-better":
      return a < b && !near(a, b);
    case "point": {
      const da = Math.abs(a - polarity.point);
      const db = Math.abs(b - polarity.point);
      return da < db && !near(da, db);
    }
  }
}

const STATUS_WORD: Readonly<Record<Status, string>> = {
  met: "uppfyllt",
  "partly-met": "delvis uppfyllt",
  "not-met": "ej uppfyllt",
  "not-assessable": "kan ej bedömas",
};

const DIRECTION_WORD: Readonly<Record<Direction, string>> = {
  increase: "ska öka",
  decrease: "ska minska",
  "not-increase": "ska inte öka",
  "not-decrease": "ska inte minska",
};

/** The row's target for the period's year. */
function targetFor(subject: StatusSubject, year: number): Target | undefined {
  const targets = (subject.breakdown ?? subject.indicator).targets;
  return targets.find((t) => t.year === year)?.target;
}

/** The reference: configured, or the latest earlier numeric outcome of the row, or the indicator's baseline. */
export function referenceFor(subject: StatusSubject, period: Period, overrides: StatusOverrides = {}): Reference | undefined {
  const outcomes = (subject.breakdown ?? subject.indicator).outcomes;
  const numberIn = (year: number): number | undefined => {
    const found = outcomes.find((o) => o.year === year)?.value;
    return found?.kind === "number" ? found.quantity.value : undefined;
  };
  if (overrides.reference !== undefined) {
    if ("value" in overrides.reference) return { value: overrides.reference.value, source: "configured" };
    const value = numberIn(overrides.reference.year);
    return value === undefined ? undefined : { value, source: "outcome", year: overrides.reference.year };
  }
  const earlier = outcomes
    .filter((o) => o.year < period.year && o.value.kind === "number")
    .sort((a, b) => b.year - a.year)[0];
  if (earlier !== undefined && earlier.value.kind === "number") {
    return { value: earlier.value.quantity.value, source: "outcome", year: earlier.year };
  }
  const baseline = subject.breakdown === undefined ? subject.indicator.baseline : undefined;
  if (baseline?.kind === "value") {
    return { value: baseline.quantity.value, source: "baseline", ...(baseline.year !== undefined && { year: baseline.year }) };
  }
  return undefined;
}

/** A status as the report shows it (label, symbol, colours from statusLabels) with its explanation. */
export function statusResult(
  status: Status,
  explanation: string,
  extra: Partial<Pick<StatusResult, "forecast" | "forecastQuantity" | "manual" | "target" | "reference" | "issues">> = {},
): StatusResult {
  const look = STATUS_LOOKS[status];
  return {
    status,
    label: look.label,
    symbol: look.symbol,
    fill: look.fill,
    fontColor: look.fontColor,
    explanation,
    forecast: extra.forecast ?? false,
    manual: extra.manual ?? false,
    issues: extra.issues ?? [],
    ...(extra.forecastQuantity !== undefined && { forecastQuantity: extra.forecastQuantity }),
    ...(extra.target !== undefined && { target: extra.target }),
    ...(extra.reference !== undefined && { reference: extra.reference }),
  };
}

/**
 * Judges one row's outcome for a period against its target for the period's year.
 *
 * @example evaluateStatus({ indicator: households }, { quantity: { value: 2509, unit: "count" }, … }, T2_2019)
 *   // { status: "met", label: "Uppfyllt", symbol: "✓", explanation: "Utfall 2 509 mot målvärde 2 800 – uppfyllt" }
 * @example evaluateStatus({ indicator: placements }, { quantity: { value: 400, unit: "count" }, combine: "sum", monthsUsed: 8 months … }, T2_2019)
 *   // { status: "partly-met", forecast: true,
 *   //   explanation: "Prognos 600 (utfall 400 på 8 mån × 12/8) mot målvärde minst 677, inte nått men bättre än 477 (utfall 2018) – delvis uppfyllt" }
 */
export function evaluateStatus(
  subject: StatusSubject,
  outcome: Outcome | undefined,
  period: Period,
  overrides: StatusOverrides = {},
  options: EvaluateOptions = {},
): StatusResult {
  const unit = outcome?.quantity.unit ?? subject.indicator.unit;
  const decimals = options.decimals ?? defaultDecimals(unit);
  const show = (q: Quantity): string => formatQuantity(q, decimals);
  const showValue = (value: number): string => show({ value, unit });
  const outcomeText = outcome === undefined ? undefined : `Utfall ${show(outcome.quantity)}`;
  const target = targetFor(subject, period.year);
  const withTarget = target === undefined ? {} : { target };

  if (overrides.manual !== undefined) {
    const { status, reason } = overrides.manual;
    const issues: Issue[] = [issue("status/manual", "info", { raw: subjectName(subject), params: { reason } })];
    const explanation = `${outcomeText === undefined ? "Satt" : `${outcomeText}; satt`} för hand: ${reason} – ${STATUS_WORD[status]}`;
    return statusResult(status, explanation, { manual: true, issues, ...withTarget });
  }

  const notAssessable = (why: string): StatusResult => statusResult("not-assessable", `${why} – ${STATUS_WORD["not-assessable"]}`, withTarget);
  if (target === undefined || target.kind === "missing") return notAssessable(`Målvärde för ${period.year} saknas`);
  if (target.kind === "text") {
    return notAssessable(`Målvärdet är en text ("${target.text}") och kan inte jämföras med ett utfall; sätt status för hand med en motivering`);
  }
  if (outcome === undefined || outcomeText === undefined) return notAssessable(`Utfall saknas för ${period.label}`);

  const reference = referenceFor(subject, period, overrides);
  const referenceText =
    reference === undefined
      ? ""
      : `${showValue(reference.value)} (${
          reference.source === "configured" ? "angivet referensvärde" : `${reference.source === "baseline" ? "basvärde" : "utfall"}${reference.year === undefined ? "" : ` ${reference.year}`}`
        })`;
  const withReference = reference === undefined ? {} : { reference };

  // Part of a year, a cumulative yearly target is judged on the run rate.
  const cumulative = overrides.cumulative ?? outcome.combine === "sum";
  if (cumulative && !startsInJanuary(period)) {
    // A sum over jul–dec or one month is not the year so far: it cannot meet a yearly target.
    return notAssessable(
      `${outcomeText} för ${period.label}, men målvärdet gäller hela året och perioden börjar inte i januari; välj en period från januari (t.ex. ${period.year}-T2)`,
    );
  }
  const monthsSoFar = outcome.monthsUsed.length;
  const forecast = cumulative && isPartOfYear(period) && monthsSoFar > 0 && monthsSoFar < 12;
  // Judged as shown: rounded to the decimals the workbook and the explanation show ("5,5 %" meets 5,5 %).
  const judged = roundAsShown(forecast ? (outcome.quantity.value * 12) / monthsSoFar : outcome.quantity.value, decimals);
  const judgedText = forecast
    ? `Prognos ${showValue(judged)} (utfall ${show(outcome.quantity)} på ${monthsSoFar} mån × 12/${monthsSoFar})`
    : outcomeText;
  const withForecast = forecast ? { forecast: true, forecastQuantity: { value: judged, unit } } : {};
  const done = (status: Status, middle: string): StatusResult =>
    statusResult(status, `${judgedText} ${middle} – ${STATUS_WORD[status]}`, { ...withTarget, ...withReference, ...withForecast });

  if (target.kind === "direction") {
    const wording = DIRECTION_WORD[target.direction];
    if (reference === undefined) {
      return statusResult("not-assessable", `${judgedText}, ${wording}, men referensvärde (tidigare utfall eller basvärde) saknas – ${STATUS_WORD["not-assessable"]}`, {
        ...withTarget,
        ...withForecast,
      });
    }
    const ref = reference.value;
    const tolerance = overrides.tolerance ?? Math.abs(ref) * RELATIVE_TOLERANCE;
    const against = `mot ${referenceText}, ${wording}`;
    const unchanged = `${against}; oförändrat inom ${showValue(tolerance)}`;
    switch (target.direction) {
      case "increase":
        if (judged > ref + tolerance && !near(judged, ref + tolerance)) return done("met", against);
        return atLeast(judged, ref - tolerance) ? done("partly-met", unchanged) : done("not-met", `${against}; minskade`);
      case "decrease":
        if (judged < ref - tolerance && !near(judged, ref - tolerance)) return done("met", against);
        return atMost(judged, ref + tolerance) ? done("partly-met", unchanged) : done("not-met", `${against}; ökade`);
      case "not-increase":
        if (atMost(judged, ref)) return done("met", against);
        return atMost(judged, ref + tolerance) ? done("partly-met", `${against}; ökade men inom ${showValue(tolerance)}`) : done("not-met", `${against}; ökade`);
      case "not-decrease":
        if (atLeast(judged, ref)) return done("met", against);
        return atLeast(judged, ref - tolerance) ? done("partly-met", `${against}; minskade men inom ${showValue(tolerance)}`) : done("not-met", `${against}; minskade`);
    }
  }

  // A value or a bound. A bound carries its own direction; a value follows the polarity.
  const goal = target.quantity.value;
  const polarity: Polarity =
    target.kind === "at-least"
      ? { kind: "higher-better" }
      : target.kind === "at-most"
        ? { kind: "lower-better" }
        : (() => {
            const configured = overrides.polarity ?? subject.indicator.polarity;
            // A point polarity aims at the target value itself.
            return configured.kind === "point" ? { kind: "point" as const, point: goal } : configured;
          })();
  const against = `mot målvärde ${formatTarget(target)}`;
  let met: boolean;
  switch (polarity.kind) {
    case "higher-better":
      met = atLeast(judged, goal);
      break;
    case "lower-better":
      met = atMost(judged, goal);
      break;
    case "point": {
      const tolerance = overrides.tolerance ?? Math.abs(goal) * RELATIVE_TOLERANCE;
      met = atMost(Math.abs(judged - goal), tolerance);
      break;
    }
  }
  if (met) return done("met", against);
  if (reference !== undefined && better(judged, reference.value, polarity)) {
    return done("partly-met", `${against}, inte nått men bättre än ${referenceText}`);
  }
  return done("not-met", reference === undefined ? against : `${against} och inte bättre än ${referenceText}`);
}

/** "Total sjukfrånvaro (%) – Kvinnor". */
function subjectName(subject: StatusSubject): string {
  return subject.breakdown === undefined ? subject.indicator.name : `${subject.indicator.name} – ${subject.breakdown.label}`;
}
