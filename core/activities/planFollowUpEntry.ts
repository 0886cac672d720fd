/**
 * The writes of a follow-up a person enters in the task pane: the status, comment and who set
 * it, in the period's columns of the activity's table (added right of the tables when the sheet
 * has none for the period). It replaces what the cells held for that period, the rule's
 * Försenad included: a person's choice is the status "set otherwise". Never a formula cell.
 */
import { issue, type Issue } from "../issues/issues";
import type { Period } from "../periods/period";
import { cellAt, type Grid } from "../workbook/grid";
import type { SheetPatch } from "../workbook/patch";
import type { ActivityPlan, FollowUp } from "./activity";
import { periodColumns, statusWrites } from "./planActivityWrites";

export type FollowUpEntry = Pick<FollowUp, "status" | "comment" | "setBy">;

/**
 * @example planFollowUpEntry(plan, "verksamhet/införande av processtyrningsmodeller", period("2019-T2"),
 *   { status: "done", comment: "Införd i juni.", setBy: "Verksamhetsutvecklare" }, grid)
 *   // { ok: true, patch: { sheet: "Aktiviteter", writes: [G44 "✓ Genomförd", H44 "Införd i juni.", I44 "Verksamhetsutvecklare"] } }
 */
export function planFollowUpEntry(
  plan: ActivityPlan,
  activityId: string,
  period: Period,
  entry: FollowUpEntry,
  grid: Grid,
): { readonly ok: true; readonly patch: SheetPatch } | { readonly ok: false; readonly issue: Issue } {
  const activity = plan.activities.find((a) => a.id === activityId);
  if (!activity) return { ok: false, issue: issue("activity/unknown-activity", "error", { sheet: plan.sheet, raw: activityId }) };
  const columns = periodColumns(plan, period, grid);
  const own = columns.columnsOf(plan.tables[activity.table]);
  if (!own) return { ok: false, issue: issue("activity/follow-up-without-status", "error", { sheet: plan.sheet, cell: activity.cell, raw: period.id }) };
  const writes = statusWrites(activity.row, own, { status: entry.status, comment: entry.comment.trim(), setBy: entry.setBy.trim() });
  const onFormula = writes.find((w) => cellAt(grid, w.row, w.column).hasFormula === true);
  if (onFormula) return { ok: false, issue: issue("activity/cell-has-formula", "error", { sheet: plan.sheet, cell: activity.cell }) };
  return { ok: true, patch: { sheet: plan.sheet, writes: [...columns.headerWrites, ...writes], ...(columns.widths.length > 0 ? { columnWidths: columns.widths } : {}) } };
}
