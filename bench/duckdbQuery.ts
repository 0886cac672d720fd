/**
 * One query in a new in-memory DuckDB with one thread (threads = 1, as the one-core section
 * compares), timed by itself: without Node's and DuckDB's start. The rows come as JSON
 * objects (DuckDB gives BIGINT and DECIMAL as text there; the caller turns them to numbers).
 */
import { DuckDBInstance } from "@duckdb/node-api";

export interface TimedRows {
  readonly seconds: number;
  readonly rows: readonly Record<string, unknown>[];
}

export async function runTimedQuery(sql: string): Promise<TimedRows> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    const started = process.hrtime.bigint();
    const reader = await connection.runAndReadAll(sql);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, rows: reader.getRowObjectsJson() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A text as an SQL string literal. */
export const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;
