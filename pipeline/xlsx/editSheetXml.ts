/**
 * Edits one worksheet part for a patch: writes cells into <sheetData> (rows and cells kept in
 * order, other cells as written), sets column widths in <cols>, widens <dimension>, and adds
 * the <legacyDrawing> that notes need. Strings are always stored as inline strings, never as
 * formulas, whatever they start with.
 */
import { rangeFromA1, rangeToA1, toA1, type CellRange } from "../../core/workbook/address";
import type { CellWrite } from "../../core/workbook/patch";
import { NS } from "./namespaces";
import { refuse } from "./refuse";
import { cellRefOf, escapeXstring, rowIndexOf } from "./sheetCells";
import type { StyleBook } from "./styleBook";
import { applyTextEdits, type TextEdit } from "./textEdits";
import {
  attr,
  childElement,
  childElements,
  elementChildren,
  elementSource,
  escapeXml,
  prefixFor,
  rewriteElement,
  rewriteStartTag,
  siblingName,
  type XmlDocument,
  type XmlElement,
} from "./xmlTree";

export interface SheetEditRequest {
  readonly file: string;
  readonly sheet: string;
  readonly writes: readonly CellWrite[];
  readonly columnWidths: ReadonlyArray<{ readonly column: number; readonly width: number }>;
  /** Relationship id of a legacy drawing (notes) to reference, when the sheet has none yet. */
  readonly legacyDrawingRelId?: string | undefined;
}

export interface SheetEditResult {
  readonly text: string;
  /** True when a formula cell was overwritten (the calculation chain must go). */
  readonly removedFormula: boolean;
}

/** Elements that come after <legacyDrawing> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_LEGACY_DRAWING = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

interface RowInfo {
  readonly el: XmlElement;
  readonly index: number;
  readonly cells: ReadonlyArray<{ readonly el: XmlElement; readonly column: number }>;
}

/** Checks a write target before anything is written: formulas other cells share cannot be overwritten. */
export function checkWrites(doc: XmlDocument, request: Pick<SheetEditRequest, "file" | "sheet" | "writes">): void {
  const targets = new Set(request.writes.map((w) => `${w.row}:${w.column}`));
  for (const row of readRows(doc)) {
    for (const cell of row.cells) {
      if (!targets.has(`${row.index}:${cell.column}`)) continue;
      const f = childElement(cell.el, doc.root.ns, "f");
      const kind = f ? attr(f, "t") : undefined;
      const ref = f ? attr(f, "ref") : undefined;
      const range = ref ? rangeFromA1(ref) : undefined;
      const spansOthers = range !== undefined && (range.top !== range.bottom || range.left !== range.right);
      if ((kind === "shared" && ref !== undefined) || (kind === "array" && spansOthers)) {
        refuse("workbook/shared-formula", { file: request.file, sheet: request.sheet, cell: toA1({ row: row.index, column: cell.column }) });
      }
    }
  }
}

/** Whether the sheet is protected (<sheetProtection sheet="1">). */
export function isSheetProtected(doc: XmlDocument): boolean {
  const protection = childElement(doc.root, doc.root.ns, "sheetProtection");
  const value = protection ? attr(protection, "sheet") : undefined;
  return value === "1" || value === "true";
}

export function editSheetXml(doc: XmlDocument, request: SheetEditRequest, styles: StyleBook): SheetEditResult {
  const root = doc.root;
  const ns = root.ns;
  const edits: TextEdit[] = [];
  const sheetData = childElement(root, ns, "sheetData");
  if (!sheetData) return refuse("workbook/not-xlsx", { file: request.file, sheet: request.sheet, raw: "bladet saknar sheetData" });
  const rows = readRows(doc);
  const colStyles = readColumnStyles(doc);

  // Last write to a cell wins; writes grouped by row, in column order.
  const byCell = new Map<string, CellWrite>();
  for (const w of request.writes) byCell.set(`${w.row}:${w.column}`, w);
  const byRow = new Map<number, CellWrite[]>();
  for (const w of byCell.values()) {
    const list = byRow.get(w.row) ?? [];
    list.push(w);
    byRow.set(w.row, list);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.column - b.column);

  let removedFormula = false;
  const name = (local: string): string => siblingName(sheetData, local);

  const cellXml = (w: CellWrite, base: number | undefined): string => {
    const s = styles.styleFor(base, { numberFormat: w.numberFormat, style: w.style });
    const sAttr = s === undefined ? "" : ` s="${s}"`;
    const r = toA1({ row: w.row, column: w.column });
    if (w.value === null) return `<${name("c")} r="${r}"${sAttr}/>`;
    if (typeof w.value === "number") {
      if (!Number.isFinite(w.value)) throw new Error(`Cannot write ${w.value} to ${request.sheet}!${r}`);
      return `<${name("c")} r="${r}"${sAttr}><${name("v")}>${String(w.value)}</${name("v")}></${name("c")}>`;
    }
    const text = escapeXml(escapeXstring(w.value));
    const space = /^\s|\s$|\n/.test(w.value) ? ` xml:space="preserve"` : "";
    return `<${name("c")} r="${r}"${sAttr} t="inlineStr"><${name("is")}><${name("t")}${space}>${text}</${name("t")}></${name("is")}></${name("c")}>`;
  };

  const rowStyle = (row: RowInfo | undefined): number | undefined => {
    if (!row) return undefined;
    const custom = attr(row.el, "customFormat");
    const s = attr(row.el, "s");
    return (custom === "1" || custom === "true") && s !== undefined ? Number.parseInt(s, 10) : undefined;
  };

  const newCellsFor = (writes: readonly CellWrite[], row: RowInfo | undefined): Map<number, string> => {
    const out = new Map<number, string>();
    for (const w of writes) {
      const existing = row?.cells.find((c) => c.column === w.column);
      let base: number | undefined;
      if (existing) {
        const s = attr(existing.el, "s");
        base = s === undefined ? undefined : Number.parseInt(s, 10);
        if (childElement(existing.el, ns, "f")) removedFormula = true;
      } else {
        base = rowStyle(row) ?? colStyles(w.column);
      }
      out.set(w.column, cellXml(w, base));
    }
    return out;
  };

  const anyRowWithoutR = rows.some((r) => attr(r.el, "r") === undefined);
  const pendingNewRows = [...byRow.keys()].filter((index) => !rows.some((r) => r.index === index)).sort((a, b) => a - b);
  let nextNew = 0;
  const newRowXml = (index: number): string => {
    const writes = byRow.get(index) ?? [];
    const cells = [...newCellsFor(writes, undefined).entries()].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);
    return `<${name("row")} r="${index + 1}">${cells.join("")}</${name("row")}>`;
  };

  for (const row of rows) {
    let before = "";
    while (nextNew < pendingNewRows.length && (pendingNewRows[nextNew] as number) < row.index) {
      before += newRowXml(pendingNewRows[nextNew] as number);
      nextNew += 1;
    }
    if (before) edits.push({ start: row.el.start, end: row.el.start, text: before });
    const writes = byRow.get(row.index);
    if (!writes) {
      if (anyRowWithoutR && attr(row.el, "r") === undefined) {
        edits.push({ start: row.el.start, end: row.el.openEnd, text: row.el.selfClosing ? rewriteStartTag(row.el, { r: String(row.index + 1) }).replace(/>$/, "/>") : rewriteStartTag(row.el, { r: String(row.index + 1) }) });
      }
      continue;
    }
    const fresh = newCellsFor(writes, row);
    const parts: Array<{ column: number; xml: string }> = [];
    for (const cell of row.cells) {
      if (fresh.has(cell.column)) continue;
      const xml = attr(cell.el, "r") === undefined ? rewriteElement(doc, cell.el, { r: toA1({ row: row.index, column: cell.column }) }) : elementSource(doc, cell.el);
      parts.push({ column: cell.column, xml });
    }
    for (const [column, xml] of fresh) parts.push({ column, xml });
    parts.sort((a, b) => a.column - b.column);
    // Non-cell children of a row (extLst) stay after the cells.
    const others = elementChildren(row.el).filter((c) => !(c.local === "c" && c.ns === ns)).map((c) => elementSource(doc, c)).join("");
    const changes: Record<string, string | undefined> = { r: String(row.index + 1) };
    const spans = attr(row.el, "spans");
    if (spans !== undefined) {
      const [lo = "1", hi = "1"] = spans.split(":");
      const first = Math.min(Number.parseInt(lo, 10) || 1, (parts[0]?.column ?? 0) + 1);
      const last = Math.max(Number.parseInt(hi, 10) || 1, (parts[parts.length - 1]?.column ?? 0) + 1);
      changes.spans = `${first}:${last}`;
    }
    edits.push({ start: row.el.start, end: row.el.end, text: `${rewriteStartTag(row.el, changes)}${parts.map((p) => p.xml).join("")}${others}</${row.el.name}>` });
  }
  const tail = pendingNewRows.slice(nextNew).map(newRowXml).join("");
  if (tail) {
    if (sheetData.selfClosing) edits.push({ start: sheetData.start, end: sheetData.end, text: `${rewriteStartTag(sheetData, {})}${tail}</${sheetData.name}>` });
    else edits.push({ start: sheetData.closeStart, end: sheetData.closeStart, text: tail });
  }

  // <dimension> covers what was there and what is written.
  const dimension = childElement(root, ns, "dimension");
  if (dimension && request.writes.length > 0) {
    const old = rangeFromA1(attr(dimension, "ref") ?? "");
    const written = request.writes.reduce<CellRange>(
      (r, w) => ({ top: Math.min(r.top, w.row), left: Math.min(r.left, w.column), bottom: Math.max(r.bottom, w.row), right: Math.max(r.right, w.column) }),
      { top: Number.POSITIVE_INFINITY, left: Number.POSITIVE_INFINITY, bottom: 0, right: 0 },
    );
    const hasCells = rows.some((r) => r.cells.length > 0);
    const union = old && hasCells
      ? { top: Math.min(old.top, written.top), left: Math.min(old.left, written.left), bottom: Math.max(old.bottom, written.bottom), right: Math.max(old.right, written.right) }
      : written;
    const ref = rangeToA1(union);
    if (ref !== attr(dimension, "ref")) edits.push({ start: dimension.start, end: dimension.end, text: rewriteElement(doc, dimension, { ref }) });
  }

  if (request.columnWidths.length > 0) edits.push(columnWidthEdit(doc, sheetData, request.columnWidths));

  if (request.legacyDrawingRelId !== undefined && !childElement(root, ns, "legacyDrawing")) {
    const rPrefix = prefixFor(root, NS.rel);
    const el = rPrefix
      ? `<${siblingName(sheetData, "legacyDrawing")} ${rPrefix}:id="${request.legacyDrawingRelId}"/>`
      : `<${siblingName(sheetData, "legacyDrawing")} xmlns:r="${NS.rel}" r:id="${request.legacyDrawingRelId}"/>`;
    const next = elementChildren(root).find((c) => c.ns === ns && AFTER_LEGACY_DRAWING.includes(c.local));
    const at = next ? next.start : root.closeStart;
    edits.push({ start: at, end: at, text: el });
  }

  return { text: applyTextEdits(doc.source, edits), removedFormula };
}

/** Rows of <sheetData> with their zero-based indices and cells. */
export function readRows(doc: XmlDocument): RowInfo[] {
  const ns = doc.root.ns;
  const sheetData = childElement(doc.root, ns, "sheetData");
  const rows: RowInfo[] = [];
  let previous = -1;
  for (const el of sheetData ? childElements(sheetData, ns, "row") : []) {
    const index = rowIndexOf(el, previous);
    previous = index;
    let previousColumn = -1;
    const cells = childElements(el, ns, "c").map((c) => {
      const column = cellRefOf(c, index, previousColumn).column;
      previousColumn = column;
      return { el: c, column };
    });
    rows.push({ el, index, cells });
  }
  return rows;
}

function readColumnStyles(doc: XmlDocument): (column: number) => number | undefined {
  const ns = doc.root.ns;
  const cols = childElement(doc.root, ns, "cols");
  const list = (cols ? childElements(cols, ns, "col") : []).map((c) => ({
    min: Number.parseInt(attr(c, "min") ?? "0", 10) - 1,
    max: Number.parseInt(attr(c, "max") ?? "0", 10) - 1,
    style: attr(c, "style"),
  }));
  return (column) => {
    const found = list.find((c) => c.min <= column && column <= c.max && c.style !== undefined && c.style !== "0");
    return found?.style === undefined ? undefined : Number.parseInt(found.style, 10);
  };
}

/** Replaces (or creates, right before <sheetData>) the <cols> element with the widths set. */
function columnWidthEdit(doc: XmlDocument, sheetData: XmlElement, widths: ReadonlyArray<{ readonly column: number; readonly width: number }>): TextEdit {
  const ns = doc.root.ns;
  const cols = childElement(doc.root, ns, "cols");
  const colName = siblingName(sheetData, "col");
  type Col = { min: number; max: number; el?: XmlElement; changes: Record<string, string | undefined> };
  let list: Col[] = (cols ? childElements(cols, ns, "col") : []).map((el) => ({
    min: Number.parseInt(attr(el, "min") ?? "0", 10),
    max: Number.parseInt(attr(el, "max") ?? "0", 10),
    el,
    changes: {},
  }));
  for (const { column, width } of widths) {
    const c = column + 1;
    const set = { width: String(Math.round(width * 100) / 100), customWidth: "1" };
    const hit = list.find((x) => x.min <= c && c <= x.max);
    if (!hit) {
      list.push({ min: c, max: c, changes: { ...set } });
    } else {
      const pieces: Col[] = [];
      if (hit.min < c) pieces.push({ ...hit, max: c - 1, changes: { ...hit.changes, max: String(c - 1) } });
      pieces.push({ ...hit, min: c, max: c, changes: { ...hit.changes, min: String(c), max: String(c), ...set } });
      if (c < hit.max) pieces.push({ ...hit, min: c + 1, changes: { ...hit.changes, min: String(c + 1) } });
      list = list.flatMap((x) => (x === hit ? pieces : [x]));
    }
  }
  list.sort((a, b) => a.min - b.min);
  const inner = list
    .map((x) => {
      if (x.el) return Object.keys(x.changes).length === 0 ? elementSource(doc, x.el) : rewriteElement(doc, x.el, x.changes);
      return `<${colName} min="${x.min}" max="${x.max}"${Object.entries(x.changes).map(([k, v]) => ` ${k}="${v ?? ""}"`).join("")}/>`;
    })
    .join("");
  if (cols) return { start: cols.start, end: cols.end, text: `${rewriteStartTag(cols, {})}${inner}</${cols.name}>` };
  const name = siblingName(sheetData, "cols");
  return { start: sheetData.start, end: sheetData.start, text: `<${name}>${inner}</${name}>` };
}
