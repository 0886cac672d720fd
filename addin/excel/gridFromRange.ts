/**
 * Turns what Office.js returns for a range (values, text, numberFormat, formulas, the merged
 * areas' address) into the core's Grid. Pure: no Excel calls, so it is tested without a host.
 */
import { rangeFromA1, type CellRange } from "../../core/workbook/address";
import type { Grid, GridCell, RawCellValue } from "../../core/workbook/grid";
import { loadedMatrix } from "./loaded";

/** The loaded properties of an Excel.Range, as plain data. */
export interface RangeData {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly text: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
  /** Range.formulas: the formula ("=C4-D4") of a formula cell, the constant of any other cell, "" for an empty one. */
  readonly formulas: readonly (readonly unknown[])[];
}

function rawValue(value: unknown): RawCellValue {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  return null;
}

/**
 * True for a formula cell. Range.formulas gives a constant back as it is, so a text constant
 * that starts with "=" (typed with an apostrophe) equals its own value and is not a formula.
 */
function isFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value;
}

/**
 * Builds a Grid; empty cells (no value, no text, no formula) are left out. A formula that
 * gives "" is kept as an empty-looking cell with hasFormula, so no write lands on it.
 *
 * @example gridFromRange("Bilaga", { rowIndex: 3, columnIndex: 1, values: [[0.048, ""]],
 *   text: [["4,80 %", ""]], numberFormat: [["0.00%", "General"]], formulas: [[0.048, '=IF(C4>0,"","saknas")']] }, undefined)
 *   // { sheet: "Bilaga", origin: { row: 3, column: 1 }, cells: [[{ value: 0.048, text: "4,80 %", numberFormat: "0.00%" },
 *   //   { value: null, text: "", numberFormat: "General", hasFormula: true }]], merges: [] }
 */
export function gridFromRange(sheet: string, data: RangeData, mergedAddress: string | undefined): Grid {
  const rows = data.values.length;
  const text = loadedMatrix(data.text, rows, "Range.text");
  const formats = loadedMatrix(data.numberFormat, rows, "Range.numberFormat");
  const formulas = loadedMatrix(data.formulas, rows, "Range.formulas");
  const cells: (GridCell | undefined)[][] = data.values.map((row, r) =>
    row.map((value, c): GridCell | undefined => {
      const shown = text[r]?.[c];
      const format = formats[r]?.[c];
      const cell: GridCell = {
        value: rawValue(value),
        text: typeof shown === "string" ? shown : "",
        numberFormat: typeof format === "string" && format !== "" ? format : "General",
        ...(isFormula(formulas[r]?.[c], value) && { hasFormula: true }),
      };
      return cell.value === null && cell.text === "" && cell.hasFormula !== true ? undefined : cell;
    }),
  );
  return {
    sheet,
    origin: { row: data.rowIndex, column: data.columnIndex },
    cells,
    merges: mergedAddress === undefined ? [] : parseMergedAddress(mergedAddress),
  };
}

/**
 * The areas of a RangeAreas address ("'Bilaga 2019'!A5:A9,'Bilaga 2019'!B5:C5"). The sheet
 * name may itself contain commas or "!", so each area is taken as the cell reference that
 * follows a "!" and ends at a comma or the end.
 */
export function parseMergedAddress(address: string): CellRange[] {
  const areas: CellRange[] = [];
  for (const match of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?=,|$)/g)) {
    const area = rangeFromA1((match[1] ?? "").replace(/\$/g, ""));
    if (area) areas.push(area);
  }
  return areas;
}
