/**
 * The trend in words: the text alternative of a trend picture (WCAG 1.1.1), which the report
 * also shows beside it. It says which way the months went (a least-squares line through the
 * months with data: "ökande", "minskande" or "i stort sett oförändrad" when the line moves less
 * than 1 % of the months' mean, the same share the status rules count as unchanged), the first,
 * last, lowest and highest month, whether that way is the better one, the earlier years, the
 * target and the months without data. For a sum it says the year so far and the forecast.
 */
import type { Polarity } from "../model";
import { monthsLabel } from "../periods/period";
import { formatQuantity } from "../values/formatValue";
import { formatFigure } from "./formatFigure";
import type { Trend, TrendPoint } from "./computeTrend";

/** A line through the months moving less than this share of their mean is "i stort sett oförändrad". */
const FLAT_SHARE = 0.01;

export type TrendDirection = "increasing" | "decreasing" | "flat";

interface Present {
  readonly index: number;
  readonly point: TrendPoint;
  readonly value: number;
}

function present(points: readonly TrendPoint[]): Present[] {
  return points.flatMap((point, index) => (point.value === undefined ? [] : [{ index, point, value: point.value }]));
}

/**
 * Which way a series of months went: the least-squares slope over the months' positions (a gap
 * keeps its place), times the span, against 1 % of the mean. Undefined with fewer than two months.
 *
 * @example trendDirection([{ value: 3060 }, { value: 3040 }, …, { value: 2986 }]) // "decreasing"
 */
export function trendDirection(points: readonly TrendPoint[]): TrendDirection | undefined {
  const shown = present(points);
  if (shown.length < 2) return undefined;
  const n = shown.length;
  const meanX = shown.reduce((s, p) => s + p.index, 0) / n;
  const meanY = shown.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of shown) {
    sxy += (p.index - meanX) * (p.value - meanY);
    sxx += (p.index - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const span = (shown[n - 1]?.index ?? 0) - (shown[0]?.index ?? 0);
  const change = slope * span;
  const scale = Math.abs(meanY);
  if (Math.abs(change) <= FLAT_SHARE * scale || change === 0) return "flat";
  return change > 0 ? "increasing" : "decreasing";
}

const DIRECTION_SV: Readonly<Record<TrendDirection, string>> = {
  increasing: "ökande",
  decreasing: "minskande",
  flat: "i stort sett oförändrad",
};

/** "åt det bättre hållet" / "åt det sämre hållet" for a direction under a polarity; nothing for a point or a flat line. */
function judged(direction: TrendDirection, polarity: Polarity): string {
  if (direction === "flat" || polarity.kind === "point") return "";
  const better = (direction === "increasing") === (polarity.kind === "higher-better");
  return better ? ", åt det bättre hållet" : ", åt det sämre hållet";
}

/** "2 620 i januari" */
const at = (trend: Trend, p: Present): string => `${formatFigure({ value: p.value, unit: trend.unit }, trend.decimals)} i ${p.point.spoken}`;

function extremes(trend: Trend, shown: readonly Present[]): string {
  let low = shown[0];
  let high = shown[0];
  for (const p of shown) {
    if (low === undefined || p.value < low.value) low = p;
    if (high === undefined || p.value > high.value) high = p;
  }
  if (low === undefined || high === undefined || low === high) return "";
  return `; lägst ${at(trend, low)}, högst ${at(trend, high)}`;
}

function monthsSentence(trend: Trend): string | undefined {
  const shown = present(trend.months);
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const span = monthsLabel(trend.months.map((p) => p.key));
  if (trend.cumulative) {
    const sofar = `Hittills under ${trend.period.year} (summan av månaderna): ${at(trend, last)}`;
    return shown.length === 1 ? `${sofar}.` : `${sofar}, från ${at(trend, first)}.`;
  }
  if (shown.length === 1) return `Per månad: ${at(trend, first)}.`;
  const direction = trendDirection(trend.months) ?? "flat";
  return `Per månad ${span}: ${DIRECTION_SV[direction]}${judged(direction, trend.polarity)}, från ${at(trend, first)} till ${at(trend, last)}${extremes(trend, shown)}.`;
}

/**
 * @example describeTrend(trend)
 *   // "Per månad jan–aug 2019: minskande, åt det bättre hållet, från 3 060 i januari till 2 986 i augusti;
 *   //  lägst 2 986 i augusti, högst 3 060 i januari. Tidigare år: 2 996 (2017), 3 130 (2018). Målvärde 2019: 2 800."
 */
export function describeTrend(trend: Trend): string {
  const sentences: string[] = [];
  const months = monthsSentence(trend);
  if (months !== undefined) sentences.push(months);
  if (trend.forecast?.value !== undefined) {
    sentences.push(`Prognos för helåret: ${formatFigure({ value: trend.forecast.value, unit: trend.unit }, trend.decimals)}.`);
  }
  const years = present(trend.years);
  if (years.length > 0) {
    // The table's own figures, with no more decimals than they need ("86 %", "4,8 %").
    const list = years.map((p) => `${formatQuantity({ value: p.value, unit: trend.unit }, trend.decimals)} (${p.point.spoken})`).join(", ");
    const thisYear = years.some((p) => p.point.key === String(trend.period.year));
    sentences.push(`${thisYear ? "Per år" : "Tidigare år"}: ${list}.`);
  }
  if (trend.target !== undefined) sentences.push(`Målvärde ${trend.target.year}: ${trend.target.text}.`);
  const gaps = trend.months.filter((p) => p.value === undefined);
  if (gaps.length > 0 && present(trend.months).length > 0) {
    sentences.push(`Uppgift saknas för ${gaps.map((p) => p.spoken).join(", ")}.`);
  }
  if (trend.months.length > 0 && months === undefined) {
    // A measured row with no month of data: said first, so the earlier years are not taken for this year's.
    sentences.unshift(`Inga månadsvärden för ${monthsLabel(trend.months.map((p) => p.key))}.`);
  } else if (months === undefined && years.length === 0) {
    sentences.unshift("Inga värden att visa.");
  }
  return sentences.join(" ");
}
