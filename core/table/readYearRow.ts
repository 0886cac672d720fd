/**
 * A header over two rows: the first row names the text columns (Målområde, Nämndmål,
 * Nämndindikator ...) and puts group headers over the year columns ("Utfall" merged over two
 * columns, "Målvärde" or "Mål" over two more), the row under it holds only the years ("2017",
 * "2018", "2019", "2020", as text or as numbers). Each year column reads as its group and its
 * year together ("Målvärde 2019"), so the column roles follow the one-row rules: a group with
 * "mål" makes targets, "Utfall" outcomes, and a year under no group keeps the one-row rule.
 *
 * Text headers may be merged down over both rows or stand in the first row only. A group
 * header merged across columns covers exactly its merged columns; one that is not merged
 * covers the year columns right of it up to the next header text (as "centre across
 * selection" shows it).
 */
import type { CellRange } from "../workbook/address";
import { cellAt, gridBounds, type Grid, type GridCell } from "../workbook/grid";
import { cleanCellText } from "./cleanCellText";
import { shownText } from "./shownText";

/** One header text and its column. */
export interface HeaderCell {
  readonly column: number;
  readonly header: string;
}

const BARE_YEAR = /^((?:19|20)\d{2})$/;
/** A year named in a header text ("2019", "Målvärde 2019", "Mål-\nvärde\n2019"), captured. */
export const YEAR_IN_HEADER = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/;

/** The year a cell holds and nothing else: 2019 typed as a number (any format) or the text "2019". */
function yearIn(cell: GridCell): number | undefined {
  if (typeof cell.value === "number") {
    return Number.isInteger(cell.value) && cell.value >= 1900 && cell.value <= 2099 && !cell.numberFormat.includes("%") ? cell.value : undefined;
  }
  const match = BARE_YEAR.exec(cleanCellText(shownText(cell)));
  return match?.[1] === undefined ? undefined : Number.parseInt(match[1], 10);
}

/** The merged area a cell lies in, if any; areas indexed by row, as a sheet may have many. */
function areaLookup(grid: Grid): (row: number, column: number) => CellRange | undefined {
  const byRow = new Map<number, CellRange[]>();
  for (const range of grid.merges) {
    for (let row = range.top; row <= range.bottom; row++) {
      const list = byRow.get(row);
      if (list) list.push(range);
      else byRow.set(row, [range]);
    }
  }
  return (row, column) => byRow.get(row)?.find((m) => m.left <= column && column <= m.right);
}

/**
 * Reads, for a row, that row and the row under it as one header, or undefined when the row
 * under it is not a row of years: every cell there that is not covered by a merged header cell
 * must be a year, under a first-row cell that names no year of its own, and there must be one.
 * The grid's merged areas are indexed once, for all the rows asked about.
 *
 * @example yearRowReader(grid)(0) // row 1: Nämndindikator | Utfall (E1:F1 merged) | Målvärde (G1:H1); row 2: 2017 2018 2019 2020
 *   // [{ column: 3, header: "Nämndindikator" }, { column: 4, header: "Utfall 2017" }, { column: 5, header: "Utfall 2018" },
 *   //  { column: 6, header: "Målvärde 2019" }, { column: 7, header: "Målvärde 2020" }]
 * @example yearRowReader(grid)(3) // the row under is the first indicator row: undefined
 */
export function yearRowReader(grid: Grid): (row: number) => HeaderCell[] | undefined {
  const bounds = gridBounds(grid);
  const areaAt = areaLookup(grid);
  return (row) => {
    const below = row + 1;

    /** The first row's text over a column: a merged area's text counts for every column it covers. */
    const topText = (column: number): { text: string; area: CellRange | undefined } => {
      const area = areaAt(row, column);
      if (area === undefined) return { text: cleanCellText(shownText(cellAt(grid, row, column))), area };
      // An area that starts above the header is not a header cell.
      if (area.top < row) return { text: "", area: undefined };
      return { text: cleanCellText(shownText(cellAt(grid, area.top, area.left))), area };
    };

    const years = new Map<number, number>();
    for (let column = bounds.left; column <= bounds.right; column++) {
      const cell = cellAt(grid, below, column);
      if (shownText(cell).trim() === "") continue;
      const area = areaAt(below, column);
      // A header merged down over both rows (a shell may repeat its text in the covered cell).
      if (area !== undefined && area.top <= row) continue;
      if (area !== undefined && area.left < column) continue;
      const year = yearIn(cell);
      if (year === undefined || YEAR_IN_HEADER.test(topText(column).text)) return undefined;
      years.set(column, year);
    }
    if (years.size === 0) return undefined;

    const cells: HeaderCell[] = [];
    // An unmerged group header's text, carried right over empty first-row cells above years.
    let carried = "";
    for (let column = bounds.left; column <= bounds.right; column++) {
      const top = topText(column);
      const year = years.get(column);
      let group = "";
      if (top.area !== undefined) {
        group = top.text;
        carried = "";
      } else if (top.text !== "") {
        group = top.text;
        carried = year === undefined ? "" : top.text;
      } else if (year !== undefined) {
        group = carried;
      } else {
        carried = "";
      }
      if (year !== undefined) cells.push({ column, header: cleanCellText(`${group} ${year}`) });
      else if (top.text !== "" && (top.area === undefined || top.area.left === column)) cells.push({ column, header: top.text });
    }
    return cells;
  };
}
