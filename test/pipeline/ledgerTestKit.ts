// Shared by the ledger and import tests: a temporary ledger path, the shipped profiles, and a
// fingerprint of everything a ledger holds (file bytes and every table) to compare before/after.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { loadProfiles, resolveProfilesDir } from "../../pipeline/ledger/loadProfiles";

export const ROOT = join(__dirname, "../..");
export const FIXTURES = join(ROOT, "test/fixtures/csv");
export const SAMPLES = join(ROOT, "samples/exports");

export function tempLedgerPath(): string {
  return join(mkdtempSync(join(tmpdir(), "bilaga-ledger-")), "data", "liggare.sqlite");
}

export function shippedProfiles() {
  const loaded = loadProfiles(resolveProfilesDir(undefined, {}));
  if (loaded.issues.length > 0) throw new Error(JSON.stringify(loaded.issues));
  return loaded.profiles;
}

/** The ledger's bytes and every row of every table, or "none" when it does not exist. */
export function ledgerFingerprint(path: string): string {
  if (!existsSync(path)) return "none";
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const content = tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).raw().all()]);
    return `${createHash("sha256").update(readFileSync(path)).digest("hex")} ${JSON.stringify(content)}`;
  } finally {
    db.close();
  }
}
