/**
 * Checks that DuckDB did the same work as `bilaga import`: the ledger's records (table
 * `records`: per month, the total with breakdown "" and one per unit "enhet=…") must equal
 * DuckDB's GROUP BY, group for group, with no group on one side only. A comparison of speeds
 * is worth nothing otherwise. For the case list: count and sum of waiting days; for the
 * payment list: rows, distinct households, the amount paid and the long-term adults.
 */
import Database from "better-sqlite3";
import type { WaitingTimeTotal } from "./duckdbBaseline";
import type { PaymentTotal } from "./duckdbPayments";

interface LedgerRecord {
  readonly measure: string;
  readonly month: string;
  readonly breakdown: string;
  readonly sum: number;
  readonly count: number;
}

export interface TotalsComparison {
  readonly agree: boolean;
  /** Groups compared (months × (total + units)). */
  readonly groups: number;
  /** The rows behind the months' totals: decided cases, or payments. */
  readonly counted: number;
  /** The first differences, in Swedish, when they disagree. */
  readonly differences: readonly string[];
}

/** One source's records in an import's ledger, keyed "MEASURE MONTH BREAKDOWN". */
function ledgerRecords(ledgerPath: string, source: string): Map<string, { count: number; sum: number }> {
  const db = new Database(ledgerPath, { readonly: true });
  try {
    const rows = db.prepare("SELECT measure, month, breakdown, sum, count FROM records WHERE source = ?").all(source) as LedgerRecord[];
    return new Map(rows.map((row) => [`${row.measure} ${row.month} ${row.breakdown}`, { count: row.count, sum: row.sum }]));
  } finally {
    db.close();
  }
}

const breakdownOf = (unit: string | undefined): string => (unit === undefined ? "" : `enhet=${unit}`);

/**
 * Compares expected figures with the ledger's records: each expectation names a record
 * (measure, month, breakdown) and its count and sum; the ledger must hold no other record of
 * the measures named.
 */
function compareRecords(
  ledger: Map<string, { count: number; sum: number }>,
  expected: readonly { key: string; name: string; count: number; sum: number }[],
  measures: readonly string[],
): string[] {
  const differences: string[] = [];
  const seen = new Set<string>();
  for (const { key, name, count, sum } of expected) {
    seen.add(key);
    const record = ledger.get(key);
    if (record === undefined) differences.push(`${name}: finns i DuckDB (${count} rader) men inte i liggaren`);
    // Sums of kronor and days: equal to the öre (the ledger adds in ten-thousandths).
    else if (record.count !== count || Math.abs(record.sum - sum) > 0.005) {
      differences.push(`${name}: liggaren ${record.count} rader, summa ${record.sum}; DuckDB ${count} rader, summa ${sum}`);
    }
  }
  for (const [key, record] of ledger) {
    if (measures.includes(key.split(" ")[0]!) && !seen.has(key)) differences.push(`${key}: finns i liggaren (${record.count} rader) men inte i DuckDB`);
  }
  return differences;
}

export function compareTotals(ledgerPath: string, duckdb: readonly WaitingTimeTotal[]): TotalsComparison {
  const expected = duckdb.map((group) => ({
    key: `vantedagar ${group.month} ${breakdownOf(group.unit)}`,
    name: `${group.month} ${group.unit ?? "totalt"}`,
    count: group.count,
    sum: group.sum,
  }));
  const differences = compareRecords(ledgerRecords(ledgerPath, "vantetider"), expected, ["vantedagar"]);
  const counted = duckdb.filter((group) => group.unit === undefined).reduce((n, group) => n + group.count, 0);
  return { agree: differences.length === 0 && duckdb.length > 0, groups: duckdb.length, counted, differences: differences.slice(0, 5) };
}

/**
 * The payment list: per group, households (hushall: the record's sum is how many; its count
 * the rows) and the amount paid (utbetalt), and per month the long-term adults
 * (vuxna-langvarigt: its count is the rows that met the condition, which DuckDB does not
 * give, so only its sum is compared).
 */
export function comparePaymentTotals(ledgerPath: string, duckdb: readonly PaymentTotal[]): TotalsComparison {
  const ledger = ledgerRecords(ledgerPath, "forsorjningsstod");
  const expected = duckdb.flatMap((group) => {
    const breakdown = breakdownOf(group.unit);
    const name = `${group.month} ${group.unit ?? "totalt"}`;
    return [
      { key: `hushall ${group.month} ${breakdown}`, name: `${name}, hushåll`, count: group.rows, sum: group.households },
      { key: `utbetalt ${group.month} ${breakdown}`, name: `${name}, utbetalt`, count: group.rows, sum: group.paid },
    ];
  });
  const differences = compareRecords(ledger, expected, ["hushall", "utbetalt"]);
  for (const group of duckdb.filter((total) => total.unit === undefined)) {
    const record = ledger.get(`vuxna-langvarigt ${group.month} `);
    if ((record?.sum ?? 0) !== group.adults) differences.push(`${group.month}, vuxna: liggaren ${record?.sum ?? "ingen post"}, DuckDB ${group.adults}`);
  }
  const counted = duckdb.filter((group) => group.unit === undefined).reduce((n, group) => n + group.rows, 0);
  return { agree: differences.length === 0 && duckdb.length > 0, groups: duckdb.length, counted, differences: differences.slice(0, 5) };
}
