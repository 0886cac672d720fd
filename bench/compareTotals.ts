/**
 * Checks that DuckDB did the same work as `bilaga import`: the ledger's records of the
 * waiting-time measure (table `records`: per month, the total with breakdown "" and one per
 * unit "enhet=…") must equal DuckDB's GROUP BY, group for group (count and sum of days),
 * with no group on one side only. A comparison of speeds is worth nothing otherwise.
 */
import Database from "better-sqlite3";
import type { WaitingTimeTotal } from "./duckdbBaseline";

interface LedgerRecord {
  readonly month: string;
  readonly breakdown: string;
  readonly sum: number;
  readonly count: number;
}

export interface TotalsComparison {
  readonly agree: boolean;
  /** Groups compared (months × (total + units)). */
  readonly groups: number;
  /** Decided cases in all months (the totals' count). */
  readonly decided: number;
  /** The first differences, in Swedish, when they disagree. */
  readonly differences: readonly string[];
}

/** The waiting-time records of one import's ledger, keyed like DuckDB's groups. */
function ledgerGroups(ledgerPath: string): Map<string, { count: number; sum: number }> {
  const db = new Database(ledgerPath, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT month, breakdown, sum, count FROM records WHERE source = 'vantetider' AND measure = 'vantedagar'")
      .all() as LedgerRecord[];
    return new Map(rows.map((row) => [`${row.month} ${row.breakdown}`, { count: row.count, sum: row.sum }]));
  } finally {
    db.close();
  }
}

export function compareTotals(ledgerPath: string, duckdb: readonly WaitingTimeTotal[]): TotalsComparison {
  const ledger = ledgerGroups(ledgerPath);
  const differences: string[] = [];
  const seen = new Set<string>();
  for (const group of duckdb) {
    const key = `${group.month} ${group.unit === undefined ? "" : `enhet=${group.unit}`}`;
    seen.add(key);
    const record = ledger.get(key);
    const name = `${group.month} ${group.unit ?? "totalt"}`;
    if (record === undefined) differences.push(`${name}: finns i DuckDB (${group.count} ärenden) men inte i liggaren`);
    else if (record.count !== group.count || Math.abs(record.sum - group.sum) > 1e-6)
      differences.push(`${name}: liggaren ${record.count} ärenden, ${record.sum} dagar; DuckDB ${group.count} ärenden, ${group.sum} dagar`);
  }
  for (const [key, record] of ledger) if (!seen.has(key)) differences.push(`${key}: finns i liggaren (${record.count} ärenden) men inte i DuckDB`);
  const decided = duckdb.filter((group) => group.unit === undefined).reduce((n, group) => n + group.count, 0);
  return { agree: differences.length === 0 && duckdb.length > 0, groups: duckdb.length, decided, differences: differences.slice(0, 5) };
}
