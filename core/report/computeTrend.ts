/**
 * The trend of one indicator row: the values a trend picture draws and its text alternative
 * says in words. Earlier years come from the table (the row's numeric outcomes before the
 * period's year); months from the monthly records, each month's value computed by the same
 * core function as the outcome (computeOutcome), so a point never disagrees with the figure in
 * the table: a month alone for most rows, the year so far for a sum ("minst 677 under 2019"),
 * whose last point then is the outcome itself. Months run from January of the period's year (or
 * the period's first month, if earlier) to the period's last month; a month without data is a
 * gap, named, never a zero.
 */
import { computeOutcome } from "../outcomes/computeOutcome";
import { VALUE_SOURCES } from "../outcomes/yearlyOutcome";
import type { BoundRow, ResolvedBinding } from "../outcomes/bindings";
import type { Breakdown, Indicator, Polarity, Unit } from "../model";
import { MONTH_ABBREVIATIONS_SV, MONTH_NAMES_SV, monthOf, parsePeriod, splitMonth, type Period } from "../periods/period";
import type { Month, MonthlyRecord } from "../records/records";
import { defaultDecimals, type StatusSubject } from "../status/evaluateStatus";
import type { StatusResult } from "../status/status";
import { formatTarget } from "../values/formatValue";
import type { RowResult } from "../workbook/planWrites";

export interface TrendPoint {
  /** "2017" for a year, "2019-03" for a month, "forecast" for the forecast for the year. */
  readonly key: string;
  readonly kind: "year" | "month" | "forecast";
  /** Short label on the axis: "2017", "mar", "helår". */
  readonly label: string;
  /** In a sentence: "2017", "mars", "helåret". */
  readonly spoken: string;
  /** Undefined for a month without data (a gap). */
  readonly value: number | undefined;
}

export interface Trend {
  /** "Antal hushåll med försörjningsstöd i snitt per månad." or "Total sjukfrånvaro (%) – Kvinnor". */
  readonly name: string;
  readonly unit: Unit;
  /** Decimals the figures are shown with (as the outcome is). */
  readonly decimals: number;
  readonly polarity: Polarity;
  /** The row's numeric outcomes of earlier years, oldest first. */
  readonly years: readonly TrendPoint[];
  /** One point per month from January (or the period's start) to the period's end; gaps have no value. */
  readonly months: readonly TrendPoint[];
  /** True when each month's value is the year so far (a sum over the months). */
  readonly cumulative: boolean;
  /** The forecast for the year the status was judged on, when it was ("prognos"). */
  readonly forecast?: TrendPoint;
  /** The target for the period's year: its value when it is a number or a bound, and as the table words it. */
  readonly target?: { readonly year: number; readonly value?: number; readonly text: string };
  readonly period: Pick<Period, "id" | "label" | "year">;
}

export interface TrendInput {
  readonly subject: StatusSubject;
  readonly name: string;
  readonly unit: Unit;
  readonly decimals: number;
  /** Absent for a row no measure feeds: then only its earlier years are drawn. */
  readonly binding?: ResolvedBinding;
  /** The monthly records (any months; those of the trend's months are used). */
  readonly records: readonly MonthlyRecord[];
  readonly period: Period;
  readonly status?: StatusResult;
  /** The polarity the status rules used (configured, else the indicator's). */
  readonly polarity?: Polarity;
  /** The period's outcome: drawn as the year's point for a value measured per year (Kolada, entered by hand). */
  readonly outcome?: number;
}

/** Sources whose values are yearly, one per year on its December (issue 13: Kolada, values entered by hand). */
const YEARLY_SOURCES: ReadonlySet<string> = new Set(VALUE_SOURCES);

/**
 * True for a binding measured per year: marked `yearly`, or reading only yearly sources. Its trend
 * is the years, never months (which would all read as missing).
 */
export function isYearlyBinding(binding: object | undefined): boolean {
  if (binding === undefined) return false;
  if ((binding as { readonly yearly?: unknown }).yearly === true) return true;
  const refs = binding as { readonly measure?: { readonly source: string }; readonly denominator?: { readonly source: string }; readonly terms?: readonly { readonly measure: { readonly source: string } }[] };
  const sources = [refs.measure?.source, refs.denominator?.source, ...(refs.terms ?? []).map((t) => t.measure.source)].filter((id): id is string => id !== undefined);
  return sources.length > 0 && sources.every((id) => YEARLY_SOURCES.has(id.toLowerCase()));
}

function periodOf(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(`internal: ${text} is not a period`);
  return parsed.value;
}

/** The months a trend shows: from January of the period's year (or the period's start, if earlier) to its end. */
export function trendMonths(period: Period): Month[] {
  const first = period.months[0];
  const last = period.months[period.months.length - 1];
  if (first === undefined || last === undefined) return [];
  const january = monthOf(period.year, 1);
  const start = first < january ? first : january;
  return [...periodOf(`${start}..${last}`).months];
}

function monthPoint(month: Month, value: number | undefined): TrendPoint {
  const number = splitMonth(month).month;
  return {
    key: month,
    kind: "month",
    label: MONTH_ABBREVIATIONS_SV[number - 1] ?? month,
    spoken: MONTH_NAMES_SV[number - 1] ?? month,
    value,
  };
}

/**
 * @example computeTrend({ subject: { indicator: households }, name: "Antal hushåll …", unit: "count", decimals: 0,
 *   binding, records, period: parsePeriod("2019-T2").value })
 *   // { years: [{ label: "2017", value: 2996 }, { label: "2018", value: 3130 }],
 *   //   months: [{ label: "jan", value: 3060 }, …, { label: "aug", value: 2986 }], cumulative: false,
 *   //   target: { year: 2019, value: 2800, text: "2 800" } }
 */
export function computeTrend(input: TrendInput): Trend {
  const { subject, period, binding } = input;
  const row = subject.breakdown ?? subject.indicator;
  const years: TrendPoint[] = row.outcomes
    .filter((o) => o.year < period.year && o.value.kind === "number")
    .sort((a, b) => a.year - b.year)
    .map((o) => {
      const annotation = o.value.kind === "number" ? o.value.annotation : undefined;
      return {
        key: String(o.year),
        kind: "year",
        label: String(o.year),
        // "2018, tertial 1" when the table says the value covers part of the year ("88,3, tertial 1").
        spoken: annotation === undefined || annotation.trim() === "" ? String(o.year) : `${o.year}, ${annotation.trim()}`,
        value: o.value.kind === "number" ? o.value.quantity.value : undefined,
      };
    });

  const yearly = isYearlyBinding(binding);
  if (yearly && input.outcome !== undefined) {
    years.push({ key: String(period.year), kind: "year", label: String(period.year), spoken: String(period.year), value: input.outcome });
  }
  const cumulative = binding?.combine === "sum" && !yearly;
  const months: TrendPoint[] = [];
  if (binding !== undefined && !yearly) {
    const shown = trendMonths(period);
    const yearStart = shown[0];
    for (const month of shown) {
      const alone = computeOutcome(input.records, binding, periodOf(month)).outcome;
      // A sum shows the year so far, but only for a month that itself has data (no silent carry-over).
      const value =
        alone === undefined || yearStart === undefined ? undefined : cumulative ? computeOutcome(input.records, binding, periodOf(`${yearStart}..${month}`)).outcome?.quantity.value : alone.quantity.value;
      months.push(monthPoint(month, value));
    }
  }

  const yearTarget = row.targets.find((t) => t.year === period.year);
  const target =
    yearTarget === undefined || yearTarget.target.kind === "missing"
      ? undefined
      : {
          year: period.year,
          text: formatTarget(yearTarget.target),
          ...((yearTarget.target.kind === "value" || yearTarget.target.kind === "at-least" || yearTarget.target.kind === "at-most") && {
            value: yearTarget.target.quantity.value,
          }),
        };
  const forecastValue = input.status?.forecast === true ? input.status.forecastQuantity?.value : undefined;

  return {
    name: input.name,
    unit: input.unit,
    decimals: input.decimals,
    polarity: input.polarity ?? subject.indicator.polarity,
    years,
    months,
    cumulative,
    ...(forecastValue !== undefined && { forecast: { key: "forecast", kind: "forecast", label: "helår", spoken: "helåret", value: forecastValue } }),
    ...(target !== undefined && { target }),
    period: { id: period.id, label: period.label, year: period.year },
  };
}

/**
 * The trend of one row of the table, as the report and the task pane draw it: with its result
 * and bound row when the row is filled (the outcome's unit and decimals, the binding's months,
 * the configured polarity, the forecast), else only its earlier years.
 *
 * @example trendOfRow(households, undefined, { result, bound }, records, T2_2019) // { years: [2017, 2018], months: jan–aug, … }
 */
export function trendOfRow(
  indicator: Indicator,
  breakdown: Breakdown | undefined,
  filled: { readonly result: RowResult; readonly bound: BoundRow } | undefined,
  records: readonly MonthlyRecord[],
  period: Period,
): Trend {
  const result = filled?.result;
  const unit = result?.outcome?.quantity.unit ?? result?.unit ?? indicator.unit;
  const binding = filled?.bound.binding;
  const polarity = filled?.bound.status.polarity;
  return computeTrend({
    subject: breakdown === undefined ? { indicator } : { indicator, breakdown },
    name: breakdown === undefined ? indicator.name : `${indicator.name} – ${breakdown.label}`,
    unit,
    decimals: result?.decimals ?? defaultDecimals(unit),
    ...(binding !== undefined && { binding }),
    records,
    period,
    ...(result !== undefined && { status: result.status }),
    ...(polarity !== undefined && { polarity }),
    ...(result?.outcome !== undefined && { outcome: result.outcome.quantity.value }),
  });
}
