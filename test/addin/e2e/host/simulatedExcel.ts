/**
 * A simulated Excel for the task pane's end-to-end test: a workbook in memory behind proxy
 * objects that keep Office.js's rules, so the pane cannot pass here with code that would fail
 * in Excel:
 *   - a scalar property (name, values, address, isNullObject ...) read before load() and
 *     context.sync() throws PropertyNotLoaded (and is recorded);
 *   - every write, format, note and load is queued and runs, in order, at the next sync; an
 *     error (ItemNotFound, InvalidArgument ...) surfaces there, as in Excel;
 *   - values are taken as Excel takes typed input: "=..." (and + - @ before non-numbers) becomes
 *     a formula, a number-like or date-like string becomes a number, an apostrophe makes text;
 *   - a context is dead once its Excel.run has ended; every run's syncs are counted.
 * Only the part of the API the add-in uses (addin/excel/*.ts) exists; anything else is
 * undefined, which fails the pane as a missing API would.
 */
import { fromA1, rangeFromA1, rangeToA1, toA1, type CellRange } from "../../../../core/workbook/address";
import { renderGeneral, renderNumber } from "../../../../pipeline/xlsx/renderCellText";
import type { CellState, HostSeed, HostSnapshot, RunRecord, SheetState } from "./seed";

interface SimCell {
  value: string | number | boolean;
  /** Display text from the seed, valid until the value or format changes. */
  seededText?: string;
  numberFormat: string;
  formula?: string;
  quotePrefix?: boolean;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

interface SimSheet {
  name: string;
  cells: Map<string, SimCell>;
  merges: CellRange[];
  columnWidths: Map<number, number>;
}

interface SimBook {
  sheets: SimSheet[];
  active: string;
  selection?: { sheet: string; address: string };
  notes: Map<string, string>;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

export class OfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

const key = (row: number, column: number): string => `${row},${column}`;
const sameName = (a: string, b: string): boolean => a.toLocaleLowerCase("sv-SE") === b.toLocaleLowerCase("sv-SE");
const quoteSheet = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** Excel's 1900 date serial of a day. */
function serialOf(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** How Excel stores what is typed (or sent through Range.values) into a cell. */
export function storeInput(input: unknown): { value: string | number | boolean; formula?: string; quotePrefix?: boolean; numberFormat?: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1), quotePrefix: true };
  const numeric = /^[+-]?\d+([.,]\d+)?$/.test(text.trim());
  if (numeric) return { value: Number(text.trim().replace(",", ".")) };
  if (/^[=+\-@]/.test(text) && text.length > 1) return { value: 0, formula: text.startsWith("=") ? text : `=${text}` };
  const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim());
  if (iso) return { value: serialOf(Number(iso[1]), Number(iso[2]), Number(iso[3] ?? 1)), numberFormat: "yyyy-mm-dd" };
  if (/^\d+([.,]\d+)?\s?%$/.test(text.trim())) return { value: Number(text.replace("%", "").trim().replace(",", ".")) / 100, numberFormat: "0%" };
  return { value: text };
}

function shownText(cell: SimCell | undefined): string {
  if (!cell) return "";
  if (cell.seededText !== undefined) return cell.seededText;
  if (typeof cell.value === "number") return /^general$/i.test(cell.numberFormat) ? renderGeneral(cell.value) : renderNumber(cell.value, cell.numberFormat);
  if (typeof cell.value === "boolean") return cell.value ? "SANT" : "FALSKT";
  return cell.value;
}

/** A batch of queued operations: what one RequestContext sends at its next sync. */
interface Operation {
  readonly run: () => void;
}

export class SimulatedHost {
  readonly book: SimBook;
  readonly runs: RunRecord[] = [];
  readonly notLoadedReads: string[] = [];
  readonly settings: Record<string, unknown> = {};

  constructor(readonly seed: HostSeed) {
    this.book = {
      sheets: seed.sheets.map((sheet) => ({
        name: sheet.name,
        cells: new Map(
          sheet.cells.map(([row, column, value, text, numberFormat]) => [key(row, column), { value, seededText: text, numberFormat }] as const),
        ),
        merges: sheet.merges.map((m) => ({ ...m })),
        columnWidths: new Map(),
      })),
      active: seed.activeSheet,
      notes: new Map(),
    };
  }

  sheet(name: string): SimSheet | undefined {
    return this.book.sheets.find((s) => sameName(s.name, name));
  }

  requireSheet(name: string): SimSheet {
    const found = this.sheet(name);
    if (!found) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist. (sheet "${name}")`);
    return found;
  }

  /** A person typing into a cell (Excel's input rules: "'=x" stays the text =x, "=x" is a formula). */
  type(sheetName: string, address: string, input: string | number): void {
    const sheet = this.requireSheet(sheetName);
    const ref = fromA1(address);
    if (!ref) throw new OfficeError("InvalidArgument", address);
    const stored = storeInput(input);
    sheet.cells.set(key(ref.row, ref.column), {
      value: stored.value,
      numberFormat: stored.numberFormat ?? "General",
      ...(stored.formula !== undefined ? { formula: stored.formula } : {}),
      ...(stored.quotePrefix ? { quotePrefix: true } : {}),
    });
  }

  /** Excel.run: a fresh context per batch; the context dies when the batch ends. */
  async run<T>(batch: (context: SimContext) => Promise<T>): Promise<T> {
    const context = new SimContext(this);
    try {
      const result = await batch(context);
      const pending = context.pendingCount();
      if (pending > 0) await context.sync(false);
      this.runs.push({ syncs: context.syncCount, operationsPerSync: context.operationsPerSync, pendingAtEnd: pending });
      return result;
    } catch (error) {
      this.runs.push({
        syncs: context.syncCount,
        operationsPerSync: context.operationsPerSync,
        pendingAtEnd: context.pendingCount(),
        error: error instanceof Error ? `${(error as Partial<OfficeError>).code ?? error.name}: ${error.message}` : String(error),
      });
      throw error;
    } finally {
      context.close();
    }
  }

  snapshot(): HostSnapshot {
    const sheets: SheetState[] = this.book.sheets.map((sheet) => ({
      name: sheet.name,
      cells: [...sheet.cells.entries()]
        .map(([at, cell]): CellState => {
          const [row = 0, column = 0] = at.split(",").map(Number);
          return {
            row,
            column,
            value: cell.value,
            text: shownText(cell),
            numberFormat: cell.numberFormat,
            ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
            ...(cell.quotePrefix ? { quotePrefix: true } : {}),
            ...(cell.fill !== undefined ? { fill: cell.fill } : {}),
            ...(cell.bold !== undefined ? { bold: cell.bold } : {}),
            ...(cell.fontColor !== undefined ? { fontColor: cell.fontColor } : {}),
          };
        })
        .sort((a, b) => a.row - b.row || a.column - b.column),
      merges: sheet.merges.map((m) => ({ ...m })),
      columnWidths: [...sheet.columnWidths.entries()],
    }));
    return {
      sheets,
      activeSheet: this.book.active,
      ...(this.book.selection ? { selection: { ...this.book.selection } } : {}),
      notes: [...this.book.notes.entries()],
      settings: JSON.parse(JSON.stringify(this.settings)) as Record<string, unknown>,
      runs: [...this.runs],
      notLoadedReads: [...this.notLoadedReads],
    };
  }
}

export class SimContext {
  private queue: Operation[] = [];
  private closed = false;
  syncCount = 0;
  readonly operationsPerSync: number[] = [];
  readonly workbook: SimWorkbook;

  constructor(readonly host: SimulatedHost) {
    this.workbook = new SimWorkbook(this);
  }

  enqueue(run: () => void): void {
    this.assertOpen();
    this.queue.push({ run });
  }

  assertOpen(): void {
    if (this.closed) {
      throw new OfficeError("InvalidObjectPath", "The object path isn't working: the request context was used after its Excel.run ended.");
    }
  }

  pendingCount(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  /** Runs the queued operations in order; the first error fails the sync (earlier ones stay done, as in Excel). */
  async sync(counted = true): Promise<void> {
    this.assertOpen();
    if (counted) {
      this.syncCount += 1;
      this.operationsPerSync.push(this.queue.length);
    }
    const batch = this.queue;
    this.queue = [];
    await new Promise((resolve) => setTimeout(resolve, 0)); // a round trip: never synchronous
    for (const operation of batch) operation.run();
  }

  notLoaded(what: string): never {
    this.host.notLoadedReads.push(what);
    throw new OfficeError(
      "PropertyNotLoaded",
      `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }
}

/** The loaded-property bookkeeping every proxy shares. */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  protected constructor(
    protected readonly context: SimContext,
    private readonly typeName: string,
    private readonly scalars: readonly string[],
  ) {}

  /** Whether the object exists when an operation runs (null objects answer false). */
  protected abstract exists(): boolean;
  /** The object's property as Excel would return it now. */
  protected abstract read(name: string): unknown;
  /** For *OrNullObject proxies: errors on a missing object become isNullObject = true. */
  protected nullable = false;

  /** Queued at creation so isNullObject is known after the next sync, not before. */
  protected trackNullState(): void {
    this.context.enqueue(() => {
      const exists = this.exists();
      if (!exists && !this.nullable) this.missing();
      this.nullState = !exists;
    });
  }

  protected missing(): never {
    throw new OfficeError("ItemNotFound", `The requested resource doesn't exist (${this.typeName}).`);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) return this.context.notLoaded(`${this.typeName}.isNullObject`);
    return this.nullState;
  }

  load(what?: string | readonly string[] | { select?: string }): this {
    const text = typeof what === "string" ? what : Array.isArray(what) ? what.join(",") : (what as { select?: string } | undefined)?.select;
    const names = text === undefined ? [...this.scalars] : text.split(",").map((n) => n.trim()).filter((n) => n !== "");
    this.context.enqueue(() => {
      for (const name of names) {
        if (!this.scalars.includes(name)) throw new OfficeError("InvalidArgument", `${this.typeName} has no property '${name}' to load.`);
      }
      if (!this.exists()) {
        if (!this.nullable) this.missing();
        for (const name of names) this.loaded.set(name, null);
        return;
      }
      for (const name of names) this.loaded.set(name, structuredClone(this.read(name)));
    });
    return this;
  }

  protected value(name: string): unknown {
    if (!this.loaded.has(name)) return this.context.notLoaded(`${this.typeName}.${name}`);
    return this.loaded.get(name);
  }

  /** Defines loadable scalar getters (and optional queued setters) on the instance. */
  protected defineScalars(setters: Record<string, (value: unknown) => void> = {}): void {
    for (const name of this.scalars) {
      const set = setters[name];
      Object.defineProperty(this, name, {
        enumerable: true,
        configurable: true,
        get: () => this.value(name),
        ...(set ? { set: (v: unknown) => this.context.enqueue(() => set(v)) } : {}),
      });
    }
  }
}

class SimWorkbook {
  readonly worksheets: SimWorksheetCollection;
  private notesCollection: SimNoteCollection | undefined;
  constructor(private readonly context: SimContext) {
    this.worksheets = new SimWorksheetCollection(context);
  }
  /** ExcelApi 1.18; undefined on an older host, as in Excel (the property does not exist). */
  get notes(): SimNoteCollection | undefined {
    if (!supports(this.context.host.seed.excelApi, "1.18")) return undefined;
    this.notesCollection ??= new SimNoteCollection(this.context, undefined);
    return this.notesCollection;
  }
}

function supports(have: string, want: string): boolean {
  const [hm = 0, hn = 0] = have.split(".").map(Number);
  const [wm = 0, wn = 0] = want.split(".").map(Number);
  return hm > wm || (hm === wm && hn >= wn);
}

class SimWorksheetCollection {
  constructor(private readonly context: SimContext) {}

  getActiveWorksheet(): SimWorksheet {
    this.context.assertOpen();
    const name = this.context.host.book.active;
    return new SimWorksheet(this.context, () => name, false);
  }

  getItem(name: string): SimWorksheet {
    this.context.assertOpen();
    return new SimWorksheet(this.context, () => name, false);
  }

  getItemOrNullObject(name: string): SimWorksheet {
    this.context.assertOpen();
    return new SimWorksheet(this.context, () => name, true);
  }

  add(name: string): SimWorksheet {
    this.context.enqueue(() => {
      const host = this.context.host;
      if (host.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new OfficeError("InvalidArgument", `Invalid sheet name "${name}".`);
      host.book.sheets.push({ name, cells: new Map(), merges: [], columnWidths: new Map() });
    });
    return new SimWorksheet(this.context, () => name, false, false);
  }
}

class SimWorksheet extends ClientObject {
  declare readonly name: string;
  private notesCollection: SimNoteCollection | undefined;

  constructor(context: SimContext, private readonly nameOf: () => string, nullable: boolean, track = true) {
    super(context, "Worksheet", ["name", "position", "visibility"]);
    this.nullable = nullable;
    this.defineScalars();
    if (track) this.trackNullState();
  }

  protected exists(): boolean {
    return this.context.host.sheet(this.nameOf()) !== undefined;
  }

  protected read(name: string): unknown {
    const host = this.context.host;
    const sheet = host.requireSheet(this.nameOf());
    if (name === "name") return sheet.name;
    if (name === "position") return host.book.sheets.indexOf(sheet);
    return "Visible";
  }

  private sheetName(): string {
    return this.context.host.requireSheet(this.nameOf()).name;
  }

  get notes(): SimNoteCollection | undefined {
    if (!supports(this.context.host.seed.excelApi, "1.18")) return undefined;
    this.notesCollection ??= new SimNoteCollection(this.context, () => this.sheetName());
    return this.notesCollection;
  }

  activate(): void {
    this.context.enqueue(() => {
      this.context.host.book.active = this.sheetName();
    });
  }

  /** The used range, found when the batch runs (valuesOnly: only cells with a value). */
  getUsedRange(valuesOnly?: boolean): SimRange {
    this.context.assertOpen();
    return new SimRange(this.context, () => {
      const sheet = this.context.host.requireSheet(this.nameOf());
      const refs = [...sheet.cells.entries()]
        .filter(([, cell]) => !valuesOnly || cell.value !== "" || cell.formula !== undefined)
        .map(([at]) => at.split(",").map(Number) as [number, number]);
      if (refs.length === 0) return { sheet: sheet.name, top: 0, left: 0, bottom: 0, right: 0 };
      return {
        sheet: sheet.name,
        top: Math.min(...refs.map(([r]) => r)),
        left: Math.min(...refs.map(([, c]) => c)),
        bottom: Math.max(...refs.map(([r]) => r)),
        right: Math.max(...refs.map(([, c]) => c)),
      };
    });
  }

  /** The whole sheet without an address; a cell or an area with one ("B7", "B7:C9"). */
  getRange(address?: string): SimRange {
    this.context.assertOpen();
    return new SimRange(this.context, () => {
      const sheet = this.sheetName();
      if (address === undefined) return { sheet, top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
      const area = rangeFromA1(address.replace(/\$/g, ""));
      if (!area) throw new OfficeError("InvalidArgument", `Invalid address "${address}".`);
      return { sheet, ...area };
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): SimRange {
    this.context.assertOpen();
    return new SimRange(this.context, () => {
      if (row < 0 || column < 0 || rowCount < 1 || columnCount < 1) throw new OfficeError("InvalidArgument", "getRangeByIndexes: bad size");
      return { sheet: this.sheetName(), top: row, left: column, bottom: row + rowCount - 1, right: column + columnCount - 1 };
    });
  }
}

interface Located extends CellRange {
  readonly sheet: string;
}

class SimRange extends ClientObject {
  declare values: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly text: string[][];
  declare readonly address: string;
  readonly format: SimRangeFormat;
  private located: Located | undefined;

  constructor(context: SimContext, private readonly locate: () => Located) {
    super(context, "Range", ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "text", "numberFormat", "formulas"]);
    this.defineScalars({
      values: (matrix) => this.writeMatrix(matrix, "values", (cell, input) => {
        const stored = storeInput(input);
        cell.value = stored.value;
        delete cell.seededText;
        if (stored.formula !== undefined) cell.formula = stored.formula;
        else delete cell.formula;
        if (stored.quotePrefix) cell.quotePrefix = true;
        else delete cell.quotePrefix;
        if (stored.numberFormat !== undefined && /^general$/i.test(cell.numberFormat)) cell.numberFormat = stored.numberFormat;
        if (input === "") cell.value = "";
      }),
      numberFormat: (matrix) => this.writeMatrix(matrix, "numberFormat", (cell, format) => {
        cell.numberFormat = String(format);
        delete cell.seededText;
      }),
    });
    this.format = new SimRangeFormat(context, (apply) => this.eachCell(apply), (width) => {
      const at = this.where();
      const sheet = this.context.host.requireSheet(at.sheet);
      for (let c = at.left; c <= at.right; c++) sheet.columnWidths.set(c, width);
    });
  }

  /** Where the range is; found once, at the first operation that needs it (as Excel resolves it in the batch). */
  private where(): Located {
    this.located ??= this.locate();
    return this.located;
  }

  protected exists(): boolean {
    this.where();
    return true;
  }

  private cellsOf(): { sheet: SimSheet; at: Located } {
    const at = this.where();
    return { sheet: this.context.host.requireSheet(at.sheet), at };
  }

  private matrix<T>(fn: (cell: SimCell | undefined) => T): T[][] {
    const { sheet, at } = this.cellsOf();
    if ((at.bottom - at.top + 1) * (at.right - at.left + 1) > 5_000_000) throw new OfficeError("ResponsePayloadSizeLimitExceeded", "Range too large to read.");
    return Array.from({ length: at.bottom - at.top + 1 }, (_, r) =>
      Array.from({ length: at.right - at.left + 1 }, (_, c) => fn(sheet.cells.get(key(at.top + r, at.left + c)))),
    );
  }

  protected read(name: string): unknown {
    const at = this.where();
    switch (name) {
      case "address":
        return `${quoteSheet(at.sheet)}!${rangeToA1(at)}`;
      case "rowIndex":
        return at.top;
      case "columnIndex":
        return at.left;
      case "rowCount":
        return at.bottom - at.top + 1;
      case "columnCount":
        return at.right - at.left + 1;
      case "values":
        return this.matrix((cell) => (cell === undefined ? "" : cell.value));
      case "text":
        return this.matrix((cell) => shownText(cell));
      case "numberFormat":
        return this.matrix((cell) => cell?.numberFormat ?? "General");
      case "formulas":
        return this.matrix((cell) => cell?.formula ?? cell?.value ?? "");
      default:
        throw new OfficeError("InvalidArgument", name);
    }
  }

  private cellAt(sheet: SimSheet, row: number, column: number): SimCell {
    let cell = sheet.cells.get(key(row, column));
    if (!cell) {
      cell = { value: "", numberFormat: "General" };
      sheet.cells.set(key(row, column), cell);
    }
    return cell;
  }

  private eachCell(apply: (cell: SimCell) => void): void {
    const { sheet, at } = this.cellsOf();
    if ((at.bottom - at.top + 1) * (at.right - at.left + 1) > 1_000_000) throw new OfficeError("InvalidArgument", "Formatting a whole sheet is not simulated.");
    for (let r = at.top; r <= at.bottom; r++) for (let c = at.left; c <= at.right; c++) apply(this.cellAt(sheet, r, c));
  }

  /** A 2-D array the size of the range (a single value for a 1x1 range); null leaves a cell as it is. */
  private writeMatrix(input: unknown, what: string, apply: (cell: SimCell, value: unknown) => void): void {
    const { sheet, at } = this.cellsOf();
    const rows = at.bottom - at.top + 1;
    const columns = at.right - at.left + 1;
    const matrix = Array.isArray(input) ? (input as unknown[][]) : [[input]];
    if (matrix.length !== rows || matrix.some((row) => !Array.isArray(row) || row.length !== columns)) {
      throw new OfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
    }
    matrix.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        apply(this.cellAt(sheet, at.top + r, at.left + c), value);
      }),
    );
  }

  getMergedAreasOrNullObject(): SimRangeAreas {
    this.context.assertOpen();
    return new SimRangeAreas(this.context, () => {
      const { sheet, at } = this.cellsOf();
      return {
        sheet: sheet.name,
        areas: sheet.merges.filter((m) => m.top <= at.bottom && m.bottom >= at.top && m.left <= at.right && m.right >= at.left),
      };
    });
  }

  /** Clears the range; "All" removes values, formats and merges. */
  clear(applyTo: string = "All"): void {
    this.context.enqueue(() => {
      const { sheet, at } = this.cellsOf();
      for (const [where, cell] of [...sheet.cells.entries()]) {
        const [row = 0, column = 0] = where.split(",").map(Number);
        if (row < at.top || row > at.bottom || column < at.left || column > at.right) continue;
        if (applyTo === "All") sheet.cells.delete(where);
        else if (applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
          delete cell.seededText;
        } else throw new OfficeError("InvalidArgument", `clear("${applyTo}") is not simulated.`);
      }
      if (applyTo === "All") sheet.merges = sheet.merges.filter((m) => m.bottom < at.top || m.top > at.bottom || m.right < at.left || m.left > at.right);
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const at = this.where();
      this.context.host.book.active = at.sheet;
      this.context.host.book.selection = { sheet: at.sheet, address: rangeToA1(at) };
    });
  }

  /** The note's cell, for the notes API (a range of one cell). */
  firstCell(): { sheet: string; row: number; column: number } {
    const at = this.where();
    return { sheet: at.sheet, row: at.top, column: at.left };
  }
}

class SimRangeAreas extends ClientObject {
  declare readonly address: string;
  private found: { sheet: string; areas: CellRange[] } | undefined;

  constructor(context: SimContext, private readonly find: () => { sheet: string; areas: CellRange[] }) {
    super(context, "RangeAreas", ["address", "areaCount"]);
    this.nullable = true;
    this.defineScalars();
    this.trackNullState();
  }

  private areas(): { sheet: string; areas: CellRange[] } {
    this.found ??= this.find();
    return this.found;
  }

  protected exists(): boolean {
    return this.areas().areas.length > 0;
  }

  protected read(name: string): unknown {
    const { sheet, areas } = this.areas();
    if (name === "areaCount") return areas.length;
    return areas.map((area) => `${quoteSheet(sheet)}!${rangeToA1(area)}`).join(",");
  }
}

/** Range.format: every property is write-only here (the add-in never reads formats back). */
class SimRangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; color: string };
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare columnWidth: number;

  constructor(context: SimContext, each: (apply: (cell: SimCell) => void) => void, setWidth: (width: number) => void) {
    const setter = (target: object, name: string, apply: (value: unknown) => void): void => {
      Object.defineProperty(target, name, {
        enumerable: true,
        get: () => context.notLoaded(`RangeFormat.${name}`),
        set: (value: unknown) => context.enqueue(() => apply(value)),
      });
    };
    const color = (value: unknown): string => {
      const text = String(value);
      if (!/^#[0-9A-Fa-f]{6}$/.test(text)) throw new OfficeError("InvalidArgument", `Colour "${text}" is not #RRGGBB.`);
      return text.slice(1).toUpperCase();
    };
    this.fill = {} as { color: string };
    setter(this.fill, "color", (v) => each((cell) => (cell.fill = color(v))));
    this.font = {} as { bold: boolean; color: string };
    setter(this.font, "bold", (v) => each((cell) => (cell.bold = v === true)));
    setter(this.font, "color", (v) => each((cell) => (cell.fontColor = color(v))));
    setter(this, "wrapText", (v) => each((cell) => (cell.wrap = v === true)));
    setter(this, "horizontalAlignment", (v) => {
      if (!["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(String(v))) {
        throw new OfficeError("InvalidArgument", `horizontalAlignment "${String(v)}"`);
      }
      each((cell) => (cell.horizontalAlignment = String(v)));
    });
    setter(this, "columnWidth", (v) => {
      if (typeof v !== "number" || v < 0) throw new OfficeError("InvalidArgument", "columnWidth");
      setWidth(v);
    });
  }
}

/** Workbook.notes (every sheet) or Worksheet.notes (one sheet), ExcelApi 1.18. */
class SimNoteCollection extends ClientObject {
  constructor(context: SimContext, private readonly sheetName: (() => string) | undefined) {
    super(context, "NoteCollection", ["items"]);
  }

  protected exists(): boolean {
    return true;
  }

  private keysInScope(): string[] {
    const keys = [...this.context.host.book.notes.keys()];
    if (!this.sheetName) return keys;
    const sheet = this.sheetName();
    return keys.filter((k) => sameName(k.slice(0, k.lastIndexOf("!")), sheet));
  }

  protected read(name: string): unknown {
    if (name !== "items") throw new OfficeError("InvalidArgument", name);
    return this.keysInScope();
  }

  /** items are proxies, not plain data: built from the keys loaded at the sync. */
  get items(): SimNote[] {
    const keys = this.value("items") as string[];
    return keys.map((k) => new SimNote(this.context, () => k));
  }

  add(cellAddress: SimRange | string, content: string): void {
    this.context.enqueue(() => {
      const where = typeof cellAddress === "string" ? this.cellOf(cellAddress) : cellAddress.firstCell();
      const noteKey = `${where.sheet}!${toA1(where)}`;
      if (this.context.host.book.notes.has(noteKey)) throw new OfficeError("InvalidArgument", `A note already exists at ${noteKey}.`);
      this.context.host.book.notes.set(noteKey, String(content));
    });
  }

  getItem(address: string): SimNote {
    this.context.assertOpen();
    return new SimNote(this.context, () => {
      const where = this.cellOf(address);
      return `${where.sheet}!${toA1(where)}`;
    });
  }

  private cellOf(address: string): { sheet: string; row: number; column: number } {
    const bang = address.lastIndexOf("!");
    const sheet = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'") : this.sheetName?.();
    const ref = fromA1(address.slice(bang + 1).replace(/\$/g, ""));
    if (!ref || sheet === undefined) throw new OfficeError("InvalidArgument", `Invalid note address "${address}".`);
    return { sheet: this.context.host.requireSheet(sheet).name, ...ref };
  }
}

class SimNote extends ClientObject {
  declare content: string;

  constructor(context: SimContext, private readonly keyOf: () => string) {
    super(context, "Note", ["content"]);
    this.defineScalars({
      content: (value) => {
        const k = this.keyOf();
        if (!this.context.host.book.notes.has(k)) this.missing();
        this.context.host.book.notes.set(k, String(value));
      },
    });
  }

  protected exists(): boolean {
    return this.context.host.book.notes.has(this.keyOf());
  }

  protected read(): unknown {
    return this.context.host.book.notes.get(this.keyOf());
  }

  delete(): void {
    this.context.enqueue(() => {
      if (!this.context.host.book.notes.delete(this.keyOf())) this.missing();
    });
  }

  getLocation(): SimRange {
    this.context.assertOpen();
    return new SimRange(this.context, () => {
      const k = this.keyOf();
      if (!this.context.host.book.notes.has(k)) this.missing();
      const bang = k.lastIndexOf("!");
      const ref = fromA1(k.slice(bang + 1));
      if (!ref) throw new OfficeError("InvalidArgument", k);
      return { sheet: k.slice(0, bang), top: ref.row, left: ref.column, bottom: ref.row, right: ref.column };
    });
  }
}
