/**
 * Grid: what one sheet shows, as both shells read it (the Excel add-in API in the task pane,
 * the xlsx package parts in the pipeline). The core reads only this, never a workbook API.
 */
import type { CellRange } from "./address";

export type RawCellValue = string | number | boolean | null;

export interface GridCell {
  /** The stored value: a number for numeric cells (0.048 for a cell shown as 4,80 %). */
  readonly value: RawCellValue;
  /** What the sheet displays ("4,80 %"), or the value as text when the shell cannot render it. */
  readonly text: string;
  /** Excel number format code ("0.00%", "# ##0", "General"). */
  readonly numberFormat: string;
  /**
   * True when the cell holds a formula, whatever its cached value: a formula never calculated
   * (openpyxl writes one with an empty <v>) or one that gives "" reads as an empty cell by its
   * value and text, but is not free to write on. Absent (or false) for a constant; a shell that
   * cannot tell leaves it out.
   */
  readonly hasFormula?: boolean;
}

export interface Grid {
  readonly sheet: string;
  /** Zero-based sheet position of cells[0][0] (a used range need not start in A1). */
  readonly origin: { readonly row: number; readonly column: number };
  /** Row-major; a missing row or cell means an empty cell. */
  readonly cells: ReadonlyArray<ReadonlyArray<GridCell | undefined> | undefined>;
  /** Merged areas, in absolute zero-based sheet coordinates. */
  readonly merges: readonly CellRange[];
}

export const EMPTY_CELL: GridCell = { value: null, text: "", numberFormat: "General" };

/** The cell at an absolute zero-based sheet position, or an empty cell outside the grid. */
export function cellAt(grid: Grid, row: number, column: number): GridCell {
  return grid.cells[row - grid.origin.row]?.[column - grid.origin.column] ?? EMPTY_CELL;
}

/** Absolute bounds of the grid (inclusive). */
export function gridBounds(grid: Grid): CellRange {
  const width = grid.cells.reduce((max, r) => Math.max(max, r?.length ?? 0), 0);
  return {
    top: grid.origin.row,
    left: grid.origin.column,
    bottom: grid.origin.row + Math.max(grid.cells.length, 1) - 1,
    right: grid.origin.column + Math.max(width, 1) - 1,
  };
}
