/**
 * Where the pane finds the activities: the sheets it reads besides the table and Månadsdata
 * (by the names plans use, and the active sheet), the grid among them with the most activities,
 * and the Aktivitetsuppföljning sheet Bilaga writes. Plain data, no DOM and no Excel.
 */
import { readActivities } from "../../core/activities/readActivities";
import { ACTIVITY_SUMMARY_SHEET } from "../../core/activities/planActivitySummary";
import { MONTHLY_SHEET } from "../../core/records/monthlySheet";
import type { Grid } from "../../core/workbook/grid";
import type { WorkbookSnapshot } from "../excel/readWorkbook";

/** Sheets read by name for the activities (a missing one is no error), with the summary sheet. */
export const ACTIVITY_SHEETS_TO_READ: readonly string[] = ["Aktiviteter", "Handlingsplan", "Aktivitetsplan", ACTIVITY_SUMMARY_SHEET];

/** The grid with the most activities among the sheets read (not Månadsdata, not the summary), or undefined. */
export function activityGridOf(snapshot: WorkbookSnapshot): Grid | undefined {
  let best: { grid: Grid; count: number } | undefined;
  for (const [name, grid] of snapshot.grids) {
    if (name === MONTHLY_SHEET || name === ACTIVITY_SUMMARY_SHEET) continue;
    const count = readActivities(grid).activities.length;
    if (count > 0 && (!best || count > best.count)) best = { grid, count };
  }
  return best?.grid;
}

/** The Aktivitetsuppföljning sheet as read, when the workbook has one. */
export function activitySummaryGridOf(snapshot: WorkbookSnapshot): Grid | undefined {
  return snapshot.grids.get(ACTIVITY_SUMMARY_SHEET);
}
