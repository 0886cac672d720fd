/**
 * The keyed rows of the file being imported ("delivery": { "kind": "rows" }), kept in a
 * temporary table of the ledger's connection while the file is read, so memory stays bounded
 * however many rows the file has: rows are written in small batches, in file order; a key
 * seen twice in the file keeps its later row when writeBatch moves them. The temporary table is not part of the ledger
 * file; writeBatch moves the rows into the ledger in the file's one transaction.
 */
import type Database from "better-sqlite3";
import type { KeyedRow, RowFact } from "../../core/measures/keyedRows";

/** Rows held in memory before they are written to the temporary table. */
const BUFFERED_ROWS = 2000;

export const INCOMING_ROWS_TABLE = "temp.incoming_rows";

export interface IncomingRows {
  add(row: KeyedRow): void;
  /** Writes the rows still buffered and indexes them by key (one sort); call before writeBatch reads the table. */
  finish(): void;
  /** Empties the table (the file was rejected or has been written). */
  clear(): void;
}

/** The stored form of a row's facts: [measure, breakdowns, scaled, ids?] per measure. */
export function encodeFacts(facts: readonly RowFact[]): string {
  return JSON.stringify(facts.map((fact) => (fact.ids ? [fact.measure, fact.breakdowns, fact.scaled, fact.ids] : [fact.measure, fact.breakdowns, fact.scaled])));
}

export function decodeFacts(text: string): RowFact[] {
  const parsed = JSON.parse(text) as Array<[string, string[], number, string[]?]>;
  return parsed.map(([measure, breakdowns, scaled, ids]) => ({ measure, breakdowns, scaled, ...(ids ? { ids } : {}) }));
}

export function openIncomingRows(db: Database.Database): IncomingRows {
  db.exec(
    // Appended in file order (rowid), not indexed: writing stays sequential however many rows.
    // writeBatch takes them in key order, a key's later row last (it replaces the earlier one).
    `CREATE TEMP TABLE IF NOT EXISTS incoming_rows (row_key TEXT NOT NULL, month TEXT NOT NULL, facts TEXT NOT NULL);
     DROP INDEX IF EXISTS temp.incoming_rows_key;
     DELETE FROM temp.incoming_rows;`,
  );
  const insert = db.prepare(`INSERT INTO ${INCOMING_ROWS_TABLE} (row_key, month, facts) VALUES (?, ?, ?)`);
  let buffer: KeyedRow[] = [];
  // Only the temporary table is written: a deferred transaction takes no lock on the ledger file.
  const write = db.transaction((rows: readonly KeyedRow[]) => {
    for (const row of rows) insert.run(row.key, row.month ?? "", encodeFacts(row.facts));
  });
  const flush = (): void => {
    if (buffer.length === 0) return;
    write.deferred(buffer);
    buffer = [];
  };
  return {
    add(row) {
      buffer.push(row);
      if (buffer.length >= BUFFERED_ROWS) flush();
    },
    finish() {
      flush();
      db.exec("CREATE INDEX IF NOT EXISTS temp.incoming_rows_key ON incoming_rows (row_key)");
    },
    clear() {
      buffer = [];
      db.exec(`DROP INDEX IF EXISTS temp.incoming_rows_key; DELETE FROM ${INCOMING_ROWS_TABLE}`);
    },
  };
}
