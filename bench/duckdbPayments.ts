/**
 * DuckDB on the payment list, run by the bench as a child process like duckdbBaseline.ts: one
 * thread, `read_csv` and GROUP BY computing what `bilaga import` computes for the file with the
 * profile samples/config/profiles/forsorjningsstod.json, per payment month:
 *   - hushall: distinct households, in total and per unit (Enhet);
 *   - utbetalt: the amount paid, in total and per unit;
 *   - vuxna-langvarigt: distinct adults (Personnummer and Medsökande personnummer) of the
 *     payments whose "Bistånd sedan" is more than 24 months before the month's last day.
 * Ids are compared as the import normalizes them (upper case, no spaces or hyphens). DuckDB
 * hashes nothing: the import's keyed hashes (HMAC) of each distinct id are work DuckDB does
 * not do, so this is a floor for the same figures, not the same job.
 *
 * The export is Windows-1252; DuckDB reads it as 'latin-1', which is the same for the bench's
 * file (its only letter outside ASCII is "å"; Windows-1252 differs only in 0x80–0x9F).
 *
 * Prints one line of JSON (PaymentTotals). Usage: node build/bench/duckdbPayments.js FILE
 */
import { runTimedQuery, sqlText } from "./duckdbQuery";

/** One group: a month's total (unit undefined) or one unit's figures in it. */
export interface PaymentTotal {
  readonly month: string;
  readonly unit?: string;
  /** Payment rows. */
  readonly rows: number;
  readonly households: number;
  /** Kronor paid. */
  readonly paid: number;
  /** Distinct adults paid for more than 24 months (the month's total only). */
  readonly adults?: number;
}

export interface PaymentTotals {
  /** The query alone, without Node's and DuckDB's start. */
  readonly querySeconds: number;
  readonly totals: readonly PaymentTotal[];
}

const COLUMNS =
  "{'Hushållsnummer': 'VARCHAR', 'Personnummer': 'VARCHAR', 'Namn': 'VARCHAR', 'Medsökande personnummer': 'VARCHAR', " +
  "'Antal vuxna': 'VARCHAR', 'Antal barn': 'VARCHAR', 'Bistånd sedan': 'DATE', 'Utbetalningsdatum': 'DATE', " +
  "'Belopp': 'DECIMAL(18,2)', 'Enhet': 'VARCHAR'}";

/** An id as the import counts it (core/measures/normalizeId.ts); NULL for an empty cell, which holds no id. */
const normalized = (column: string): string => `nullif(regexp_replace(upper(${column}), '[\\s-]', '', 'g'), '')`;

/** Everything told, as the profile tells the import: no sniffing (`auto_detect = false`). */
export function paymentsQuery(file: string): string {
  const source =
    `read_csv(${sqlText(file)}, encoding = 'latin-1', header = true, delim = ';', new_line = '\\r\\n', ` +
    `decimal_separator = ',', columns = ${COLUMNS}, dateformat = '%Y-%m-%d', auto_detect = false)`;
  return `
    WITH paid AS (
      SELECT strftime("Utbetalningsdatum", '%Y-%m') AS month, "Enhet" AS unit, ${normalized('"Hushållsnummer"')} AS household,
             "Belopp" AS amount,
             CASE WHEN "Bistånd sedan" + INTERVAL 24 MONTH < last_day("Utbetalningsdatum")
                  THEN ["Personnummer", "Medsökande personnummer"] ELSE [] END AS adults
      FROM ${source}
    ),
    households AS (
      SELECT month, unit, grouping(unit) AS is_total, count(*) AS rows, count(DISTINCT household) AS households, sum(amount) AS paid
      FROM paid
      GROUP BY GROUPING SETS ((month), (month, unit))
    ),
    adults AS (
      SELECT month, count(DISTINCT ${normalized("adult")}) AS adults
      FROM (SELECT month, unnest(adults) AS adult FROM paid)
      GROUP BY month
    )
    SELECT h.month, h.unit, h.is_total, h.rows, h.households, h.paid, a.adults
    FROM households h LEFT JOIN adults a ON a.month = h.month AND h.is_total = 1
    ORDER BY h.month, h.is_total DESC, h.unit`;
}

export async function computePaymentTotals(file: string): Promise<PaymentTotals> {
  const { seconds, rows } = await runTimedQuery(paymentsQuery(file));
  const totals = rows.map((row): PaymentTotal => {
    const base = { month: String(row["month"]), rows: Number(row["rows"]), households: Number(row["households"]), paid: Number(row["paid"]) };
    return Number(row["is_total"]) === 1 ? { ...base, adults: Number(row["adults"] ?? 0) } : { ...base, unit: String(row["unit"]) };
  });
  return { querySeconds: seconds, totals };
}

async function main(): Promise<void> {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error("usage: duckdbPayments FILE");
  process.stdout.write(`${JSON.stringify(await computePaymentTotals(file))}\n`);
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
