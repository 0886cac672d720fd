/**
 * The ledger's `records` as the current figures of each source-month, and the own records of
 * "parts" deliveries, whose sum over the deliveries holding a month now is that month's figures.
 * Used by writeBatch and writeKeyedRows inside the file's one transaction.
 */
import type Database from "better-sqlite3";
import type { Month, MonthlyRecord } from "../../core/records/records";

/**
 * A record's keyed hashes a slice at a time: its id, then up to KEYS_PER_STATEMENT keys as one
 * JSON array, which SQLite unpacks. A payment list's 100 000 households are ten calls instead
 * of 100 000: on 1 000 000 payments writing the keys took about 120 ms instead of 270 ms
 * (profiled, issue 14); the slices keep each JSON text under a megabyte.
 */
const KEYS_OF_JSON = "SELECT ?, value FROM json_each(?)";
const KEYS_PER_STATEMENT = 10_000;

function addKeysInSlices(add: Database.Statement, id: number | bigint, keys: readonly string[] | undefined): void {
  if (keys === undefined) return;
  for (let from = 0; from < keys.length; from += KEYS_PER_STATEMENT) add.run(id, JSON.stringify(keys.slice(from, from + KEYS_PER_STATEMENT)));
}

/** Makes `records` the source-month's current records (batch_id: the batch of the last write). */
export function replaceRecords(db: Database.Database, source: string, month: Month, records: readonly MonthlyRecord[], batchId?: number): void {
  db.prepare("DELETE FROM records WHERE source = ? AND month = ?").run(source, month);
  const holder =
    batchId ??
    (db.prepare("SELECT MAX(batch_id) FROM batch_months WHERE source = ? AND month = ? AND replaced_by IS NULL").pluck().get(source, month) as number | null);
  if (holder === null) return;
  const addRecord = db.prepare("INSERT INTO records (batch_id, source, measure, month, breakdown, sum, count) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const addKeys = db.prepare(`INSERT OR IGNORE INTO record_keys (record_id, key) ${KEYS_OF_JSON}`);
  for (const record of records) {
    const recordId = addRecord.run(holder, record.source, record.measure, record.month, record.breakdown, record.sum, record.count).lastInsertRowid;
    addKeysInSlices(addKeys, recordId, record.keys);
  }
}

/** Keeps a "parts" delivery's own records for the month (with their keyed hashes). */
export function writePartRecords(db: Database.Database, batchId: number, records: readonly MonthlyRecord[]): void {
  const addRecord = db.prepare("INSERT INTO part_records (batch_id, source, measure, month, breakdown, sum, count) VALUES (?, ?, ?, ?, ?, ?, ?)");
  const addKeys = db.prepare(`INSERT OR IGNORE INTO part_record_keys (part_record_id, key) ${KEYS_OF_JSON}`);
  for (const record of records) {
    const id = addRecord.run(batchId, record.source, record.measure, record.month, record.breakdown, record.sum, record.count).lastInsertRowid;
    addKeysInSlices(addKeys, id, record.keys);
  }
}

/**
 * A "parts" month's records: the sum over the deliveries that hold it now. Sums and counts add;
 * a distinct measure unites its keyed hashes (a household in two units' files is one household).
 */
export function sumParts(db: Database.Database, source: string, month: Month): MonthlyRecord[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.measure, p.breakdown, p.sum, p.count FROM part_records p
       JOIN batch_months m ON m.batch_id = p.batch_id AND m.month = p.month
       WHERE p.source = ? AND p.month = ? AND m.replaced_by IS NULL ORDER BY p.measure, p.breakdown, p.id`,
    )
    .all(source, month) as Array<{ id: number; measure: string; breakdown: string; sum: number; count: number }>;
  const keysOf = db.prepare("SELECT key FROM part_record_keys WHERE part_record_id = ?").pluck();
  const summed = new Map<string, { measure: string; breakdown: string; sum: number; count: number; keys: Set<string> | undefined }>();
  for (const row of rows) {
    const id = `${row.measure}\u0000${row.breakdown}`;
    const keys = keysOf.all(row.id) as string[];
    let into = summed.get(id);
    if (!into) {
      into = { measure: row.measure, breakdown: row.breakdown, sum: 0, count: 0, keys: undefined };
      summed.set(id, into);
    }
    // Sums in ten-thousandths, as the measurer adds them: the total does not depend on the order of the parts.
    into.sum = (Math.round(into.sum * 10_000) + Math.round(row.sum * 10_000)) / 10_000;
    into.count += row.count;
    if (keys.length > 0) {
      into.keys ??= new Set();
      for (const key of keys) into.keys.add(key);
    }
  }
  return [...summed.values()].map(({ measure, breakdown, sum, count, keys }) => ({
    source,
    measure,
    month,
    breakdown,
    sum: keys ? keys.size : sum,
    count,
    ...(keys ? { keys: [...keys].sort() } : {}),
  }));
}
