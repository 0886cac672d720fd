/**
 * Reads the indicator table of one sheet (a Grid) into the Appendix model: focus areas,
 * municipal goals, board goals, indicators with their earlier outcomes and targets by year,
 * units, polarities, breakdown rows, note rows, footnotes, and unknown columns kept as they
 * are. Works with merged or repeated focus-area and goal cells, a header anywhere on the
 * sheet and any years. Never throws on user data: every doubt is an Issue with its cell.
 */
import { toA1, type CellRange } from "./address";
import { cellAt, EMPTY_CELL, gridBounds, type Grid, type GridCell } from "./grid";
import { issue, locate, type Issue } from "./issues";
import type {
  Appendix,
  Baseline,
  Breakdown,
  BreakdownKind,
  CellValue,
  ExtraCell,
  Footnote,
  Indicator,
  Note,
  Quantity,
  TableColumn,
  Target,
  Unit,
  YearOutcome,
  YearTarget,
} from "./model";
import { normalizeName } from "./normalizeName";
import { parseCellValue, parseTarget, splitFootnotes } from "./parseValue";
import { cleanCellText } from "./table/cleanCellText";
import { findHeader } from "./table/findHeader";
import { inferPolarity } from "./table/inferPolarity";
import { inferUnit } from "./table/inferUnit";
import { isNoteText, parseBaseline } from "./table/parseBaseline";
import { isFootnoteText, readFootnotes } from "./table/readFootnotes";

export { normalizeName } from "./normalizeName";

export interface ReadTableOptions {
  /** The workbook file name, put on every issue. */
  readonly file?: string;
}

/** Gender labels of breakdown rows, lower case. */
const GENDER = /^(?:kvinnor|män|flickor|pojkar|tjejer|killar|kvinna|man)$/i;

// Mutable builders while reading; the result is the readonly model.
interface IndicatorBuilder {
  name: string;
  nameFootnotes: string[];
  row: number;
  cell: string;
  outcomes: YearOutcome[];
  targets: YearTarget[];
  breakdowns: Breakdown[];
  notes: Note[];
  baseline?: Baseline;
  extra: ExtraCell[];
}
interface BoardGoalBuilder {
  text: string;
  number?: string;
  cell: string;
  indicators: IndicatorBuilder[];
}
interface MunicipalGoalBuilder {
  text: string;
  cell: string;
  boardGoals: BoardGoalBuilder[];
  indicators: IndicatorBuilder[];
}
interface FocusAreaBuilder {
  name: string;
  cell: string;
  municipalGoals: MunicipalGoalBuilder[];
}

interface RowValues {
  outcomes: YearOutcome[];
  targets: YearTarget[];
  extra: ExtraCell[];
  /** Any outcome or target cell not empty. */
  hasValues: boolean;
}

function textOf(cell: GridCell): string {
  if (cell.text !== "") return cell.text;
  return cell.value === null ? "" : String(cell.value);
}

/**
 * @example readTable(gridOfTheSeedSheet)
 *   // { sheet: "Bilaga", headerRow: 3, focusAreas: [{ name: "Samhälle", ... }, ...], footnotes: [...], issues: [...] }
 */
export function readTable(grid: Grid, options: ReadTableOptions = {}): Appendix {
  const where = (row: number, column: number): { sheet: string; cell: string; file?: string } => ({
    sheet: grid.sheet,
    cell: toA1({ row, column }),
    ...(options.file === undefined ? {} : { file: options.file }),
  });
  const issues: Issue[] = [];

  const header = findHeader(grid);
  if (!header) {
    issues.push(
      issue("table/header-not-found", "error", { sheet: grid.sheet, ...(options.file === undefined ? {} : { file: options.file }) }),
    );
    return { sheet: grid.sheet, headerRow: -1, firstRow: -1, lastRow: -1, columns: [], focusAreas: [], footnotes: [], issues };
  }
  issues.push(...header.issues.map((found) => (options.file === undefined ? found : locate(found, { file: options.file }))));

  const columns = header.columns;
  const columnOf = (role: TableColumn["role"]): number | undefined => columns.find((c) => c.role === role)?.column;
  const areaColumn = columnOf("focus-area");
  const goalColumn = columnOf("municipal-goal");
  const boardColumn = columnOf("board-goal");
  const indicatorColumn = columnOf("indicator") ?? 0;
  const outcomeColumns = columns.filter((c) => c.role === "outcome");
  const targetColumns = columns.filter((c) => c.role === "target");
  const extraColumns = columns.filter((c) => c.role === "extra");
  const valueColumns = new Set([...outcomeColumns, ...targetColumns].map((c) => c.column));
  const tableLeft = Math.min(...columns.map((c) => c.column));
  const tableRight = Math.max(...columns.map((c) => c.column));

  // Merged areas: the area covering a cell. Shells differ in what a covered cell holds (empty,
  // or the top-left cell's value), so covered cells are read through the area.
  const mergeTop = new Map<string, CellRange>();
  for (const range of grid.merges) {
    for (let row = range.top; row <= range.bottom; row++) {
      for (let column = range.left; column <= range.right; column++) mergeTop.set(`${row},${column}`, range);
    }
  }
  const coveredFromAbove = (row: number, column: number): boolean => {
    const range = mergeTop.get(`${row},${column}`);
    return range !== undefined && range.top < row;
  };
  /** A value cell: a target merged across years ("Ska öka" over 2019 and 2020) counts for each. */
  const valueCellAt = (row: number, column: number): GridCell => {
    const range = mergeTop.get(`${row},${column}`);
    if (range === undefined) return cellAt(grid, row, column);
    if (range.top < row) return EMPTY_CELL;
    return range.left === column || valueColumns.has(range.left) ? cellAt(grid, row, range.left) : EMPTY_CELL;
  };
  const textAt = (row: number, column: number): string =>
    coveredFromAbove(row, column) ? "" : cleanCellText(textOf(cellAt(grid, row, column)));

  // The body ends before the first footnote row, at the last row with something in the table.
  const bounds = gridBounds(grid);
  let footnoteRow = bounds.bottom + 1;
  for (let row = header.row + 1; row <= bounds.bottom; row++) {
    let first = "";
    for (let column = bounds.left; column <= bounds.right && first === ""; column++) first = textOf(cellAt(grid, row, column)).trim();
    if (first !== "" && isFootnoteText(first)) {
      footnoteRow = row;
      break;
    }
  }
  let lastRow = header.row;
  for (let row = header.row + 1; row < footnoteRow; row++) {
    for (let column = tableLeft; column <= tableRight; column++) {
      if (textOf(cellAt(grid, row, column)).trim() !== "" || mergeTop.has(`${row},${column}`)) lastRow = row;
    }
  }

  const readRow = (row: number): RowValues => {
    const outcomes = outcomeColumns.map((c): YearOutcome => {
      const cell = valueCellAt(row, c.column);
      const parsed = parseCellValue(cell);
      issues.push(...parsed.issues.map((found) => locate(found, where(row, c.column))));
      return { year: c.year ?? 0, cell: toA1({ row, column: c.column }), raw: textOf(cell), value: parsed.value };
    });
    const targets = targetColumns.map((c): YearTarget => {
      const cell = valueCellAt(row, c.column);
      const parsed = parseTarget(cell);
      issues.push(...parsed.issues.map((found) => locate(found, where(row, c.column))));
      return { year: c.year ?? 0, cell: toA1({ row, column: c.column }), raw: textOf(cell), target: parsed.target, footnotes: parsed.footnotes };
    });
    const extra = extraColumns.flatMap((c): ExtraCell[] => {
      const text = textOf(valueCellAt(row, c.column));
      return text.trim() === "" ? [] : [{ header: c.header, cell: toA1({ row, column: c.column }), text }];
    });
    const hasValues = [...outcomes.map((o) => o.raw), ...targets.map((t) => t.raw)].some((raw) => raw.trim() !== "");
    return { outcomes, targets, extra, hasValues };
  };

  const areas: FocusAreaBuilder[] = [];
  let area: FocusAreaBuilder | undefined;
  let goal: MunicipalGoalBuilder | undefined;
  let board: BoardGoalBuilder | undefined;
  let indicator: IndicatorBuilder | undefined;

  /** A new entity starts at this row in this column: text that is not a continuation. */
  const startsAt = (row: number, column: number | undefined, current: string | undefined, parentChanged: boolean): string | undefined => {
    if (column === undefined) return undefined;
    const text = textAt(row, column);
    if (text === "") return undefined;
    if (!parentChanged && current !== undefined && normalizeName(text) === normalizeName(current)) return undefined;
    return text;
  };

  /** Labelled values ("JKT: 2,1", "4 arbete") of a row as breakdowns of the current indicator. */
  const labelledBreakdowns = (row: number, values: RowValues, withTargets: boolean): Breakdown[] => {
    const byLabel = new Map<string, { kind: BreakdownKind; cell: string; outcomes: YearOutcome[] }>();
    for (const outcome of values.outcomes) {
      if (outcome.value.kind !== "labelled") continue;
      const kind: BreakdownKind = outcome.value.labelPosition === "before" ? "unit" : "outcome-kind";
      const entry = byLabel.get(outcome.value.label) ?? { kind, cell: outcome.cell, outcomes: [] };
      entry.outcomes.push(outcome);
      byLabel.set(outcome.value.label, entry);
    }
    return [...byLabel.entries()].map(([label, entry]) => ({
      kind: entry.kind,
      label,
      row,
      cell: entry.cell,
      outcomes: entry.outcomes,
      targets: withTargets ? values.targets : [],
      extra: withTargets ? values.extra : [],
    }));
  };

  for (let row = header.row + 1; row <= lastRow; row++) {
    const newArea = startsAt(row, areaColumn, area?.name, false);
    if (newArea !== undefined && areaColumn !== undefined) {
      area = { name: newArea, cell: toA1({ row, column: areaColumn }), municipalGoals: [] };
      areas.push(area);
      goal = undefined;
      board = undefined;
      indicator = undefined;
    }
    const newGoal = startsAt(row, goalColumn, goal?.text, newArea !== undefined);
    if (newGoal !== undefined && goalColumn !== undefined) {
      if (!area) {
        area = { name: "", cell: toA1({ row, column: goalColumn }), municipalGoals: [] };
        areas.push(area);
      }
      goal = { text: newGoal, cell: toA1({ row, column: goalColumn }), boardGoals: [], indicators: [] };
      area.municipalGoals.push(goal);
      board = undefined;
      indicator = undefined;
    }
    const newBoard = startsAt(row, boardColumn, board?.text, newArea !== undefined || newGoal !== undefined);
    if (newBoard !== undefined && boardColumn !== undefined) {
      const cell = toA1({ row, column: boardColumn });
      if (!goal) {
        issues.push(issue("table/indicator-without-goal", "warning", { ...where(row, boardColumn), raw: newBoard }));
        if (!area) {
          area = { name: "", cell, municipalGoals: [] };
          areas.push(area);
        }
        goal = { text: "", cell, boardGoals: [], indicators: [] };
        area.municipalGoals.push(goal);
      }
      const number = /^(\d+)[.)]?\s+\S/.exec(newBoard)?.[1];
      board = { text: newBoard, ...(number === undefined ? {} : { number }), cell, indicators: [] };
      goal.boardGoals.push(board);
      indicator = undefined;
    }

    const rawName = textAt(row, indicatorColumn);
    const { text: name, footnotes: nameFootnotes } = splitFootnotes(rawName);
    const nameCell = toA1({ row, column: indicatorColumn });

    if (name === "" && !coveredFromAbove(row, indicatorColumn) && !readsAnything(row)) continue;
    const values = readRow(row);

    if (name !== "" && GENDER.test(name)) {
      if (!indicator) {
        issues.push(issue("table/orphan-breakdown", "warning", { ...where(row, indicatorColumn), raw: name }));
        continue;
      }
      indicator.breakdowns.push({
        kind: "gender",
        label: name,
        row,
        cell: nameCell,
        outcomes: values.outcomes,
        targets: values.targets,
        extra: values.extra,
      });
      continue;
    }

    if (name !== "" && isNoteText(name) && indicator) {
      indicator.notes.push({ cell: nameCell, text: name });
      const baseline = parseBaseline(name);
      if (baseline && !indicator.baseline) indicator.baseline = baseline;
      indicator.breakdowns.push(...labelledBreakdowns(row, values, true));
      indicator.extra.push(...values.extra);
      continue;
    }

    if (name === "") {
      // Values without a name: unit values ("OSA: 0,3") or outcome kinds ("2 studier") of the indicator above.
      const labelled = indicator ? labelledBreakdowns(row, values, true) : [];
      if (indicator && labelled.length > 0) {
        indicator.breakdowns.push(...labelled);
        continue;
      }
      const stray = [...values.outcomes.map((o) => ({ cell: o.cell, raw: o.raw })), ...values.targets.map((t) => ({ cell: t.cell, raw: t.raw }))]
        .concat(values.extra.map((e) => ({ cell: e.cell, raw: e.text })))
        .filter((v) => v.raw.trim() !== "");
      for (const v of stray) {
        issues.push(
          issue("table/unexpected-text", "warning", {
            sheet: grid.sheet,
            cell: v.cell,
            raw: v.raw,
            ...(options.file === undefined ? {} : { file: options.file }),
          }),
        );
      }
      continue;
    }

    // A new indicator.
    if (!goal) {
      issues.push(issue("table/indicator-without-goal", "warning", { ...where(row, indicatorColumn), raw: name }));
      if (!area) {
        area = { name: "", cell: nameCell, municipalGoals: [] };
        areas.push(area);
      }
      goal = { text: "", cell: nameCell, boardGoals: [], indicators: [] };
      area.municipalGoals.push(goal);
    }
    indicator = {
      name,
      nameFootnotes,
      row,
      cell: nameCell,
      outcomes: values.outcomes,
      targets: values.targets,
      breakdowns: labelledBreakdowns(row, values, false),
      notes: [],
      extra: values.extra,
    };
    (board ?? goal).indicators.push(indicator);
  }

  function readsAnything(row: number): boolean {
    for (let column = tableLeft; column <= tableRight; column++) {
      if (column === areaColumn || column === goalColumn || column === boardColumn) continue;
      if (textOf(cellAt(grid, row, column)).trim() !== "") return true;
    }
    return false;
  }

  // Finish indicators: unit, polarity, footnotes, ids.
  const ids = new Set<string>();
  const names = new Set<string>();
  const usedMarkers = new Map<string, string>();
  const finish = (b: IndicatorBuilder): Indicator => {
    const quantities = [
      ...b.outcomes.flatMap((o) => quantityOf(o.value)),
      ...b.targets.flatMap((t) => targetQuantity(t.target)),
      ...b.breakdowns.flatMap((d) => [...d.outcomes.flatMap((o) => quantityOf(o.value)), ...d.targets.flatMap((t) => targetQuantity(t.target))]),
    ];
    const { unit, guess } = inferUnit(b.name, quantities);
    const [row, column] = [b.row, indicatorColumn];
    if (guess !== undefined) issues.push(issue("table/unit-guessed", "info", { ...where(row, column), raw: b.name, params: { unit: UNIT_SV[unit], reason: guess } }));

    const outcomes = b.outcomes.map((o) => ({ ...o, value: withUnit(o.value, unit) }));
    const targets = b.targets.map((t) => ({ ...t, target: targetWithUnit(t.target, unit) }));
    const breakdowns = b.breakdowns.map((d) => ({
      ...d,
      outcomes: d.outcomes.map((o) => ({ ...o, value: withUnit(o.value, unit) })),
      targets: d.targets.map((t) => ({ ...t, target: targetWithUnit(t.target, unit) })),
    }));
    const baseline: Baseline | undefined =
      b.baseline?.kind === "value" && b.baseline.quantity.unit === "number" ? { ...b.baseline, quantity: { ...b.baseline.quantity, unit } } : b.baseline;

    const inferred = inferPolarity({
      name: b.name,
      targets,
      outcomes: outcomes.flatMap((o) => (o.value.kind === "number" ? [{ year: o.year, quantity: o.value.quantity }] : [])),
    });
    if (inferred.source === "targets" || inferred.source === "unknown") {
      issues.push(
        issue("table/polarity-guessed", inferred.source === "unknown" ? "warning" : "info", {
          ...where(row, column),
          raw: b.name,
          params: { polarity: POLARITY_SV[inferred.polarity.kind], reason: inferred.reason },
        }),
      );
    }

    const footnotes = new Set<string>(b.nameFootnotes);
    const mark = (markers: readonly string[], cell: string): void => {
      for (const marker of markers) {
        footnotes.add(marker);
        if (!usedMarkers.has(marker)) usedMarkers.set(marker, cell);
      }
    };
    mark(b.nameFootnotes, b.cell);
    for (const o of [...outcomes, ...breakdowns.flatMap((d) => d.outcomes)]) mark(footnotesOf(o.value), o.cell);
    for (const t of [...targets, ...breakdowns.flatMap((d) => d.targets)]) mark(t.footnotes, t.cell);

    let id = slug(b.name) || "indikator";
    if (ids.has(id)) {
      let n = 2;
      while (ids.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
      // Only the same name on several rows is a doubt; long names that share a beginning are not.
      if (names.has(normalizeName(b.name))) {
        issues.push(issue("table/duplicate-indicator", "warning", { ...where(row, column), raw: b.name, params: { id } }));
      }
    }
    ids.add(id);
    names.add(normalizeName(b.name));

    return {
      id,
      name: b.name,
      row: b.row,
      cell: b.cell,
      unit,
      polarity: inferred.polarity,
      polaritySource: inferred.source,
      outcomes,
      targets,
      breakdowns,
      notes: b.notes,
      ...(baseline === undefined ? {} : { baseline }),
      footnotes: [...footnotes].sort((a, c) => a.length - c.length),
      extra: b.extra,
    };
  };

  const focusAreas = areas.map((a) => ({
    name: a.name,
    cell: a.cell,
    municipalGoals: a.municipalGoals.map((g) => ({
      text: g.text,
      cell: g.cell,
      indicators: g.indicators.map(finish),
      boardGoals: g.boardGoals.map((bg) => ({
        text: bg.text,
        ...(bg.number === undefined ? {} : { number: bg.number }),
        cell: bg.cell,
        indicators: bg.indicators.map(finish),
      })),
    })),
  }));

  const footnotes: Footnote[] = readFootnotes(grid, lastRow + 1);
  for (const [marker, cell] of usedMarkers) {
    if (!footnotes.some((f) => f.marker === marker)) {
      issues.push(
        issue("table/footnote-without-text", "warning", { sheet: grid.sheet, cell, raw: marker, ...(options.file === undefined ? {} : { file: options.file }) }),
      );
    }
  }

  return {
    sheet: grid.sheet,
    headerRow: header.row,
    firstRow: header.row + 1,
    lastRow,
    columns,
    focusAreas,
    footnotes,
    issues,
  };
}

const UNIT_SV: Record<Unit, string> = {
  count: "antal",
  percent: "procent",
  days: "dagar",
  kr: "kronor",
  mnkr: "miljoner kronor",
  index: "index",
  ratio: "kvot",
  number: "tal",
};

const POLARITY_SV = { "higher-better": "högre", "lower-better": "lägre", point: "närmare målpunkten" } as const;

function quantityOf(value: CellValue): Quantity[] {
  return value.kind === "number" || value.kind === "labelled" ? [value.quantity] : [];
}

function targetQuantity(target: Target): Quantity[] {
  return target.kind === "value" || target.kind === "at-least" || target.kind === "at-most" ? [target.quantity] : [];
}

function footnotesOf(value: CellValue): readonly string[] {
  return value.kind === "missing" ? [] : value.footnotes;
}

/** A bare number ("5,5" in a "(%)" indicator) takes the indicator's unit. */
function withUnit(value: CellValue, unit: Unit): CellValue {
  if ((value.kind === "number" || value.kind === "labelled") && value.quantity.unit === "number") {
    return { ...value, quantity: { ...value.quantity, unit } };
  }
  return value;
}

function targetWithUnit(target: Target, unit: Unit): Target {
  if ((target.kind === "value" || target.kind === "at-least" || target.kind === "at-most") && target.quantity.unit === "number") {
    return { ...target, quantity: { ...target.quantity, unit } };
  }
  return target;
}

/** A stable id from a name: "Total sjukfrånvaro (%)" -> "total-sjukfranvaro". */
function slug(name: string): string {
  const ascii = normalizeName(name)
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .normalize("NFD")
    .replace(/[^a-z0-9 ]/g, "")
    .trim()
    .replace(/ +/g, "-");
  if (ascii.length <= 60) return ascii;
  const cut = ascii.slice(0, 60);
  return cut.slice(0, Math.max(cut.lastIndexOf("-"), 20));
}
