/**
 * The sheet "Aktivitetsuppföljning" that Bilaga writes whole for a period: how many activities
 * are done, on track, late, not started, cancelled or not reported per perspective, in all and
 * per board goal, and every late activity with its reason or comment. Statuses are headed by
 * symbol and word (never colour alone). A sheet of that name that Bilaga did not write (its A1
 * is not the title) is the controller's own: the shells refuse to replace it.
 */
import { cellAt, gridBounds, type Grid } from "../workbook/grid";
import type { CellWrite, SheetPatch } from "../workbook/patch";
import type { Period } from "../periods/period";
import { shownText } from "../table/shownText";
import type { ActivityAssessment } from "./assessActivities";
import { FOLLOW_UP_LOOKS, followUpText, RULE_SET_BY } from "./followUpStatus";
import { deadlineText } from "./parseDeadline";
import { SUMMARY_KEYS, type ActivitySummary, type SummaryKey, type SummaryRow } from "./summarizeActivities";

export const ACTIVITY_SUMMARY_SHEET = "Aktivitetsuppföljning";
const TITLE = "Aktivitetsuppföljning";

/**
 * A summary column's heading, symbol and word (the report's activity tables use it too).
 *
 * @example summaryKeyText("late")         // "! Försenad"
 * @example summaryKeyText("not-reported") // "Ej rapporterad"
 */
export const summaryKeyText = (key: SummaryKey): string => (key === "not-reported" ? "Ej rapporterad" : followUpText(key));

/**
 * True when the sheet may be replaced: blank, or written by Bilaga (its title in A1).
 *
 * @example mayReplaceActivitySummary(gridOf(planActivitySummary(assessments, summary, t2))) // true
 * @example mayReplaceActivitySummary(controllersOwnSheet)                        // false: the shells refuse (activity/foreign-summary-sheet)
 */
export function mayReplaceActivitySummary(grid: Grid): boolean {
  const bounds = gridBounds(grid);
  let blank = true;
  for (let row = bounds.top; row <= bounds.bottom && blank; row++) {
    for (let column = bounds.left; column <= bounds.right && blank; column++) if (shownText(cellAt(grid, row, column)).trim() !== "") blank = false;
  }
  return blank || shownText(cellAt(grid, 0, 0)).trim() === TITLE;
}

/**
 * @example planActivitySummary(assessed, summarizeActivities(assessed), t2) // assessed = assessActivities(plan.activities, t2)
 *   // { sheet: "Aktivitetsuppföljning", replaceWhole: true, writes: [A1 "Aktivitetsuppföljning", ..., "Medborgare" 21 3 14 2 ...] }
 */
export function planActivitySummary(assessments: readonly ActivityAssessment[], summary: ActivitySummary, period: Period): SheetPatch {
  const writes: CellWrite[] = [];
  const text = (row: number, column: number, value: string, bold = false): void => {
    writes.push({ row, column, value, asText: true, ...(bold ? { style: { bold: true } } : {}) });
  };
  const countRow = (row: number, first: number, line: SummaryRow): void => {
    writes.push({ row, column: first, value: line.total, numberFormat: "0" });
    SUMMARY_KEYS.forEach((key, i) => writes.push({ row, column: first + 1 + i, value: line.counts[key], numberFormat: "0" }));
  };
  const header = (row: number, labels: readonly string[]): void => {
    labels.forEach((label, column) => writes.push({ row, column, value: label, asText: true, style: { bold: true, fill: "DCE6F1", wrap: true } }));
  };
  text(0, 0, TITLE, true);
  text(1, 0, `Aktiviteternas status för ${period.label}. Skrivet av Bilaga; bladet skrivs om vid nästa körning. Försenad utan att någon satt det betyder att slutdatumet har passerat utan att aktiviteten rapporterats som genomförd.`);

  let row = 3;
  text(row, 0, "Per perspektiv", true);
  row += 1;
  header(row, ["Perspektiv", "Antal", ...SUMMARY_KEYS.map(summaryKeyText)]);
  row += 1;
  for (const line of [...summary.perspectives, summary.total]) {
    text(row, 0, line.perspective, line === summary.total);
    countRow(row, 1, line);
    row += 1;
  }

  row += 1;
  text(row, 0, "Per nämndmål", true);
  row += 1;
  header(row, ["Perspektiv", "Nämndmål", "Antal", ...SUMMARY_KEYS.map(summaryKeyText)]);
  row += 1;
  for (const line of summary.boardGoals) {
    text(row, 0, line.perspective);
    writes.push({ row, column: 1, value: line.boardGoal ?? "", asText: true, style: { wrap: true } });
    countRow(row, 2, line);
    row += 1;
  }

  row += 1;
  text(row, 0, `Försenade aktiviteter (${FOLLOW_UP_LOOKS.late.symbol} ${FOLLOW_UP_LOOKS.late.label})`, true);
  row += 1;
  header(row, ["Perspektiv", "Aktivitet", "Slutfört", "Status", "Skäl eller kommentar", "Satt av"]);
  row += 1;
  for (const assessed of assessments.filter((a) => a.status === "late")) {
    text(row, 0, assessed.activity.perspective);
    writes.push({ row, column: 1, value: assessed.activity.name, asText: true, style: { wrap: true } });
    text(row, 2, deadlineText(assessed.activity.deadline));
    writes.push({ row, column: 3, value: followUpText("late"), asText: true, style: { fill: FOLLOW_UP_LOOKS.late.fill, fontColor: FOLLOW_UP_LOOKS.late.fontColor, bold: true } });
    writes.push({ row, column: 4, value: assessed.origin === "rule" ? `Enligt regeln: ${assessed.reason ?? ""}` : assessed.comment, asText: true, style: { wrap: true } });
    text(row, 5, assessed.origin === "rule" ? RULE_SET_BY : assessed.setBy);
    row += 1;
  }
  return {
    sheet: ACTIVITY_SUMMARY_SHEET,
    replaceWhole: true,
    writes,
    columnWidths: [
      { column: 0, width: 16 },
      { column: 1, width: 50 },
      { column: 2, width: 16 },
      ...[3, 4, 5, 6, 7, 8].map((column) => ({ column, width: column === 4 ? 45 : 14 })),
    ],
  };
}
