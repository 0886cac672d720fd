/**
 * Footnote texts under the table: "* Eftersom ...", "** Siffrorna ...", one cell each (the
 * first footnote-looking cell of a row).
 */
import { toA1 } from "../address";
import { cellAt, gridBounds, type Grid } from "../grid";
import type { Footnote } from "../model";
import { cleanCellText } from "./cleanCellText";

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
      const cell = cellAt(grid, row, column);
      const text = cell.text !== "" ? cell.text : typeof cell.value === "string" ? cell.value : "";
      const match = FOOTNOTE_TEXT.exec(text.trim());
      if (!match?.[1] || !match[2]) continue;
      notes.push({ marker: match[1], text: cleanCellText(match[2]), cell: toA1({ row, column }) });
      break;
    }
  }
  return notes;
}
