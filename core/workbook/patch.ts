/**
 * Patch: the cell writes the core decides on; each shell only applies them, in one batch
 * (one context.sync() in Excel; one edit of the xlsx parts in the pipeline).
 */

export interface CellStyle {
  /** Fill colour as RRGGBB hex, no '#'. */
  readonly fill?: string;
  readonly bold?: boolean;
  /** Font colour as RRGGBB hex. */
  readonly fontColor?: string;
  readonly wrap?: boolean;
  readonly horizontalAlignment?: "left" | "center" | "right";
}

export interface CellWrite {
  /** Zero-based sheet row. */
  readonly row: number;
  /** Zero-based sheet column. */
  readonly column: number;
  readonly value: string | number | null;
  /**
   * Always true for strings that come from data (CSV, names): the shell must store the
   * string as text, never as a formula, even when it starts with = + - or @.
   * The shells treat every string as text anyway; the flag documents intent.
   */
  readonly asText?: boolean;
  /** Excel number format code for numbers ("0.0", "# ##0", "0.0%"). */
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  /** A cell note (comment) with the explanation, in Swedish. */
  readonly note?: string;
}

export interface SheetPatch {
  readonly sheet: string;
  /** True when the sheet is to be created (or replaced whole, for Månadsdata). */
  readonly replaceWhole?: boolean;
  readonly writes: readonly CellWrite[];
  /** Column widths in characters, by zero-based column. */
  readonly columnWidths?: ReadonlyArray<{ readonly column: number; readonly width: number }>;
}

export interface Patch {
  readonly sheets: readonly SheetPatch[];
}
