/**
 * The text a cell shows: the shell's display text, or the stored value as text when the shell
 * gave none (a number typed as a year, a value the shell could not render).
 */
import type { GridCell } from "../workbook/grid";

/**
 * @example shownText({ value: 0.048, text: "4,80%", numberFormat: "0.00%" }) // "4,80%"
 * @example shownText({ value: 2019, text: "", numberFormat: "General" })      // "2019"
 * @example shownText({ value: null, text: "", numberFormat: "General" })      // ""
 */
export function shownText(cell: GridCell): string {
  if (cell.text !== "") return cell.text;
  return cell.value === null ? "" : String(cell.value);
}
