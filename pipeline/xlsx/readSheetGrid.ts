/**
 * One worksheet part -> Grid: values (shared strings, inline strings, numbers, booleans,
 * errors, formulas' cached values), each cell's number format and shown text, and merges.
 * A cell with a formula (an <f>, also a shared formula's child that only names its group)
 * is marked hasFormula, and kept even when its value was never calculated (an empty <v>), so
 * no write lands on it. The grid starts at the top-left of the cells that hold a value or a formula.
 */
import { rangeFromA1, type CellRange } from "../../core/workbook/address";
import type { Grid, GridCell, RawCellValue } from "../../core/workbook/grid";
import { NS } from "./namespaces";
import { renderNumber } from "./renderCellText";
import { cellRefOf, rowIndexOf, unescapeXstring } from "./sheetCells";
import { attr, childElement, childElements, directText, type XmlDocument, type XmlElement } from "./xmlTree";

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly formatByStyle: readonly string[];
  readonly date1904: boolean;
}

/** Text of a string item (<si> or <is>): plain <t>, or rich-text runs; phonetic runs left out. */
export function stringItemText(item: XmlElement, ns: string): string {
  const plain = childElement(item, ns, "t");
  if (plain) return unescapeXstring(directText(plain));
  return childElements(item, ns, "r")
    .map((run) => {
      const t = childElement(run, ns, "t");
      return t ? unescapeXstring(directText(t)) : "";
    })
    .join("");
}

export function readSheetGrid(sheet: string, doc: XmlDocument, context: SheetContext): Grid {
  const ns = doc.root.ns;
  const sheetData = childElement(doc.root, ns, "sheetData");
  const found: Array<{ row: number; column: number; cell: GridCell }> = [];
  let previousRow = -1;
  for (const rowEl of sheetData ? childElements(sheetData, ns, "row") : []) {
    const row = rowIndexOf(rowEl, previousRow);
    previousRow = row;
    let previousColumn = -1;
    for (const c of childElements(rowEl, ns, "c")) {
      const ref = cellRefOf(c, row, previousColumn);
      previousColumn = ref.column;
      const cell = readCell(c, ns, context);
      if (cell) found.push({ row, column: ref.column, cell });
    }
  }
  const merges: CellRange[] = [];
  const mergeCells = childElement(doc.root, ns, "mergeCells");
  for (const merge of mergeCells ? childElements(mergeCells, ns, "mergeCell") : []) {
    const range = rangeFromA1(attr(merge, "ref") ?? "");
    if (range) merges.push(range);
  }
  if (found.length === 0) return { sheet, origin: { row: 0, column: 0 }, cells: [], merges };
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  for (const f of found) {
    top = Math.min(top, f.row);
    left = Math.min(left, f.column);
  }
  const cells: Array<Array<GridCell | undefined> | undefined> = [];
  for (const f of found) {
    const line = (cells[f.row - top] ??= []);
    line[f.column - left] = f.cell;
  }
  return { sheet, origin: { row: top, column: left }, cells, merges };
}

function readCell(c: XmlElement, ns: string, context: SheetContext): GridCell | undefined {
  const type = attr(c, "t") ?? "n";
  const style = Number.parseInt(attr(c, "s") ?? "0", 10);
  const numberFormat = context.formatByStyle[style] ?? "General";
  const v = childElement(c, ns, "v");
  const raw = v ? directText(v) : undefined;
  let value: RawCellValue = null;
  switch (type) {
    case "s": {
      const index = Number.parseInt(raw ?? "", 10);
      value = context.sharedStrings[index] ?? null;
      break;
    }
    case "inlineStr": {
      const is = childElement(c, ns, "is");
      value = is ? stringItemText(is, ns) : raw !== undefined ? unescapeXstring(raw) : null;
      break;
    }
    case "str":
    case "e":
    case "d":
      value = raw !== undefined ? unescapeXstring(raw) : null;
      break;
    case "b":
      value = raw === undefined ? null : raw.trim() === "1" || raw.trim().toLowerCase() === "true";
      break;
    default: {
      // Stored numbers are XML Schema doubles ("0.048", "1E-3"), never user text.
      const number = raw === undefined || raw.trim() === "" ? Number.NaN : Number(raw.trim());
      value = Number.isFinite(number) ? number : null;
    }
  }
  const hasFormula = childElement(c, ns, "f") !== undefined;
  if (value === null || value === "") return hasFormula ? { value: null, text: "", numberFormat, hasFormula } : undefined;
  const text =
    typeof value === "number"
      ? renderNumber(value, numberFormat, context.date1904)
      : typeof value === "boolean"
        ? value
          ? "SANT"
          : "FALSKT"
        : value;
  return hasFormula ? { value, text, numberFormat, hasFormula } : { value, text, numberFormat };
}

