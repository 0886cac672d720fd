/**
 * The table's columns by role, as the row reader needs them: where the focus area, the goals
 * and the indicator name stand, which columns hold outcomes and targets by year, which are
 * kept as extra, and the table's left and right edge.
 */
import type { TableColumn } from "../model";

export interface TableLayout {
  readonly areaColumn: number | undefined;
  readonly goalColumn: number | undefined;
  readonly boardColumn: number | undefined;
  /** The indicator name column (the first column when the header names none). */
  readonly indicatorColumn: number;
  readonly outcomeColumns: readonly TableColumn[];
  readonly targetColumns: readonly TableColumn[];
  readonly extraColumns: readonly TableColumn[];
  /** Outcome and target columns: a value merged across them counts for each. */
  readonly valueColumns: ReadonlySet<number>;
  readonly left: number;
  readonly right: number;
}

/**
 * @example mapColumns([{ role: "indicator", column: 3, header: "Nämndindikator" },
 *   { role: "outcome", column: 4, year: 2018, header: "2018" }, { role: "target", column: 5, year: 2019, header: "Målvärde 2019" }])
 *   // { indicatorColumn: 3, outcomeColumns: [2018 at 4], targetColumns: [2019 at 5], left: 3, right: 5, ... }
 */
export function mapColumns(columns: readonly TableColumn[]): TableLayout {
  const columnOf = (role: TableColumn["role"]): number | undefined => columns.find((c) => c.role === role)?.column;
  const outcomeColumns = columns.filter((c) => c.role === "outcome");
  const targetColumns = columns.filter((c) => c.role === "target");
  return {
    areaColumn: columnOf("focus-area"),
    goalColumn: columnOf("municipal-goal"),
    boardColumn: columnOf("board-goal"),
    indicatorColumn: columnOf("indicator") ?? 0,
    outcomeColumns,
    targetColumns,
    extraColumns: columns.filter((c) => c.role === "extra"),
    valueColumns: new Set([...outcomeColumns, ...targetColumns].map((c) => c.column)),
    left: Math.min(...columns.map((c) => c.column)),
    right: Math.max(...columns.map((c) => c.column)),
  };
}
