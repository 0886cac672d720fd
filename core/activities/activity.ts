/**
 * The plan's other half: the activities the administration will carry out, per perspective
 * (Medborgare, Ekonomi, Verksamhet, Medarbetare), each under one or more board goals, with when
 * it is to be done ("Slutfört": "Q2", "Sept Q3", "Kontinuerligt", "Succesivt avslut Q4" ...),
 * and the follow-up a controller writes per tertial (Genomförd, Pågår enligt plan, Försenad,
 * Ej påbörjad, Utgår, with a comment and who set it).
 *
 * Readonly plain data: it crosses JSON between the task pane, the pipeline and the tests.
 */
import type { Issue } from "../issues/issues";

/** When an activity is to be done, as read from its "Slutfört" cell. */
export type Deadline =
  /** "Q4", "Sept Q3" (month 9), "Succesivt avslut Q4" (gradual: phased out by the quarter's end). */
  | { readonly kind: "quarter"; readonly quarter: 1 | 2 | 3 | 4; readonly month?: number; readonly gradual?: boolean; readonly raw: string }
  /** "Kontinuerligt", "Kontinuerligt, uppföljning Q4": ongoing, never late; followUpQuarter when a follow-up is due. */
  | { readonly kind: "continuous"; readonly followUpQuarter?: 1 | 2 | 3 | 4; readonly raw: string }
  /** "Redovisat till KS hösten-18": reported before the plan's year. */
  | { readonly kind: "reported-earlier"; readonly raw: string }
  /** "Ej relevant". */
  | { readonly kind: "not-relevant"; readonly raw: string }
  /** An empty "Slutfört" cell. */
  | { readonly kind: "missing" }
  /** A text the reader does not know ("våren", "snarast"): kept, never judged late. */
  | { readonly kind: "text"; readonly raw: string };

/** The follow-up statuses a controller sets (Genomförd, Pågår enligt plan, Försenad, Ej påbörjad, Utgår). */
export type FollowUpStatus = "done" | "on-track" | "late" | "not-started" | "cancelled";

export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ["done", "on-track", "late", "not-started", "cancelled"];

/** One status as set for one period: in the workbook's status column, the task pane or the ledger. */
export interface FollowUp {
  /** The period it is for ("2019-T1"). */
  readonly period: string;
  readonly status: FollowUpStatus;
  readonly comment: string;
  /** Who set it, as written ("Enhetschef JKT"); "" when not said. */
  readonly setBy: string;
}

/** Where one period's follow-up stands in the activity sheet: the status, comment and set-by columns. */
export interface FollowUpColumns {
  /** The period id ("2019-T2"). */
  readonly period: string;
  readonly status: number;
  readonly comment?: number;
  readonly setBy?: number;
}

export interface Activity {
  /** Stable id within the plan: perspective and activity name, normalised ("medborgare/finnas representerade i prioriterade stadsdelar"). */
  readonly id: string;
  readonly perspective: string;
  /** The board goals the activity is listed under (a goal cell may name several, one per paragraph); [] when none. */
  readonly boardGoals: readonly string[];
  readonly name: string;
  readonly deadline: Deadline;
  /** Zero-based sheet row and A1 address of the activity's name. */
  readonly row: number;
  readonly cell: string;
  /** The follow-ups the workbook holds for this activity, one per period column that is filled. */
  readonly followUps: readonly FollowUp[];
  /** Index into ActivityPlan.tables: the table (header) the activity's row belongs to. */
  readonly table: number;
}

/** One activity table on the sheet: its header row and the columns under it. */
export interface ActivityTable {
  readonly headerRow: number;
  readonly activityColumn: number;
  readonly deadlineColumn: number;
  readonly goalColumn?: number;
  readonly perspectiveColumn?: number;
  /** The follow-up columns under this header, in period order. */
  readonly followUpColumns: readonly FollowUpColumns[];
}

export interface ActivityPlan {
  readonly sheet: string;
  /** The plan's year (from the follow-up headers or the sheet's title), when found. */
  readonly year?: number;
  readonly activities: readonly Activity[];
  /** The activity tables of the sheet (one header each), top to bottom. */
  readonly tables: readonly ActivityTable[];
  /** The rightmost column the activity tables use (new follow-up columns go right of it). */
  readonly lastColumn: number;
  readonly issues: readonly Issue[];
}
