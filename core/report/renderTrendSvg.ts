/**
 * A small trend picture as an SVG string, no charting library: the earlier years' outcomes
 * (joined dots), then the months (a line broken where a month has no data), the target for
 * the year as a dashed line marked "mål", and the forecast for the year as a ring ("helår").
 * The lowest and highest value are written on the left so the scale can be read; the scale
 * spans at least a tenth of the largest value, so small changes look small. The same
 * string is used by the report (HTML and PDF) and the task pane.
 *
 * The picture carries its text alternative: <title> names it and <desc> says the trend in
 * words (describeTrend). Where the same words are printed beside it (the report), pass
 * `hidden: true` so a screen reader reads them once: the picture is then aria-hidden.
 * Every text is escaped; colours are dark enough against white for WCAG 1.4.11 (3:1).
 */
import { describeTrend } from "./describeTrend";
import { escapeHtml } from "./escapeHtml";
import { formatSwedishNumber } from "../values/formatNumber";
import { formatFixed } from "./formatFigure";
import type { Trend, TrendPoint } from "./computeTrend";

export interface TrendSvgOptions {
  /** Prefix for the ids of <title> and <desc>; unique within the page. */
  readonly id: string;
  /** The words are printed beside the picture: hide it from assistive technology. */
  readonly hidden?: boolean;
}

const HEIGHT = 96;
const TOP = 10;
const BOTTOM = 18;
const LEFT = 46;
const RIGHT = 28;
const YEAR_SLOT = 34;
const MONTH_SLOT = 22;
const GAP = 10;
const FORECAST_SLOT = 32;
const LINE = "#1f4e79";
const TARGET = "#595959";
const AXIS = "#767676";
const MIN_SPAN_SHARE = 0.1;
/** Least distance between the two scale labels, in pixels (a line of 10 px text). */
const LABEL_GAP = 11;

interface Placed {
  readonly point: TrendPoint;
  readonly x: number;
}

function place(trend: Trend): { years: Placed[]; months: Placed[]; forecast?: Placed; width: number } {
  let x = LEFT;
  const years = trend.years.map((point) => {
    const placed = { point, x: x + YEAR_SLOT / 2 };
    x += YEAR_SLOT;
    return placed;
  });
  if (years.length > 0 && trend.months.length > 0) x += GAP;
  const months = trend.months.map((point) => {
    const placed = { point, x: x + MONTH_SLOT / 2 };
    x += MONTH_SLOT;
    return placed;
  });
  let forecast: Placed | undefined;
  if (trend.forecast !== undefined) {
    forecast = { point: trend.forecast, x: x + FORECAST_SLOT / 2 };
    x += FORECAST_SLOT;
  }
  return { years, months, ...(forecast !== undefined && { forecast }), width: x + RIGHT };
}

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Polyline segments through consecutive points with values (a gap breaks the line). */
function segments(placed: readonly Placed[], y: (value: number) => number): string[][] {
  const runs: string[][] = [];
  let current: string[] = [];
  for (const p of placed) {
    if (p.point.value === undefined) {
      if (current.length > 0) runs.push(current);
      current = [];
      continue;
    }
    current.push(`${round(p.x)},${round(y(p.point.value))}`);
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/**
 * @example renderTrendSvg(trend, { id: "trend-21" })
 *   // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="trend-21-title trend-21-desc" width="298" height="96" …>
 *   //   <title id="trend-21-title">Trend: Antal hushåll med försörjningsstöd i snitt per månad.</title>
 *   //   <desc id="trend-21-desc">Per månad jan–aug 2019: minskande, …</desc> … </svg>'
 */
export function renderTrendSvg(trend: Trend, options: TrendSvgOptions): string {
  const { years, months, forecast, width } = place(trend);
  const values = [...trend.years, ...trend.months, ...(trend.forecast ? [trend.forecast] : [])]
    .map((p) => p.value)
    .filter((v): v is number => v !== undefined);
  const withTarget = trend.target?.value === undefined ? values : [...values, trend.target.value];
  const id = escapeHtml(options.id);
  const a11y = options.hidden
    ? `aria-hidden="true" focusable="false"`
    : `role="img" aria-labelledby="${id}-title ${id}-desc"`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" ${a11y} class="trend" width="${round(width)}" height="${HEIGHT}" viewBox="0 0 ${round(width)} ${HEIGHT}">`,
    `<title id="${id}-title">${escapeHtml(`Trend: ${trend.name}`)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(describeTrend(trend))}</desc>`,
  ];
  if (values.length === 0) {
    parts.push(`<text x="${LEFT}" y="${HEIGHT / 2}" font-size="11" fill="#333">Inga värden att visa</text></svg>`);
    return parts.join("");
  }

  let lo = Math.min(...withTarget);
  let hi = Math.max(...withTarget);
  // The scale spans at least a tenth of the largest value, so that a change of a few tenths
  // (87,9 % to 88,3 %) is not drawn as a leap from the bottom to the top.
  const least = Math.max(Math.abs(lo), Math.abs(hi)) * MIN_SPAN_SHARE || 1;
  if (hi - lo < least) {
    const middle = (hi + lo) / 2;
    lo = middle - least / 2;
    hi = middle + least / 2;
  }
  const plotBottom = HEIGHT - BOTTOM;
  const y = (value: number): number => plotBottom - ((value - lo) / (hi - lo)) * (plotBottom - TOP);
  const dataLo = Math.min(...values);
  const dataHi = Math.max(...values);

  // Scale: the lowest and the highest value shown, on the left, at their ticks; two labels
  // closer than a line of text are moved apart (the ticks stay where the values are).
  const hiLabel = y(dataHi);
  const loLabel = y(dataLo);
  const apart = Math.max(0, LABEL_GAP - (loLabel - hiLabel)) / 2;
  // Months are computed figures shown with the outcome's decimals ("7,0"); a table's own years with the decimals they need ("86").
  const monthly = trend.months.some((p) => p.value !== undefined);
  const label = (value: number): string => (monthly ? formatFixed(value, trend.decimals) : formatSwedishNumber(value, trend.decimals));
  const scale = (value: number, at: number, labelAt: number): string =>
    `<line x1="${LEFT - 4}" y1="${round(at)}" x2="${LEFT - 1}" y2="${round(at)}" stroke="${AXIS}"/>` +
    `<text x="${LEFT - 6}" y="${round(labelAt + 3.5)}" font-size="10" text-anchor="end" fill="#333">${escapeHtml(label(value))}</text>`;
  parts.push(scale(dataHi, hiLabel, dataLo === dataHi ? hiLabel : hiLabel - apart));
  if (dataLo !== dataHi) parts.push(scale(dataLo, loLabel, loLabel + apart));
  parts.push(`<line x1="${LEFT}" y1="${plotBottom}" x2="${round(width - RIGHT)}" y2="${plotBottom}" stroke="${AXIS}"/>`);

  if (trend.target?.value !== undefined) {
    const ty = round(y(trend.target.value));
    parts.push(
      `<line x1="${LEFT}" y1="${ty}" x2="${round(width - RIGHT)}" y2="${ty}" stroke="${TARGET}" stroke-width="1.2" stroke-dasharray="4 3"/>`,
      `<text x="${round(width - RIGHT + 3)}" y="${round(Number(ty) + 3.5)}" font-size="10" fill="#333">mål</text>`,
    );
  }

  for (const run of [...segments(years, y), ...segments(months, y)]) {
    if (run.length > 1) parts.push(`<polyline points="${run.join(" ")}" fill="none" stroke="${LINE}" stroke-width="1.8"/>`);
  }
  for (const p of [...years, ...months]) {
    if (p.point.value === undefined) continue;
    const shape =
      p.point.kind === "year"
        ? `<rect x="${round(p.x - 3)}" y="${round(y(p.point.value) - 3)}" width="6" height="6" fill="${LINE}"/>`
        : `<circle cx="${round(p.x)}" cy="${round(y(p.point.value))}" r="2.6" fill="${LINE}"/>`;
    parts.push(shape);
  }
  if (forecast?.point.value !== undefined) {
    const lastMonth = [...months].reverse().find((p) => p.point.value !== undefined);
    if (lastMonth?.point.value !== undefined) {
      parts.push(
        `<line x1="${round(lastMonth.x)}" y1="${round(y(lastMonth.point.value))}" x2="${round(forecast.x)}" y2="${round(y(forecast.point.value))}" stroke="${LINE}" stroke-width="1.2" stroke-dasharray="2 2"/>`,
      );
    }
    parts.push(`<circle cx="${round(forecast.x)}" cy="${round(y(forecast.point.value))}" r="3.5" fill="#fff" stroke="${LINE}" stroke-width="1.6"/>`);
  }

  // Axis labels: every year, every month (3 letters), "helår".
  for (const p of [...years, ...months, ...(forecast ? [forecast] : [])]) {
    parts.push(`<text x="${round(p.x)}" y="${HEIGHT - 4}" font-size="10" text-anchor="middle" fill="#333">${escapeHtml(p.point.label)}</text>`);
  }
  parts.push("</svg>");
  return parts.join("");
}
