/**
 * Reads the activity tables of one sheet (a Grid) into an ActivityPlan: each activity with its
 * perspective, its board goals, its deadline and the follow-ups the sheet holds per period.
 * Any reasonable layout: one table per perspective under a heading row ("Medborgare" over its
 * own header, as the published plan), or one table with a perspective column; goals in a cell
 * merged down their activities, or on a row of their own above them. Never throws on user
 * data: every doubt is an Issue with its cell, as the indicator table reader's are.
 *
 * Reuses the indicator table reader's pieces: cells read through merged areas (tableCells),
 * cell text on one line (cleanCellText), issue positions (issuePosition).
 */
import { issue, type Issue } from "../issues/issues";
import { toA1 } from "../workbook/address";
import { cellAt, gridBounds, type Grid } from "../workbook/grid";
import { normalizeName } from "../values/normalizeName";
import { cleanCellText } from "../table/cleanCellText";
import { issuePosition, type IssuePosition } from "../table/issuePosition";
import { shownText } from "../table/shownText";
import { readThroughMerges, type TableCells } from "../table/tableCells";
import type { Activity, ActivityPlan, ActivityTable, FollowUp } from "./activity";
import { findActivityHeaders } from "./findActivityHeaders";
import { parseDeadline } from "./parseDeadline";
import { parseFollowUpStatus, RULE_SET_BY } from "./followUpStatus";
import { isRuleWritten } from "./ruleFollowUp";


export interface ReadActivitiesOptions {
  /** The workbook file name, put on every issue. */
  readonly file?: string;
}

/** The perspectives of the plans (the focus areas of the appendix). */
const KNOWN_PERSPECTIVES = /^(?:samhälle|medborgare|ekonomi|verksamhet|medarbetare)$/i;

/** The texts of a row's non-empty cells (through merges), by column. */
function rowTexts(cells: TableCells, row: number, left: number, right: number): Array<{ column: number; text: string }> {
  const texts: Array<{ column: number; text: string }> = [];
  for (let column = left; column <= right; column++) {
    const text = cells.textAt(row, column);
    if (text !== "") texts.push({ column, text });
  }
  return texts;
}

/** A goal cell's goals: one per paragraph (a cell may list several goals the activities serve together). */
function goalsIn(cells: TableCells, row: number, column: number): string[] {
  if (cells.coveredFromAbove(row, column)) return [];
  return shownText(cellAt(cells.grid, row, column))
    .split(/\r?\n[ \t\u00a0]*\r?\n/)
    .map(cleanCellText)
    .filter((goal) => goal !== "");
}

interface Walk {
  perspective: string;
  goals: string[];
  /** True after a goal row with no activity: a goal on the next row adds to it (several goals over the same activities). */
  goalsOpen: boolean;
}

/**
 * @example readActivities(gridOfTheAktiviteterSheet, { file: "verksamhetsplan.xlsx" })
 *   // { sheet: "Aktiviteter", year: 2019, activities: [{ perspective: "Medborgare", name: "Finnas representerade i prioriterade stadsdelar",
 *   //   deadline: { kind: "quarter", quarter: 2, raw: "Q2" }, followUps: [{ period: "2019-T1", status: "on-track", ... }] }, ...], issues: [...] }
 * @example readActivities(gridOfALetter) // { activities: [], tables: [], issues: [activity/table-not-found] }
 */
export function readActivities(grid: Grid, options: ReadActivitiesOptions = {}): ActivityPlan {
  const position = issuePosition(grid.sheet, options.file);
  const headers = findActivityHeaders(grid);
  const issues: Issue[] = headers.issues.map((found) => ({ ...found, ...position.fileField }));
  const bounds = gridBounds(grid);
  if (headers.tables.length === 0) {
    return { sheet: grid.sheet, activities: [], tables: [], lastColumn: bounds.right, issues: [issue("activity/table-not-found", "error", { sheet: grid.sheet, ...position.fileField })] };
  }
  const cells = readThroughMerges(grid, new Set());
  const headerRows = new Set(headers.tables.map((t) => t.headerRow));
  const nextNonBlankIsHeader = (row: number): boolean => {
    for (let next = row + 1; next <= bounds.bottom; next++) {
      if (headerRows.has(next)) return true;
      if (rowTexts(cells, next, bounds.left, bounds.right).length > 0) return false;
    }
    return false;
  };
  /**
   * A row with one text that is a perspective's name, or that stands right above a header. In a
   * table, a lone text in the activity column is an activity (one without a deadline), not a heading.
   */
  const headingOf = (row: number, table: ActivityTable | undefined): string | undefined => {
    const texts = rowTexts(cells, row, bounds.left, bounds.right);
    const only = texts.length === 1 ? texts[0] : undefined;
    if (only === undefined || only.text.length > 80) return undefined;
    if (KNOWN_PERSPECTIVES.test(only.text)) return only.text;
    if (table !== undefined && only.column === table.activityColumn) return undefined;
    return nextNonBlankIsHeader(row) ? only.text : undefined;
  };

  const activities: Activity[] = [];
  const ids = new Map<string, number>();
  const walk: Walk = { perspective: "", goals: [], goalsOpen: false };
  let tableIndex = -1;
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    if (headerRows.has(row)) {
      tableIndex = headers.tables.findIndex((t) => t.headerRow === row);
      walk.goals = [];
      // A table with a perspective column names each row's perspective; a title above it is no heading.
      if (headers.tables[tableIndex]?.perspectiveColumn !== undefined) walk.perspective = "";
      continue;
    }
    const heading = headingOf(row, headers.tables[tableIndex]);
    if (heading !== undefined) {
      walk.perspective = heading;
      walk.goals = [];
      walk.goalsOpen = false;
      continue;
    }
    const table = headers.tables[tableIndex];
    if (table === undefined) continue;
    const read = readRow(cells, table, row, walk, position, issues);
    if (read === undefined) continue;
    const baseId = `${normalizeName(read.perspective)}/${normalizeName(read.name)}`;
    const seen = (ids.get(baseId) ?? 0) + 1;
    ids.set(baseId, seen);
    if (seen > 1) issues.push(issue("activity/duplicate", "warning", { ...position.at(row, table.activityColumn), raw: read.name, params: { id: `${baseId}#${seen}` } }));
    activities.push({ ...read, id: seen > 1 ? `${baseId}#${seen}` : baseId, table: tableIndex });
  }

  const lastColumn = Math.max(...headers.tables.flatMap((t) => [t.activityColumn, t.deadlineColumn, ...t.followUpColumns.flatMap((f) => [f.status, f.comment ?? 0, f.setBy ?? 0])]));
  const year = planYear(grid, headers.tables, bounds.top);
  return { sheet: grid.sheet, ...(year === undefined ? {} : { year }), activities, tables: headers.tables, lastColumn, issues };
}

/** One body row: an activity, or a goal or perspective that starts (undefined then). */
function readRow(
  cells: TableCells,
  table: ActivityTable,
  row: number,
  walk: Walk,
  position: IssuePosition,
  issues: Issue[],
): Omit<Activity, "id" | "table"> | undefined {
  if (table.perspectiveColumn !== undefined) {
    const perspective = cells.textAt(row, table.perspectiveColumn);
    if (perspective !== "" && perspective !== walk.perspective) {
      walk.perspective = perspective;
      walk.goals = [];
      walk.goalsOpen = false;
    }
  }
  const name = cells.textAt(row, table.activityColumn);
  if (table.goalColumn !== undefined) {
    const goals = goalsIn(cells, row, table.goalColumn);
    if (goals.length > 0) walk.goals = walk.goalsOpen ? [...walk.goals, ...goals] : goals;
    walk.goalsOpen = name === "" && (goals.length > 0 || walk.goalsOpen);
  }
  const deadlineText = cells.textAt(row, table.deadlineColumn);
  if (name === "") {
    if (deadlineText !== "") issues.push(issue("activity/deadline-without-activity", "warning", { ...position.at(row, table.deadlineColumn), raw: deadlineText }));
    return undefined;
  }
  const at = position.at(row, table.activityColumn);
  const deadline = parseDeadline(shownText(cellAt(cells.grid, row, table.deadlineColumn)));
  if (deadline.kind === "missing") issues.push(issue("activity/missing-deadline", "warning", { ...at, raw: name }));
  if (deadline.kind === "text") issues.push(issue("activity/unknown-deadline", "warning", { ...position.at(row, table.deadlineColumn), raw: deadline.raw }));
  if (walk.perspective === "") issues.push(issue("activity/without-perspective", "warning", { ...at, raw: name }));
  if (walk.goals.length === 0) issues.push(issue("activity/without-goal", "info", { ...at, raw: name }));

  const followUps: FollowUp[] = [];
  for (const columns of table.followUpColumns) {
    const statusText = cells.textAt(row, columns.status);
    const comment = columns.comment === undefined ? "" : cells.textAt(row, columns.comment);
    const setBy = columns.setBy === undefined ? "" : cells.textAt(row, columns.setBy);
    if (statusText === "") {
      if (comment !== "") issues.push(issue("activity/comment-without-status", "info", { ...position.at(row, columns.status), raw: comment }));
      continue;
    }
    // What the rule wrote is not a status someone set: it is worked out again on each read. A row
    // signed by the rule whose status or comment a person changed is theirs, kept as they set it.
    if (setBy === RULE_SET_BY) {
      if (isRuleWritten(statusText, comment)) continue;
      issues.push(issue("activity/rule-status-edited", "warning", { ...position.at(row, columns.status), raw: statusText }));
    }
    const status = parseFollowUpStatus(statusText);
    if (status === undefined) {
      issues.push(issue("activity/unknown-status", "warning", { ...position.at(row, columns.status), raw: statusText }));
      continue;
    }
    followUps.push({ period: columns.period, status, comment, setBy });
  }
  return { perspective: walk.perspective, boardGoals: [...walk.goals], name, deadline, row, cell: toA1({ row, column: table.activityColumn }), followUps };
}

/** The plan's year: the follow-up columns' year, else a year in a title above the first table. */
function planYear(grid: Grid, tables: readonly ActivityTable[], top: number): number | undefined {
  const period = tables.flatMap((t) => t.followUpColumns)[0]?.period;
  if (period !== undefined) return Number.parseInt(period.slice(0, 4), 10);
  const first = tables[0]?.headerRow ?? top;
  const bounds = gridBounds(grid);
  for (let row = top; row < first; row++) {
    for (let column = bounds.left; column <= bounds.right; column++) {
      const year = /\b(20\d\d)\b/.exec(shownText(cellAt(grid, row, column)))?.[1];
      if (year !== undefined) return Number.parseInt(year, 10);
    }
  }
  return undefined;
}
