/**
 * Reading the cells of one CSV row for the measures: text, number, date and month, with
 * a located issue (file, line, column number and name, raw text) for each bad cell.
 * Date and month texts repeat a lot in an export, so each distinct text is parsed once: a
 * date with its day number and month, so that no row works them out again.
 *
 * @example reader.start(["H1", "8 432,50"], 7); reader.number(amount) // 8432.5
 * @example reader.start(["H1", "åtta"], 8); reader.number(amount)     // undefined, reader.issues = [csv/unparseable-number at line 8]
 */
import { issue, locate, type Issue, type IssueCode } from "../issues/issues";
import { dayNumber, parseDate } from "../values/parseDate";
import { parseMonth } from "../periods/parseMonth";
import { parseSwedishNumber, plainNumber } from "../values/parseNumber";
import type { Month } from "../records/records";
import { ok, type Result } from "../issues/result";
import type { ColumnRef } from "./columns";
import { detachText } from "./detachText";
import { memoizeText } from "./memoizeText";

/** A date cell read: "15/6 2019" -> { iso: "2019-06-15", day: 18062, month: "2019-06" }. */
export interface ParsedDate {
  readonly iso: string;
  /** Days since 1970-01-01 (parseDate.ts dayNumber), for durations. */
  readonly day: number;
  readonly month: Month;
}

function parseDateParts(text: string): Result<ParsedDate> {
  const parsed = parseDate(text);
  if (!parsed.ok) return parsed;
  const iso = parsed.value;
  return ok({ iso, day: dayNumber(iso), month: iso.slice(0, 7) }, parsed.warnings);
}

export class CellReader {
  private fields: readonly string[] = [];
  private line = 0;
  /** Issues of the current row; a fresh array per row that has any. */
  issues: Issue[] = [];
  /** Whether the current row has an error (it is then rejected whole). */
  hasError = false;
  private readonly dates = memoizeText(parseDateParts);
  private readonly months = memoizeText(parseMonth);
  /** Rows started so far: marks which row each entry of rowDates belongs to. */
  private row = 0;
  /** The date cells this row has read, by column index, with the row they belong to (a column
   * is often both the month and a measure's date: it is looked up once). */
  private readonly rowDates: { row: number; date: Result<ParsedDate> }[] = [];

  constructor(private readonly file: string) {}

  /** Starts reading a row. */
  start(fields: readonly string[], line: number): void {
    this.fields = fields;
    this.line = line;
    this.row++;
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
    // A cell read by two measures (an end date in two conditions) is reported once.
    if (this.issues.some((held) => held.code === found.code && held.column === where.column)) return;
    // An issue may be kept to the end of the file: its raw text must not keep its chunk.
    const own = found.raw === undefined ? found : { ...found, raw: detachText(found.raw) };
    this.issues.push(locate(own, where));
    if (found.severity === "error") this.hasError = true;
  }

  private take<T>(result: Result<T>, code: IssueCode, column: ColumnRef): T | undefined {
    if (result.ok) {
      if (result.warnings.length > 0) for (const warning of result.warnings) this.add(warning, column);
      return result.value;
    }
    this.add({ ...result.issue, code, raw: this.raw(column) }, column);
    return undefined;
  }

  /** A Swedish number ("8 432,50"); undefined with an issue when unreadable (also when empty). */
  number(column: ColumnRef): number | undefined {
    const raw = this.raw(column);
    return plainNumber(raw) ?? this.take(parseSwedishNumber(raw), "csv/unparseable-number", column);
  }

  /** A date from any date form parseDate knows, with its day number and month; undefined with an issue when unreadable. */
  date(column: ColumnRef): ParsedDate | undefined {
    let read = this.rowDates[column.index];
    if (read === undefined) {
      read = { row: this.row, date: this.dates(this.raw(column)) };
      this.rowDates[column.index] = read;
    } else if (read.row !== this.row) {
      read.row = this.row;
      read.date = this.dates(this.raw(column));
    }
    return this.take(read.date, "csv/unparseable-date", column);
  }

  /** A month "YYYY-MM" from a month text; undefined with an issue when unreadable. */
  month(column: ColumnRef): Month | undefined {
    return this.take(this.months(this.raw(column)), "csv/unparseable-month", column);
  }
}
