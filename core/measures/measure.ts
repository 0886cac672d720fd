/**
 * Measuring an export: the rows of one file, pushed one at a time by a shell (papaparse
 * in the pipeline, a file picker in the task pane), become monthly records as its source
 * profile says. Memory grows with months, breakdowns and distinct ids, never with rows.
 * Id columns are counted as normalized ids while the file is read and leave the measurer only
 * as keyed hashes: finish() hashes each distinct id once, with the shell's KeyHasher (a "rows"
 * delivery's row keys are hashed row by row). A row with bad data is rejected whole (it counts
 * in nothing) and gives issues with file, line and column.
 *
 * Sums are kept as whole ten-thousandths, so a total never depends on row order, and a
 * stretch of the file measured apart (in parallel) is absorbed exactly (measures/monthTotals.ts).
 *
 * @example
 * const started = startMeasure(profile, ["Hushållsnummer", "Utbetalningsdatum", "Belopp"],
 *   { file: "forsorjningsstod-2019-06.csv", hashKey: hasher }); // the shell's KeyHasher (privacy/keyHasher.ts)
 * if (started.ok) {
 *   started.value.push(["H1", "2019-06-25", "8 432,50"], 2);
 *   (await started.value.finish()).records
 *   // [{ source: "forsorjningsstod", measure: "hushall", month: "2019-06", breakdown: "", sum: 1, count: 1, keys: ["9f…"] }, …]
 * }
 */
import { issue, type Issue } from "../issues/issues";
import type { MeasureSpec, SourceProfile } from "../sources/profile";
import { breakdownKey, TOTAL, type Month, type MonthlyRecord } from "../records/records";
import { fail, ok, type Result } from "../issues/result";
import { CellReader } from "./cellReader";
import { findColumn, normalizeCellText, type ColumnRef } from "./columns";
import { compileCondition, type CompiledCondition } from "./compileCondition";
import { memoizeText } from "./memoizeText";
import { createIdInterner, normalizeId } from "./normalizeId";
import { addId, idsOf } from "./idSet";
import type { KeyHasher, SyncKeyHasher } from "../privacy/keyHasher";
import type { KeyedRow, RowFact } from "./keyedRows";
import {
  mergeMonthTotals,
  newAccumulator,
  newMonthTotals,
  SCALE,
  toRecord,
  type Accumulator,
  type MonthTotals,
  type TotalsByMonth,
} from "./monthTotals";

export interface MeasureOptions {
  /** The file name, for issues. */
  readonly file: string;
  /**
   * Hashes the ids of distinct measures (each distinct id once, in finish()). With `onRow` it
   * must answer at once (SyncKeyHasher): each row is handed on under its key's hash.
   */
  readonly hashKey: KeyHasher | SyncKeyHasher;
  /** When the shell knows the file's month (from the delivery), rows of another month are issues. */
  readonly expectedMonth?: Month;
  /** Issues kept in the result (push still returns every row's issues; all are counted). Default 1 000. */
  readonly maxIssues?: number;
  /**
   * For a profile whose files are slices of one list ("delivery": { "kind": "rows" }): called
   * with every row that has no error, its key hashed, and what it adds to each measure (a
   * filtered row, e.g. a pending case, with no month), so a store can replace rows by key.
   */
  readonly onRow?: (row: KeyedRow) => void;
}

export interface Measurer {
  /** The header columns (0-based) the profile reads; the text of any other cell is never looked at. */
  readonly columns: ReadonlySet<number>;
  /** Takes one data row (fields as split by the CSV reader) and its 1-based line; returns the row's issues. */
  push(fields: readonly string[], line: number): readonly Issue[];
  /** What has been pushed so far, for another measurer of the same profile and header to absorb (its state itself: push nothing after). */
  part(): MeasurePart;
  /**
   * Adds a part of the same file measured apart (a later stretch of it, read in parallel), its
   * lines counted from the stretch's own start: `lineOffset` is the number of lines before it.
   */
  absorb(part: MeasurePart, lineOffset: number): void;
  /** The records (ids as keyed hashes) and counts for everything pushed and absorbed. */
  finish(): Promise<MeasureResult>;
}

/**
 * A measurer's state, plain enough to be posted from a worker thread (Maps, Sets, objects). Its
 * distinct measures hold normalized ids, not yet hashed: a part stays in the process that
 * measures the file, and only finish() lets ids out, as hashes.
 */
export interface MeasurePart {
  readonly totals: TotalsByMonth;
  /** The normalized ids by the numbers the totals count them under. */
  readonly ids: readonly string[];
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly rowsFiltered: number;
  readonly issues: readonly Issue[];
  readonly issueCount: number;
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
  /** Rows counted per month. */
  readonly rowsByMonth: Readonly<Record<Month, number>>;
  /** Per month, the values of the profile's part column ("delivery": { "kind": "parts" }), sorted. */
  readonly partsByMonth?: Readonly<Record<Month, readonly string[]>>;
  /** The first issues found (up to maxIssues), in the order of the file. */
  readonly issues: Issue[];
  /** All issues found, also those not kept. */
  readonly issueCount: number;
}

const NO_ISSUES: readonly Issue[] = Object.freeze([]);
const UNKNOWN_VALUE = "okänd";
/** Joins the raw texts of a combination breakdown's cells into one cache key. */
const SEPARATOR = "\u0000";

interface Dimension {
  readonly id: string;
  readonly column: ColumnRef;
  /** The raw cell text -> the dimension's value in breakdown keys (mapped, never "", no "&" or "="). */
  readonly valueOf: (raw: string) => string;
}

/** A row's breakdown key for one breakdown: "kon=K", or "aldersgrupp=30-49&kon=K" for a combination. */
type BreakdownKeyOf = (cells: CellReader) => string;

interface CompiledMeasure {
  readonly spec: MeasureSpec;
  readonly distinct: boolean;
  readonly ids: readonly ColumnRef[];
  readonly value: ColumnRef | undefined;
  readonly start: ColumnRef | undefined;
  readonly end: ColumnRef | undefined;
  readonly conditions: readonly CompiledCondition[];
  readonly breakdowns: readonly BreakdownKeyOf[];
}

/** What one row adds to one measure, before it is known that the row has no error. */
interface Contribution {
  counts: boolean;
  scaled: number;
  /** The row's ids (distinct measures), by their interned numbers. */
  ids: number[];
}

/** Starts measuring a file whose header row is `header`; fails with csv/missing-column naming the column. */
export function startMeasure(
  profile: SourceProfile,
  header: readonly string[],
  options: MeasureOptions,
): Result<Measurer> {
  const { file } = options;
  let missing: string | undefined;
  const columns = new Set<number>();
  const resolve = (name: string): ColumnRef => {
    const found = findColumn(header, name);
    if (found === undefined) {
      missing ??= name;
      return { index: -1, name };
    }
    columns.add(found.index);
    return found;
  };

  const monthColumn = resolve(profile.month.column);
  const delivery = profile.delivery;
  const rowKeyColumn = typeof delivery === "object" && delivery.kind === "rows" ? resolve(delivery.key) : undefined;
  const partColumn = typeof delivery === "object" && delivery.kind === "parts" ? resolve(delivery.column) : undefined;
  const filters = profile.filters.map((spec) => compileCondition(spec, resolve(spec.column)));
  const dimensions = new Map<string, Dimension>(
    Object.entries(profile.dimensions).map(([id, spec]) => {
      const values = new Map(Object.entries(spec.values ?? {}).map(([from, to]) => [normalizeCellText(from), to]));
      return [id, { id, column: resolve(spec.column), valueOf: memoizeText((raw) => dimensionValue(raw, values)) }];
    }),
  );
  const measures: CompiledMeasure[] = profile.measures.map((spec) => ({
    spec,
    distinct: spec.kind === "distinct",
    ids: (spec.columns ?? (spec.kind === "distinct" && spec.column !== undefined ? [spec.column] : [])).map(resolve),
    value: spec.kind === "sum" && spec.column !== undefined ? resolve(spec.column) : undefined,
    start: spec.start === undefined ? undefined : resolve(spec.start),
    end: spec.end === undefined ? undefined : resolve(spec.end),
    conditions: spec.condition.map((condition) => compileCondition(condition, resolve(condition.column))),
    // The profile schema checks that every breakdown names a dimension.
    breakdowns: spec.breakdowns.map((breakdown) =>
      compileBreakdown((typeof breakdown === "string" ? [breakdown] : breakdown).map((id) => dimensions.get(id)!)),
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
  const measurer = createMeasurer(profile, header.length, { month: monthColumn, rowKey: rowKeyColumn, part: partColumn }, filters, measures, options);
  return ok({ ...measurer, columns });
}

/** A dimension's value from its raw cell text: trimmed, mapped by the profile's values, "okänd" when empty. */
function dimensionValue(raw: string, values: ReadonlyMap<string, string>): string {
  const text = raw.trim();
  const value = values.size === 0 ? text : (values.get(normalizeCellText(text)) ?? text);
  // "&" and "=" build breakdown keys; "" is the total.
  return value === "" ? UNKNOWN_VALUE : value.replace(/[&=]/g, " ");
}

/** The breakdown key of a row, built once per distinct cell text (or combination of them). */
function compileBreakdown(combined: readonly Dimension[]): BreakdownKeyOf {
  if (combined.length === 1) {
    const { id, column, valueOf } = combined[0]!;
    const keyOf = memoizeText((raw) => `${id}=${valueOf(raw)}`);
    return (cells) => keyOf(cells.raw(column));
  }
  const keyOfRaws = (raws: readonly string[]): string => {
    const parts: Record<string, string> = {};
    for (const [index, dimension] of combined.entries()) parts[dimension.id] = dimension.valueOf(raws[index] ?? "");
    return breakdownKey(parts);
  };
  // The raw texts joined by NUL are the look-up key; a cell holding a NUL itself (never in a
  // real export) would make that ambiguous, so its key is built without the cache.
  const cachedKeyOf = memoizeText((joined) => keyOfRaws(joined.split(SEPARATOR)));
  return (cells) => {
    let joined = cells.raw(combined[0]!.column);
    let plain = !joined.includes(SEPARATOR);
    for (let index = 1; index < combined.length; index++) {
      const raw = cells.raw(combined[index]!.column);
      if (raw.includes(SEPARATOR)) plain = false;
      joined += SEPARATOR + raw;
    }
    return plain ? cachedKeyOf(joined) : keyOfRaws(combined.map(({ column }) => cells.raw(column)));
  };
}

/** The columns that place a row: its month, and for some deliveries its key or its part (unit). */
interface PlacingColumns {
  readonly month: ColumnRef;
  readonly rowKey: ColumnRef | undefined;
  readonly part: ColumnRef | undefined;
}

function createMeasurer(
  profile: SourceProfile,
  width: number,
  placing: PlacingColumns,
  filters: readonly CompiledCondition[],
  measures: readonly CompiledMeasure[],
  options: MeasureOptions,
): Omit<Measurer, "columns"> {
  const { file, hashKey, expectedMonth, onRow } = options;
  const rowHasher = onRow === undefined ? undefined : syncHasher(hashKey);
  /** Every id cell's text -> the number of its normalized id (normalizeId.ts). */
  const interner = createIdInterner();
  const { month: monthColumn, rowKey: rowKeyColumn, part: partColumn } = placing;
  const maxIssues = options.maxIssues ?? 1000;
  const cells = new CellReader(file);
  const issues: Issue[] = [];
  const monthTotals: TotalsByMonth = new Map();
  /** The month of the last accepted row: a file is mostly one month, so this saves a look-up. */
  let current: { month: Month; totals: MonthTotals } | undefined;
  const distinctByMeasure = measures.map(({ distinct }) => distinct);
  const preFilters = filters.filter((filter) => !filter.needsMonth);
  const monthFilters = filters.filter((filter) => filter.needsMonth);
  const contributions: Contribution[] = measures.map(() => ({ counts: false, scaled: 0, ids: [] }));
  let rowsRead = 0;
  let rowsRejected = 0;
  let rowsFiltered = 0;
  let issueCount = 0;

  const keep = (rowIssues: readonly Issue[]): void => {
    issueCount += rowIssues.length;
    for (const found of rowIssues) if (issues.length < maxIssues) issues.push(found);
  };

  /** Ends a row: counts it as rejected when it has an error; returns its issues. */
  const endRow = (): readonly Issue[] => {
    if (cells.hasError) rowsRejected++;
    if (cells.issues.length === 0) return NO_ISSUES;
    keep(cells.issues);
    return cells.issues;
  };

  const totalsOf = (month: Month, line: number): MonthTotals => {
    if (current?.month === month) return current.totals;
    let totals = monthTotals.get(month);
    if (totals === undefined) {
      totals = newMonthTotals(distinctByMeasure, line, partColumn !== undefined);
      monthTotals.set(month, totals);
    }
    current = { month, totals };
    return totals;
  };

  /** Works out what the row adds to a measure; an unreadable cell leaves its issue in `cells`. */
  const contribute = (measure: CompiledMeasure, into: Contribution, month: Month): void => {
    into.counts = false;
    into.scaled = 0;
    if (into.ids.length > 0) into.ids.length = 0;
    for (const condition of measure.conditions) {
      if (condition.test(cells, month) !== true) return;
    }
    switch (measure.spec.kind) {
      case "distinct":
        for (const column of measure.ids) {
          const id = interner.numberOf(cells.raw(column));
          if (id >= 0) into.ids.push(id);
        }
        into.counts = into.ids.length > 0;
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
        const days = end.day - start.day;
        if (days < 0) {
          cells.report("csv/end-before-start", endColumn, { raw: cells.raw(endColumn), params: { start: start.iso, end: end.iso } });
          return;
        }
        into.scaled = days * SCALE;
        into.counts = true;
        return;
      }
    }
  };

  /** The hashed key of the row being pushed ("rows" deliveries only). */
  let rowKey: string | undefined;
  /** Ends a row a filter left out; it still replaces its key's earlier version (a case decided before, pending now). */
  const filtered = (): readonly Issue[] => {
    rowsFiltered++;
    if (rowKey !== undefined && !cells.hasError) onRow?.({ key: rowKey, facts: [] });
    return endRow();
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

    rowKey = undefined;
    if (rowKeyColumn !== undefined) {
      const id = normalizeId(cells.raw(rowKeyColumn));
      if (id === "") {
        cells.report("delivery/missing-row-key", rowKeyColumn);
        return endRow();
      }
      // Only a store that keeps rows by key needs the hash (the pane refuses such deliveries).
      if (rowHasher !== undefined) rowKey = rowHasher.hashOne(id);
    }

    for (const filter of preFilters) {
      const passes = filter.test(cells, "");
      if (passes === undefined) return endRow();
      if (!passes) return filtered();
    }

    const month = profile.month.format === "month" ? cells.month(monthColumn) : cells.date(monthColumn)?.month;
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
      if (!passes) return filtered();
    }

    for (let index = 0; index < measures.length; index++) contribute(measures[index]!, contributions[index]!, month);
    // An error anywhere rejects the row whole: nothing of it is added.
    if (cells.hasError) return endRow();

    const totals = totalsOf(month, line);
    const facts: RowFact[] | undefined = rowKey !== undefined ? [] : undefined;
    for (let index = 0; index < measures.length; index++) {
      const into = contributions[index]!;
      if (!into.counts) continue;
      const { distinct, breakdowns, spec } = measures[index]!;
      const forMeasure = totals.measures[index]!;
      add(forMeasure.total, into);
      const keys: string[] | undefined = facts ? [TOTAL] : undefined;
      for (const keyOf of breakdowns) {
        const key = keyOf(cells);
        keys?.push(key);
        let found = forMeasure.breakdowns.get(key);
        if (found === undefined) {
          found = newAccumulator(distinct);
          forMeasure.breakdowns.set(key, found);
        }
        add(found, into);
      }
      if (facts && keys) facts.push({ measure: spec.id, breakdowns: keys, scaled: into.scaled, ...(distinct ? { ids: into.ids.map((id) => rowHasher!.hashOne(interner.ids[id]!)) } : {}) });
    }
    if (rowKey !== undefined && facts) onRow?.({ key: rowKey, month, facts });
    if (partColumn !== undefined) totals.parts?.add(cells.raw(partColumn).trim());
    totals.rows++;
    if (line < totals.firstLine) totals.firstLine = line;
    return endRow();
  };

  const part = (): MeasurePart => ({ totals: monthTotals, ids: interner.ids, rowsRead, rowsRejected, rowsFiltered, issues, issueCount });

  const absorb = (from: MeasurePart, lineOffset: number): void => {
    const renumbered = from.ids.map((id) => interner.numberOfId(id));
    mergeMonthTotals(monthTotals, from.totals, lineOffset, (id) => renumbered[id]!);
    rowsRead += from.rowsRead;
    rowsRejected += from.rowsRejected;
    rowsFiltered += from.rowsFiltered;
    keep(from.issues.map((found) => (found.row === undefined ? found : { ...found, row: found.row + lineOffset })));
    issueCount += from.issueCount - from.issues.length;
  };

  const finish = async (): Promise<MeasureResult> => {
    const rowsOf = (month: Month): number => monthTotals.get(month)!.rows;
    let months = [...monthTotals.keys()].sort();
    let dropped = 0;
    if (expectedMonth === undefined && profile.delivery === "one-month" && months.length > 1) {
      // The month with the most rows is the delivery's month (ties: the earliest); the others are issues.
      const fileMonth = months.reduce((best, month) => (rowsOf(month) > rowsOf(best) ? month : best));
      const described = months.map((month) => `${month} (${rowsOf(month)} rader)`).join(", ");
      keep([issue("csv/mixed-months", "error", { file, params: { months: described, expected: fileMonth } })]);
      for (const month of months) {
        if (month === fileMonth) continue;
        const { rows, firstLine } = monthTotals.get(month)!;
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

    const rowsByMonth: Record<Month, number> = {};
    const partsByMonth: Record<Month, string[]> = {};
    for (const month of months) {
      const totals = monthTotals.get(month);
      rowsByMonth[month] = totals?.rows ?? 0;
      if (partColumn !== undefined) partsByMonth[month] = [...(totals?.parts ?? [])].sort();
    }
    const kept: { month: Month; measure: CompiledMeasure; breakdown: string; value: Accumulator }[] = [];
    for (const month of months) {
      measures.forEach((measure, index) => {
        const totals = monthTotals.get(month)?.measures[index];
        const found: [string, Accumulator][] = [[TOTAL, totals?.total ?? newAccumulator(measure.distinct)], ...(totals?.breakdowns ?? [])];
        found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        for (const [breakdown, value] of found) kept.push({ month, measure, breakdown, value });
      });
    }
    // Each distinct id is hashed once, however many months, measures and breakdowns hold it.
    const idsKept = kept.map(({ value }) => (value.ids === undefined ? [] : idsOf(value.ids)));
    interner.release(); // its table is as large as the ids: freed before their hashes are made
    const hashes = await hashNumberedIds(hashKey, interner.ids, idsKept);
    const records = kept.map(({ month, measure, breakdown, value }, index) =>
      toRecord(profile.id, measure.spec, month, breakdown, value, idsKept[index]!.map((id) => hashes[id]!)),
    );
    return {
      records,
      rowsRead,
      rowsAccepted: rowsRead - rowsRejected - rowsFiltered - dropped,
      rowsRejected: rowsRejected + dropped,
      rowsFiltered,
      months,
      rowsByMonth,
      ...(partColumn !== undefined ? { partsByMonth } : {}),
      issues: [...issues],
      issueCount,
    };
  };

  return { push, part, absorb, finish };
}

/** The keyed hash of every id the lists hold, by its number (`ids`: the normalized ids by number); each hashed once. */
async function hashNumberedIds(hasher: KeyHasher, ids: readonly string[], lists: readonly (readonly number[])[]): Promise<readonly string[]> {
  const seen = new Uint8Array(ids.length);
  const wanted: number[] = [];
  for (const list of lists) {
    for (const id of list) {
      if (seen[id] === 1) continue;
      seen[id] = 1;
      wanted.push(id);
    }
  }
  const hashes = wanted.length === 0 ? [] : await hasher.hashAll(wanted.map((id) => ids[id]!));
  if (hashes.length !== wanted.length) throw new Error(`hashAll gav ${hashes.length} hashvärden för ${wanted.length} id`);
  const byNumber: string[] = [];
  wanted.forEach((id, index) => (byNumber[id] = hashes[index]!));
  return byNumber;
}

/** The hasher of a "rows" delivery, which hashes each row's key as the row is read. */
function syncHasher(hasher: KeyHasher | SyncKeyHasher): SyncKeyHasher {
  if (!("hashOne" in hasher)) throw new Error("onRow kräver en KeyHasher med hashOne (radvis hashning)");
  return hasher;
}

function add(target: Accumulator, from: Contribution): void {
  target.scaled += from.scaled;
  target.count++;
  if (target.ids !== undefined) for (const id of from.ids) addId(target.ids, id);
}
