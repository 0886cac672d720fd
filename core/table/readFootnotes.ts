/**
 * Footnote texts under the table: "* Eftersom ...", "** Siffrorna ...", one cell each (the
 * first footnote-looking cell of a row).
 */
import { toA1 } from "../address";
import { cellAt, gridBounds, type Grid } from "../grid";
import type { Footnote } from "../model";
import { cleanCellText } from "./cleanCellText";
import { shownText } from "./shownText";

const FOOTNOTE_TEXT = /^(\*+)\s*(\S[\s\S]*)$/;

/** True when a cell text starts a footnote ("* Eftersom ..."). */
export function isFootnoteText(text: string): boolean {
  return FOOTNOTE_TEXT.test(text.trim());
}

/**
 * @example readFootnotes(grid, 58) // [{ marker: "*", text: "Eftersom arbetsmarknadsnämnden ...", cell: "A59" }, ...]
 */
export function readFootnotes(grid: Grid, fromRow: number): Footnote[] {
  const bounds = gridBounds(grid);
  const notes: Footnote[] = [];
  for (let row = fromRow; row <= bounds.bottom; row++) {
    for (let column = bounds.left; column <= bounds.right; column++) {
      // A number or a boolean shown as text never starts with "*", so any cell may be read.
      const match = FOOTNOTE_TEXT.exec(shownText(cellAt(grid, row, column)).trim());
      if (!match?.[1] || !match[2]) continue;
      notes.push({ marker: match[1], text: cleanCellText(match[2]), cell: toA1({ row, column }) });
      break;
    }
  }
  return notes;
}
