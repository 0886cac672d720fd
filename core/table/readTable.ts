/**
 * Reads the indicator table of one sheet (a Grid) into the Appendix model: focus areas,
 * municipal goals, board goals, indicators with their earlier outcomes and targets by year,
 * units, polarities, breakdown rows, note rows, footnotes, and unknown columns kept as they
 * are. Works with merged or repeated focus-area and goal cells, a header anywhere on the
 * sheet (on one row, or on two: "Utfall"/"Målvärde" over a row of years) and any years.
 * Never throws on user data: every doubt is an Issue with its cell.
 *
 * The steps live in core/table/: find the header, map its columns, find where the body ends,
 * walk the rows into a tree, finish the indicators (unit, polarity, ids), doubt fractions typed
 * into percent indicators, read the footnotes.
 */
import type { Grid } from "../workbook/grid";
import { issue, locate } from "../issues/issues";
import { allIndicators, type Appendix } from "../model";
import { findHeader } from "./findHeader";
import { findLastRow } from "./findLastRow";
import { findPercentFractions } from "./findPercentFractions";
import { finishTree } from "./finishTree";
import { footnotesWithoutText } from "./footnoteMarkers";
import { issuePosition } from "./issuePosition";
import { mapColumns } from "./mapColumns";
import { readFootnotes } from "./readFootnotes";
import { readThroughMerges } from "./tableCells";
import { walkRows } from "./walkRows";

export { normalizeName } from "../values/normalizeName";

export interface ReadTableOptions {
  /** The workbook file name, put on every issue. */
  readonly file?: string;
}

/**
 * @example readTable(gridOfTheSeedSheet, { file: "bilaga.xlsx" })
 *   // { sheet: "Bilaga", headerRow: 3, focusAreas: [{ name: "Samhälle", ... }, ...], footnotes: [...], issues: [...] }
 * @example readTable(gridOfALetter) // { headerRow: -1, focusAreas: [], issues: [table/header-not-found] }
 */
export function readTable(grid: Grid, options: ReadTableOptions = {}): Appendix {
  const position = issuePosition(grid.sheet, options.file);

  const header = findHeader(grid);
  if (!header) {
    const notFound = issue("table/header-not-found", "error", { sheet: grid.sheet, ...position.fileField });
    return { sheet: grid.sheet, headerRow: -1, firstRow: -1, lastRow: -1, columns: [], focusAreas: [], footnotes: [], issues: [notFound] };
  }
  const headerIssues = header.issues.map((found) => locate(found, position.fileField));

  const layout = mapColumns(header.columns);
  const cells = readThroughMerges(grid, layout.valueColumns);
  // A header over two rows (group headers over a row of years) ends on its second row.
  const lastRow = findLastRow(cells, layout, header.lastRow);
  const walked = walkRows(cells, layout, { firstRow: header.lastRow + 1, lastRow }, position);
  const finished = finishTree(walked.areas, layout.indicatorColumn, position);
  const footnotes = readFootnotes(grid, lastRow + 1);

  const read: Appendix = {
    sheet: grid.sheet,
    headerRow: header.row,
    firstRow: header.lastRow + 1,
    lastRow,
    columns: header.columns,
    focusAreas: finished.focusAreas,
    footnotes,
    issues: [],
  };
  const fractions = findPercentFractions(allIndicators(read), cells, position);
  return {
    ...read,
    issues: [...headerIssues, ...walked.issues, ...finished.issues, ...fractions, ...footnotesWithoutText(finished.markers, footnotes, position)],
  };
}
