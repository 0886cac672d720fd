/**
 * The values of one table row: an outcome per outcome year, a target per target year, the
 * non-empty cells of columns the reader does not know, and the doubts the value parser raised,
 * placed at their cells.
 */
import { toA1 } from "../workbook/address";
import { locate, type Issue } from "../issues/issues";
import type { ExtraCell, YearOutcome, YearTarget } from "../model";
import { parseCellValue, parseTarget } from "../values/parseValue";
import type { IssuePosition } from "./issuePosition";
import type { TableLayout } from "./mapColumns";
import { shownText } from "./shownText";
import type { TableCells } from "./tableCells";

export interface RowValues {
  readonly outcomes: readonly YearOutcome[];
  readonly targets: readonly YearTarget[];
  readonly extra: readonly ExtraCell[];
}

/**
 * @example readRowValues(cells, layout, 5, position) // row "Antal hushåll ..." | "3 130" | "2 800"
 *   // { values: { outcomes: [{ year: 2018, cell: "E6", raw: "3 130", value: number 3130 }],
 *   //             targets: [{ year: 2019, cell: "F6", raw: "2 800", target: value 2800, footnotes: [] }], extra: [] },
 *   //   issues: [] }
 */
export function readRowValues(
  cells: TableCells,
  layout: TableLayout,
  row: number,
  position: IssuePosition,
): { values: RowValues; issues: Issue[] } {
  const issues: Issue[] = [];
  const outcomes = layout.outcomeColumns.map((c): YearOutcome => {
    const cell = cells.valueCellAt(row, c.column);
    const parsed = parseCellValue(cell);
    issues.push(...parsed.issues.map((found) => locate(found, position.at(row, c.column))));
    return { year: c.year ?? 0, cell: toA1({ row, column: c.column }), raw: shownText(cell), value: parsed.value };
  });
  const targets = layout.targetColumns.map((c): YearTarget => {
    const cell = cells.valueCellAt(row, c.column);
    const parsed = parseTarget(cell);
    issues.push(...parsed.issues.map((found) => locate(found, position.at(row, c.column))));
    return { year: c.year ?? 0, cell: toA1({ row, column: c.column }), raw: shownText(cell), target: parsed.target, footnotes: parsed.footnotes };
  });
  const extra = layout.extraColumns.flatMap((c): ExtraCell[] => {
    const text = shownText(cells.valueCellAt(row, c.column));
    return text.trim() === "" ? [] : [{ header: c.header, cell: toA1({ row, column: c.column }), text }];
  });
  return { values: { outcomes, targets, extra }, issues };
}
