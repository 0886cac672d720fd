/**
 * Numbered SQL migrations: pipeline/ledger/migrations/NNN_name.sql, run in order, each in
 * a transaction, and recorded in the `migrations` table so each runs once.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { findPackageRoot } from "./findPackageRoot";

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

/** The migrations shipped with bilaga, in order. */
export function loadMigrations(dir = join(findPackageRoot(), "pipeline", "ledger", "migrations")): Migration[] {
  return readdirSync(dir)
    .map((name) => /^(\d+)_.+\.sql$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: Number(m[1]), name: m[0], sql: readFileSync(join(dir, m[0]), "utf8") }))
    .sort((a, b) => a.id - b.id);
}

/** Runs the migrations not yet run; returns the names of those it ran. */
export function migrateLedger(db: Database.Database, migrations: readonly Migration[] = loadMigrations()): string[] {
  db.exec(
    "CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
  );
  const done = new Set((db.prepare("SELECT id FROM migrations").all() as Array<{ id: number }>).map((r) => r.id));
  const ran: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.id)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)").run(
        migration.id,
        migration.name,
        new Date().toISOString(),
      );
    }).immediate();
    ran.push(migration.name);
  }
  return ran;
}
