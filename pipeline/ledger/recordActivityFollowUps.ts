/**
 * Keeps the activities' follow-up history in the ledger: after a fill or run has written the
 * workbook, every follow-up the workbook holds (each tertial's column) and the period's status
 * as assessed (set, carried, the rule's Försenad or not reported) are compared with the last
 * row for the same activity and period, and a row is added where something changed. One
 * transaction, under the ledger's lock. Who set a status is stored as a keyed hash only; a
 * comment passes through the personnummer masking.
 *
 * @example recordActivityFollowUps("bilaga-data/liggare.sqlite", "plan.xlsx", followUp, period)
 *   // { added: 84, unchanged: 0 }   (a second run with the same workbook: { added: 0, unchanged: 84 })
 */
import type { ActivityFollowUp } from "../../core/activities/followUpActivities";
import type { FollowUpStatus } from "../../core/activities/activity";
import type { FollowUpOrigin } from "../../core/activities/assessActivities";
import type { Period } from "../../core/periods/period";
import { redactPersonalData } from "../../core/privacy/redactPersonalData";
import { keyCheckValue, loadHashKey, makeKeyHasher } from "./loadHashKey";
import { withLedgerLock } from "./lockLedger";
import { openLedger } from "./openLedger";
import { checkKey } from "./writeBatch";

interface HistoryRow {
  readonly activityId: string;
  readonly perspective: string;
  readonly name: string;
  readonly deadline: string;
  readonly period: string;
  readonly status: FollowUpStatus | null;
  readonly origin: FollowUpOrigin;
  readonly comment: string;
  readonly setBy: string;
}

export interface RecordedHistory {
  readonly added: number;
  readonly unchanged: number;
}

/** The rows to keep: each follow-up set in the workbook, and the period's assessed status. */
function historyRows(followUp: ActivityFollowUp, period: Period): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const assessed of followUp.assessments) {
    const activity = assessed.activity;
    const base = { activityId: activity.id, perspective: activity.perspective, name: activity.name, deadline: activity.deadline.kind === "missing" ? "" : activity.deadline.raw };
    for (const set of activity.followUps) {
      if (set.period === period.id) continue;
      rows.push({ ...base, period: set.period, status: set.status, origin: "set", comment: set.comment, setBy: set.setBy });
    }
    const comment = assessed.origin === "rule" ? (assessed.reason ?? "") : assessed.comment;
    rows.push({ ...base, period: period.id, status: assessed.status ?? null, origin: assessed.origin, comment, setBy: assessed.origin === "set" ? assessed.setBy : "" });
  }
  return rows;
}

/** Throws LedgerLockedError, or a HashKeyError when the key is too short or not the ledger's (nothing is then recorded). */
export function recordActivityFollowUps(ledgerPath: string, workbook: string, followUp: ActivityFollowUp, period: Period): RecordedHistory {
  return withLedgerLock(ledgerPath, () => {
    // create: true always gives a key (or throws).
    const key = loadHashKey(ledgerPath, { create: true })!;
    const hash = makeKeyHasher(key.key).hashOne;
    const ledger = openLedger(ledgerPath);
    try {
      const latest = ledger.db.prepare(
        "SELECT status, origin, comment, set_by_hash AS setBy FROM activity_follow_ups WHERE activity_id = ? AND period = ? ORDER BY id DESC LIMIT 1",
      );
      const insert = ledger.db.prepare(
        "INSERT INTO activity_follow_ups (activity_id, perspective, activity_name, deadline, period, status, origin, comment, set_by_hash, workbook, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      );
      const now = new Date().toISOString();
      let added = 0;
      let unchanged = 0;
      ledger.db.transaction(() => {
        // Signatures hashed under another key would never match the history's: refuse, as an import does.
        checkKey(ledger.db, keyCheckValue(key.key));
        for (const row of historyRows(followUp, period)) {
          const comment = redactPersonalData(row.comment);
          const setBy = row.setBy === "" ? null : hash(row.setBy);
          const last = latest.get(row.activityId, row.period) as { status: string | null; origin: string; comment: string; setBy: string | null } | undefined;
          if (last && last.status === row.status && last.origin === row.origin && last.comment === comment && last.setBy === setBy) {
            unchanged += 1;
            continue;
          }
          insert.run(row.activityId, row.perspective, row.name, row.deadline, row.period, row.status, row.origin, comment, setBy, workbook, now);
          added += 1;
        }
      }).immediate();
      return { added, unchanged };
    } finally {
      ledger.close();
    }
  });
}
