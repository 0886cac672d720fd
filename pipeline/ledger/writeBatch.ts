/**
 * Writes one imported file to the ledger in one transaction: its batch row, its months
 * (marking an earlier delivery of the same source-month replaced and removing its records)
 * and its records with their keyed hashes. All of it or none of it.
 */
import type Database from "better-sqlite3";
import type { Month, MonthlyRecord } from "../../core/records/records";
import type { BatchInfo } from "./ledgerTypes";

/** A batch as the import hands it over: what BatchInfo says of the file, before the ledger gives it an id and a time. */
export interface BatchToWrite extends Omit<BatchInfo, "id" | "importedAt" | "replacedMonths" | "replaces"> {
  readonly records: readonly MonthlyRecord[];
  /** The key check value: a ledger is written with one hash key only. */
  readonly keyCheck: string;
}

export type WriteOutcome =
  | {
      readonly kind: "written";
      readonly batchId: number;
      /** Earlier deliveries replaced, per month. */
      readonly replaced: ReadonlyArray<{ readonly month: Month; readonly batchId: number; readonly fileName: string }>;
    }
  | { readonly kind: "already"; readonly batchId: number; readonly fileName: string; readonly importedAt: string };

/** Thrown when the ledger was written with another hash key: mixing keys breaks distinct counts. */
export class KeyMismatchError extends Error {
  constructor() {
    super(
      "Nyckeln för nyckelhashar hör inte till den här liggaren (den skapades med en annan nyckel). " +
        "Använd liggarens egen nyckelfil (FIL.key bredvid liggaren) eller samma BILAGA_KEY som förut.",
    );
    this.name = "KeyMismatchError";
  }
}

/** The batch that already holds these bytes, if any. */
export function findBatchBySha(db: Database.Database, sha256: string): { id: number; fileName: string; importedAt: string } | undefined {
  const row = db.prepare("SELECT id, file_name, imported_at FROM batches WHERE sha256 = ?").get(sha256) as
    | { id: number; file_name: string; imported_at: string }
    | undefined;
  return row && { id: row.id, fileName: row.file_name, importedAt: row.imported_at };
}

/** Checks (and on first use records) the key check value; throws KeyMismatchError. */
export function checkKey(db: Database.Database, keyCheck: string): void {
  const held = db.prepare("SELECT value FROM ledger_meta WHERE name = 'key_check'").pluck().get() as string | undefined;
  if (held === undefined) db.prepare("INSERT INTO ledger_meta (name, value) VALUES ('key_check', ?)").run(keyCheck);
  else if (held !== keyCheck) throw new KeyMismatchError();
}

export function writeBatch(db: Database.Database, batch: BatchToWrite, now: Date = new Date()): WriteOutcome {
  const run = db.transaction((): WriteOutcome => {
    checkKey(db, batch.keyCheck);
    const already = findBatchBySha(db, batch.sha256);
    if (already) return { kind: "already", batchId: already.id, fileName: already.fileName, importedAt: already.importedAt };

    const months = [...new Set([...batch.months, ...batch.records.map((r) => r.month)])].sort();
    const batchId = Number(
      db
        .prepare(
          `INSERT INTO batches (file_name, sha256, source, months, bytes, rows_read, rows_accepted, rows_rejected, issue_count, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          batch.fileName,
          batch.sha256,
          batch.source,
          months.join(","),
          batch.bytes,
          batch.rowsRead,
          batch.rowsAccepted,
          batch.rowsRejected,
          batch.issueCount,
          now.toISOString(),
        ).lastInsertRowid,
    );

    const current = db.prepare(
      `SELECT m.batch_id, b.file_name FROM batch_months m JOIN batches b ON b.id = m.batch_id
       WHERE m.source = ? AND m.month = ? AND m.replaced_by IS NULL`,
    );
    const markReplaced = db.prepare(
      "UPDATE batch_months SET replaced_by = ? WHERE source = ? AND month = ? AND replaced_by IS NULL",
    );
    const dropRecords = db.prepare("DELETE FROM records WHERE source = ? AND month = ?");
    const addMonth = db.prepare("INSERT INTO batch_months (batch_id, source, month) VALUES (?, ?, ?)");
    const replaced: Array<{ month: Month; batchId: number; fileName: string }> = [];
    for (const month of months) {
      for (const row of current.all(batch.source, month) as Array<{ batch_id: number; file_name: string }>) {
        replaced.push({ month, batchId: row.batch_id, fileName: row.file_name });
      }
      markReplaced.run(batchId, batch.source, month);
      dropRecords.run(batch.source, month);
      addMonth.run(batchId, batch.source, month);
    }

    const addRecord = db.prepare(
      "INSERT INTO records (batch_id, source, measure, month, breakdown, sum, count) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    const addKey = db.prepare("INSERT OR IGNORE INTO record_keys (record_id, key) VALUES (?, ?)");
    for (const record of batch.records) {
      const recordId = addRecord.run(
        batchId,
        record.source,
        record.measure,
        record.month,
        record.breakdown,
        record.sum,
        record.count,
      ).lastInsertRowid;
      for (const key of record.keys ?? []) addKey.run(recordId, key);
    }
    return { kind: "written", batchId, replaced };
  });
  return run.immediate();
}
