/**
 * A fake Excel host for the adapter's tests, built on office-addin-mock so that Office.js's
 * rule holds: a property read before load() and context.sync() is not the value (the mock
 * gives an error text, which the adapter's guards turn into a NotLoadedError).
 *
 * Writes are queued and reach the fake workbook only at the next context.sync(), as in Excel,
 * and values are taken as Excel takes typed input: a leading apostrophe makes text (the
 * apostrophe is not kept), "=..." becomes a formula, a numeric-looking string becomes a number.
 * Every sync is counted.
 */
import { OfficeMockObject } from "office-addin-mock";
import { fromA1, rangeToA1, toA1, type CellRange } from "../../core/workbook/address";

export interface FakeCell {
  value: string | number | boolean;
  text?: string;
  numberFormat?: string;
  formula?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  wrap?: boolean;
  horizontalAlignment?: string;
}

export interface FakeSheet {
  cells: Map<string, FakeCell>; // key "row,column", zero-based
  merges: CellRange[];
  columnWidths: Map<number, number>;
}

export interface FakeWorkbook {
  sheets: Map<string, FakeSheet>;
  active: string;
  /** Notes by "Sheet!A1". */
  notes: Map<string, string>;
}

export function fakeWorkbook(sheets: Record<string, Record<string, string | number | FakeCell>>, active?: string): FakeWorkbook {
  const book: FakeWorkbook = { sheets: new Map(), active: active ?? Object.keys(sheets)[0] ?? "Blad1", notes: new Map() };
  for (const [name, cells] of Object.entries(sheets)) {
    const sheet = emptySheet();
    for (const [address, cell] of Object.entries(cells)) {
      const ref = fromA1(address);
      if (!ref) throw new Error(`bad address ${address}`);
      sheet.cells.set(`${ref.row},${ref.column}`, typeof cell === "object" ? cell : { value: cell });
    }
    book.sheets.set(name, sheet);
  }
  return book;
}

function emptySheet(): FakeSheet {
  return { cells: new Map(), merges: [], columnWidths: new Map() };
}

/** How Excel stores typed input. */
export function storeInput(input: unknown): { value: string | number | boolean; formula?: string } {
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=")) return { value: "#FORMEL", formula: text };
  if (/^[+-]?\d+([.,]\d+)?$/.test(text.trim())) return { value: Number(text.replace(",", ".")) };
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(text)) return { value: 43617 }; // Excel makes it a date
  return { value: text };
}

function displayText(cell: FakeCell | undefined): string {
  if (!cell) return "";
  if (cell.text !== undefined) return cell.text;
  return typeof cell.value === "number" ? String(cell.value).replace(".", ",") : String(cell.value);
}

export interface FakeExcel {
  context: Excel.RequestContext;
  book: FakeWorkbook;
  syncs(): number;
  /** Operations queued since the last sync (proxy calls that change the workbook). */
  pending(): number;
}

/** Builds a request context over the fake workbook. */
export function fakeExcel(book: FakeWorkbook, options: { notes?: boolean } = {}): FakeExcel {
  let syncCount = 0;
  const mocks: OfficeMockObject[] = [];
  let queue: Array<() => void> = [];

  // A proxy whose scalar properties must be loaded and synced before they are read.
  const proxy = (data: Record<string, unknown>, extra: Record<string, unknown> = {}): any => {
    const mock = new OfficeMockObject(data as any) as any;
    mocks.push(mock);
    Object.assign(mock, extra);
    return mock;
  };

  const sheetOf = (name: string): FakeSheet => {
    const sheet = book.sheets.get(name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return sheet;
  };

  const writableRange = (sheetName: string, top: number, left: number, rows: number, columns: number): any => {
    const cell = (r: number, c: number): FakeCell => {
      const sheet = sheetOf(sheetName);
      const key = `${top + r},${left + c}`;
      let found = sheet.cells.get(key);
      if (!found) {
        found = { value: "" };
        sheet.cells.set(key, found);
      }
      return found;
    };
    const each = (fn: (c: FakeCell) => void) => () => {
      for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) fn(cell(r, c));
    };
    const formatSetter = (apply: (c: FakeCell, v: any) => void) => ({
      set(value: unknown) {
        queue.push(each((c) => apply(c, value)));
      },
    });
    const format: any = {};
    Object.defineProperty(format, "wrapText", formatSetter((c, v) => (c.wrap = v)));
    Object.defineProperty(format, "horizontalAlignment", formatSetter((c, v) => (c.horizontalAlignment = v)));
    Object.defineProperty(format, "columnWidth", {
      set(value: number) {
        queue.push(() => {
          for (let c = 0; c < columns; c++) sheetOf(sheetName).columnWidths.set(left + c, value);
        });
      },
    });
    format.fill = {};
    Object.defineProperty(format.fill, "color", formatSetter((c, v) => (c.fill = v)));
    format.font = {};
    Object.defineProperty(format.font, "bold", formatSetter((c, v) => (c.bold = v)));
    Object.defineProperty(format.font, "color", formatSetter((c, v) => (c.fontColor = v)));
    const range: any = { format, sheetName, top, left };
    Object.defineProperty(range, "values", {
      set(matrix: unknown[][]) {
        if (matrix.length !== rows || matrix.some((row) => row.length !== columns)) throw new Error("InvalidArgument: values size");
        queue.push(() =>
          matrix.forEach((row, r) =>
            row.forEach((input, c) => {
              if (input === null) return;
              const stored = storeInput(input);
              const target = cell(r, c);
              target.value = stored.value;
              delete target.text;
              if (stored.formula) target.formula = stored.formula;
              else delete target.formula;
            }),
          ),
        );
      },
    });
    Object.defineProperty(range, "numberFormat", {
      set(matrix: (string | null)[][]) {
        queue.push(() =>
          matrix.forEach((row, r) =>
            row.forEach((format, c) => {
              if (format !== null) cell(r, c).numberFormat = format;
            }),
          ),
        );
      },
    });
    range.select = () => queue.push(() => (book.active = sheetName));
    range.clear = () =>
      queue.push(() => {
        const sheet = sheetOf(sheetName);
        sheet.cells.clear();
        sheet.merges = [];
      });
    return range;
  };

  const usedRange = (sheetName: string): any => {
    const sheet = sheetOf(sheetName);
    const refs = [...sheet.cells.entries()]
      .filter(([, c]) => c.value !== "" || c.formula !== undefined)
      .map(([key]) => key.split(",").map(Number) as [number, number]);
    const top = refs.length ? Math.min(...refs.map(([r]) => r)) : 0;
    const left = refs.length ? Math.min(...refs.map(([, c]) => c)) : 0;
    const bottom = refs.length ? Math.max(...refs.map(([r]) => r)) : 0;
    const right = refs.length ? Math.max(...refs.map(([, c]) => c)) : 0;
    const grid = <T>(fn: (c: FakeCell | undefined) => T): T[][] =>
      Array.from({ length: bottom - top + 1 }, (_, r) =>
        Array.from({ length: right - left + 1 }, (_, c) => fn(sheet.cells.get(`${top + r},${left + c}`))),
      );
    const merges = sheet.merges.filter((m) => m.top >= top && m.bottom <= bottom && m.left >= left && m.right <= right);
    const quoted = /[^A-Za-z0-9_]/.test(sheetName) ? `'${sheetName.replace(/'/g, "''")}'` : sheetName;
    const mergedAreas = proxy(
      { address: merges.map((m) => `${quoted}!${rangeToA1(m)}`).join(",") },
      { isNullObject: merges.length === 0 },
    );
    return proxy(
      {
        rowIndex: top,
        columnIndex: left,
        values: grid((c) => c?.value ?? ""),
        text: grid((c) => displayText(c)),
        numberFormat: grid((c) => c?.numberFormat ?? "General"),
        // As Excel: the formula of a formula cell, else the constant ("" for an empty cell).
        formulas: grid((c) => c?.formula ?? c?.value ?? ""),
      },
      { getMergedAreasOrNullObject: () => mergedAreas },
    );
  };

  const notesOf = (sheetName: string): any => ({
    add(cell: { sheetName: string; top: number; left: number }, content: string) {
      queue.push(() => {
        const key = `${sheetName}!${toA1({ row: cell.top, column: cell.left })}`;
        if (book.notes.has(key)) throw new Error(`InvalidArgument: note exists at ${key}`);
        book.notes.set(key, content);
      });
    },
    getItem(address: string) {
      const key = `${sheetName}!${address}`;
      const note: any = {
        delete: () => queue.push(() => {
          if (!book.notes.delete(key)) throw new Error(`ItemNotFound: note ${key}`);
        }),
      };
      Object.defineProperty(note, "content", {
        set(content: string) {
          queue.push(() => {
            if (!book.notes.has(key)) throw new Error(`ItemNotFound: note ${key}`);
            book.notes.set(key, content);
          });
        },
      });
      return note;
    },
  });

  const worksheet = (name: string, exists: boolean): any =>
    proxy(
      { name },
      {
        isNullObject: !exists,
        getUsedRange: () => usedRange(name),
        getRangeByIndexes: (r: number, c: number, h: number, w: number) => writableRange(name, r, c, h, w),
        getRange: (address?: string) => {
          if (address === undefined) return writableRange(name, 0, 0, 1, 1);
          const ref = fromA1(address);
          if (!ref) throw new Error(`InvalidArgument: ${address}`);
          return writableRange(name, ref.row, ref.column, 1, 1);
        },
        activate: () => queue.push(() => (book.active = name)),
        notes: options.notes ? notesOf(name) : undefined,
      },
    );

  const workbookNotes = options.notes
    ? proxy(
        {
          items: [...book.notes.keys()].map((key) => ({
            getLocation: () => proxy({ address: key.includes(" ") ? `'${key.slice(0, key.lastIndexOf("!"))}'${key.slice(key.lastIndexOf("!"))}` : key }),
          })),
        },
      )
    : undefined;

  const context: any = {
    workbook: {
      worksheets: {
        getActiveWorksheet: () => worksheet(book.active, true),
        getItemOrNullObject: (name: string) => worksheet(name, book.sheets.has(name)),
        getItem: (name: string) => {
          if (!book.sheets.has(name)) throw new Error(`ItemNotFound: ${name}`);
          return worksheet(name, true);
        },
        add: (name: string) => {
          queue.push(() => {
            if (book.sheets.has(name)) throw new Error(`ItemAlreadyExists: ${name}`);
            book.sheets.set(name, emptySheet());
          });
          // The new sheet's proxy: writes to it run after the add in the same batch.
          return proxy(
            { name },
            {
              getRangeByIndexes: (r: number, c: number, h: number, w: number) => writableRange(name, r, c, h, w),
              getRange: (address: string) => {
                const ref = fromA1(address);
                if (!ref) throw new Error(`InvalidArgument: ${address}`);
                return writableRange(name, ref.row, ref.column, 1, 1);
              },
              notes: options.notes ? notesOf(name) : undefined,
            },
          );
        },
      },
      get notes() {
        if (!workbookNotes) throw new Error("ApiNotFound: Workbook.notes needs ExcelApi 1.18");
        return workbookNotes;
      },
    },
    async sync() {
      syncCount += 1;
      const batch = queue;
      queue = [];
      for (const op of batch) op(); // in order, as Excel runs a batch
      for (const mock of [...mocks]) await mock.sync();
    },
  };

  return { context: context as Excel.RequestContext, book, syncs: () => syncCount, pending: () => queue.length };
}

/** What a cell holds in the fake workbook (value, formula, format), for assertions. */
export function cellIn(book: FakeWorkbook, sheet: string, address: string): FakeCell | undefined {
  const ref = fromA1(address);
  if (!ref) throw new Error(address);
  return book.sheets.get(sheet)?.cells.get(`${ref.row},${ref.column}`);
}
