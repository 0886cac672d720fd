// The ledger: migrations, one transaction per batch, re-delivery replaces a month, the same
// file twice changes nothing, gaps, the lock, and the hash key kept outside the ledger.
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import type { MonthlyRecord } from "../../../core/records/records";
import { keyPathFor, lockPathFor } from "../../../pipeline/ledger/ledgerPaths";
import { keyCheckValue, loadHashKey, makeKeyHasher } from "../../../pipeline/ledger/loadHashKey";
import { LedgerLockedError, lockLedger } from "../../../pipeline/ledger/lockLedger";
import { monthsMissing, openLedger } from "../../../pipeline/ledger/openLedger";
import Database from "better-sqlite3";
import { loadMigrations, migrateLedger } from "../../../pipeline/ledger/migrateLedger";
import { KeyMismatchError, writeBatch, type BatchToWrite } from "../../../pipeline/ledger/writeBatch";
import { ledgerFingerprint, tempLedgerPath } from "../ledgerTestKit";

const record = (month: string, sum: number, breakdown = "", keys?: string[]): MonthlyRecord => ({
  source: "sjukfranvaro",
  measure: "sjuktimmar",
  month,
  breakdown,
  sum,
  count: 3,
  ...(keys ? { keys } : {}),
});

const batch = (sha: string, months: string[], records: MonthlyRecord[]): BatchToWrite => ({
  fileName: `${sha}.csv`,
  sha256: sha,
  source: "sjukfranvaro",
  months,
  bytes: 100,
  rowsRead: 3,
  rowsAccepted: 3,
  rowsRejected: 0,
  issueCount: 0,
  records,
  keyCheck: "k1",
});

describe("the ledger", () => {
  it("runs each numbered migration once and records it", async () => {
    const path = tempLedgerPath();
    openLedger(path).close();
    const ledger = openLedger(path);
    const ran = ledger.db.prepare("SELECT id, name FROM migrations").all();
    // Every shipped migration, once each, in order (001_initial.sql first, then the later numbered ones).
    expect(ran).toEqual(loadMigrations().map(({ id, name }) => ({ id, name })));
    expect(ran).toEqual(expect.arrayContaining([{ id: 1, name: "001_initial.sql" }, { id: 2, name: "002_deliveries.sql" }, { id: 5, name: "005_activity_follow_ups.sql" }]));
    ledger.close();
  });

  it("runs a new ledger's migrations all or none: a failing one leaves no table of the others (issue 14)", () => {
    const db = new Database(":memory:");
    const migrations = [
      { id: 1, name: "001_first.sql", sql: "CREATE TABLE first (id INTEGER PRIMARY KEY);" },
      { id: 2, name: "002_broken.sql", sql: "CREATE TABLE second (id INTEGER PRIMARY KEY); NOT SQL;" },
    ];
    expect(() => migrateLedger(db, migrations)).toThrow();
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).sort();
    expect(tables).toEqual(["migrations"]);
    expect(db.prepare("SELECT COUNT(*) FROM migrations").pluck().get()).toBe(0);
    // Mended, they run, once each.
    expect(migrateLedger(db, [migrations[0]!, { ...migrations[1]!, sql: "CREATE TABLE second (id INTEGER PRIMARY KEY);" }])).toEqual(["001_first.sql", "002_broken.sql"]);
    expect(migrateLedger(db, migrations)).toEqual([]);
    db.close();
  });

  it("replaces a month on a corrected re-delivery and records which batch replaced which", async () => {
    const ledger = openLedger(tempLedgerPath());
    writeBatch(ledger.db, batch("a", ["2019-05", "2019-06"], [record("2019-05", 10), record("2019-06", 20), record("2019-06", 5, "kon=K")]));
    const outcome = writeBatch(ledger.db, batch("b", ["2019-06"], [record("2019-06", 22)]));
    expect(outcome).toMatchObject({ kind: "written", replaced: [{ month: "2019-06", batchId: 1, fileName: "a.csv" }] });
    // May is kept from the first delivery; June is only the second's (its kon=K row is gone too).
    expect(ledger.records().map((r) => [r.month, r.breakdown, r.sum])).toEqual([
      ["2019-05", "", 10],
      ["2019-06", "", 22],
    ]);
    const [first, second] = ledger.batches();
    expect(first!.replacedMonths).toEqual([{ month: "2019-06", byBatch: 2 }]);
    expect(second!.replaces).toEqual([{ month: "2019-06", batch: 1 }]);
    ledger.close();
  });

  it("writes the same file (same SHA-256) only once and says so", async () => {
    const path = tempLedgerPath();
    const ledger = openLedger(path);
    writeBatch(ledger.db, batch("a", ["2019-06"], [record("2019-06", 20)]));
    ledger.close();
    const before = ledgerFingerprint(path);
    const again = openLedger(path);
    expect(writeBatch(again.db, batch("a", ["2019-06"], [record("2019-06", 999)]))).toMatchObject({ kind: "already", batchId: 1 });
    again.close();
    expect(ledgerFingerprint(path)).toBe(before);
  });

  it("writes all of a batch or nothing of it", async () => {
    const path = tempLedgerPath();
    const ledger = openLedger(path);
    writeBatch(ledger.db, batch("a", ["2019-06"], [record("2019-06", 20)]));
    const before = ledgerFingerprint(path);
    // Two records with the same key break the UNIQUE constraint half-way through the batch.
    expect(() => writeBatch(ledger.db, batch("b", ["2019-06"], [record("2019-06", 1), record("2019-06", 2)]))).toThrow();
    ledger.close();
    expect(ledgerFingerprint(path)).toBe(before);
  });

  it("keeps keyed hashes with their record and filters records by source, measure and months", async () => {
    const ledger = openLedger(tempLedgerPath());
    writeBatch(ledger.db, batch("a", ["2019-06", "2019-07"], [record("2019-06", 2, "", ["h2", "h1"]), record("2019-07", 1)]));
    expect(ledger.records({ months: ["2019-06"] })).toEqual([record("2019-06", 2, "", ["h1", "h2"])]);
    expect(ledger.records({ source: "forsorjningsstod" })).toEqual([]);
    expect(ledger.records({ measure: "sjuktimmar", months: [] })).toEqual([]);
    ledger.close();
  });

  it("shows the months missing between the first and the last as gaps", async () => {
    expect(monthsMissing(["2018-11", "2019-01", "2019-04"])).toEqual(["2018-12", "2019-02", "2019-03"]);
    const ledger = openLedger(tempLedgerPath());
    writeBatch(ledger.db, batch("a", ["2019-01"], [record("2019-01", 1)]));
    writeBatch(ledger.db, batch("b", ["2019-03"], [record("2019-03", 1)]));
    expect(ledger.coverage()).toEqual([
      { source: "sjukfranvaro", measures: ["sjuktimmar"], months: ["2019-01", "2019-03"], gaps: ["2019-02"] },
    ]);
    ledger.close();
  });

  it("refuses a second hash key: distinct counts across months need one key", async () => {
    const ledger = openLedger(tempLedgerPath());
    writeBatch(ledger.db, batch("a", ["2019-01"], [record("2019-01", 1)]));
    expect(() => writeBatch(ledger.db, { ...batch("b", ["2019-02"], [record("2019-02", 1)]), keyCheck: "other" })).toThrow(KeyMismatchError);
    ledger.close();
  });
});

describe("the ledger's lock", () => {
  it("stops a second writer with a Swedish message naming the holder", async () => {
    const path = tempLedgerPath();
    const held = lockLedger(path);
    try {
      expect(() => lockLedger(path)).toThrow(LedgerLockedError);
      expect(() => lockLedger(path)).toThrow(new RegExp(`används redan av en annan körning \\(process ${process.pid}`));
    } finally {
      held.release();
    }
    expect(existsSync(lockPathFor(path))).toBe(false);
    lockLedger(path).release();
  });

  it("takes over a lock left by a run that died", async () => {
    const path = tempLedgerPath();
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    lockLedger(path).release(); // creates the folder
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: dead, host: hostname(), startedAt: "2019-06-01T00:00:00Z" }));
    const lock = lockLedger(path);
    expect(JSON.parse(readFileSync(lockPathFor(path), "utf8")).pid).toBe(process.pid);
    lock.release();
  });
});

describe("the hash key", () => {
  it("is created beside the ledger, readable by its owner only, and never inside the ledger", async () => {
    const path = tempLedgerPath();
    const key = loadHashKey(path, { create: true, env: {} })!;
    expect(key.origin).toBe(keyPathFor(path));
    expect(statSync(keyPathFor(path)).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyPathFor(path), "utf8").trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(loadHashKey(path, { create: true, env: {} })!.key.equals(key.key)).toBe(true);
    expect(keyCheckValue(key.key)).not.toContain(key.key.toString("utf8").slice(0, 16));
  });

  it("comes from BILAGA_KEY when set, and then no key file is written", async () => {
    const path = tempLedgerPath();
    const key = loadHashKey(path, { create: true, env: { BILAGA_KEY: "en hemlig nyckel för test" } })!;
    expect(key.origin).toBe("BILAGA_KEY");
    expect(existsSync(keyPathFor(path))).toBe(false);
  });

  it("hashes ids as HMAC-SHA256 under the key, one at a time and in a batch", async () => {
    const secret = "0123456789abcdef0123456789abcdef";
    const hasher = makeKeyHasher(Buffer.from(secret, "utf8"));
    expect(hasher.hashOne("H104233")).toBe(hmacHex(secret, "H104233"));
    expect(await hasher.hashAll(["H104233", "198503121235"])).toEqual([hmacHex(secret, "H104233"), hmacHex(secret, "198503121235")]);
  });
});
