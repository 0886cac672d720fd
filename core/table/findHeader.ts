/**
 * Finds the header of the indicator table wherever it stands and gives each column its role:
 * focus area, municipal goal, board goal, indicator, outcome year, target year, or a column the
 * reader does not know (kept as extra).
 *
 * Header words as controllers write them: "Målområde", "Kommunövergripande mål", "Nämndmål",
 * "Nämndindikator" or "Indikator", "2017", "Utfall 2018", "Målvärde 2019" (also hyphenated
 * across lines, "Mål-\nvärde\n2019"), and years typed as numbers.
 *
 * The header may stand on one row or on two: the first row names the text columns and puts
 * group headers ("Utfall", "Målvärde", "Mål") over the year columns, the second row holds
 * the years. A year column then reads as its group and year together ("Målvärde" over "2019"
 * is "Målvärde 2019"), so a two-row header gives the columns the one-row header would.
 */
import { toA1 } from "../workbook/address";
import { cellAt, gridBounds, type Grid } from "../workbook/grid";
import { issue, type Issue } from "../issues/issues";
import type { TableColumn } from "../model";
import { cleanCellText } from "./cleanCellText";
import { YEAR_IN_HEADER, yearRowReader, type HeaderCell } from "./readYearRow";
import { shownText } from "./shownText";

export interface HeaderFound {
  /** The header's (first) row. */
  readonly row: number;
  /** The header's last row: `row` for a one-row header, `row + 1` when the years stand on the row under it. */
  readonly lastRow: number;
  readonly columns: readonly TableColumn[];
  readonly issues: readonly Issue[];
}

const PART_OF_YEAR = /tertial|delår|halvår|prognos|\bt[123]\b|\bh[12]\b|\b(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)/;

/** The role a header text names, or undefined for a column the reader does not know. */
function roleOf(text: string): Omit<TableColumn, "column" | "header"> | undefined {
  const lower = text.toLowerCase();
  const year = YEAR_IN_HEADER.exec(lower)?.[1];
  // "Utfall tertial 2 2019 (jan–aug)" is a part-year outcome written by a fill, not a year column.
  if (year !== undefined && !PART_OF_YEAR.test(lower)) {
    // "Målvärde 2019", "Mål 2019", "Målnivå 2020" are targets; "2018", "Utfall 2018" outcomes.
    const role = /mål/.test(lower) ? "target" : "outcome";
    return { role, year: Number.parseInt(year, 10) };
  }
  if (/^(?:mål|fokus|perspektiv)område$|^perspektiv$|^målområden?$/.test(lower)) return { role: "focus-area" };
  if (/kommunövergripande|^kf-?mål|^kommunmål|övergripande mål|^kommunfullmäktiges mål/.test(lower)) return { role: "municipal-goal" };
  if (/^nämndmål|^nämndens mål|^verksamhetsmål/.test(lower)) return { role: "board-goal" };
  if (/^(?:nämnd)?indikator(?:er)?$|^nyckeltal$|^mått$|^styrtal$/.test(lower)) return { role: "indicator" };
  return undefined;
}

/** The header texts of one row: the shown text of each non-empty cell, or a number typed as a year. */
function oneRowCells(grid: Grid, row: number): HeaderCell[] {
  const bounds = gridBounds(grid);
  const cells: HeaderCell[] = [];
  for (let column = bounds.left; column <= bounds.right; column++) {
    const header = cleanCellText(shownText(cellAt(grid, row, column)));
    if (header !== "") cells.push({ column, header });
  }
  return cells;
}

/**
 * The columns the header cells name, or undefined when they name no indicator column or no
 * year column. Unknown columns right of the table's first known column are kept as extra, with
 * an issue at their cell on the header's first row.
 */
function columnsOf(grid: Grid, row: number, cells: readonly HeaderCell[]): { columns: TableColumn[]; issues: Issue[] } | undefined {
  const found: TableColumn[] = [];
  const unknown: TableColumn[] = [];
  for (const { column, header } of cells) {
    const role = roleOf(header);
    if (role) found.push({ ...role, column, header });
    else unknown.push({ role: "extra", column, header });
  }
  const hasIndicator = found.some((c) => c.role === "indicator");
  const hasYear = found.some((c) => c.role === "outcome" || c.role === "target");
  if (!hasIndicator || !hasYear) return undefined;

  const issues: Issue[] = [];
  const firstColumn = Math.min(...found.map((c) => c.column));
  const columns: TableColumn[] = [...found];
  for (const extra of unknown) {
    // A title to the left of the table on the header row is not a column of the table.
    if (extra.column < firstColumn) continue;
    const cell = toA1({ row, column: extra.column });
    if (/^(?:mål|målvärde|utfall)\b/i.test(extra.header)) {
      issues.push(issue("table/year-column-missing", "warning", { sheet: grid.sheet, cell, raw: extra.header }));
    } else {
      issues.push(issue("table/unknown-column", "info", { sheet: grid.sheet, cell, raw: extra.header }));
    }
    columns.push(extra);
  }
  columns.sort((a, b) => a.column - b.column);
  return { columns, issues };
}

/** True when no two columns name the same role and year (a data row misread as years would). */
function yearsDistinct(columns: readonly TableColumn[]): boolean {
  const keys = columns.filter((c) => c.year !== undefined).map((c) => `${c.role} ${c.year}`);
  return new Set(keys).size === keys.length;
}

/**
 * The first row that names an indicator column and at least one year column, alone or with
 * the row of years under it.
 *
 * @example findHeader(grid) // { row: 3, lastRow: 3, columns: [{ role: "focus-area", column: 0, header: "Målområde" }, ...] }
 * @example findHeader(gridWithUtfallAndMålvärdeOverYears)
 *   // { row: 0, lastRow: 1, columns: [..., { role: "outcome", year: 2017, header: "Utfall 2017" }, ..., { role: "target", year: 2019, header: "Målvärde 2019" }] }
 */
export function findHeader(grid: Grid): HeaderFound | undefined {
  const bounds = gridBounds(grid);
  const readYearRow = yearRowReader(grid);
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    const single = columnsOf(grid, row, oneRowCells(grid, row));
    // A row that is a header on its own takes the row under it only to give years to its
    // group headers ("Målvärde" over 2019 and 2020): a "2019" under "Kommentar" is a value.
    const groupsWithoutYears = single === undefined || single.issues.some((i) => i.code === "table/year-column-missing");
    const twoRows = groupsWithoutYears && row < bounds.bottom ? readYearRow(row) : undefined;
    if (twoRows) {
      const read = columnsOf(grid, row, twoRows);
      if (read && yearsDistinct(read.columns)) return { row, lastRow: row + 1, ...read };
    }
    if (single) return { row, lastRow: row, ...single };
  }
  return undefined;
}
