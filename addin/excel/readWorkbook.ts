/**
 * Reads sheets of the open workbook into the core's Grid, in exactly two context.sync()
 * calls whatever the size of the table:
 *   1. which sheets exist (the active one, and the ones asked for by name), and the
 *      workbook's notes when the host has them;
 *   2. each sheet's used range (values, text, number formats, formulas) with its merged areas, and
 *      where each note sits.
 * Nothing is read inside a loop of syncs; the number of syncs does not grow with the rows.
 */
import { fromA1 } from "../../core/workbook/address";
import type { Grid } from "../../core/workbook/grid";
import { gridFromRange } from "./gridFromRange";
import { loadedBoolean, loadedMatrix, loadedNumber, loadedString } from "./loaded";

export interface ReadWorkbookRequest {
  /** Sheets to read by name; a missing one is reported in `missingSheets`, not an error. */
  readonly sheets?: readonly string[];
  /** Also read the active sheet (default true). */
  readonly includeActive?: boolean;
  /** Read where the notes are (needs ExcelApi 1.18; see requirements.ts). */
  readonly notes?: boolean;
}

/** Where notes already are, as noteKey(sheet, row, column) keys; needed to replace a note instead of adding a second. */
export interface NoteIndex {
  readonly supported: boolean;
  readonly cells: ReadonlySet<string>;
}

export interface WorkbookSnapshot {
  readonly activeSheet: string;
  /** The grids read, by sheet name. */
  readonly grids: ReadonlyMap<string, Grid>;
  /** Every sheet name this read knows about, with whether it exists (for applyPatch). */
  readonly sheets: ReadonlyMap<string, boolean>;
  readonly missingSheets: readonly string[];
  readonly notes: NoteIndex;
}

export function noteKey(sheet: string, row: number, column: number): string {
  return JSON.stringify([sheet, row, column]);
}

/** Reads the requested sheets. Throws only when Excel fails (the caller shows the message). */
export async function readWorkbook(
  context: Excel.RequestContext,
  request: ReadWorkbookRequest = {},
): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const named = (request.sheets ?? []).map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load("name");
    return { name, sheet };
  });
  const notes = request.notes ? context.workbook.notes : undefined;
  notes?.load("items");
  await context.sync(); // 1

  const activeName = loadedString(active.name, "Worksheet.name");
  const sheets = new Map<string, boolean>();
  const toRead = new Map<string, Excel.Worksheet>();
  if (request.includeActive ?? true) toRead.set(activeName, active);
  sheets.set(activeName, true);
  const missingSheets: string[] = [];
  for (const { name, sheet } of named) {
    const missing = loadedBoolean(sheet.isNullObject, "Worksheet.isNullObject");
    sheets.set(name, !missing);
    if (missing) missingSheets.push(name);
    else if (!toRead.has(name)) toRead.set(name, sheet);
  }

  const reads = [...toRead].map(([name, sheet]) => {
    const used = sheet.getUsedRange(true);
    // formulas in the same load: a formula that gives "" looks empty by its value, but no write may land on it.
    used.load("rowIndex,columnIndex,values,text,numberFormat,formulas");
    const merged = used.getMergedAreasOrNullObject();
    merged.load("address");
    return { name, used, merged };
  });
  const locations = (notes?.items ?? []).map((note) => {
    const cell = note.getLocation();
    cell.load("address");
    return cell;
  });
  await context.sync(); // 2

  const grids = new Map<string, Grid>();
  for (const { name, used, merged } of reads) {
    const rowIndex = loadedNumber(used.rowIndex, "Range.rowIndex");
    const values = loadedMatrix(used.values, (used.values as unknown[] | undefined)?.length ?? -1, "Range.values");
    const mergedAddress = merged.isNullObject ? undefined : loadedString(merged.address, "RangeAreas.address");
    grids.set(
      name,
      gridFromRange(
        name,
        {
          rowIndex,
          columnIndex: loadedNumber(used.columnIndex, "Range.columnIndex"),
          values,
          text: loadedMatrix(used.text, values.length, "Range.text"),
          numberFormat: loadedMatrix(used.numberFormat, values.length, "Range.numberFormat"),
          formulas: loadedMatrix(used.formulas, values.length, "Range.formulas"),
        },
        mergedAddress,
      ),
    );
  }

  const noteCells = new Set<string>();
  for (const cell of locations) {
    const address = loadedString(cell.address, "Note.getLocation().address");
    const bang = address.lastIndexOf("!");
    const sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    const ref = fromA1(address.slice(bang + 1).split(":")[0] ?? "");
    if (ref) noteCells.add(noteKey(sheet, ref.row, ref.column));
  }

  return {
    activeSheet: activeName,
    grids,
    sheets,
    missingSheets,
    notes: { supported: notes !== undefined, cells: noteCells },
  };
}

/** The grid of one sheet (the active one when no name is given), in the same two syncs. */
export async function readGrid(context: Excel.RequestContext, sheet?: string): Promise<Grid | undefined> {
  const snapshot = await readWorkbook(context, sheet === undefined ? {} : { sheets: [sheet], includeActive: false });
  return snapshot.grids.get(sheet ?? snapshot.activeSheet);
}
