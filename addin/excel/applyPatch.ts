/**
 * Applies the core's Patch to the open workbook in ONE context.sync(): every write, format,
 * note and new sheet is queued first, then sent in one batch. Nothing syncs inside a loop.
 *
 * Text is never a formula: every string is written with a leading apostrophe, Excel's own
 * "this is text" prefix. Excel keeps the apostrophe out of the value ("=SUMMA(A1)" stays the
 * text =SUMMA(A1); "2019-06" stays text, not a date; "0012" keeps its zeros), and the cell's
 * number format is left as it was. (A text number format "@" would also work for = + - @ but
 * changes the cell's format for the user's next entry; the apostrophe changes nothing else.)
 *
 * A Månadsdata sheet is replaced whole only when it is Bilaga's own (core/records/monthlySheet.ts
 * mayReplaceMonthlySheet): a controller's sheet of that name is refused before anything is queued.
 *
 * Adjacent cells on one row with the same style are written as one range, so a
 * 500-row Månadsdata sheet is a few hundred operations in the batch, not thousands.
 */
import { toA1 } from "../../core/workbook/address";
import type { Grid } from "../../core/workbook/grid";
import { issue } from "../../core/issues/issues";
import { formatIssue } from "../../core/issues/messages.sv";
import { MONTHLY_SHEET, mayReplaceMonthlySheet } from "../../core/records/monthlySheet";
import { ACTIVITY_SUMMARY_SHEET, mayReplaceActivitySummary } from "../../core/activities/planActivitySummary";
import type { CellStyle, CellWrite, Patch, SheetPatch } from "../../core/workbook/patch";
import { noteKey, type NoteIndex } from "./readWorkbook";

export interface WriteTarget {
  /** Whether each sheet of the patch exists (from readWorkbook's `sheets`). */
  readonly sheets: ReadonlyMap<string, boolean>;
  /** The grids read (readWorkbook's `grids`): an existing Månadsdata sheet is replaced only when it is Bilaga's. */
  readonly grids?: ReadonlyMap<string, Grid>;
  /** Notes already in the workbook, and whether notes can be written at all. */
  readonly notes: NoteIndex;
}

export interface ApplySummary {
  readonly cellsWritten: number;
  readonly notesWritten: number;
  /** Notes in the patch that were not written because the host lacks ExcelApi 1.18. */
  readonly notesSkipped: number;
  readonly sheetsCreated: readonly string[];
}

/** The value Office.js must receive so Excel stores exactly this (text stays text). */
export function excelInput(value: string | number | null): string | number {
  if (value === null || value === "") return "";
  if (typeof value === "number") return value;
  return `'${value}`;
}

const COLUMN_WIDTH_POINTS_PER_CHARACTER = 5.7; // Calibri 11: 8,43 tecken = 48 punkter

interface Run {
  readonly row: number;
  readonly column: number;
  readonly writes: CellWrite[];
  readonly styleKey: string;
}

/** Sorts the writes, keeps the last write per cell, and groups adjacent cells with the same style. */
export function groupRuns(writes: readonly CellWrite[]): Run[] {
  const byCell = new Map<string, CellWrite>();
  for (const write of writes) byCell.set(`${write.row},${write.column}`, write);
  const sorted = [...byCell.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: Run[] = [];
  for (const write of sorted) {
    const styleKey = JSON.stringify(write.style ?? null);
    const last = runs[runs.length - 1];
    if (last && last.row === write.row && last.column + last.writes.length === write.column && last.styleKey === styleKey) {
      last.writes.push(write);
    } else {
      runs.push({ row: write.row, column: write.column, writes: [write], styleKey });
    }
  }
  return runs;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  if (style.fill !== undefined) range.format.fill.color = `#${style.fill}`;
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.fontColor !== undefined) range.format.font.color = `#${style.fontColor}`;
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.horizontalAlignment !== undefined) {
    const map = { left: "Left", center: "Center", right: "Right" } as const;
    range.format.horizontalAlignment = map[style.horizontalAlignment];
  }
}

function queueSheet(
  context: Excel.RequestContext,
  patch: SheetPatch,
  target: WriteTarget,
  counts: { cells: number; notes: number; skipped: number; created: string[] },
): void {
  const exists = target.sheets.get(patch.sheet);
  if (exists === undefined) {
    throw new Error(`applyPatch: bladet "${patch.sheet}" lästes inte av readWorkbook; vet inte om det finns.`);
  }
  const worksheets = context.workbook.worksheets;
  const sheet = exists ? worksheets.getItem(patch.sheet) : worksheets.add(patch.sheet);
  if (!exists) counts.created.push(patch.sheet);
  const replaced = patch.replaceWhole === true && exists;
  if (replaced) {
    // Old notes go first: clearing a sheet is not documented to remove them.
    if (target.notes.supported) {
      for (const key of target.notes.cells) {
        const [sheetName, row, column] = JSON.parse(key) as [string, number, number];
        if (sheetName === patch.sheet) sheet.notes.getItem(toA1({ row, column })).delete();
      }
    }
    sheet.getRange().clear("All");
  }

  for (const run of groupRuns(patch.writes)) {
    const range = sheet.getRangeByIndexes(run.row, run.column, 1, run.writes.length);
    range.values = [run.writes.map((w) => excelInput(w.value))];
    const formats = run.writes.map((w) => (typeof w.value === "number" && w.numberFormat !== undefined ? w.numberFormat : null));
    // null leaves a cell's number format as it is (Office.js rule for 2-D arrays).
    if (formats.some((f) => f !== null)) range.numberFormat = [formats] as unknown as string[][];
    const style = run.writes[0]?.style;
    if (style) applyStyle(range, style);
    counts.cells += run.writes.length;
  }

  for (const write of patch.writes) {
    if (write.note === undefined) continue;
    if (!target.notes.supported) {
      counts.skipped += 1;
      continue;
    }
    const address = toA1(write);
    if (!replaced && target.notes.cells.has(noteKey(patch.sheet, write.row, write.column))) {
      sheet.notes.getItem(address).content = write.note;
    } else {
      sheet.notes.add(sheet.getRange(address), write.note);
    }
    counts.notes += 1;
  }

  for (const { column, width } of patch.columnWidths ?? []) {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = Math.round(width * COLUMN_WIDTH_POINTS_PER_CHARACTER);
  }
}

/**
 * Throws (before anything is queued) when the patch would replace a Månadsdata sheet that
 * Bilaga did not write, or one that was not read, so nothing of a controller's own sheet is lost.
 */
function refuseForeignMonthlySheet(patch: Patch, target: WriteTarget): void {
  for (const sheetPatch of patch.sheets) {
    if (sheetPatch.replaceWhole !== true || sheetPatch.sheet !== MONTHLY_SHEET || target.sheets.get(sheetPatch.sheet) !== true) continue;
    const grid = target.grids?.get(sheetPatch.sheet);
    if (grid === undefined) throw new Error(`applyPatch: bladet "${sheetPatch.sheet}" lästes inte av readWorkbook; vet inte om Bilaga skrev det.`);
    if (!mayReplaceMonthlySheet(grid)) throw new Error(formatIssue(issue("workbook/foreign-monthly-sheet", "error", { sheet: sheetPatch.sheet })));
  }
  // The activity summary sheet likewise (issue 11): only Bilaga's own, or a blank one, is replaced.
  for (const sheetPatch of patch.sheets) {
    if (sheetPatch.replaceWhole !== true || sheetPatch.sheet !== ACTIVITY_SUMMARY_SHEET || target.sheets.get(sheetPatch.sheet) !== true) continue;
    const grid = target.grids?.get(sheetPatch.sheet);
    if (grid === undefined || !mayReplaceActivitySummary(grid)) throw new Error(formatIssue(issue("activity/foreign-summary-sheet", "error", { sheet: sheetPatch.sheet })));
  }
}

/** Queues the whole patch and sends it in one sync; refuses a foreign Månadsdata sheet before queuing anything. */
export async function applyPatch(context: Excel.RequestContext, patch: Patch, target: WriteTarget): Promise<ApplySummary> {
  refuseForeignMonthlySheet(patch, target);
  const counts = { cells: 0, notes: 0, skipped: 0, created: [] as string[] };
  for (const sheetPatch of patch.sheets) queueSheet(context, sheetPatch, target, counts);
  await context.sync();
  return { cellsWritten: counts.cells, notesWritten: counts.notes, notesSkipped: counts.skipped, sheetsCreated: counts.created };
}
