/**
 * What the end-to-end test hands the simulated Excel host before the task pane loads (as JSON on
 * `window.__BILAGA_HOST_SEED__`), and what the host hands back for assertions
 * (`window.__simulatedExcel.snapshot()`). Plain data only: it crosses from Node into the page.
 */
import type { CellRange } from "../../../../core/workbook/address";

/** One seeded cell: [zero-based row, zero-based column, value, shown text, number format]. */
export type SeedCell = readonly [number, number, string | number | boolean, string, string];

export interface SeedSheet {
  readonly name: string;
  readonly cells: readonly SeedCell[];
  readonly merges: readonly CellRange[];
}

export interface HostSeed {
  /** "Excel" for a workbook; null for office.js opened in a plain browser (no Office host). */
  readonly host: "Excel" | null;
  readonly sheets: readonly SeedSheet[];
  readonly activeSheet: string;
  /** Highest ExcelApi version the host claims, e.g. "1.18". */
  readonly excelApi: string;
}

export interface CellState {
  readonly row: number;
  readonly column: number;
  readonly value: string | number | boolean;
  readonly text: string;
  readonly numberFormat: string;
  /** The formula Excel would hold ("=SUM(A1)") when the input became a formula. */
  readonly formula?: string;
  /** True when the input started with an apostrophe (Excel's "this is text" prefix). */
  readonly quotePrefix?: boolean;
  readonly fill?: string;
  readonly bold?: boolean;
  readonly fontColor?: string;
}

export interface SheetState {
  readonly name: string;
  readonly cells: readonly CellState[];
  readonly merges: readonly CellRange[];
  readonly columnWidths: readonly (readonly [number, number])[];
}

/** One Excel.run: how many context.sync() calls it made and what each sent. */
export interface RunRecord {
  readonly syncs: number;
  /** Operations (loads, writes, formats, notes ...) per sync, in order. */
  readonly operationsPerSync: readonly number[];
  /** Operations still queued when the batch function returned (Excel would run them without the add-in knowing). */
  readonly pendingAtEnd: number;
  /** The error the run ended with, if any. */
  readonly error?: string;
}

export interface HostSnapshot {
  readonly sheets: readonly SheetState[];
  readonly activeSheet: string;
  readonly selection?: { readonly sheet: string; readonly address: string };
  /** Notes by "Sheet!A1". */
  readonly notes: readonly (readonly [string, string])[];
  readonly settings: Readonly<Record<string, unknown>>;
  readonly runs: readonly RunRecord[];
  /** Properties the add-in read before loading and syncing them (each also threw). */
  readonly notLoadedReads: readonly string[];
}
