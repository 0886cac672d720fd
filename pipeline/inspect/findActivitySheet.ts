/**
 * Finds the activity tables of an opened workbook: the named sheet, or, without one, every
 * worksheet tried (visible ones first) and the one with the most activities taken. Undefined
 * when no sheet has an activity table (a workbook with only the appendix).
 */
import type { ActivityPlan } from "../../core/activities/activity";
import { readActivities } from "../../core/activities/readActivities";
import type { XlsxWorkbook } from "../xlsx/openWorkbook";

/**
 * @example findActivitySheet(await openWorkbook("verksamhetsplan-amn-2019.xlsx"))
 *   // { sheet: "Aktiviteter", activities: [42 ...], ... }
 */
export function findActivitySheet(workbook: XlsxWorkbook, sheet?: string): ActivityPlan | undefined {
  const names =
    sheet !== undefined
      ? [sheet]
      : workbook.sheets
          .filter((s) => s.kind === "worksheet")
          .sort((a, b) => Number(a.state !== "visible") - Number(b.state !== "visible"))
          .map((s) => s.name);
  const plans = names.map((name) => readActivities(workbook.readGrid(name), { file: workbook.file })).filter((plan) => plan.activities.length > 0);
  return plans.reduce<ActivityPlan | undefined>((best, next) => (!best || next.activities.length > best.activities.length ? next : best), undefined);
}
