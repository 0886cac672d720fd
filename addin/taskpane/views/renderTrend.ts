/**
 * "Trend": the trend picture of the indicator in focus, the same picture the board's report
 * prints (core/report: trendOfRow, renderTrendSvg), with the trend in words under it. A list
 * chooses the row (indicators and breakdowns with a binding); by default the first one. The SVG
 * string comes from the core with every text escaped; its words are printed beside it, so the
 * picture itself is hidden from screen readers (read once).
 */
import { trendOfRow } from "../../../core/report/computeTrend";
import { describeTrend } from "../../../core/report/describeTrend";
import { renderTrendSvg } from "../../../core/report/renderTrendSvg";
import type { Period } from "../../../core/periods/period";
import type { Analysis } from "../analyse";
import type { PaneActions } from "../actions";
import { el } from "../dom";

export function renderTrend(root: HTMLElement, analysis: Analysis, period: Period, focus: number | undefined, actions: PaneActions): void {
  const rows = analysis.assessment?.rows ?? [];
  const bound = analysis.assessment?.bound ?? [];
  if (rows.length === 0) return;
  const index = Math.max(0, rows.findIndex((row) => row.row === focus));
  const result = rows[index];
  const row = bound[index];
  if (result === undefined || row === undefined) return;

  const section = el("section", undefined, "trend");
  section.setAttribute("aria-labelledby", "trend-heading");
  const heading = el("h3", "Trend");
  heading.id = "trend-heading";
  const label = el("label", "Visa trenden för");
  label.htmlFor = "trend-row";
  const select = el("select");
  select.id = "trend-row";
  rows.forEach((candidate) => {
    const option = el("option", candidate.name);
    option.value = String(candidate.row);
    option.selected = candidate.row === result.row;
    select.append(option);
  });
  select.addEventListener("change", () => actions.focusTrend(Number(select.value)));

  const trend = trendOfRow(row.indicator, row.breakdown, { result, bound: row }, analysis.records, period);
  const figure = el("figure");
  figure.innerHTML = renderTrendSvg(trend, { id: "pane-trend", hidden: true });
  figure.append(el("figcaption", describeTrend(trend)));
  section.append(heading, label, select, figure);
  root.append(section);
}
