/**
 * Opens the ledger: a SQLite file (better-sqlite3) with numbered migrations, and a small read
 * API for the commands that compute outcomes later (records, batches, coverage).
 *
 * @example
 * const ledger = openLedger("bilaga-data/liggare.sqlite");
 * ledger.records({ source: "forsorjningsstod", months: ["2019-06"] }); // MonthlyRecord[]
 * ledger.close();
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Month, MonthlyRecord } from "../../core/records/records";
import type { BatchInfo, MonthContribution, RecordFilter, SourceCoverage } from "./ledgerTypes";
import { migrateLedger } from "./migrateLedger";

export interface Ledger {
  readonly path: string;
  /** Monthly records held now (replaced months are gone), with keyed hashes where a measure has them. */
  records(filter?: RecordFilter): MonthlyRecord[];
  /** Every import batch, oldest first. */
  batches(): BatchInfo[];
  /** Per source: the months held and the gaps between the first and the last. */
  coverage(): SourceCoverage[];
  /** Per source and month, each delivery that contributes now and how many rows, by source, month and batch. */
  contributions(): MonthContribution[];
  close(): void;
  /** The underlying database, for the import (pipeline/ledger only). */
  readonly db: Database.Database;
}

export class LedgerMissingError extends Error {
  constructor(readonly path: string) {
    super(`Liggaren ${path} finns inte ännu. Läs in filer med "bilaga import <filer>" först, eller ange rätt fil med --ledger.`);
    this.name = "LedgerMissingError";
  }
}

export interface OpenLedgerOptions {
  /** Open for reading only; the file must exist. Default false (created and migrated if missing). */
  readonly readonly?: boolean;
}

export function openLedger(path: string, options: OpenLedgerOptions = {}): Ledger {
  let db: Database.Database;
  if (options.readonly) {
    if (!existsSync(path)) throw new LedgerMissingError(path);
    db = new Database(path, { readonly: true, fileMustExist: true });
  } else {
    mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    // Writers are kept apart by the lock file; this only waits out a brief reader
    // (`bilaga ledger`) holding the file when a batch commits.
    db.pragma("busy_timeout = 10000");
    db.pragma("foreign_keys = ON");
    migrateLedger(db);
  }
  return {
    path,
    db,
    records: (filter) => readRecords(db, filter ?? {}),
    batches: () => readBatches(db),
    coverage: () => readCoverage(db),
    contributions: () => readContributions(db),
    close: () => db.close(),
  };
}

function readRecords(db: Database.Database, filter: RecordFilter): MonthlyRecord[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.source !== undefined) {
    where.push("source = ?");
    params.push(filter.source);
  }
  if (filter.measure !== undefined) {
    where.push("measure = ?");
    params.push(filter.measure);
  }
  if (filter.months !== undefined) {
    where.push(`month IN (${filter.months.map(() => "?").join(",") || "NULL"})`);
    params.push(...filter.months);
  }
  const rows = db
    .prepare(
      `SELECT id, source, measure, month, breakdown, sum, count FROM records
       ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY source, measure, month, breakdown`,
    )
    .all(...params) as Array<{ id: number; source: string; measure: string; month: string; breakdown: string; sum: number; count: number }>;
  const keysOf = db.prepare("SELECT key FROM record_keys WHERE record_id = ? ORDER BY key").pluck();
  return rows.map((row) => {
    const keys = keysOf.all(row.id) as string[];
    const record: MonthlyRecord = {
      source: row.source,
      measure: row.measure,
      month: row.month,
      breakdown: row.breakdown,
      sum: row.sum,
      count: row.count,
    };
    return keys.length > 0 ? { ...record, keys } : record;
  });
}

function readBatches(db: Database.Database): BatchInfo[] {
  const rows = db.prepare("SELECT * FROM batches ORDER BY id").all() as Array<{
    id: number;
    file_name: string;
    sha256: string;
    source: string;
    months: string;
    bytes: number;
    rows_read: number;
    rows_accepted: number;
    rows_rejected: number;
    issue_count: number;
    imported_at: string;
    delivery: string;
  }>;
  const months = db.prepare("SELECT batch_id, month, replaced_by FROM batch_months ORDER BY month").all() as Array<{
    batch_id: number;
    month: string;
    replaced_by: number | null;
  }>;
  const keyed = db.prepare("SELECT batch_id, replaced_batch, month, rows, changed FROM keyed_replacements ORDER BY replaced_batch, month").all() as Array<{
    batch_id: number;
    replaced_batch: number;
    month: string;
    rows: number;
    changed: number;
  }>;
  return rows.map((row) => ({
    id: row.id,
    fileName: row.file_name,
    sha256: row.sha256,
    source: row.source,
    months: row.months === "" ? [] : row.months.split(","),
    bytes: row.bytes,
    rowsRead: row.rows_read,
    rowsAccepted: row.rows_accepted,
    rowsRejected: row.rows_rejected,
    issueCount: row.issue_count,
    importedAt: row.imported_at,
    delivery: row.delivery,
    replacedMonths: months
      .filter((m) => m.batch_id === row.id && m.replaced_by !== null)
      .map((m) => ({ month: m.month, byBatch: m.replaced_by as number })),
    replaces: months
      .filter((m) => m.replaced_by === row.id)
      .map((m) => ({ month: m.month, batch: m.batch_id })),
    replacesRows: keyed
      .filter((k) => k.batch_id === row.id)
      .map((k) => ({ batch: k.replaced_batch, month: k.month, rows: k.rows, changed: k.changed })),
  }));
}

function readContributions(db: Database.Database): MonthContribution[] {
  // A "rows" delivery's share of a month is the rows of it held now (later files may have replaced some).
  const rows = db
    .prepare(
      `SELECT m.source, m.month, m.batch_id, b.file_name,
              CASE WHEN b.delivery = 'rows'
                   THEN (SELECT COUNT(*) FROM keyed_rows k WHERE k.source = m.source AND k.batch_id = m.batch_id AND k.month = m.month)
                   ELSE m.rows END AS rows
       FROM batch_months m JOIN batches b ON b.id = m.batch_id
       WHERE m.replaced_by IS NULL ORDER BY m.source, m.month, m.batch_id`,
    )
    .all() as Array<{ source: string; month: string; batch_id: number; file_name: string; rows: number | null }>;
  return rows.map((row) => ({ source: row.source, month: row.month, batchId: row.batch_id, fileName: row.file_name, rows: row.rows }));
}

function readCoverage(db: Database.Database): SourceCoverage[] {
  const held = db
    .prepare("SELECT DISTINCT source, month FROM batch_months WHERE replaced_by IS NULL ORDER BY source, month")
    .all() as Array<{ source: string; month: string }>;
  const measures = db.prepare("SELECT DISTINCT source, measure FROM records ORDER BY source, measure").all() as Array<{
    source: string;
    measure: string;
  }>;
  const sources = [...new Set(held.map((h) => h.source))];
  return sources.map((source) => {
    const months = held.filter((h) => h.source === source).map((h) => h.month);
    return {
      source,
      measures: measures.filter((m) => m.source === source).map((m) => m.measure),
      months,
      gaps: monthsMissing(months),
    };
  });
}

/** Months between the first and the last of `months` (sorted "YYYY-MM") that are not in it. */
export function monthsMissing(months: readonly Month[]): Month[] {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const have = new Set(months);
  const missing: Month[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const current = `${year}-${String(month).padStart(2, "0")}`;
    if (current > last) break;
    if (!have.has(current)) missing.push(current);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return missing;
}
