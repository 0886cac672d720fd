/**
 * The DuckDB baseline, run by the bench as a child process like parseOnly.ts: DuckDB (an
 * in-memory database, `threads` = 1) reads the case list with `read_csv` and computes what
 * `bilaga import` computes for it with the waiting-time profile (samples/config/profiles/
 * vantetider.json, core/measures/measure.ts, kind "duration"): per decision month, in total
 * and per unit (Enhet), the number of decided cases and the sum of their waiting days from
 * first contact to decision. A pending case (no decision date) is left out, and so is a row
 * the import rejects (a missing first contact, a decision before the first contact). Dates
 * are written "1/5 2019" (1 May 2019): day/month year.
 *
 * DuckDB 1.5's read_csv reads `encoding` = 'utf-8', 'utf-16' or 'latin-1' itself (others
 * through its encodings extension); the export is UTF-16 LE with a BOM, so it is read with
 * 'utf-16'. With `--probe` only the first rows are read: the bench learns whether DuckDB
 * can read the file at all before it is timed.
 *
 * Prints one line of JSON: the query's own seconds and the totals (DuckDBTotals).
 * Usage: node build/bench/duckdbBaseline.js FILE utf-16|utf-8 [--probe]
 */
import { runTimedQuery, sqlText as quote } from "./duckdbQuery";

/** One group of the GROUP BY: a month's total (unit undefined) or one unit's figures in it. */
export interface WaitingTimeTotal {
  readonly month: string;
  readonly unit?: string;
  /** Decided cases. */
  readonly count: number;
  /** Waiting days, first contact to decision, summed. */
  readonly sum: number;
}

export interface DuckDBTotals {
  /** The query alone (read_csv and GROUP BY), without Node's and DuckDB's start. */
  readonly querySeconds: number;
  readonly totals: readonly WaitingTimeTotal[];
}

/**
 * `read_csv` of the case list as the case system writes it: tab separated, CRLF, a header row.
 * Everything is told, as the source profile tells the import, so DuckDB does not sniff the file
 * (`auto_detect = false`).
 */
function readCaseList(file: string, encoding: string): string {
  return (
    `read_csv(${quote(file)}, encoding = ${quote(encoding)}, header = true, delim = '\t', new_line = '\\r\\n', ` +
    `columns = {'Ärendenummer': 'VARCHAR', 'Personnummer': 'VARCHAR', 'Första kontakt': 'DATE', 'Beslutsdatum': 'DATE', 'Enhet': 'VARCHAR'}, ` +
    `dateformat = '%d/%m %Y', auto_detect = false)`
  );
}

/** The same GROUP BY as the import: per decision month, the month's total and each unit's. */
export function waitingTimeQuery(file: string, encoding: string): string {
  return `
    WITH decided AS (
      SELECT strftime("Beslutsdatum", '%Y-%m') AS month, "Enhet" AS unit, "Beslutsdatum" - "Första kontakt" AS days
      FROM ${readCaseList(file, encoding)}
      WHERE "Beslutsdatum" IS NOT NULL AND "Första kontakt" IS NOT NULL AND "Beslutsdatum" >= "Första kontakt"
    )
    SELECT month, unit, grouping(unit) AS is_total, count(*) AS count, sum(days) AS sum
    FROM decided
    GROUP BY GROUPING SETS ((month), (month, unit))
    ORDER BY month, is_total DESC, unit`;
}

/** Runs the query in a new in-memory DuckDB with one thread; the totals and the query's own time. */
export async function computeWaitingTimes(file: string, encoding: "utf-16" | "utf-8"): Promise<DuckDBTotals> {
  const { seconds, rows } = await runTimedQuery(waitingTimeQuery(file, encoding));
  const totals = rows.map((row): WaitingTimeTotal => {
    const base = { month: String(row["month"]), count: Number(row["count"]), sum: Number(row["sum"]) };
    return Number(row["is_total"]) === 1 ? base : { ...base, unit: String(row["unit"]) };
  });
  return { querySeconds: seconds, totals };
}

/** Reads the first rows only: throws DuckDB's own message when it cannot read the file so. */
async function probe(file: string, encoding: "utf-16" | "utf-8"): Promise<void> {
  await runTimedQuery(`SELECT * FROM ${readCaseList(file, encoding)} LIMIT 10`);
}

async function main(): Promise<void> {
  const [file, encoding, flag] = process.argv.slice(2);
  if (!file || (encoding !== "utf-16" && encoding !== "utf-8")) throw new Error("usage: duckdbBaseline FILE utf-16|utf-8 [--probe]");
  if (flag === "--probe") {
    await probe(file, encoding);
    process.stdout.write("{}\n");
    return;
  }
  process.stdout.write(`${JSON.stringify(await computeWaitingTimes(file, encoding))}\n`);
}

if (require.main === module) {
  void main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
