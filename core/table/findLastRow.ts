/**
 * Where the table's body ends: before the first footnote row ("* Eftersom ..."), at the last
 * row with something (text or a merged area) between the table's left and right edge.
 */
import { cellAt, gridBounds } from "../workbook/grid";
import type { TableLayout } from "./mapColumns";
import { isFootnoteText } from "./readFootnotes";
import { shownText } from "./shownText";
import type { TableCells } from "./tableCells";

/** The first row under the header whose first non-empty cell starts a footnote, or the row after the grid. */
function firstFootnoteRow(cells: TableCells, headerRow: number): number {
  const bounds = gridBounds(cells.grid);
  for (let row = headerRow + 1; row <= bounds.bottom; row++) {
    let first = "";
    for (let column = bounds.left; column <= bounds.right && first === ""; column++) first = shownText(cellAt(cells.grid, row, column)).trim();
    if (first !== "" && isFootnoteText(first)) return row;
  }
  return bounds.bottom + 1;
}

/**
 * @example findLastRow(cells, layout, 3) // 56 (footnotes "* ..." start at row 58, row 57 is empty)
 * @example findLastRow(cells, layout, 3) // 3 for a header with nothing under it
 */
export function findLastRow(cells: TableCells, layout: TableLayout, headerRow: number): number {
  const footnoteRow = firstFootnoteRow(cells, headerRow);
  let lastRow = headerRow;
  for (let row = headerRow + 1; row < footnoteRow; row++) {
    for (let column = layout.left; column <= layout.right; column++) {
      if (shownText(cellAt(cells.grid, row, column)).trim() !== "" || cells.isMerged(row, column)) lastRow = row;
    }
  }
  return lastRow;
}
