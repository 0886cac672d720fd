/**
 * Where the "Utfall" and "Status" columns go, checked against what the sheet holds: the
 * core's planWrites puts them in the first column right of the table it read, or in the
 * columns of an earlier fill. A controller's sheet may hold things right of the table that
 * are not part of it (a formula, even one never calculated, a note to self, a date); no write may land on such a cell.
 * When one would, the columns move right until every write (header, rows, legend) lands on
 * an empty cell. An earlier fill's own columns are written over as they are (that is a re-fill).
 */
import { cellAt, type Grid } from "../../core/grid";
import type { Appendix } from "../../core/model";
import type { Patch } from "../../core/patch";
import type { Period } from "../../core/period";
import { planWrites, type RowResult } from "../../core/planWrites";
import { cellKey } from "./findFormulaCells";

/** How far right the columns may move before giving up (then the first plan stands and the xlsx layer decides). */
const MAX_SHIFT = 200;

/** What the sheet holds besides the Grid's values: formula cells (see findFormulaCells). */
export interface Occupied {
  readonly grid: Grid;
  readonly formulas: ReadonlySet<string>;
}

const holdsSomething = (sheet: Occupied, row: number, column: number): boolean => {
  const cell = cellAt(sheet.grid, row, column);
  return cell.value !== null || cell.text.trim() !== "" || sheet.formulas.has(cellKey(row, column));
};

const cellText = (grid: Grid, row: number, column: number): string => {
  const cell = cellAt(grid, row, column);
  return (typeof cell.value === "string" ? cell.value : cell.text).trim();
};

/** True when the patch's columns are an earlier fill's: "Utfall …" then "Status" in the header row. */
function isEarlierFill(grid: Grid, appendix: Appendix, column: number): boolean {
  return cellText(grid, appendix.headerRow, column).startsWith("Utfall ") && cellText(grid, appendix.headerRow, column + 1) === "Status";
}

function collides(patch: Patch, sheet: Occupied): boolean {
  return patch.sheets.some((planned) => planned.writes.some((write) => holdsSomething(sheet, write.row, write.column)));
}

/**
 * planWrites, moved right past cells that hold something.
 *
 * @example placeColumns(appendix, rows, T2, { grid, formulas }) // G holds "=C4-D4" right of the table: "Utfall" goes to H, "Status" to I
 */
export function placeColumns(appendix: Appendix, rows: readonly RowResult[], period: Period, sheet: Occupied): Patch {
  const first = planWrites(appendix, rows, period);
  const column = first.sheets[0]?.writes[0]?.column;
  if (column === undefined || isEarlierFill(sheet.grid, appendix, column) || !collides(first, sheet)) return first;
  for (let next = column + 1; next <= column + MAX_SHIFT; next++) {
    const moved = planWrites(appendix, rows, period, { column: next });
    if (!collides(moved, sheet)) return moved;
  }
  return first;
}
