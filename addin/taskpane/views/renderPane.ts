/**
 * The whole pane, drawn afresh from the state on every change: the message and Excel-version
 * warnings on top, then Tabellen, Period and Månadens filer; with a table read, also Utfall och
 * status, Trend (the picture for the indicator in focus), Status för hand, Manuella värden,
 * Aktiviteter (when the workbook has an activity sheet) and Tveksamheter. The analysis is derived here, once per render.
 */
import type { PaneActions } from "../actions";
import { describeWorkbook } from "../controller";
import { el } from "../dom";
import { currentAnalysis, type PaneState } from "../state";
import { renderFiles } from "./renderFiles";
import { renderIssues } from "./renderIssues";
import { renderManualStatus } from "./renderManualStatus";
import { renderManualValues } from "./renderManualValues";
import { renderPeriod } from "./renderPeriod";
import { renderPreview } from "./renderPreview";
import { renderTable } from "./renderTable";
import { renderTrend } from "./renderTrend";
import { renderActivities } from "./renderActivities";

export function renderPane(root: HTMLElement, state: PaneState, actions: PaneActions): void {
  root.replaceChildren();
  if (state.message) root.append(el("p", state.message.text, `notice notice--${state.message.kind}`));
  const view = describeWorkbook(state.snapshot, state.capabilities);
  for (const warning of view.warnings) root.append(el("p", warning, "notice notice--warning"));
  const { analysis, period, periodError } = currentAnalysis(state); // may move an unedited period to the data

  renderTable(root, view, state.configurationSource, analysis, actions);
  renderPeriod(root, state.periodText, periodError, actions);
  renderFiles(root, analysis, actions);
  if (!analysis) return;
  renderPreview(root, analysis, actions);
  if (period) renderTrend(root, analysis, period, state.trendRow, actions);
  if (analysis.appendix.focusAreas.length > 0) renderManualStatus(root, analysis, actions);
  if (analysis.appendix.focusAreas.length > 0) renderManualValues(root, analysis, period?.year ?? new Date().getFullYear() - 1, state.manualDraft, actions);
  if (analysis.activities && analysis.activities.plan.activities.length > 0) renderActivities(root, analysis.activities, actions);
  renderIssues(root, analysis, actions);
}
