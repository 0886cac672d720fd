/**
 * The activities' follow-up history the ledger keeps (migration 005), oldest first, and as
 * Swedish lines for `bilaga ledger --aktiviteter`: per activity and period every change, with
 * when it was recorded, the status as symbol and word, where it came from and the comment.
 * Who set it is only a keyed hash in the ledger and is never shown.
 */
import type Database from "better-sqlite3";
import type { FollowUpStatus } from "../../core/activities/activity";
import { followUpText } from "../../core/activities/followUpStatus";

export interface ActivityHistoryRow {
  readonly activityId: string;
  readonly perspective: string;
  readonly name: string;
  readonly period: string;
  readonly status: FollowUpStatus | null;
  readonly origin: string;
  readonly comment: string;
  readonly workbook: string;
  readonly recordedAt: string;
}

/** Every history row, oldest first; [] for a ledger made before the table existed. */
export function readActivityHistory(db: Database.Database): ActivityHistoryRow[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'activity_follow_ups'").get();
  if (!exists) return [];
  return db
    .prepare(
      "SELECT activity_id AS activityId, perspective, activity_name AS name, period, status, origin, comment, workbook, recorded_at AS recordedAt FROM activity_follow_ups ORDER BY perspective, activity_id, period, id",
    )
    .all() as ActivityHistoryRow[];
}

const ORIGIN_SV: Readonly<Record<string, string>> = {
  set: "satt",
  carried: "medförd från tidigare tertial",
  rule: "enligt regeln",
  "not-reported": "ej rapporterad",
};

/**
 * @example formatActivityHistory(rows)
 *   // ["Medborgare: Finnas representerade i prioriterade stadsdelar", "  2019-T2: 2019-09-02 07:00 → Pågår enligt plan (satt) ...", ...]
 */
export function formatActivityHistory(rows: readonly ActivityHistoryRow[]): string[] {
  if (rows.length === 0) return ["Ingen aktivitetshistorik ännu (den sparas av bilaga fill och bilaga run för ett tertial)."];
  const lines: string[] = [];
  let current = "";
  for (const row of rows) {
    if (row.activityId !== current) {
      current = row.activityId;
      lines.push(`${row.perspective}: ${row.name}`);
    }
    const when = new Date(row.recordedAt).toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "short" });
    const status = row.status === null ? "Ej rapporterad" : followUpText(row.status);
    const comment = row.comment === "" ? "" : `, "${row.comment}"`;
    lines.push(`  ${row.period}: ${when} ${status} (${ORIGIN_SV[row.origin] ?? row.origin})${comment} – ${row.workbook}`);
  }
  return lines;
}
