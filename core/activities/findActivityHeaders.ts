/**
 * Finds the header rows of a sheet's activity tables and gives each column its role: the
 * activity, when it is to be done ("Slutfört"), the board goal, the perspective, and the
 * follow-up columns per period ("Status T1 2019", "Kommentar T1 2019", "Satt av T1 2019").
 * A sheet may hold one table with a perspective column or one table per perspective, each
 * with its own header (as the published plan does).
 *
 * Header words as plans and controllers write them: "Aktivitet"/"Åtgärd", "Slutfört"/"Klart
 * senast"/"Tidplan", "Nämndmål"/"Mål" (also the group names of the plan's other tables:
 * "Strategiska utvecklingsuppdrag", "Prioriterade styrdokument"), "Perspektiv"/"Målområde".
 * A follow-up column's period may be written "T1 2019", "2019-T1", "tertial 1 2019", or without
 * its year ("Status T1") when a title above the tables names the year ("Aktiviteter 2019").
 */
import { parsePeriod, type Period } from "../periods/period";
import { cellAt, gridBounds, type Grid } from "../workbook/grid";
import { toA1 } from "../workbook/address";
import { issue, type Issue } from "../issues/issues";
import { cleanCellText } from "../table/cleanCellText";
import { shownText } from "../table/shownText";
import type { ActivityTable, FollowUpColumns } from "./activity";

const ACTIVITY = /^(?:aktivitet(?:er)?|åtgärd(?:er)?|aktivitet\s*\/\s*åtgärd)$/;
const DEADLINE = /^(?:slutför[tds]?|klart?|klart? senast|senast klar|tidplan|tidpunkt|när|slutdatum)$/;
const GOAL = /^(?:nämndmål|nämndens mål|mål|strategiska utvecklingsuppdrag|uppdrag|nämnduppdrag|prioriterade styrdokument|styrdokument)$/;
const PERSPECTIVE = /^(?:perspektiv|målområde|fokusområde)$/;
const FOLLOW_UP = /^(status|kommentar|satt av|rapporterad av|uppdaterad av|ifylld av)\s+(.+)$/;

type FollowUpPart = "status" | "comment" | "setBy";
const partOf = (word: string): FollowUpPart =>
  word === "status" ? "status" : word === "kommentar" ? "comment" : "setBy";

export interface HeadersFound {
  readonly tables: readonly ActivityTable[];
  readonly issues: readonly Issue[];
}

/** The header texts of one row by column, cleaned and lower case. */
function rowTexts(grid: Grid, row: number): Map<number, string> {
  const bounds = gridBounds(grid);
  const texts = new Map<number, string>();
  for (let column = bounds.left; column <= bounds.right; column++) {
    const text = cleanCellText(shownText(cellAt(grid, row, column))).toLocaleLowerCase("sv-SE");
    if (text !== "") texts.set(column, text);
  }
  return texts;
}

/** The period a follow-up header names ("t1 2019", "tertial 1 2019", or "t1" in the title's year). */
function periodOf(text: string, titleYear: number | undefined): Period | undefined {
  const compact = text.replace(/\btertial\s*([1-3])\b/, "t$1").trim();
  const parsed = parsePeriod(compact);
  if (parsed.ok) return parsed.value;
  const tertial = /^t\s*([1-3])$/.exec(compact)?.[1];
  if (tertial === undefined || titleYear === undefined) return undefined;
  const inYear = parsePeriod(`${titleYear}-T${tertial}`);
  return inYear.ok ? inYear.value : undefined;
}

/** The table a header row starts, or undefined when the row names no activity and deadline column. */
function tableAt(grid: Grid, row: number, titleYear: number | undefined, issues: Issue[]): ActivityTable | undefined {
  const texts = rowTexts(grid, row);
  const find = (re: RegExp): number | undefined => [...texts].find(([, text]) => re.test(text))?.[0];
  const activityColumn = find(ACTIVITY);
  const deadlineColumn = find(DEADLINE);
  if (activityColumn === undefined || deadlineColumn === undefined) return undefined;
  const goalColumn = find(GOAL);
  const perspectiveColumn = find(PERSPECTIVE);

  const byPeriod = new Map<string, { period: string; parts: Partial<Record<FollowUpPart, number>> }>();
  for (const [column, text] of texts) {
    const match = FOLLOW_UP.exec(text);
    if (!match) continue;
    const period = periodOf(match[2] ?? "", titleYear);
    if (!period) {
      issues.push(issue("activity/follow-up-without-period", "warning", { sheet: grid.sheet, cell: toA1({ row, column }), raw: text }));
      continue;
    }
    const entry = byPeriod.get(period.id) ?? { period: period.id, parts: {} };
    entry.parts[partOf(match[1] ?? "")] = column;
    byPeriod.set(period.id, entry);
  }
  const followUpColumns: FollowUpColumns[] = [];
  for (const entry of [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))) {
    const { status, comment, setBy } = entry.parts;
    if (status === undefined) {
      const column = comment ?? setBy ?? 0;
      issues.push(issue("activity/follow-up-without-status", "warning", { sheet: grid.sheet, cell: toA1({ row, column }), raw: texts.get(column) ?? "" }));
      continue;
    }
    followUpColumns.push({ period: entry.period, status, ...(comment === undefined ? {} : { comment }), ...(setBy === undefined ? {} : { setBy }) });
  }
  return {
    headerRow: row,
    activityColumn,
    deadlineColumn,
    ...(goalColumn === undefined ? {} : { goalColumn }),
    ...(perspectiveColumn === undefined ? {} : { perspectiveColumn }),
    followUpColumns,
  };
}

/**
 * @example findActivityHeaders(gridOfTheSeedActivities)
 *   // { tables: [{ headerRow: 3, goalColumn: 0, activityColumn: 1, deadlineColumn: 2, followUpColumns: [{ period: "2019-T1", status: 3, comment: 4, setBy: 5 }, ...] }, ...], issues: [] }
 */
export function findActivityHeaders(grid: Grid): HeadersFound {
  const bounds = gridBounds(grid);
  const tables: ActivityTable[] = [];
  const issues: Issue[] = [];
  // The year of a title above the first table ("Aktiviteter 2019"), for follow-up headers without one.
  let titleYear: number | undefined;
  for (let row = bounds.top; row <= bounds.bottom; row++) {
    const table = tableAt(grid, row, titleYear, issues);
    if (table) tables.push(table);
    else if (tables.length === 0 && titleYear === undefined) {
      const year = [...rowTexts(grid, row).values()].map((text) => /\b(20\d\d)\b/.exec(text)?.[1]).find((y) => y !== undefined);
      if (year !== undefined) titleYear = Number.parseInt(year, 10);
    }
  }
  return { tables, issues };
}
