/**
 * Number format codes: Excel's built-in ids (ECMA-376 part 1, 18.8.30) and the lookup from a
 * cell's style index to its format code through styles.xml (cellXfs -> numFmtId -> numFmts).
 */
import { NS } from "./namespaces";
import { attr, childElement, childElements, type XmlDocument } from "./xmlTree";

/** Built-in formats every spreadsheet program knows by id (the locale-independent ones). */
export const BUILTIN_NUMBER_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "yyyy-mm-dd"], // shown in the user's short date format; Swedish: 2019-06-15
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "yyyy-mm-dd h:mm"],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00;(#,##0.00)"],
  [40, "#,##0.00;[Red](#,##0.00)"],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);

/** The first custom number format id (ids below are reserved for built-in formats). */
export const FIRST_CUSTOM_FORMAT_ID = 164;

export interface StyleTable {
  /** Number format code per cellXfs index. */
  readonly formatByStyle: readonly string[];
  /** Custom formats by id, from <numFmts>. */
  readonly customFormats: ReadonlyMap<number, string>;
}

/** Reads the format code of every cell style; a workbook without styles.xml gets General. */
export function readStyleTable(doc: XmlDocument | undefined): StyleTable {
  const customFormats = new Map<number, string>();
  if (!doc) return { formatByStyle: [], customFormats };
  const numFmts = childElement(doc.root, NS.main, "numFmts");
  for (const numFmt of numFmts ? childElements(numFmts, NS.main, "numFmt") : []) {
    const id = Number.parseInt(attr(numFmt, "numFmtId") ?? "", 10);
    const code = attr(numFmt, "formatCode");
    if (Number.isInteger(id) && code !== undefined) customFormats.set(id, code);
  }
  const cellXfs = childElement(doc.root, NS.main, "cellXfs");
  const formatByStyle = (cellXfs ? childElements(cellXfs, NS.main, "xf") : []).map((xf) => {
    const id = Number.parseInt(attr(xf, "numFmtId") ?? "0", 10);
    return formatCodeForId(id, customFormats);
  });
  return { formatByStyle, customFormats };
}

export function formatCodeForId(id: number, customFormats: ReadonlyMap<number, string>): string {
  return customFormats.get(id) ?? BUILTIN_NUMBER_FORMATS.get(id) ?? "General";
}
