/**
 * Reading the cells of one CSV row for the measures: text, number, date and month, with
 * a located issue (file, line, column number and name, raw text) for each bad cell.
 * Date and month texts repeat a lot in an export, so their parses are cached.
 *
 * @example reader.start(["H1", "8 432,50"], 7); reader.number(amount) // 8432.5
 * @example reader.start(["H1", "åtta"], 8); reader.number(amount)     // undefined, reader.issues = [csv/unparseable-number at line 8]
 */
import { issue, locate, type Issue, type IssueCode } from "../issues";
import { parseDate } from "../parseDate";
import { parseMonth } from "../parseMonth";
import { parseSwedishNumber } from "../parseNumber";
import type { Month } from "../records";
import type { Result } from "../result";
import type { ColumnRef } from "./columns";

const CACHE_LIMIT = 20_000;

function cached<T>(cache: Map<string, Result<T>>, text: string, parse: (text: string) => Result<T>): Result<T> {
  let found = cache.get(text);
  if (found === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    found = parse(text);
    cache.set(text, found);
  }
  return found;
}

export class CellReader {
  private fields: readonly string[] = [];
  private line = 0;
  /** Issues of the current row; a fresh array per row that has any. */
  issues: Issue[] = [];
  /** Whether the current row has an error (it is then rejected whole). */
  hasError = false;
  private readonly dates = new Map<string, Result<string>>();
  private readonly months = new Map<string, Result<Month>>();

  constructor(private readonly file: string) {}

  /** Starts reading a row. */
  start(fields: readonly string[], line: number): void {
    this.fields = fields;
    this.line = line;
    if (this.issues.length > 0) this.issues = [];
    this.hasError = false;
  }

  /** The raw cell text ("" when the row is short). */
  raw(column: ColumnRef): string {
    return this.fields[column.index] ?? "";
  }

  /** The cell text, trimmed. */
  text(column: ColumnRef): string {
    return this.raw(column).trim();
  }

  /** Records an issue about this row, at a column when given. */
  report(code: IssueCode, column: ColumnRef | undefined, fields: Omit<Issue, "code" | "severity"> = {}): void {
    this.add(issue(code, "error", fields), column);
  }

  private add(found: Issue, column: ColumnRef | undefined): void {
    const where = column === undefined
      ? { file: this.file, row: this.line }
      : { file: this.file, row: this.line, column: column.index + 1, columnName: column.name };
    this.issues.push(locate(found, where));
    if (found.severity === "error") this.hasError = true;
  }

  private take<T>(result: Result<T>, code: IssueCode, column: ColumnRef): T | undefined {
    if (result.ok) {
      for (const warning of result.warnings) this.add(warning, column);
      return result.value;
    }
    this.add({ ...result.issue, code, raw: this.raw(column) }, column);
    return undefined;
  }

  /** A Swedish number ("8 432,50"); undefined with an issue when unreadable (also when empty). */
  number(column: ColumnRef): number | undefined {
    return this.take(parseSwedishNumber(this.raw(column)), "csv/unparseable-number", column);
  }

  /** An ISO date from any date form parseDate knows; undefined with an issue when unreadable. */
  date(column: ColumnRef): string | undefined {
    return this.take(cached(this.dates, this.raw(column), parseDate), "csv/unparseable-date", column);
  }

  /** A month "YYYY-MM" from a month text; undefined with an issue when unreadable. */
  month(column: ColumnRef): Month | undefined {
    return this.take(cached(this.months, this.raw(column), parseMonth), "csv/unparseable-month", column);
  }
}
