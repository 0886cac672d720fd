/**
 * The ledger's yearly values (migration 004): manual values with their history, and Kolada's
 * key figures. Each write is one transaction; reading gives the values as the core's types and
 * as MonthlyRecords (source "manuell" / "kolada", on the year's December).
 *
 * A manual value is never lost: storing the same entry again changes nothing, and a changed
 * value is a new row while the earlier one stays as history (readManualHistory).
 */
import type Database from "better-sqlite3";
import { issue, type Issue } from "../../core/issues/issues";
import { koladaRecords, type KoladaGender, type KoladaValue } from "../../core/sources/koladaValues";
import { currentManualValues, manualKey, manualRecords, type ManualValue } from "../../core/manual/manualValue";
import type { MonthlyRecord } from "../../core/records/records";

/** A stored manual value: the value, where it was read from and when it was stored. */
export interface StoredManualValue extends ManualValue {
  readonly id: number;
  readonly origin: string;
  readonly recordedAt: string;
}

export interface ManualWrite {
  /** Entries stored for the first time. */
  readonly added: number;
  /** Entries that change the value that counts (the earlier value stays as history). */
  readonly changed: number;
  /** Entries already stored as they are. */
  readonly unchanged: number;
  /** Entries older than the value that counts: stored as its history, the value stays. */
  readonly older: number;
  /** One manual/changed info issue per changed value: old and new, who and when. */
  readonly issues: readonly Issue[];
}

interface ManualRow {
  id: number;
  measure: string;
  breakdown: string;
  year: number;
  value: number;
  entered_by: string;
  entered_at: string;
  source_text: string;
  origin: string;
  recorded_at: string;
}

function toStored(row: ManualRow): StoredManualValue {
  return {
    id: row.id,
    measure: row.measure,
    breakdown: row.breakdown,
    year: row.year,
    value: row.value,
    enteredBy: row.entered_by,
    enteredAt: row.entered_at,
    sourceText: row.source_text,
    origin: row.origin,
    recordedAt: row.recorded_at,
  };
}

/** Every stored manual value, oldest first (history included). */
export function readManualHistory(db: Database.Database): StoredManualValue[] {
  return (db.prepare("SELECT * FROM manual_values ORDER BY measure, breakdown, year, entered_at, id").all() as ManualRow[]).map(toStored);
}

/** The manual values that count now (the newest per measure, breakdown and year). */
export function readManualValues(db: Database.Database): ManualValue[] {
  const all = (db.prepare("SELECT * FROM manual_values ORDER BY id").all() as ManualRow[]).map(toStored);
  return currentManualValues(all.sort((a, b) => (a.enteredAt === b.enteredAt ? a.id - b.id : a.enteredAt < b.enteredAt ? -1 : 1)));
}

const same = (a: ManualValue, b: ManualValue): boolean =>
  a.value === b.value && a.enteredBy === b.enteredBy && a.enteredAt === b.enteredAt && a.sourceText === b.sourceText;

/**
 * Stores manual values read from one origin (a CSV file, a workbook's sheet), in one transaction.
 *
 * @example writeManualValues(db, [{ measure: "avi", breakdown: "", year: 2019, value: 112, … }], "manuella-varden.csv")
 *   // { added: 1, changed: 0, unchanged: 0, issues: [] }
 */
export function writeManualValues(db: Database.Database, values: readonly ManualValue[], origin: string, now: Date = new Date()): ManualWrite {
  const run = db.transaction((): ManualWrite => {
    const history = readManualHistory(db);
    const insert = db.prepare(
      `INSERT INTO manual_values (measure, breakdown, year, value, entered_by, entered_at, source_text, origin, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    let older = 0;
    const issues: Issue[] = [];
    for (const value of values) {
      const key = manualKey(value);
      const earlier = history.filter((h) => manualKey(h) === key);
      if (earlier.some((h) => same(h, value))) {
        unchanged++;
        continue;
      }
      const before = currentManualValues(earlier)[0];
      insert.run(value.measure, value.breakdown, value.year, value.value, value.enteredBy, value.enteredAt, value.sourceText, origin, now.toISOString());
      history.push({ ...value, id: -1, origin, recordedAt: now.toISOString() });
      if (before === undefined) {
        added++;
        continue;
      }
      if (value.enteredAt < before.enteredAt) {
        older++;
        continue;
      }
      changed++;
      issues.push(
        issue("manual/changed", "info", {
          file: origin,
          raw: `${value.measure}${value.breakdown === "" ? "" : ` (${value.breakdown})`}`,
          params: {
            year: value.year,
            old: before.value,
            oldBy: before.enteredBy,
            oldAt: before.enteredAt,
            new: value.value,
            newBy: value.enteredBy,
            newAt: value.enteredAt,
          },
        }),
      );
    }
    return { added, changed, unchanged, older, issues };
  });
  return run.immediate();
}

/**
 * Stores Kolada values; returns how many were new or different. A newer read of the same KPI,
 * municipality, year and gender replaces the older, with one exception: a number held is never
 * replaced by a missing value (the newer response lacks it; the number stays, kolada/missing-kept).
 * A number replaced by another gives kolada/changed (old and new, both files). Both go to `issues`.
 */
export function writeKoladaValues(db: Database.Database, values: readonly KoladaValue[], origin: string, now: Date = new Date(), issues: Issue[] = []): number {
  const run = db.transaction((): number => {
    const held = db.prepare("SELECT value, origin FROM kolada_values WHERE kpi = ? AND municipality = ? AND year = ? AND gender = ?");
    const upsert = db.prepare(
      `INSERT INTO kolada_values (kpi, municipality, year, gender, value, status, origin, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kpi, municipality, year, gender) DO UPDATE SET value = excluded.value, status = excluded.status,
         origin = excluded.origin, recorded_at = excluded.recorded_at
       WHERE kolada_values.value IS NOT excluded.value OR kolada_values.status <> excluded.status`,
    );
    let stored = 0;
    for (const v of values) {
      const before = held.get(v.kpi, v.municipality, v.year, v.gender) as { value: number | null; origin: string } | undefined;
      const heldNumber = before?.value ?? null;
      const where = { kpi: v.kpi, municipality: v.municipality, year: v.year, gender: v.gender, oldFile: before?.origin ?? "", newFile: origin };
      if (heldNumber !== null && v.value === null) {
        issues.push(issue("kolada/missing-kept", "info", { file: origin, params: { ...where, old: heldNumber, status: v.status === "" ? "tom" : v.status } }));
        continue;
      }
      if (heldNumber !== null && v.value !== null && heldNumber !== v.value) {
        issues.push(issue("kolada/changed", "info", { file: origin, params: { ...where, old: heldNumber, new: v.value } }));
      }
      stored += upsert.run(v.kpi, v.municipality, v.year, v.gender, v.value, v.status, origin, now.toISOString()).changes;
    }
    return stored;
  });
  return run.immediate();
}

/** Every Kolada value held (missing ones with value null). */
export function readKoladaValues(db: Database.Database): (KoladaValue & { readonly origin: string; readonly recordedAt: string })[] {
  const rows = db.prepare("SELECT * FROM kolada_values ORDER BY kpi, municipality, year, gender").all() as Array<{
    kpi: string;
    municipality: string;
    year: number;
    gender: KoladaGender;
    value: number | null;
    status: string;
    origin: string;
    recorded_at: string;
  }>;
  return rows.map((r) => ({ kpi: r.kpi, municipality: r.municipality, year: r.year, gender: r.gender, value: r.value, status: r.status, origin: r.origin, recordedAt: r.recorded_at }));
}

/** The yearly values as records: Kolada's (values it has) and the manual values that count. */
export function readYearlyRecords(db: Database.Database): MonthlyRecord[] {
  return [...koladaRecords(readKoladaValues(db)), ...manualRecords(readManualValues(db))];
}

/** True when the ledger has the tables of migration 004 (a read-only ledger made before it has not). */
export function hasYearlyTables(db: Database.Database): boolean {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'manual_values'").get() !== undefined;
}
