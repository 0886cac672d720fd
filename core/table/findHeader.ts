/**
 * Finds the header row of the indicator table wherever it stands and gives each column its
 * role: focus area, municipal goal, board goal, indicator, outcome year, target year, or a
 * column the reader does not know (kept as extra).
 *
 * Header words as controllers write them: "Målområde", "Kommunövergripande mål", "Nämndmål",
 * "Nämndindikator" or "Indikator", "2017", "Utfall 2018", "Målvärde 2019" (also hyphenated
 * across lines, "Mål-\nvärde\n2019"), and years typed as numbers.
 */
import { toA1 } from "../address";
import { cellAt, gridBounds, type Grid } from "../grid";
import { issue, type Issue } from "../issues";
import type { TableColumn } from "../model";
import { cleanCellText } from "./cleanCellText";
import { shownText } from "./shownText";

export interface HeaderFound {
  readonly row: number;
  readonly columns: readonly TableColumn[];
  readonly issues: readonly Issue[];
}

const YEAR = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/;
const PART_OF_YEAR = /tertial|delår|halvår|prognos|\bt[123]\b|\bh[12]\b|\b(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)/;

/** The role a header text names, or undefined for a column the reader does not know. */
function roleOf(text: string): Omit<TableColumn, "column" | "header"> | undefined {
  const lower = text.toLowerCase();
  const year = YEAR.exec(lower)?.[1];
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

/** Header text of a cell: the shown text, or a number typed as a year. */
function headerText(grid: Grid, row: number, column: number): string {
  return cleanCellText(shownText(cellAt(grid, row, column)));
}

/**
 * The first row that names an indicator column and at least one year column.
 *
 * @example findHeader(grid) // { row: 3, columns: [{ role: "focus-area", column: 0, header: "Målområde" }, ...] }
 */
export function findHeader(grid: Grid): HeaderFound | undefined {
  const bounds = gridBounds(grid);
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    const found: TableColumn[] = [];
    const unknown: TableColumn[] = [];
    for (let column = bounds.left; column <= bounds.right; column++) {
      const header = headerText(grid, row, column);
      if (header === "") continue;
      const role = roleOf(header);
      if (role) found.push({ ...role, column, header });
      else unknown.push({ role: "extra", column, header });
    }
    const hasIndicator = found.some((c) => c.role === "indicator");
    const hasYear = found.some((c) => c.role === "outcome" || c.role === "target");
    if (!hasIndicator || !hasYear) continue;

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
    return { row, columns, issues };
  }
  return undefined;
}
