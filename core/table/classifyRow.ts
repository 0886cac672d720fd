/**
 * What a row of the table body is, from the text in its indicator column and its values:
 * a new indicator, a gender breakdown of the indicator above ("Kvinnor", "Flickor"), a note
 * under it ("Basvärde 2018 = 299 personer", "Källa: ..."), labelled values without a name
 * ("JKT: 2,1", "4 arbete"), stray values nobody can place, or a blank row (nothing in the
 * indicator or value columns: empty, or only starting a focus area or goal).
 */
import { cellAt } from "../workbook/grid";
import type { TableLayout } from "./mapColumns";
import type { RowValues } from "./readRowValues";
import { shownText } from "./shownText";
import type { TableCells } from "./tableCells";

/** What a row is; `parent` is the indicator above, for rows that add to it. */
export type RowKind<T> =
  /** A name: a new indicator. */
  | { readonly kind: "indicator" }
  /** "Kvinnor", "Män", "Flickor", "Pojkar" under an indicator. */
  | { readonly kind: "breakdown"; readonly parent: T }
  /** A gender label with no indicator above it. */
  | { readonly kind: "orphan-breakdown" }
  /** "Basvärde ...", "Källa ...", "Obs ..." under an indicator. */
  | { readonly kind: "note"; readonly parent: T }
  /** No name, labelled values ("JKT: 2,1") under an indicator. */
  | { readonly kind: "labelled-values"; readonly parent: T }
  /** No name and values that belong to nothing. */
  | { readonly kind: "stray-values" };

/** Gender labels of breakdown rows. */
const GENDER = /^(?:kvinnor|män|flickor|pojkar|tjejer|killar|kvinna|man)$/i;

/**
 * True when a text in the indicator column is a note rather than an indicator name.
 *
 * @example isNoteText("Basvärde 2018 = 299 personer") // true
 * @example isNoteText("Källa: Kolada")                 // true
 * @example isNoteText("Antal hushåll")                 // false
 */
export function isNoteText(text: string): boolean {
  return /^(?:basvärde|källa|not|obs|anm)\b/i.test(text);
}

/**
 * True when the row has no name (and no name merged down into it) and nothing in the table
 * outside the focus-area and goal columns: there is no indicator content to read.
 *
 * @example isBlankRow(cells, layout, 9, "") // true for a row that only says "Trygg skola" in the goal column
 */
export function isBlankRow(cells: TableCells, layout: TableLayout, row: number, name: string): boolean {
  if (name !== "" || cells.coveredFromAbove(row, layout.indicatorColumn)) return false;
  for (let column = layout.left; column <= layout.right; column++) {
    if (column === layout.areaColumn || column === layout.goalColumn || column === layout.boardColumn) continue;
    if (shownText(cellAt(cells.grid, row, column)).trim() !== "") return false;
  }
  return true;
}

/**
 * @example classifyRow("Kvinnor", values, indicatorAbove)                       // { kind: "breakdown", parent: indicatorAbove }
 * @example classifyRow("Basvärde 2018 = 299 personer", values, indicatorAbove)  // { kind: "note", parent: indicatorAbove }
 * @example classifyRow("", values of "JKT: 2,1", indicatorAbove)                 // { kind: "labelled-values", parent: indicatorAbove }
 * @example classifyRow("Kvinnor", values, undefined)                             // { kind: "orphan-breakdown" }
 * @example classifyRow("Antal hushåll med försörjningsstöd", values, undefined)  // { kind: "indicator" }
 */
export function classifyRow<T>(name: string, values: RowValues, indicatorAbove: T | undefined): RowKind<T> {
  if (name === "") {
    const labelled = values.outcomes.some((o) => o.value.kind === "labelled");
    return indicatorAbove !== undefined && labelled ? { kind: "labelled-values", parent: indicatorAbove } : { kind: "stray-values" };
  }
  if (GENDER.test(name)) return indicatorAbove === undefined ? { kind: "orphan-breakdown" } : { kind: "breakdown", parent: indicatorAbove };
  // A note-like text with no indicator above it is read as an indicator's name.
  if (isNoteText(name) && indicatorAbove !== undefined) return { kind: "note", parent: indicatorAbove };
  return { kind: "indicator" };
}
