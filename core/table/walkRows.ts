/**
 * Walks the table body row by row and grows the appendix tree: goals that start on a row, then
 * what the row is (indicator, breakdown, note, labelled values, stray values or blank) and where
 * its values go. Doubts come back as issues in row order.
 */
import { toA1 } from "../workbook/address";
import { issue, type Issue } from "../issues/issues";
import { splitFootnotes } from "../values/parseValue";
import { classifyRow, isBlankRow } from "./classifyRow";
import type { IssuePosition } from "./issuePosition";
import { labelledBreakdowns } from "./labelledBreakdowns";
import type { TableLayout } from "./mapColumns";
import { parseBaseline } from "./parseBaseline";
import { readGoalStarts } from "./readGoalStarts";
import { readRowValues, type RowValues } from "./readRowValues";
import type { TableCells } from "./tableCells";
import { TreeBuilder, type FocusAreaBuilder, type IndicatorBuilder } from "./treeBuilder";

/** Rows firstRow..lastRow of the body, inclusive. */
export interface BodyRows {
  readonly firstRow: number;
  readonly lastRow: number;
}

/** Starts the focus area, goal and board goal the row names; a board goal without a goal is a doubt. */
function startGoals(tree: TreeBuilder, cells: TableCells, layout: TableLayout, row: number, position: IssuePosition): Issue[] {
  const starts = readGoalStarts(cells, layout, row, tree.texts);
  if (starts.area !== undefined && layout.areaColumn !== undefined) tree.startArea(starts.area, toA1({ row, column: layout.areaColumn }));
  if (starts.goal !== undefined && layout.goalColumn !== undefined) tree.startGoal(starts.goal, toA1({ row, column: layout.goalColumn }));
  if (starts.board === undefined || layout.boardColumn === undefined) return [];
  const issues = tree.hasGoal ? [] : [issue("table/indicator-without-goal", "warning", { ...position.at(row, layout.boardColumn), raw: starts.board })];
  tree.startBoardGoal(starts.board, toA1({ row, column: layout.boardColumn }));
  return issues;
}

/** Values with no name and no labels: each non-empty cell is text the reader cannot place. */
function strayValueIssues(values: RowValues, position: IssuePosition): Issue[] {
  return [...values.outcomes.map((o) => ({ cell: o.cell, raw: o.raw })), ...values.targets.map((t) => ({ cell: t.cell, raw: t.raw }))]
    .concat(values.extra.map((e) => ({ cell: e.cell, raw: e.text })))
    .filter((v) => v.raw.trim() !== "")
    .map((v) => issue("table/unexpected-text", "warning", { sheet: position.sheet, cell: v.cell, raw: v.raw, ...position.fileField }));
}

/** A note row: its text, the baseline it gives (the first one counts), its labelled values and extra cells. */
function addNote(indicator: IndicatorBuilder, row: number, cell: string, text: string, values: RowValues): void {
  indicator.notes.push({ cell, text });
  if (!indicator.baseline) {
    const baseline = parseBaseline(text);
    if (baseline) indicator.baseline = baseline;
  }
  indicator.breakdowns.push(...labelledBreakdowns(row, values, true));
  indicator.extra.push(...values.extra);
}

/**
 * @example walkRows(cells, layout, { firstRow: 4, lastRow: 56 }, position)
 *   // { areas: [{ name: "Samhälle", municipalGoals: [...] }, ...], issues: [table/orphan-breakdown at D9, ...] }
 */
export function walkRows(
  cells: TableCells,
  layout: TableLayout,
  body: BodyRows,
  position: IssuePosition,
): { areas: FocusAreaBuilder[]; issues: Issue[] } {
  const tree = new TreeBuilder();
  const issues: Issue[] = [];
  const nameColumn = layout.indicatorColumn;

  for (let row = body.firstRow; row <= body.lastRow; row++) {
    issues.push(...startGoals(tree, cells, layout, row, position));

    const { text: name, footnotes: nameFootnotes } = splitFootnotes(cells.textAt(row, nameColumn));
    if (isBlankRow(cells, layout, row, name)) continue;
    const nameCell = toA1({ row, column: nameColumn });
    const { values, issues: valueIssues } = readRowValues(cells, layout, row, position);
    issues.push(...valueIssues);

    const classified = classifyRow(name, values, tree.indicator);
    switch (classified.kind) {
      case "orphan-breakdown":
        issues.push(issue("table/orphan-breakdown", "warning", { ...position.at(row, nameColumn), raw: name }));
        break;
      case "breakdown":
        classified.parent.breakdowns.push({
          kind: "gender",
          label: name,
          row,
          cell: nameCell,
          outcomes: values.outcomes,
          targets: values.targets,
          extra: values.extra,
        });
        break;
      case "note":
        addNote(classified.parent, row, nameCell, name, values);
        break;
      case "labelled-values":
        classified.parent.breakdowns.push(...labelledBreakdowns(row, values, true));
        break;
      case "stray-values":
        issues.push(...strayValueIssues(values, position));
        break;
      case "indicator":
        if (!tree.hasGoal) issues.push(issue("table/indicator-without-goal", "warning", { ...position.at(row, nameColumn), raw: name }));
        tree.startIndicator({
          name,
          nameFootnotes,
          row,
          cell: nameCell,
          outcomes: values.outcomes,
          targets: values.targets,
          breakdowns: labelledBreakdowns(row, values, false),
          notes: [],
          extra: [...values.extra],
        });
        break;
    }
  }
  return { areas: tree.areas, issues };
}
