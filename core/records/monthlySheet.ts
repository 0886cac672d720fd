/**
 * The "Månadsdata" sheet: the monthly records behind the outcomes, one row per record
 * (indikator, källa, mått, uppdelning, månad, summa, antal). The pipeline writes it for the
 * reader; the add-in keeps its imported records there and reads them back next month, so
 * planMonthlySheet and readMonthlySheet round-trip the records.
 *
 * Keyed hashes (MonthlyRecord.keys) are not kept in the sheet: no combine kind needs them.
 */
import { bindingMeasures, type BoundRow } from "../outcomes/bindings";
import { cellAt, gridBounds, type Grid, type GridCell } from "../workbook/grid";
import { issue, type Issue } from "../issues/issues";
import { normalizeName } from "../values/normalizeName";
import type { MeasureRef } from "../outcomes/outcome";
import type { CellWrite, SheetPatch } from "../workbook/patch";
import { parseMonth } from "../periods/parseMonth";
import { dateOfSerial } from "../values/parseDate";
import { parseSwedishNumber } from "../values/parseNumber";
import type { MonthlyRecord } from "./records";

export const MONTHLY_SHEET = "Månadsdata";

const TITLE = "Månadsdata";
const HEADERS = ["Indikator", "Källa", "Mått", "Uppdelning", "Månad", "Summa", "Antal"] as const;
const HEADER_ROW = 3;
const TOTAL_WORD = "totalt";

export interface MonthlySheetOptions {
  /** The bound rows, to name the indicators each record feeds. */
  readonly rows?: readonly BoundRow[];
  /** Sheet name; default "Månadsdata". */
  readonly sheet?: string;
  /** List only the records that feed a bound row (the pipeline's view); default all (the add-in keeps all). */
  readonly onlyBound?: boolean;
}

const refKey = (source: string, measure: string, breakdown: string): string => `${source}\u0000${measure}\u0000${breakdown}`;

/** Indicator names per measure and breakdown, from the bound rows (numerator, denominator, formula terms). */
function indicatorNames(rows: readonly BoundRow[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (ref: MeasureRef, name: string): void => {
    const key = refKey(ref.source, ref.measure, ref.breakdown);
    const list = names.get(key) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(key, list);
  };
  for (const row of rows) {
    if (row.binding === undefined) continue;
    for (const { ref } of bindingMeasures(row.binding)) add(ref, row.name);
  }
  return names;
}

/**
 * Whether a record feeds one of the bound rows (numerator or denominator): the records
 * planMonthlySheet lists with `onlyBound`.
 *
 * @example [hushåll 2019-08, okänt mått 2019-08].filter(feedsBoundRow(assessment.bound)) // [hushåll 2019-08]
 */
export function feedsBoundRow(rows: readonly BoundRow[]): (record: MonthlyRecord) => boolean {
  const names = indicatorNames(rows);
  return (record) => names.has(refKey(record.source, record.measure, record.breakdown));
}

function compareRecords(a: MonthlyRecord, b: MonthlyRecord): number {
  return (
    a.source.localeCompare(b.source) ||
    a.measure.localeCompare(b.measure) ||
    a.breakdown.localeCompare(b.breakdown) ||
    a.month.localeCompare(b.month)
  );
}

/**
 * The Månadsdata sheet, replaced whole: a title, a header row (row 4) and one row per record,
 * sorted by källa, mått, uppdelning and månad.
 *
 * @example planMonthlySheet([{ source: "forsorjningsstod", measure: "hushall", month: "2019-01", breakdown: "", sum: 2490, count: 2490 }], { rows })
 *   // { sheet: "Månadsdata", replaceWhole: true, writes: [… header …,
 *   //   row 4: "Antal hushåll med försörjningsstöd i snitt per månad." | "forsorjningsstod" | "hushall" | "totalt" | "2019-01" | 2490 | 2490] }
 */
export function planMonthlySheet(records: readonly MonthlyRecord[], options: MonthlySheetOptions = {}): SheetPatch {
  const names = indicatorNames(options.rows ?? []);
  const text = (row: number, column: number, value: string, extra: Partial<CellWrite> = {}): CellWrite => ({
    row,
    column,
    value,
    asText: true,
    ...extra,
  });
  const writes: CellWrite[] = [
    text(0, 0, TITLE, { style: { bold: true } }),
    text(1, 0, "Underlaget för utfallen: summa och antal per månad, mått och uppdelning. Bladet skrivs om av Bilaga vid varje körning; ändra inte här."),
    ...HEADERS.map((header, column) => text(HEADER_ROW, column, header, { style: { bold: true } })),
  ];
  const listed = options.onlyBound ? records.filter(feedsBoundRow(options.rows ?? [])) : records;
  [...listed].sort(compareRecords).forEach((record, index) => {
    const row = HEADER_ROW + 1 + index;
    writes.push(
      text(row, 0, (names.get(refKey(record.source, record.measure, record.breakdown)) ?? []).join("; ")),
      text(row, 1, record.source),
      text(row, 2, record.measure),
      text(row, 3, record.breakdown === "" ? TOTAL_WORD : record.breakdown),
      text(row, 4, record.month),
      { row, column: 5, value: record.sum },
      { row, column: 6, value: record.count },
    );
  });
  return {
    sheet: options.sheet ?? MONTHLY_SHEET,
    replaceWhole: true,
    writes,
    columnWidths: [
      { column: 0, width: 50 },
      { column: 1, width: 18 },
      { column: 2, width: 18 },
      { column: 3, width: 16 },
      { column: 4, width: 10 },
      { column: 5, width: 14 },
      { column: 6, width: 10 },
    ],
  };
}

/**
 * Whether a sheet is the Månadsdata sheet Bilaga writes: the title "Månadsdata" in A1 and the
 * header row (Indikator, Källa, Mått, Uppdelning, Månad, Summa, Antal) in A4:G4, where
 * planMonthlySheet puts them. A controller's own sheet of that name is not, and is never replaced.
 *
 * @example isMonthlySheet(gridOf(planMonthlySheet(records))) // true
 * @example isMonthlySheet(controllersOwnSheetNamedMånadsdata) // false
 */
export function isMonthlySheet(grid: Grid): boolean {
  if (normalizeName(cellText(cellAt(grid, 0, 0))) !== normalizeName(TITLE)) return false;
  return HEADERS.every((header, column) => normalizeName(cellText(cellAt(grid, HEADER_ROW, column))) === normalizeName(header));
}

/** True when the grid holds no value and no text: replacing it loses nothing. */
function isBlank(grid: Grid): boolean {
  return grid.cells.every((row) => row === undefined || row.every((cell) => cell === undefined || (cell.value === null && cell.text.trim() === "")));
}

/**
 * Whether Bilaga may replace this existing sheet whole with planMonthlySheet's: only when it is
 * Bilaga's own Månadsdata sheet (isMonthlySheet) or blank.
 *
 * @example mayReplaceMonthlySheet(controllersOwnSheetNamedMånadsdata) // false: the shell refuses (workbook/foreign-monthly-sheet)
 */
export function mayReplaceMonthlySheet(grid: Grid): boolean {
  return isBlank(grid) || isMonthlySheet(grid);
}

function cellText(cell: GridCell): string {
  if (typeof cell.value === "string") return cell.value.trim();
  return cell.text.trim();
}

function cellNumber(cell: GridCell): number | undefined {
  if (typeof cell.value === "number") return cell.value;
  const parsed = parseSwedishNumber(cellText(cell));
  return parsed.ok ? parsed.value : undefined;
}

/** Excel's day serial (1900 system) to "YYYY-MM", for a month the sheet turned into a date. */
function monthOfSerial(serial: number): string | undefined {
  return dateOfSerial(serial)?.slice(0, 7);
}

/**
 * Reads the records back from a Månadsdata sheet, with an issue (monthly/unreadable-row)
 * for each row that cannot be read.
 */
export function readMonthlySheetWithIssues(grid: Grid): { records: MonthlyRecord[]; issues: Issue[] } {
  const bounds = gridBounds(grid);
  const wanted = HEADERS.map((header) => normalizeName(header));
  let headerRow: number | undefined;
  const columns = new Map<string, number>();
  for (let row = bounds.top; row <= Math.min(bounds.bottom, bounds.top + 20) && headerRow === undefined; row++) {
    const found = new Map<string, number>();
    for (let column = bounds.left; column <= bounds.right; column++) {
      const name = normalizeName(cellText(cellAt(grid, row, column)));
      if (wanted.includes(name) && !found.has(name)) found.set(name, column);
    }
    if (["källa", "mått", "månad", "summa", "antal"].every((name) => found.has(name))) {
      headerRow = row;
      for (const [name, column] of found) columns.set(name, column);
    }
  }
  if (headerRow === undefined) return { records: [], issues: [] };
  const at = (row: number, name: string): GridCell => cellAt(grid, row, columns.get(name) ?? -1);

  const records: MonthlyRecord[] = [];
  const issues: Issue[] = [];
  for (let row = headerRow + 1; row <= bounds.bottom; row++) {
    const source = cellText(at(row, "källa"));
    const measure = cellText(at(row, "mått"));
    const monthCell = at(row, "månad");
    const sumCell = at(row, "summa");
    const countCell = at(row, "antal");
    if ([source, measure, cellText(monthCell), cellText(sumCell), cellText(countCell)].every((t) => t === "") && monthCell.value === null) continue;
    const bad = (reason: string): void => {
      issues.push(issue("monthly/unreadable-row", "warning", { sheet: grid.sheet, row: row + 1, params: { reason } }));
    };
    if (source === "" || measure === "") {
      bad("källa eller mått saknas");
      continue;
    }
    let month: string | undefined;
    if (typeof monthCell.value === "number") month = monthOfSerial(monthCell.value);
    else {
      const parsed = parseMonth(cellText(monthCell));
      month = parsed.ok ? parsed.value : undefined;
    }
    if (month === undefined) {
      bad(`månaden "${cellText(monthCell)}" känns inte igen`);
      continue;
    }
    const sum = cellNumber(sumCell);
    const count = cellNumber(countCell);
    if (sum === undefined || count === undefined) {
      bad("summa eller antal är inte ett tal");
      continue;
    }
    const breakdownText = cellText(at(row, "uppdelning"));
    const breakdown = breakdownText.toLowerCase() === TOTAL_WORD ? "" : breakdownText;
    records.push({ source, measure, month, breakdown, sum, count });
  }
  return { records, issues };
}

/**
 * Reads the records back from a Månadsdata sheet; rows that cannot be read are left out
 * (readMonthlySheetWithIssues reports them).
 *
 * @example readMonthlySheet(grid) // [{ source: "forsorjningsstod", measure: "hushall", month: "2019-01", breakdown: "", sum: 2490, count: 2490 }, …]
 */
export function readMonthlySheet(grid: Grid): MonthlyRecord[] {
  return readMonthlySheetWithIssues(grid).records;
}
