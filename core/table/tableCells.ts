/**
 * The table's cells read through merged areas. Shells differ in what a covered cell holds
 * (empty, or the top-left cell's value), so a covered cell is read through its area: a focus
 * area or goal merged down the rows is said once, at its top; a target merged across years
 * ("Ska öka" over 2019 and 2020) counts for each year it covers.
 */
import type { CellRange } from "../workbook/address";
import { cellAt, EMPTY_CELL, type Grid, type GridCell } from "../workbook/grid";
import { cleanCellText } from "./cleanCellText";
import { shownText } from "./shownText";

export interface TableCells {
  readonly grid: Grid;
  /** True when the cell lies in a merged area below the area's first row. */
  coveredFromAbove(row: number, column: number): boolean;
  /** True when the cell lies in any merged area. */
  isMerged(row: number, column: number): boolean;
  /** The cell's text on one line, or "" for a cell covered from above. */
  textAt(row: number, column: number): string;
  /** The cell a value column reads (the merged area's first cell, or an empty cell). */
  valueCellAt(row: number, column: number): GridCell;
}

/**
 * @example const cells = readThroughMerges(grid, new Set([4, 5])); // B5:B7 merged, "Samhälle" in B5
 *   cells.textAt(4, 1) // "Samhälle"
 *   cells.textAt(5, 1) // ""
 */
export function readThroughMerges(grid: Grid, valueColumns: ReadonlySet<number>): TableCells {
  const areaOf = new Map<string, CellRange>();
  for (const range of grid.merges) {
    for (let row = range.top; row <= range.bottom; row++) {
      for (let column = range.left; column <= range.right; column++) areaOf.set(`${row},${column}`, range);
    }
  }
  const coveredFromAbove = (row: number, column: number): boolean => {
    const range = areaOf.get(`${row},${column}`);
    return range !== undefined && range.top < row;
  };
  return {
    grid,
    coveredFromAbove,
    isMerged: (row, column) => areaOf.has(`${row},${column}`),
    textAt: (row, column) => (coveredFromAbove(row, column) ? "" : cleanCellText(shownText(cellAt(grid, row, column)))),
    valueCellAt: (row, column) => {
      const range = areaOf.get(`${row},${column}`);
      if (range === undefined) return cellAt(grid, row, column);
      if (range.top < row) return EMPTY_CELL;
      return range.left === column || valueColumns.has(range.left) ? cellAt(grid, row, range.left) : EMPTY_CELL;
    },
  };
}
