/**
 * Opens an .xlsx (path or bytes) for reading and patching: checks it is a package this layer
 * can keep whole (not encrypted, not .xls/.xlsb, not Strict), finds the workbook part, its
 * sheets in workbook order with their hidden state, shared strings and styles.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type JSZip from "jszip";
import type { Grid } from "../../core/workbook/grid";
import { NS, REL_TYPE } from "./namespaces";
import { readStyleTable, type StyleTable } from "./numberFormats";
import { readSheetGrid, stringItemText } from "./readSheetGrid";
import { refuse } from "./refuse";
import { findPartName, loadZip, readPartText, readRelationships, type Relationship } from "./xlsxPackage";
import { attr, attrNs, childElement, childElements, parseXml, XmlSyntaxError, type XmlDocument } from "./xmlTree";

export type SheetState = "visible" | "hidden" | "veryHidden";
export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

export interface SheetInfo {
  readonly name: string;
  readonly state: SheetState;
  readonly kind: SheetKind;
  readonly sheetId: number;
  /** Relationship id from the workbook part. */
  readonly relId: string;
  /** Part name in the package ("xl/worksheets/sheet1.xml"); undefined when the target is missing. */
  readonly partName: string | undefined;
}

export interface XlsxWorkbook {
  /** The file's name, for messages ("bilaga.xlsx"); "arbetsbok.xlsx" when opened from bytes. */
  readonly file: string;
  /** The original package bytes, unchanged. */
  readonly bytes: Uint8Array;
  /** Every sheet's name, in workbook order (hidden ones included; see `sheets`). */
  readonly sheetNames: readonly string[];
  readonly sheets: readonly SheetInfo[];
  /** Reads a worksheet into a Grid; throws a BilagaError (workbook/sheet-not-found ...) otherwise. */
  readGrid(sheetName: string): Grid;
  /** Internal state for applyPatch. */
  readonly parts: WorkbookParts;
}

/** What applyPatch needs: the zip and the parsed workbook-level parts. */
export interface WorkbookParts {
  readonly zip: JSZip;
  readonly workbookPart: string;
  readonly workbookXml: XmlDocument;
  readonly workbookRels: readonly Relationship[];
  readonly stylesPart: string | undefined;
  readonly styles: XmlDocument | undefined;
  readonly styleTable: StyleTable;
  readonly sharedStrings: readonly string[];
  readonly date1904: boolean;
  /** Parsed worksheet parts by part name. */
  readonly sheetXml: ReadonlyMap<string, XmlDocument>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Opens a workbook from a path or from bytes.
 *
 * @example const wb = await openWorkbook("bilaga.xlsx"); wb.sheetNames // ["Indikatorer", "Månadsdata"]
 */
export async function openWorkbook(source: string | Uint8Array, fileName?: string): Promise<XlsxWorkbook> {
  const bytes = typeof source === "string" ? new Uint8Array(await readFile(source)) : source;
  const file = fileName ?? (typeof source === "string" ? basename(source) : "arbetsbok.xlsx");
  return refuseDamagedXml(file, () => openBytes(bytes, file));
}

/** Runs `work`; a part that is not well-formed XML means a damaged workbook: refused, not a crash. */
export async function refuseDamagedXml<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof XmlSyntaxError) return refuse("workbook/not-xlsx", { file, raw: `en del är skadad XML (${error.message})` });
    throw error;
  }
}

async function openBytes(bytes: Uint8Array, file: string): Promise<XlsxWorkbook> {
  const where = { file };
  if (startsWith(bytes, OLE_MAGIC)) {
    refuse(containsUtf16(bytes, "EncryptionInfo") ? "workbook/encrypted" : "workbook/legacy-xls", where);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) refuse("workbook/not-xlsx", where);
  let zip: JSZip;
  try {
    zip = await loadZip(bytes);
  } catch (error) {
    return refuse("workbook/not-xlsx", { ...where, raw: (error as Error).message });
  }
  const packageRels = await readRelationships(zip, "");
  const office = packageRels.find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith("/officeDocument"));
  if (!office) return refuse("workbook/not-xlsx", where);
  const workbookPart = findPartName(zip, office.target) ?? refuse("workbook/not-xlsx", where);
  if (/\.bin$/i.test(workbookPart)) refuse("workbook/binary-xlsb", where);
  const workbookXml = parseXml((await readPartText(zip, workbookPart)) ?? "");
  if (workbookXml.root.ns === NS.strictMain) refuse("workbook/strict-ooxml", where);
  if (workbookXml.root.ns !== NS.main) refuse("workbook/not-xlsx", { ...where, raw: workbookXml.root.ns });
  const workbookRels = await readRelationships(zip, workbookPart);

  const sheetsEl = childElement(workbookXml.root, NS.main, "sheets");
  const sheets: SheetInfo[] = (sheetsEl ? childElements(sheetsEl, NS.main, "sheet") : []).map((el) => {
    const relId = attrNs(el, NS.rel, "id") ?? "";
    const rel = workbookRels.find((r) => r.id === relId);
    const state = attr(el, "state");
    return {
      name: attr(el, "name") ?? "",
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      kind: sheetKind(rel?.type),
      sheetId: Number.parseInt(attr(el, "sheetId") ?? "0", 10),
      relId,
      partName: rel && !rel.external ? findPartName(zip, rel.target) : undefined,
    };
  });

  const sharedRel = workbookRels.find((r) => r.type === REL_TYPE.sharedStrings);
  const sharedText = sharedRel ? await readPartText(zip, sharedRel.target) : undefined;
  const sharedDoc = sharedText === undefined ? undefined : parseXml(sharedText);
  const sharedStrings = sharedDoc ? childElements(sharedDoc.root, NS.main, "si").map((si) => stringItemText(si, NS.main)) : [];

  const stylesRel = workbookRels.find((r) => r.type === REL_TYPE.styles);
  const stylesPart = stylesRel ? findPartName(zip, stylesRel.target) : undefined;
  const stylesText = stylesPart ? await readPartText(zip, stylesPart) : undefined;
  const styles = stylesText === undefined ? undefined : parseXml(stylesText);
  const styleTable = readStyleTable(styles);

  const workbookPr = childElement(workbookXml.root, NS.main, "workbookPr");
  const date1904Attr = workbookPr ? attr(workbookPr, "date1904") : undefined;
  const date1904 = date1904Attr === "1" || date1904Attr === "true";

  const sheetXml = new Map<string, XmlDocument>();
  for (const sheet of sheets) {
    if (sheet.kind !== "worksheet" || !sheet.partName) continue;
    const text = await readPartText(zip, sheet.partName);
    if (text !== undefined) sheetXml.set(sheet.partName, parseXml(text));
  }

  const parts: WorkbookParts = { zip, workbookPart, workbookXml, workbookRels, stylesPart, styles, styleTable, sharedStrings, date1904, sheetXml };
  return {
    file,
    bytes,
    sheetNames: sheets.map((s) => s.name),
    sheets,
    parts,
    readGrid(sheetName: string): Grid {
      const sheet = findSheet(sheets, sheetName, file);
      if (sheet.kind !== "worksheet") refuse("workbook/not-a-worksheet", { file, sheet: sheet.name, params: { kind: kindSv(sheet.kind) } });
      const doc = sheet.partName ? sheetXml.get(sheet.partName) : undefined;
      if (!doc) return refuse("workbook/not-xlsx", { file, sheet: sheet.name, raw: `bladet ${sheet.name} saknas i paketet` });
      return readSheetGrid(sheet.name, doc, { sharedStrings, formatByStyle: styleTable.formatByStyle, date1904 });
    },
  };
}

/** The sheet with this name (Excel compares sheet names case-insensitively). */
export function findSheet(sheets: readonly SheetInfo[], name: string, file: string): SheetInfo {
  const wanted = name.toLocaleLowerCase("sv-SE");
  return (
    sheets.find((s) => s.name === name) ??
    sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === wanted) ??
    refuse("workbook/sheet-not-found", { file, sheet: name, params: { sheets: sheets.map((s) => `"${s.name}"`).join(", ") } })
  );
}

export function kindSv(kind: SheetKind): string {
  switch (kind) {
    case "chartsheet":
      return "diagramblad";
    case "dialogsheet":
      return "dialogblad";
    case "macrosheet":
      return "makroblad";
    case "worksheet":
      return "kalkylblad";
    case "unknown":
      return "okänt slags blad";
  }
}

function sheetKind(type: string | undefined): SheetKind {
  if (type === REL_TYPE.worksheet) return "worksheet";
  if (type === REL_TYPE.chartsheet) return "chartsheet";
  if (type === REL_TYPE.dialogsheet) return "dialogsheet";
  if (type === REL_TYPE.macrosheet || type?.endsWith("/xlMacrosheet") || type?.endsWith("/xlIntlMacrosheet")) return "macrosheet";
  return "unknown";
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
