/**
 * Plans the writes of an activity follow-up for a period, for both shells: in the activity
 * sheet, the period's Status, Kommentar and Satt av columns (the sheet's own when it has them,
 * else three new columns right of the tables, where every write lands on an empty cell), and
 * in them only what the rule decided (Försenad with its reason; a Genomförd or Utgår carried
 * from an earlier tertial), signed "Bilaga (regel)". A status a person set is never written
 * over (also one signed by the rule whose status or comment a person changed), nor a cell that
 * holds anything else (a formula, a comment without a status).
 * A rule write that no longer holds (the deadline was changed) is cleared.
 *
 * Every status is written as symbol and word on its fill ("! Försenad"), never colour alone.
 */
import { cellAt, type Grid } from "../workbook/grid";
import type { CellWrite, SheetPatch } from "../workbook/patch";
import type { Period } from "../periods/period";
import { cleanCellText } from "../table/cleanCellText";
import { shownText } from "../table/shownText";
import type { ActivityPlan, ActivityTable, FollowUp, FollowUpColumns } from "./activity";
import type { ActivityAssessment } from "./assessActivities";
import { FOLLOW_UP_LOOKS, followUpText, RULE_SET_BY } from "./followUpStatus";
import { isRuleWritten, ruleComment } from "./ruleFollowUp";

/**
 * The header words of a period's follow-up columns (parsed back by findActivityHeaders).
 *
 * @example followUpHeaders(parsePeriod("2019-T2")) // { status: "Status T2 2019", comment: "Kommentar T2 2019", setBy: "Satt av T2 2019" }
 */
export function followUpHeaders(period: Period): { status: string; comment: string; setBy: string } {
  const label = period.kind === "tertial" ? `T${period.id.slice(-1)} ${period.year}` : period.id;
  return { status: `Status ${label}`, comment: `Kommentar ${label}`, setBy: `Satt av ${label}` };
}

const isEmpty = (grid: Grid, row: number, column: number): boolean => {
  const cell = cellAt(grid, row, column);
  return cell.hasFormula !== true && shownText(cell).trim() === "";
};

/** The first three columns right of the tables that are empty on every header and activity row of the tables lacking the period. */
function freeColumns(grid: Grid, plan: ActivityPlan, rows: readonly number[]): number {
  for (let column = plan.lastColumn + 1; ; column++) {
    if (rows.every((row) => [0, 1, 2].every((offset) => isEmpty(grid, row, column + offset)))) return column;
  }
}

/** The period's columns per table (the sheet's own, or three new ones), and the header writes and widths for new ones. */
export interface PeriodColumns {
  columnsOf(table: ActivityTable | undefined): FollowUpColumns | undefined;
  readonly headerWrites: readonly CellWrite[];
  readonly widths: ReadonlyArray<{ readonly column: number; readonly width: number }>;
}

/**
 * @example periodColumns(planWithT1AndT2Columns, period("2019-T2"), grid).columnsOf(plan.tables[0]) // { period: "2019-T2", status: 6, comment: 7, setBy: 8 }
 * @example periodColumns(planWithT1AndT2Columns, period("2019-T3"), grid).headerWrites // "Status T3 2019", "Kommentar T3 2019", "Satt av T3 2019" in J, K, L of each header row
 */
export function periodColumns(plan: ActivityPlan, period: Period, grid: Grid): PeriodColumns {
  const headerWrites: CellWrite[] = [];
  const headers = followUpHeaders(period);
  const lacking = plan.tables.filter((t) => !t.followUpColumns.some((c) => c.period === period.id));
  const columnsOf = new Map<ActivityTable, FollowUpColumns>();
  for (const table of plan.tables) {
    const own = table.followUpColumns.find((c) => c.period === period.id);
    if (own) columnsOf.set(table, own);
  }
  const widths: Array<{ column: number; width: number }> = [];
  if (lacking.length > 0) {
    const rows = [...lacking.map((t) => t.headerRow), ...plan.activities.filter((a) => lacking.includes(plan.tables[a.table] as ActivityTable)).map((a) => a.row)];
    const status = freeColumns(grid, plan, rows);
    const added: FollowUpColumns = { period: period.id, status, comment: status + 1, setBy: status + 2 };
    for (const table of lacking) {
      columnsOf.set(table, added);
      const style = { bold: true, wrap: true, fill: "DCE6F1" };
      headerWrites.push(
        { row: table.headerRow, column: status, value: headers.status, asText: true, style },
        { row: table.headerRow, column: status + 1, value: headers.comment, asText: true, style },
        { row: table.headerRow, column: status + 2, value: headers.setBy, asText: true, style },
      );
    }
    widths.push({ column: status, width: 20 }, { column: status + 1, width: 45 }, { column: status + 2, width: 16 });
  }
  return { columnsOf: (table) => (table ? columnsOf.get(table) : undefined), headerWrites, widths };
}

/**
 * @example planActivityWrites(plan, assessActivities(plan.activities, period("2019-T2")), period("2019-T2"), grid)
 *   // { sheet: "Aktiviteter", writes: [{ row: 12, column: 6, value: "! Försenad", style: {...} },
 *   //   { row: 12, column: 7, value: "slutdatumet Q1 (senast mars 2019) har passerat ..." }, { row: 12, column: 8, value: "Bilaga (regel)" }, ...] }
 */
export function planActivityWrites(plan: ActivityPlan, assessments: readonly ActivityAssessment[], period: Period, grid: Grid): SheetPatch {
  const columns = periodColumns(plan, period, grid);
  const writes: CellWrite[] = [...columns.headerWrites];
  const widths = columns.widths;

  for (const assessed of assessments) {
    if (assessed.origin === "set") continue;
    const own = columns.columnsOf(plan.tables[assessed.activity.table]);
    // Without a "Satt av" column the rule's status could not be told from a person's: it is not written.
    if (own?.setBy === undefined || own.comment === undefined) continue;
    const row = assessed.activity.row;
    const text = (column: number): string => cleanCellText(shownText(cellAt(grid, row, column)));
    // Signed by the rule but with a status or comment a person changed: theirs, never written over.
    const byRule = text(own.setBy) === RULE_SET_BY && isRuleWritten(text(own.status), text(own.comment));
    const free = [own.status, own.comment, own.setBy].every((column) => isEmpty(grid, row, column));
    if (!byRule && !free) continue;
    if (assessed.status === undefined) {
      if (byRule) for (const column of [own.status, own.comment, own.setBy]) writes.push({ row, column, value: null });
      continue;
    }
    writes.push(...statusWrites(row, own, { status: assessed.status, comment: ruleComment(assessed), setBy: RULE_SET_BY }));
  }
  return { sheet: plan.sheet, writes, ...(widths.length > 0 ? { columnWidths: widths } : {}) };
}

/**
 * The three cells of one follow-up: status as symbol and word on its fill, comment, who set it.
 *
 * @example statusWrites(13, { period: "2019-T2", status: 6, comment: 7, setBy: 8 }, { status: "late", comment: "Dröjer", setBy: "Enhetschef JKT" })
 *   // [{ row: 13, column: 6, value: "! Försenad", style: { fill: "FFC7CE", ... } }, { column: 7, value: "Dröjer" }, { column: 8, value: "Enhetschef JKT" }]
 */
export function statusWrites(row: number, columns: FollowUpColumns, followUp: Pick<FollowUp, "status" | "comment" | "setBy">): CellWrite[] {
  const look = FOLLOW_UP_LOOKS[followUp.status];
  const writes: CellWrite[] = [{ row, column: columns.status, value: followUpText(followUp.status), asText: true, style: { fill: look.fill, fontColor: look.fontColor, bold: true } }];
  if (columns.comment !== undefined) writes.push({ row, column: columns.comment, value: followUp.comment === "" ? null : followUp.comment, asText: true, style: { wrap: true } });
  if (columns.setBy !== undefined) writes.push({ row, column: columns.setBy, value: followUp.setBy === "" ? null : followUp.setBy, asText: true });
  return writes;
}
