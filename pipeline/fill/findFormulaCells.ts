/**
 * The cells of a worksheet that hold a formula, as "row:column" keys (zero-based). A formula
 * whose value was never calculated (openpyxl writes <f> with an empty <v>) reads as an empty
 * cell in the Grid; the fill must still not write over it. Reads the parsed sheet part the
 * xlsx layer already holds, with its own XML functions.
 */
import { findSheet, type XlsxWorkbook } from "../xlsx/openWorkbook";
import { cellRefOf, rowIndexOf } from "../xlsx/sheetCells";
import { childElement, childElements } from "../xlsx/xmlTree";

export const cellKey = (row: number, column: number): string => `${row}:${column}`;

/** @example findFormulaCells(workbook, "Indikatorer") // Set { "3:6" } for =C4-D4 in G4 */
export function findFormulaCells(workbook: XlsxWorkbook, sheetName: string): ReadonlySet<string> {
  const sheet = findSheet(workbook.sheets, sheetName, workbook.file);
  const doc = sheet.partName === undefined ? undefined : workbook.parts.sheetXml.get(sheet.partName);
  const found = new Set<string>();
  if (!doc) return found;
  const ns = doc.root.ns;
  const sheetData = childElement(doc.root, ns, "sheetData");
  let previousRow = -1;
  for (const rowEl of sheetData ? childElements(sheetData, ns, "row") : []) {
    const row = rowIndexOf(rowEl, previousRow);
    previousRow = row;
    let previousColumn = -1;
    for (const c of childElements(rowEl, ns, "c")) {
      const ref = cellRefOf(c, row, previousColumn);
      previousColumn = ref.column;
      if (childElement(c, ns, "f") !== undefined) found.add(cellKey(ref.row, ref.column));
    }
  }
  return found;
}
