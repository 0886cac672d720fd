/**
 * Cell and row positions inside <sheetData>, where the r attribute is optional (a row or cell
 * without it follows the previous one), and the _xHHHH_ escapes of SpreadsheetML strings.
 */
import { fromA1, type CellRef } from "../../core/workbook/address";
import { attr, type XmlElement } from "./xmlTree";

/** Zero-based row of a <row>, given the previous row's index. */
export function rowIndexOf(row: XmlElement, previous: number): number {
  const r = Number.parseInt(attr(row, "r") ?? "", 10);
  return Number.isInteger(r) && r > 0 ? r - 1 : previous + 1;
}

/** Zero-based position of a <c>, given its row and the previous cell's column. */
export function cellRefOf(c: XmlElement, row: number, previousColumn: number): CellRef {
  const r = attr(c, "r");
  const ref = r === undefined ? undefined : (parsePlainA1(r) ?? fromA1(r));
  return ref ?? { row, column: previousColumn + 1 };
}

/** "AB12" -> zero-based ref, the fast way for the millions of cell refs of a big sheet. */
function parsePlainA1(text: string): CellRef | undefined {
  let column = 0;
  let i = 0;
  for (; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (i === 0 || i > 3 || i === text.length) return undefined;
  let row = 0;
  for (; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  return row > 0 ? { row: row - 1, column: column - 1 } : undefined;
}

/** "_x000D_" -> "\r"; "_x005F_x0041_" -> "_x0041_". */
export function unescapeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Text for a <t> element: characters XML 1.0 cannot hold become _xHHHH_, and a literal
 * "_xHHHH_" in the text is protected by escaping its underscore.
 */
export function escapeXstring(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
