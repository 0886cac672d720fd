/**
 * Writes one imported file to the ledger in one transaction: its batch row, its months and
 * its records with their keyed hashes. How the file combines with the deliveries held already
 * is planned first by the core (planDelivery, from the profile's `delivery`): a month replaced
 * (its earlier delivery marked replaced and its records removed), added to (another unit's
 * part), kept from a newer cumulative file, or rows replaced by key. A file the profile gives no
 * rule for, overlapping what is held, is refused before anything is written. All or nothing.
 */
import type Database from "better-sqlite3";
import type { Issue } from "../../core/issues/issues";
import { planDelivery, type HeldMonth } from "../../core/records/planDelivery";
import type { Month, MonthlyRecord } from "../../core/records/records";
import { deliveryKind, type DeliveryMode, type SourceProfile } from "../../core/sources/profile";
import { replaceRecords, sumParts, writePartRecords } from "./currentRecords";
import { HashKeyError } from "./loadHashKey";
import { countRepeatedKeys, writeKeyedRows, type RowsReplaced } from "./writeKeyedRows";
import type { BatchInfo } from "./ledgerTypes";

/** A batch as the import hands it over: what BatchInfo says of the file, before the ledger gives it an id and a time. */
export interface BatchToWrite extends Omit<BatchInfo, "id" | "importedAt" | "replacedMonths" | "replaces" | "replacesRows" | "delivery"> {
  readonly records: readonly MonthlyRecord[];
  /** The key check value: a ledger is written with one hash key only. */
  readonly keyCheck: string;
  /** The profile's delivery mode; default "one-month" (a month replaces the same month). */
  readonly delivery?: DeliveryMode;
  /** Rows counted per month (shown by `bilaga ledger`). */
  readonly rowsByMonth?: Readonly<Record<Month, number>>;
  /** "parts": the units the file holds per month. */
  readonly partsByMonth?: Readonly<Record<Month, readonly string[]>>;
  /** "rows": the profile (its measures add up the rows held) and the file's rows, in the temporary table (incomingRows.ts). */
  readonly profile?: SourceProfile;
}

/** An earlier delivery that lost (or kept) a month to this one. */
export interface DeliveryChange {
  readonly month: Month;
  readonly batchId: number;
  readonly fileName: string;
  /** Rows the earlier delivery gave the month, when known. */
  readonly rows?: number;
}

export type { RowsReplaced } from "./writeKeyedRows";

export type WriteOutcome =
  | {
      readonly kind: "written";
      readonly batchId: number;
      /** Earlier deliveries replaced, per month. */
      readonly replaced: readonly DeliveryChange[];
      /** "cumulative": months a newer delivery keeps (this file's data for them is not used). */
      readonly superseded: readonly DeliveryChange[];
      /** "parts": months this file added to, and the deliveries of other units it added to. */
      readonly addedTo: readonly DeliveryChange[];
      /** "rows": earlier rows replaced by key. */
      readonly replacedRows: readonly RowsReplaced[];
      /** "rows": rows of the file left out because their key came again later in the file. */
      readonly repeatedKeys: number;
    }
  | { readonly kind: "already"; readonly batchId: number; readonly fileName: string; readonly importedAt: string }
  /** The profile gives no rule for the overlap (or parts overlap in part): nothing written. */
  | { readonly kind: "refused"; readonly issue: Issue };

/** Thrown when the ledger was written with another hash key: mixing keys breaks distinct counts. */
export class KeyMismatchError extends HashKeyError {
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

    const mode = batch.delivery ?? "one-month";
    const kind = deliveryKind(mode);
    const fileMonths = [...new Set([...batch.months, ...batch.records.map((r) => r.month)])].sort();
    const planned = planDelivery(
      mode,
      { file: batch.fileName, source: batch.source, months: fileMonths, ...(batch.partsByMonth ? { parts: batch.partsByMonth } : {}) },
      heldMonths(db, batch.source),
    );
    if (!planned.ok) return { kind: "refused", issue: planned.issue };
    const plan = planned.value;
    const months = plan.map((action) => action.month);

    const batchId = Number(
      db
        .prepare(
          `INSERT INTO batches (file_name, sha256, source, months, bytes, rows_read, rows_accepted, rows_rejected, issue_count, imported_at, delivery)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
          kind,
        ).lastInsertRowid,
    );

    const markReplaced = db.prepare("UPDATE batch_months SET replaced_by = ? WHERE batch_id = ? AND month = ? AND replaced_by IS NULL");
    const addMonth = db.prepare("INSERT INTO batch_months (batch_id, source, month, rows, parts, replaced_by) VALUES (?, ?, ?, ?, ?, ?)");
    const recordsOf = groupByMonth(batch.records);
    const change = (held: HeldMonth): DeliveryChange => ({
      month: held.month,
      batchId: held.delivery.id ?? 0,
      fileName: held.delivery.file,
      ...(held.rows !== undefined ? { rows: held.rows } : {}),
    });
    const replaced: DeliveryChange[] = [];
    const superseded: DeliveryChange[] = [];
    const addedTo: DeliveryChange[] = [];

    for (const action of plan) {
      const { month } = action;
      const parts = batch.partsByMonth?.[month];
      for (const held of action.replaces) {
        markReplaced.run(batchId, held.delivery.id, month);
        replaced.push(change(held));
      }
      if (action.action === "rows") continue; // rows are written below, by key
      const keptBy = action.action === "superseded" ? (action.keeps[0]?.delivery.id ?? null) : null;
      addMonth.run(batchId, batch.source, month, batch.rowsByMonth ? (batch.rowsByMonth[month] ?? 0) : null, parts ? JSON.stringify(parts) : null, keptBy);
      if (action.action === "superseded") {
        superseded.push(...action.keeps.map(change));
        continue;
      }
      if (kind === "parts") {
        writePartRecords(db, batchId, recordsOf.get(month) ?? []);
        if (action.action === "add") addedTo.push(...action.keeps.map(change));
        replaceRecords(db, batch.source, month, sumParts(db, batch.source, month));
      } else {
        replaceRecords(db, batch.source, month, recordsOf.get(month) ?? [], batchId);
      }
    }
    if (kind === "rows" && !batch.profile) throw new Error('writeBatch: a "rows" delivery needs its profile');
    const repeatedKeys = kind === "rows" ? countRepeatedKeys(db) : 0;
    const replacedRows = kind === "rows" && batch.profile ? writeKeyedRows(db, batchId, batch.profile, plan) : [];
    return { kind: "written", batchId, replaced, superseded, addedTo, replacedRows, repeatedKeys };
  });
  return run.immediate();
}

/** The months each source's deliveries hold now, with what planDelivery needs of them. */
function heldMonths(db: Database.Database, source: string): HeldMonth[] {
  const rows = db
    .prepare(
      `SELECT m.month, m.batch_id, m.rows, m.parts, b.file_name, b.months, b.delivery FROM batch_months m JOIN batches b ON b.id = m.batch_id
       WHERE m.source = ? AND m.replaced_by IS NULL ORDER BY m.month, m.batch_id`,
    )
    .all(source) as Array<{ month: string; batch_id: number; rows: number | null; parts: string | null; file_name: string; months: string; delivery: string }>;
  return rows.map((row) => ({
    month: row.month,
    delivery: { id: row.batch_id, file: row.file_name },
    lastMonth: row.months.split(",").sort().pop() ?? row.month,
    kind: row.delivery,
    ...(row.parts !== null ? { parts: JSON.parse(row.parts) as string[] } : {}),
    ...(row.rows !== null ? { rows: row.rows } : {}),
  }));
}

function groupByMonth(records: readonly MonthlyRecord[]): Map<Month, MonthlyRecord[]> {
  const byMonth = new Map<Month, MonthlyRecord[]>();
  for (const record of records) {
    const list = byMonth.get(record.month);
    if (list) list.push(record);
    else byMonth.set(record.month, [record]);
  }
  return byMonth;
}

