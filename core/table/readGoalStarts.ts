/**
 * Which of focus area, municipal goal and board goal start on a row. A text that repeats the
 * current one (a repeated cell in a sheet without merges, however cased or spaced) continues
 * it; a cell covered by a merged area says nothing; under a new parent any text starts anew.
 */
import { normalizeName } from "../values/normalizeName";
import type { TableLayout } from "./mapColumns";
import type { TableCells } from "./tableCells";

/** Texts of the focus area, municipal goal and board goal in force, or those that start. */
export interface GoalTexts {
  readonly area?: string | undefined;
  readonly goal?: string | undefined;
  readonly board?: string | undefined;
}

function startsAt(cells: TableCells, row: number, column: number | undefined, current: string | undefined, parentChanged: boolean): string | undefined {
  if (column === undefined) return undefined;
  const text = cells.textAt(row, column);
  if (text === "") return undefined;
  if (!parentChanged && current !== undefined && normalizeName(text) === normalizeName(current)) return undefined;
  return text;
}

/**
 * @example readGoalStarts(cells, layout, 6, { area: "Samhälle", goal: "Fler i arbete" })
 *   // {} when row 7 repeats "Samhälle" and "Fler i arbete"; { goal: "Trygg skola" } when the goal changes
 */
export function readGoalStarts(cells: TableCells, layout: TableLayout, row: number, current: GoalTexts): GoalTexts {
  const area = startsAt(cells, row, layout.areaColumn, current.area, false);
  const goal = startsAt(cells, row, layout.goalColumn, current.goal, area !== undefined);
  const board = startsAt(cells, row, layout.boardColumn, current.board, area !== undefined || goal !== undefined);
  return {
    ...(area === undefined ? {} : { area }),
    ...(goal === undefined ? {} : { goal }),
    ...(board === undefined ? {} : { board }),
  };
}
