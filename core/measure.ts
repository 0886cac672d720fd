/**
 * Measuring an export: the rows of one file, pushed one at a time by a shell (papaparse
 * in the pipeline, a file picker in the task pane), become monthly records as its source
 * profile says. Memory grows with months, breakdowns and distinct ids, never with rows.
 * Id columns are hashed with the KeyHasher before anything is kept; a row with bad data
 * is rejected whole (it counts in nothing) and gives issues with file, line and column.
 *
 * Sums are kept as whole ten-thousandths, so a total never depends on row order.
 *
 * @example
 * const started = startMeasure(profile, ["Hushållsnummer", "Utbetalningsdatum", "Belopp"],
 *   { file: "forsorjningsstod-2019-06.csv", hashKey: createKeyHasher(key) });
 * if (started.ok) {
 *   started.value.push(["H1", "2019-06-25", "8 432,50"], 2);
 *   started.value.finish().records
 *   // [{ source: "forsorjningsstod", measure: "hushall", month: "2019-06", breakdown: "", sum: 1, count: 1, keys: ["9f…"] }, …]
 * }
 */
import { issue, type Issue } from "./issues";
import { dayNumber } from "./parseDate";
import type { MeasureSpec, SourceProfile } from "./profile";
import { breakdownKey, TOTAL, type Month, type MonthlyRecord } from "./records";
import { fail, ok, type Result } from "./result";
import { CellReader } from "./measures/cellReader";
import { findColumn, normalizeCellText, type ColumnRef } from "./measures/columns";
import { compileCondition, type CompiledCondition } from "./measures/compileCondition";

/** Keyed hash of an id (HMAC-SHA256 hex, see hmacSha256.ts createKeyHasher). */
export type KeyHasher = (id: string) => string;

/**
 * The form of an id that is hashed: upper case, no spaces or hyphens, so that one person
 * or household is one id however an export writes it.
 *
 * @example normalizeId(" 19850312-1235 ") // "198503121235"
 * @example normalizeId("h-104 233")       // "H104233"
 */
export function normalizeId(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}

export interface MeasureOptions {
  /** The file name, for issues. */
  readonly file: string;
  /** Hashes every id before it is kept. */
  readonly hashKey: KeyHasher;
  /** When the shell knows the file's month (from the delivery), rows of another month are issues. */
  readonly expectedMonth?: Month;
  /** Issues kept in the result (push still returns every row's issues). Default 1 000. */
  readonly maxIssues?: number;
}

export interface Measurer {
  /** Takes one data row (fields as split by the CSV reader) and its 1-based line; returns the row's issues. */
  push(fields: readonly string[], line: number): readonly Issue[];
  /** The records and counts for everything pushed. */
  finish(): MeasureResult;
}

export interface MeasureResult {
  readonly records: MonthlyRecord[];
  /** Data rows seen (blank lines are not rows). */
  readonly rowsRead: number;
  /** Rows that counted in the measures. */
  readonly rowsAccepted: number;
  /** Rows with an error: they count in nothing. */
  readonly rowsRejected: number;
  /** Rows a profile filter left out (another förvaltning, a pending case): not errors. */
  readonly rowsFiltered: number;
  /** The months the file covers, sorted. */
  readonly months: Month[];
  readonly issues: Issue[];
}

const SCALE = 10_000;
const NO_ISSUES: readonly Issue[] = Object.freeze([]);
const UNKNOWN_VALUE = "okänd";

interface Dimension {
  readonly column: ColumnRef;
  readonly values: ReadonlyMap<string, string>;
}

interface CompiledMeasure {
  readonly spec: MeasureSpec;
  readonly ids: readonly ColumnRef[];
  readonly value: ColumnRef | undefined;
  readonly start: ColumnRef | undefined;
  readonly end: ColumnRef | undefined;
  readonly conditions: readonly CompiledCondition[];
  /** Each breakdown as the dimension indexes it combines. */
  readonly breakdowns: readonly (readonly number[])[];
}

interface Accumulator {
  /** Sum in ten-thousandths (distinct measures: unused, the size of keys is the sum). */
  scaled: number;
  count: number;
  keys: Set<string> | undefined;
}

/** What one row adds to one measure, before it is known that the row has no error. */
interface Contribution {
  counts: boolean;
  scaled: number;
  keys: string[];
}

/** Starts measuring a file whose header row is `header`; fails with csv/missing-column naming the column. */
export function startMeasure(
  profile: SourceProfile,
  header: readonly string[],
  options: MeasureOptions,
): Result<Measurer> {
  const { file } = options;
  let missing: string | undefined;
  const resolve = (name: string): ColumnRef => {
    const found = findColumn(header, name);
    if (found === undefined) {
      missing ??= name;
      return { index: -1, name };
    }
    return found;
  };

  const monthColumn = resolve(profile.month.column);
  const filters = profile.filters.map((spec) => compileCondition(spec, resolve(spec.column)));
  const dimensionIds = Object.keys(profile.dimensions);
  const dimensions: Dimension[] = dimensionIds.map((id) => {
    const spec = profile.dimensions[id]!;
    const values = new Map(Object.entries(spec.values ?? {}).map(([from, to]) => [normalizeCellText(from), to]));
    return { column: resolve(spec.column), values };
  });
  const measures: CompiledMeasure[] = profile.measures.map((spec) => ({
    spec,
    ids: (spec.columns ?? (spec.kind === "distinct" && spec.column !== undefined ? [spec.column] : [])).map(resolve),
    value: spec.kind === "sum" && spec.column !== undefined ? resolve(spec.column) : undefined,
    start: spec.start === undefined ? undefined : resolve(spec.start),
    end: spec.end === undefined ? undefined : resolve(spec.end),
    conditions: spec.condition.map((condition) => compileCondition(condition, resolve(condition.column))),
    breakdowns: spec.breakdowns.map((breakdown) =>
      (typeof breakdown === "string" ? [breakdown] : breakdown).map((id) => dimensionIds.indexOf(id)),
    ),
  }));

  if (missing !== undefined) {
    return fail(
      issue("csv/missing-column", "error", {
        file,
        row: 1,
        params: { expected: missing, found: header.map((name) => name.replace(/\uFEFF/g, "").trim()).join(", ") },
      }),
    );
  }
  return ok(createMeasurer(profile, header.length, monthColumn, filters, dimensions, dimensionIds, measures, options));
}

function createMeasurer(
  profile: SourceProfile,
  width: number,
  monthColumn: ColumnRef,
  filters: readonly CompiledCondition[],
  dimensions: readonly Dimension[],
  dimensionIds: readonly string[],
  measures: readonly CompiledMeasure[],
  options: MeasureOptions,
): Measurer {
  const { file, hashKey, expectedMonth } = options;
  const maxIssues = options.maxIssues ?? 1000;
  const cells = new CellReader(file);
  const issues: Issue[] = [];
  /** Accepted rows per month and the lowest line of each, for a delivery of one month. */
  const monthRows = new Map<Month, { rows: number; firstLine: number }>();
  const preFilters = filters.filter((filter) => !filter.needsMonth);
  const monthFilters = filters.filter((filter) => filter.needsMonth);
  const contributions: Contribution[] = measures.map(() => ({ counts: false, scaled: 0, keys: [] }));
  const dimensionValues: (string | undefined)[] = dimensions.map(() => undefined);
  let rowsRead = 0;
  let rowsRejected = 0;
  let rowsFiltered = 0;

  const keep = (rowIssues: readonly Issue[]): void => {
    for (const found of rowIssues) if (issues.length < maxIssues) issues.push(found);
  };

  /** Ends a row: counts it as rejected when it has an error; returns its issues. */
  const endRow = (): readonly Issue[] => {
    if (cells.hasError) rowsRejected++;
    if (cells.issues.length === 0) return NO_ISSUES;
    keep(cells.issues);
    return cells.issues;
  };

  const dimensionValue = (index: number): string => {
    let value = dimensionValues[index];
    if (value === undefined) {
      const dimension = dimensions[index]!;
      const text = cells.text(dimension.column);
      value = dimension.values.size === 0 ? text : (dimension.values.get(normalizeCellText(text)) ?? text);
      // "&" and "=" build breakdown keys; "" is the total.
      value = value === "" ? UNKNOWN_VALUE : value.replace(/[&=]/g, " ");
      dimensionValues[index] = value;
    }
    return value;
  };

  /** Per month, per measure: breakdown key -> accumulator. */
  const slots = new Map<Month, Map<string, Accumulator>[]>();
  const accumulator = (slot: Map<string, Accumulator>, breakdown: string, distinct: boolean): Accumulator => {
    let found = slot.get(breakdown);
    if (found === undefined) {
      found = { scaled: 0, count: 0, keys: distinct ? new Set() : undefined };
      slot.set(breakdown, found);
    }
    return found;
  };
  /** A breakdown key for this row: "kon=K" for one dimension, breakdownKey for a combination. */
  const rowBreakdown = (dimensionIndexes: readonly number[]): string => {
    if (dimensionIndexes.length === 1) {
      const only = dimensionIndexes[0]!;
      return `${dimensionIds[only]!}=${dimensionValue(only)}`;
    }
    const parts: Record<string, string> = {};
    for (const dimension of dimensionIndexes) parts[dimensionIds[dimension]!] = dimensionValue(dimension);
    return breakdownKey(parts);
  };

  /** Works out what the row adds to a measure; an unreadable cell leaves its issue in `cells`. */
  const contribute = (measure: CompiledMeasure, into: Contribution, month: Month): void => {
    into.counts = false;
    into.scaled = 0;
    into.keys.length = 0;
    for (const condition of measure.conditions) {
      if (condition.test(cells, month) !== true) return;
    }
    switch (measure.spec.kind) {
      case "distinct":
        for (const column of measure.ids) {
          const id = normalizeId(cells.raw(column));
          if (id !== "") into.keys.push(hashKey(id));
        }
        into.counts = into.keys.length > 0;
        return;
      case "sum": {
        const column = measure.value!;
        if (cells.text(column) === "" && measure.spec.empty !== "error") {
          into.counts = measure.spec.empty === "zero";
          return;
        }
        const value = cells.number(column);
        if (value === undefined) return;
        into.scaled = Math.round(value * SCALE);
        into.counts = true;
        return;
      }
      case "count":
        into.counts = true;
        return;
      case "duration": {
        const endColumn = measure.end!;
        if (cells.text(endColumn) === "") return; // pending: not a decision yet
        const start = cells.date(measure.start!);
        const end = cells.date(endColumn);
        if (start === undefined || end === undefined) return;
        const days = dayNumber(end) - dayNumber(start);
        if (days < 0) {
          cells.report("csv/end-before-start", endColumn, { raw: cells.raw(endColumn), params: { start, end } });
          return;
        }
        into.scaled = days * SCALE;
        into.counts = true;
        return;
      }
    }
  };

  const push = (fields: readonly string[], line: number): readonly Issue[] => {
    if (fields.length === 0 || (fields.length === 1 && (fields[0] ?? "").trim() === "")) return NO_ISSUES;
    rowsRead++;
    cells.start(fields, line);
    if (fields.length < width) {
      cells.report("csv/truncated-row", undefined, { params: { found: fields.length, expected: width } });
      return endRow();
    }
    if (fields.length > width && fields.slice(width).some((extra) => extra.trim() !== "")) {
      cells.report("csv/too-many-fields", undefined, { params: { found: fields.length, expected: width } });
      return endRow();
    }

    for (const filter of preFilters) {
      const passes = filter.test(cells, "");
      if (passes === undefined) return endRow();
      if (!passes) {
        rowsFiltered++;
        return endRow();
      }
    }

    const month = profile.month.format === "month" ? cells.month(monthColumn) : cells.date(monthColumn)?.slice(0, 7);
    if (month === undefined) return endRow();
    if (expectedMonth !== undefined && month !== expectedMonth) {
      cells.report("csv/month-outside-file", monthColumn, {
        raw: cells.raw(monthColumn),
        params: { expected: expectedMonth },
      });
      return endRow();
    }
    for (const filter of monthFilters) {
      const passes = filter.test(cells, month);
      if (passes === undefined) return endRow();
      if (!passes) {
        rowsFiltered++;
        return endRow();
      }
    }

    measures.forEach((measure, index) => contribute(measure, contributions[index]!, month));
    // An error anywhere rejects the row whole: nothing of it is added.
    if (cells.hasError) return endRow();
    dimensionValues.fill(undefined);

    let slot = slots.get(month);
    if (slot === undefined) {
      slot = measures.map(() => new Map<string, Accumulator>());
      slots.set(month, slot);
    }
    for (let index = 0; index < measures.length; index++) {
      const into = contributions[index]!;
      if (!into.counts) continue;
      const measure = measures[index]!;
      const distinct = measure.spec.kind === "distinct";
      const forMeasure = slot[index]!;
      add(accumulator(forMeasure, TOTAL, distinct), into);
      for (const breakdown of measure.breakdowns) add(accumulator(forMeasure, rowBreakdown(breakdown), distinct), into);
    }

    const seen = monthRows.get(month);
    if (seen === undefined) monthRows.set(month, { rows: 1, firstLine: line });
    else {
      seen.rows++;
      if (line < seen.firstLine) seen.firstLine = line;
    }
    return endRow();
  };

  const finish = (): MeasureResult => {
    let months = [...monthRows.keys()].sort();
    let dropped = 0;
    if (expectedMonth === undefined && profile.delivery === "one-month" && months.length > 1) {
      // The month with the most rows is the delivery's month (ties: the earliest); the others are issues.
      const fileMonth = months.reduce((best, month) => (monthRows.get(month)!.rows > monthRows.get(best)!.rows ? month : best));
      const described = months.map((month) => `${month} (${monthRows.get(month)!.rows} rader)`).join(", ");
      keep([issue("csv/mixed-months", "error", { file, params: { months: described, expected: fileMonth } })]);
      for (const month of months) {
        if (month === fileMonth) continue;
        const { rows, firstLine } = monthRows.get(month)!;
        dropped += rows;
        keep([
          issue("csv/month-outside-file", "error", {
            file,
            row: firstLine,
            column: monthColumn.index + 1,
            columnName: monthColumn.name,
            raw: month,
            params: { expected: fileMonth, rows },
          }),
        ]);
      }
      months = [fileMonth];
    }
    if (expectedMonth !== undefined && !months.includes(expectedMonth)) months = [...months, expectedMonth].sort();
    if (rowsRead === 0) keep([issue("csv/empty-file", "error", { file })]);

    const records: MonthlyRecord[] = [];
    for (const month of months) {
      measures.forEach((measure, index) => {
        const found = [...(slots.get(month)?.[index] ?? [])];
        if (!found.some(([breakdown]) => breakdown === TOTAL)) {
          found.push([TOTAL, { scaled: 0, count: 0, keys: measure.spec.kind === "distinct" ? new Set() : undefined }]);
        }
        found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [breakdown, value] of found) records.push(toRecord(profile.id, measure.spec, month, breakdown, value));
      });
    }
    return {
      records,
      rowsRead,
      rowsAccepted: rowsRead - rowsRejected - rowsFiltered - dropped,
      rowsRejected: rowsRejected + dropped,
      rowsFiltered,
      months,
      issues: [...issues],
    };
  };

  return { push, finish };
}

function add(target: Accumulator, from: Contribution): void {
  target.scaled += from.scaled;
  target.count++;
  if (target.keys !== undefined) for (const key of from.keys) target.keys.add(key);
}

function toRecord(source: string, spec: MeasureSpec, month: Month, breakdown: string, value: Accumulator): MonthlyRecord {
  const base = { source, measure: spec.id, month, breakdown };
  switch (spec.kind) {
    case "distinct": {
      const keys = [...(value.keys ?? [])].sort();
      return { ...base, sum: keys.length, count: value.count, keys };
    }
    case "count":
      return { ...base, sum: value.count, count: value.count };
    case "sum":
    case "duration":
      return { ...base, sum: value.scaled / SCALE, count: value.count };
  }
}
