/**
 * Cell addresses: zero-based sheet coordinates inside the code, A1 text for people.
 *
 * @example toA1({ row: 0, column: 0 }) // "A1"
 * @example toA1({ row: 11, column: 27 }) // "AB12"
 */
export interface CellRef {
  /** Zero-based row in the sheet (row 1 in Excel is 0). */
  readonly row: number;
  /** Zero-based column in the sheet (column A is 0). */
  readonly column: number;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function toA1(ref: CellRef): string {
  return `${columnLetters(ref.column)}${ref.row + 1}`;
}

/** Parses "B12" (or "$B$12") into a zero-based reference; undefined when it is not an address. */
export function fromA1(address: string): CellRef | undefined {
  const match = /^\$?([A-Z]{1,3})\$?([1-9][0-9]*)$/.exec(address.trim().toUpperCase());
  if (!match) return undefined;
  const [, letters = "", digits = ""] = match;
  let column = 0;
  for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number.parseInt(digits, 10) - 1, column: column - 1 };
}

/** Parses "A1:C3" into a range; a single address gives a one-cell range. */
export function rangeFromA1(text: string): CellRange | undefined {
  const [first = "", second] = text.split(":");
  const a = fromA1(first);
  const b = second === undefined ? a : fromA1(second);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function rangeToA1(range: CellRange): string {
  const a = toA1({ row: range.top, column: range.left });
  const b = toA1({ row: range.bottom, column: range.right });
  return a === b ? a : `${a}:${b}`;
}
