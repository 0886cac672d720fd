/**
 * The task pane's controller: what the pane shows about the workbook it read, as plain data.
 * No DOM and no Excel here, so it is tested directly. From a WorkbookSnapshot it summarises the
 * table sheet and the Månadsdata sheet (describeWorkbook: sizes, merged areas, whether
 * Månadsdata exists, Excel-version warnings), finds the two grids in the snapshot
 * (tableGridOf, monthlyGridOf), lists the months Månadsdata already holds (monthsInWorkbook)
 * and proposes the period to report (suggestPeriod). The month's work itself (measures,
 * outcomes, statuses, the Patch) is analyse.ts.
 */
import { formatSwedishNumber } from "../../core/values/formatNumber";
import { gridBounds, type Grid } from "../../core/workbook/grid";
import { MONTHLY_SHEET, readMonthlySheet } from "../../core/records/monthlySheet";
import { splitMonth } from "../../core/periods/period";
import type { Month } from "../../core/records/records";
import { isValueRecord } from "../../core/records/mergeValueRecords";
import type { WorkbookSnapshot } from "../excel/readWorkbook";
import type { ExcelCapabilities } from "../excel/requirements";

export interface SheetSummary {
  readonly sheet: string;
  readonly rows: number;
  readonly columns: number;
  readonly filledCells: number;
  readonly mergedAreas: number;
}

export interface PaneView {
  readonly table?: SheetSummary;
  readonly monthly?: SheetSummary;
  /** Short Swedish lines for the pane (what was read, what is missing). */
  readonly lines: readonly string[];
  /** Swedish warnings (old Excel without notes ...). */
  readonly warnings: readonly string[];
}

export function summarizeGrid(grid: Grid): SheetSummary {
  const bounds = gridBounds(grid);
  const filledCells = grid.cells.reduce((n, row) => n + (row?.filter((c) => c !== undefined).length ?? 0), 0);
  return {
    sheet: grid.sheet,
    rows: bounds.bottom - bounds.top + 1,
    columns: bounds.right - bounds.left + 1,
    filledCells,
    mergedAreas: grid.merges.length,
  };
}

const n = (count: number, one: string, many: string): string => `${formatSwedishNumber(count, 0)} ${count === 1 ? one : many}`;

/** The active sheet's grid: the table the pane reads. */
export function tableGridOf(snapshot: WorkbookSnapshot): Grid | undefined {
  return snapshot.grids.get(snapshot.activeSheet);
}

/** The Månadsdata sheet's grid, unless Månadsdata is itself the active sheet (then there is no table). */
export function monthlyGridOf(snapshot: WorkbookSnapshot): Grid | undefined {
  return snapshot.activeSheet === MONTHLY_SHEET ? undefined : snapshot.grids.get(MONTHLY_SHEET);
}

/** What the pane shows after reading the workbook. */
export function describeWorkbook(snapshot: WorkbookSnapshot, capabilities: ExcelCapabilities): PaneView {
  const tableGrid = tableGridOf(snapshot);
  const monthlyGrid = monthlyGridOf(snapshot);
  const table = tableGrid ? summarizeGrid(tableGrid) : undefined;
  const monthly = monthlyGrid ? summarizeGrid(monthlyGrid) : undefined;
  const lines: string[] = [];
  if (table) {
    lines.push(
      `Bladet "${table.sheet}": ${n(table.rows, "rad", "rader")} och ${n(table.columns, "kolumn", "kolumner")}, ` +
        `${n(table.filledCells, "ifylld cell", "ifyllda celler")}, ${n(table.mergedAreas, "sammanfogat område", "sammanfogade områden")}.`,
    );
  }
  lines.push(
    monthly
      ? `Bladet "${MONTHLY_SHEET}" finns: ${n(Math.max(monthly.rows - 1, 0), "rad", "rader")} med månadsdata.`
      : `Bladet "${MONTHLY_SHEET}" finns inte än; det skapas när du importerar den första månaden.`,
  );
  const warnings = capabilities.message && capabilities.supported ? [capabilities.message] : [];
  return { ...(table ? { table } : {}), ...(monthly ? { monthly } : {}), lines, warnings };
}

/** The months the Månadsdata sheet already has, sorted. */
export function monthsInWorkbook(snapshot: WorkbookSnapshot): Month[] {
  const monthly = monthlyGridOf(snapshot);
  // A yearly value (Kolada, manual) sits on its year's December: it says nothing of the months exported so far.
  return [...new Set((monthly ? readMonthlySheet(monthly) : []).filter((r) => !isValueRecord(r)).map((r) => r.month))].sort();
}

/**
 * The period to propose: the tertial of the latest month with data, or, with no data yet,
 * the tertial of last month.
 *
 * @example suggestPeriod(["2019-05", "2019-06"], new Date(2026, 10, 27)) // "2019-T2"
 * @example suggestPeriod([], new Date(2020, 0, 15))                     // "2019-T3"
 */
export function suggestPeriod(months: readonly Month[], today: Date): string {
  const latest = [...months].sort().pop();
  const { year, month } = latest ? splitMonth(latest) : monthBefore(today);
  return `${year}-T${Math.ceil(month / 4)}`;
}

/** Year and 1-based number of the month before today's (getMonth() is 0-based: it is last month's number). */
function monthBefore(today: Date): { readonly year: number; readonly month: number } {
  const lastMonth = today.getMonth();
  return lastMonth === 0 ? { year: today.getFullYear() - 1, month: 12 } : { year: today.getFullYear(), month: lastMonth };
}
