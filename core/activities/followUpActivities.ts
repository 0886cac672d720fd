/**
 * The activity follow-up of a workbook for a period, in one call both shells make with the
 * Grids they read: the activities as read, each one's status for the period (set, carried or
 * the rule's), the summary, and the sheet writes (the period's columns in the activity sheet,
 * the Aktivitetsuppföljning sheet). A summary sheet that Bilaga did not write makes an error
 * issue and no writes at all: the shell refuses and nothing is written.
 *
 * The follow-up is per tertial: a year is its third tertial (jan–dec); a month, half-year or
 * range of months gets no follow-up columns (an info issue says so), so a monthly run never adds
 * columns to the activity sheet.
 */
import { issue, type Issue } from "../issues/issues";
import { parsePeriod, type Period } from "../periods/period";
import type { Grid } from "../workbook/grid";
import type { SheetPatch } from "../workbook/patch";
import type { ActivityPlan } from "./activity";
import { assessActivities, type ActivityAssessment } from "./assessActivities";
import { planActivityWrites } from "./planActivityWrites";
import { ACTIVITY_SUMMARY_SHEET, mayReplaceActivitySummary, planActivitySummary } from "./planActivitySummary";
import { readActivities } from "./readActivities";
import { summarizeActivities, type ActivitySummary } from "./summarizeActivities";

export interface ActivityFollowUp {
  /** The tertial followed up (a year's is its third tertial); absent when the period asked is no tertial or year. */
  readonly period?: Period;
  readonly plan: ActivityPlan;
  readonly assessments: readonly ActivityAssessment[];
  readonly summary: ActivitySummary;
  /** The writes, or [] when the shell must refuse (an error issue says why). */
  readonly sheets: readonly SheetPatch[];
  /** The reader's doubts, each rule-late activity (info), and a refusal (error). */
  readonly issues: readonly Issue[];
}

export interface FollowUpOptions {
  readonly file?: string;
  /** The workbook's Aktivitetsuppföljning sheet, when it has one. */
  readonly summaryGrid?: Grid;
}

/**
 * @example followUpActivities(gridOfAktiviteter, period("2019-T2"), { file: "plan.xlsx" })
 *   // { plan: { activities: [42 ...] }, summary: { perspectives: [{ perspective: "Medborgare", total: 21, ... }] }, sheets: [Aktiviteter, Aktivitetsuppföljning], issues: [...] }
 */
export function followUpActivities(grid: Grid, asked: Period, options: FollowUpOptions = {}): ActivityFollowUp {
  const plan = readActivities(grid, options.file === undefined ? {} : { file: options.file });
  const tertial = followUpPeriod(asked);
  const period = tertial ?? asked;
  const assessments = assessActivities(plan.activities, period, plan.year ?? period.year);
  const summary = summarizeActivities(assessments);
  const fileField = options.file === undefined ? {} : { file: options.file };
  const ruled = assessments
    .filter((a) => a.origin === "rule")
    .map((a) => issue("activity/rule-late", "info", { sheet: plan.sheet, cell: a.activity.cell, raw: a.activity.name, params: { reason: a.reason ?? "" }, ...fileField }));
  const issues = [...plan.issues, ...ruled];
  if (plan.activities.length === 0) return { plan, assessments, summary, sheets: [], issues };
  if (tertial === undefined) {
    const notTertial = issue("activity/not-a-tertial", "info", { sheet: plan.sheet, raw: asked.label, ...fileField });
    return { plan, assessments, summary, sheets: [], issues: [...issues, notTertial] };
  }
  if (options.summaryGrid && !mayReplaceActivitySummary(options.summaryGrid)) {
    const refused = issue("activity/foreign-summary-sheet", "error", { sheet: ACTIVITY_SUMMARY_SHEET, ...fileField });
    return { period, plan, assessments, summary, sheets: [], issues: [...issues, refused] };
  }
  return { period, plan, assessments, summary, sheets: [planActivityWrites(plan, assessments, period, grid), planActivitySummary(assessments, summary, period)], issues };
}

/**
 * The tertial a follow-up is for: a tertial itself, a year as its third tertial, else undefined.
 *
 * @example followUpPeriod(parsePeriod("2019"))    // tertial 3 2019 (jan–dec)
 * @example followUpPeriod(parsePeriod("2019-06")) // undefined
 */
export function followUpPeriod(period: Period): Period | undefined {
  if (period.kind === "tertial") return period;
  if (period.kind !== "year") return undefined;
  const third = parsePeriod(`${period.year}-T3`);
  return third.ok ? third.value : undefined;
}
