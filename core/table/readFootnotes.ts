/**
 * Footnote texts under the table: "* Eftersom ...", "** Siffrorna ...", each starting in one
 * cell (the first footnote-looking cell of a row). A note's text may go on in the same column
 * on the rows under it, without a marker: those rows are joined to it, a space between (a
 * word hyphenated at a row's end is rejoined), up to the next marker row, an empty row, a row
 * whose text starts in another column (a fill's legend right of the table), or the end.
 */
import { toA1 } from "../workbook/address";
import { cellAt, gridBounds, type Grid } from "../workbook/grid";
import type { Footnote } from "../model";
import { cleanCellText } from "./cleanCellText";
import { shownText } from "./shownText";

const FOOTNOTE_TEXT = /^(\*+)\s*(\S[\s\S]*)$/;

/** True when a cell text starts a footnote ("* Eftersom ..."). */
export function isFootnoteText(text: string): boolean {
  return FOOTNOTE_TEXT.test(text.trim());
}

/** The row's first non-empty cell: its column and text, or undefined for an empty row. */
function firstText(grid: Grid, row: number): { column: number; text: string } | undefined {
  const bounds = gridBounds(grid);
  for (let column = bounds.left; column <= bounds.right; column++) {
    const text = shownText(cellAt(grid, row, column)).trim();
    if (text !== "") return { column, text };
  }
  return undefined;
}

/**
 * @example readFootnotes(grid, 58) // [{ marker: "*", text: "Eftersom arbetsmarknadsnämnden ...", cell: "A59" }, ...]
 * @example readFootnotes(grid, 10) // A11 "* Uppgiften för 2018 avser", A12 "januari–augusti." (no marker)
 *   // [{ marker: "*", text: "Uppgiften för 2018 avser januari–augusti.", cell: "A11", continuedTo: "A12" }]
 */
export function readFootnotes(grid: Grid, fromRow: number): Footnote[] {
  const bounds = gridBounds(grid);
  const notes: Footnote[] = [];
  // The note that the next row may continue, and the column its text stands in.
  let open: { marker: string; parts: string[]; row: number; column: number; lastRow: number } | undefined;
  const close = (): void => {
    if (open) {
      const { marker, parts, row, column, lastRow } = open;
      // Joined as lines, so a word broken at a row's end ("arbetsmark-" / "nadsnämnden") is rejoined.
      const note: Footnote = { marker, text: cleanCellText(parts.join("\n")), cell: toA1({ row, column }) };
      notes.push(lastRow > row ? { ...note, continuedTo: toA1({ row: lastRow, column }) } : note);
    }
    open = undefined;
  };
  for (let row = fromRow; row <= bounds.bottom; row++) {
    let started = false;
    for (let column = bounds.left; column <= bounds.right; column++) {
      // A number or a boolean shown as text never starts with "*", so any cell may be read.
      const match = FOOTNOTE_TEXT.exec(shownText(cellAt(grid, row, column)).trim());
      if (!match?.[1] || !match[2]) continue;
      close();
      open = { marker: match[1], parts: [match[2]], row, column, lastRow: row };
      started = true;
      break;
    }
    if (started || !open) continue;
    const first = firstText(grid, row);
    if (first !== undefined && first.column === open.column) {
      open.parts.push(first.text);
      open.lastRow = row;
    } else close();
  }
  close();
  return notes;
}
