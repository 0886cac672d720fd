/**
 * "rows" deliveries (a list sliced into files): moves the file's keyed rows from the temporary
 * table (incomingRows.ts) into the ledger, each replacing the earlier version of its key, and
 * adds up again every month that changed, inside writeBatch's one transaction.
 */
import type Database from "better-sqlite3";
import { recordsOfRows } from "../../core/measures/keyedRows";
import type { MonthAction } from "../../core/records/planDelivery";
import type { SourceProfile } from "../../core/sources/profile";
import { replaceRecords } from "./currentRecords";
import { decodeFacts, INCOMING_ROWS_TABLE } from "./incomingRows";

/** Rows of an earlier delivery that this one's rows replaced by key ("rows"). */
export interface RowsReplaced {
  readonly batchId: number;
  readonly fileName: string;
  /** The month the earlier rows counted in ("" when they counted in none: pending). */
  readonly month: string;
  readonly rows: number;
  /** Of them, rows whose content differs (the rest were the same again). */
  readonly changed: number;
}

/**
 * Rows of the file whose key comes again further down in the same file: only the later row is
 * kept (writeKeyedRows), which is said (describeDeliveryChanges), never silent.
 */
export function countRepeatedKeys(db: Database.Database): number {
  return db.prepare(`SELECT COUNT(*) - COUNT(DISTINCT row_key) FROM ${INCOMING_ROWS_TABLE}`).pluck().get() as number;
}

/**
 * "rows": moves the file's rows (the temporary table) into keyed_rows, each replacing the
 * earlier version of its key; counts what it replaced, marks an earlier delivery's month
 * replaced when none of its rows is left there, and adds up again every month that changed.
 */
export function writeKeyedRows(db: Database.Database, batchId: number, profile: SourceProfile, plan: readonly MonthAction[]): RowsReplaced[] {
  const source = profile.id;
  const replacedRows = (
    db
      .prepare(
        // The file's last row of each key (a key seen twice in the file keeps its later row).
        `WITH latest AS (SELECT row_key, month, facts FROM ${INCOMING_ROWS_TABLE} i
                         WHERE NOT EXISTS (SELECT 1 FROM ${INCOMING_ROWS_TABLE} j WHERE j.row_key = i.row_key AND j.rowid > i.rowid))
         SELECT k.batch_id, b.file_name, k.month, COUNT(*) AS rows, SUM(k.month <> i.month OR k.facts <> i.facts) AS changed
         FROM latest i CROSS JOIN keyed_rows k ON k.source = ? AND k.row_key = i.row_key JOIN batches b ON b.id = k.batch_id
         GROUP BY k.batch_id, k.month ORDER BY k.batch_id, k.month`,
      )
      .all(source) as Array<{ batch_id: number; file_name: string; month: string; rows: number; changed: number }>
  ).map((row): RowsReplaced => ({ batchId: row.batch_id, fileName: row.file_name, month: row.month, rows: row.rows, changed: row.changed }));

  db.prepare(
    // In key order (sequential writes into the table's key order), a key's later row last so it replaces the earlier.
    `INSERT OR REPLACE INTO keyed_rows (source, row_key, batch_id, month, facts)
     SELECT ?, row_key, ?, month, facts FROM ${INCOMING_ROWS_TABLE} ORDER BY row_key, rowid`,
  ).run(source, batchId);
  const addReplacement = db.prepare("INSERT INTO keyed_replacements (batch_id, replaced_batch, month, rows, changed) VALUES (?, ?, ?, ?, ?)");
  for (const row of replacedRows) addReplacement.run(batchId, row.batchId, row.month, row.rows, row.changed);

  const rowsLeft = db.prepare("SELECT COUNT(*) FROM keyed_rows WHERE source = ? AND batch_id = ? AND month = ?").pluck();
  const markReplaced = db.prepare("UPDATE batch_months SET replaced_by = ? WHERE batch_id = ? AND month = ? AND replaced_by IS NULL");
  for (const row of replacedRows) {
    if (row.month !== "" && (rowsLeft.get(source, row.batchId, row.month) as number) === 0) markReplaced.run(batchId, row.batchId, row.month);
  }
  const addMonth = db.prepare("INSERT INTO batch_months (batch_id, source, month, rows) VALUES (?, ?, ?, ?)");
  for (const { month } of plan) addMonth.run(batchId, source, month, rowsLeft.get(source, batchId, month) as number);

  const changedMonths = new Set([...plan.map((action) => action.month), ...replacedRows.map((row) => row.month)]);
  changedMonths.delete("");
  const factsOf = db.prepare("SELECT facts FROM keyed_rows WHERE source = ? AND month = ?").pluck();
  for (const month of [...changedMonths].sort()) {
    // Read the month whole before writing: the connection cannot write while a statement iterates.
    let held = 0;
    const facts = function* () {
      for (const text of factsOf.iterate(source, month) as Iterable<string>) {
        held++;
        yield decodeFacts(text);
      }
    };
    const records = recordsOfRows(profile, month, facts());
    replaceRecords(db, source, month, held > 0 ? records : []);
  }
  return replacedRows;
}
