/**
 * Patch -> new xlsx package bytes, editing only the parts the patch must change: the target
 * worksheets, styles.xml (styles appended), the notes' comments and VML parts, and for a new
 * or replaced sheet workbook.xml, its relationships, [Content_Types].xml and docProps/app.xml.
 * Every other part is copied unchanged. Whatever cannot be kept whole is refused (BilagaError)
 * before any bytes are produced, and so is a sheet named Månadsdata that Bilaga did not write
 * (core/records/monthlySheet.ts mayReplaceMonthlySheet): it is never replaced.
 */
import { toA1 } from "../../core/workbook/address";
import type { CellWrite, Patch, SheetPatch } from "../../core/workbook/patch";
import { MONTHLY_SHEET, mayReplaceMonthlySheet } from "../../core/records/monthlySheet";
import { findSheet, kindSv, refuseDamagedXml, type SheetInfo, type XlsxWorkbook } from "./openWorkbook";
import { CONTENT_TYPE, NS, REL_TYPE } from "./namespaces";
import { checkWrites, editSheetXml, isSheetProtected } from "./editSheetXml";
import { ContentTypesEditor, RelsEditor } from "./partEditors";
import { mergeComments, mergeVml, usedVmlIdBlocks, type Note } from "./planNotes";
import { refuse } from "./refuse";
import { MINIMAL_STYLES, StyleBook } from "./styleBook";
import { addSheetTitle } from "./updateAppTitles";
import { asUtf8Part, findPartName, loadZip, parseRelationships, readPartText, relativeTarget, relsPartName, type Relationship } from "./xlsxPackage";
import { attr, attrNs, childElement, childElements, directText, elementChildren, escapeXml, parseXml, prefixFor, rewriteElement, siblingName, type XmlDocument } from "./xmlTree";
import { applyTextEdits, type TextEdit } from "./textEdits";

const isMonthlySheetName = (name: string): boolean => name.toLocaleLowerCase("sv-SE") === MONTHLY_SHEET.toLocaleLowerCase("sv-SE");
const INVALID_SHEET_NAME = /[:\\/?*[\]]/;
/** A formula element in a worksheet part (any prefix). */
const FORMULA = /<(\w+:)?f[\s>]/;
/** Elements after <calcPr> in a workbook (ECMA-376 CT_Workbook order). */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

const emptySheet = (): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

interface PlannedSheet {
  readonly patch: SheetPatch;
  /** The existing sheet, undefined for a new one. */
  readonly info: SheetInfo | undefined;
  readonly partName: string;
  readonly doc: XmlDocument;
  readonly rels: readonly Relationship[];
  readonly relsDoc: XmlDocument | undefined;
}

/**
 * Applies a patch to a copy of the workbook's package and returns the new bytes.
 *
 * @example const bytes = await applyPatch(wb, { sheets: [{ sheet: "Indikatorer", writes: [{ row: 3, column: 7, value: "Uppfyllt" }] }] });
 */
export async function applyPatch(workbook: XlsxWorkbook, patch: Patch): Promise<Uint8Array> {
  const { changed, removed, zip } = await refuseDamagedXml(workbook.file, () => planPackageEdits(workbook, patch));
  // Self-check: every changed XML part must parse, or nothing is produced (a bug, never the file's fault).
  for (const [name, text] of changed) {
    if (/\.vml$/i.test(name)) continue;
    try {
      parseXml(text);
    } catch (error) {
      throw new Error(`Bilaga made malformed XML in ${name}: ${(error as Error).message}`);
    }
  }
  for (const name of removed) zip.remove(name);
  for (const [name, text] of changed) zip.file(name, asUtf8Part(text));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

async function planPackageEdits(
  workbook: XlsxWorkbook,
  patch: Patch,
): Promise<{ changed: Map<string, string>; removed: Set<string>; zip: Awaited<ReturnType<typeof loadZip>> }> {
  const { file, parts } = workbook;
  const zip = await loadZip(workbook.bytes);
  const changed = new Map<string, string>();
  const removed = new Set<string>();

  const contentTypesName = findPartName(zip, "[Content_Types].xml") ?? refuse("workbook/not-xlsx", { file });
  const contentTypes = ContentTypesEditor.parse((await readPartText(zip, contentTypesName)) ?? "");
  const workbookRelsName = relsPartName(parts.workbookPart);
  const workbookRelsText = await readPartText(zip, workbookRelsName);
  const workbookRels = new RelsEditor(workbookRelsText === undefined ? undefined : parseXml(workbookRelsText));

  // 1. Plan and check every sheet before anything is written.
  const planned: PlannedSheet[] = [];
  const usedPartNames = new Set(Object.keys(zip.files).map((n) => n.toLowerCase()));
  const newSheetNames: string[] = [];
  for (const sheetPatch of mergeSameSheet(patch.sheets)) {
    const existing = sheetPatch.replaceWhole ? workbook.sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === sheetPatch.sheet.toLocaleLowerCase("sv-SE")) : findSheet(workbook.sheets, sheetPatch.sheet, file);
    const where = { file, sheet: sheetPatch.sheet };
    if (existing && existing.kind !== "worksheet") refuse("workbook/not-a-worksheet", { ...where, params: { kind: kindSv(existing.kind) } });
    if (existing) {
      const partName = existing.partName ?? refuse("workbook/not-xlsx", { ...where, raw: "bladets del saknas" });
      const oldDoc = parts.sheetXml.get(partName) ?? refuse("workbook/not-xlsx", { ...where, raw: "bladets del saknas" });
      if (isSheetProtected(oldDoc)) refuse("workbook/sheet-protected", where);
      const relsText = await readPartText(zip, relsPartName(partName));
      const relsDoc = relsText === undefined ? undefined : parseXml(relsText);
      const rels = parseRelationships(partName, relsDoc);
      if (sheetPatch.replaceWhole) {
        // Månadsdata is replaced whole only when it is Bilaga's own (or blank): never a controller's sheet of that name.
        if (isMonthlySheetName(existing.name) && !mayReplaceMonthlySheet(workbook.readGrid(existing.name))) {
          refuse("workbook/foreign-monthly-sheet", { file, sheet: existing.name });
        }
        if (rels.length > 0) refuse("workbook/sheet-has-objects", { ...where, params: { objects: describeObjects(rels) } });
        planned.push({ patch: sheetPatch, info: existing, partName, doc: parseXml(emptySheet()), rels: [], relsDoc: undefined });
      } else {
        checkWrites(oldDoc, { file, sheet: existing.name, writes: sheetPatch.writes });
        await checkThreadedComments(zip, rels, sheetPatch.writes, file, existing.name);
        planned.push({ patch: sheetPatch, info: existing, partName, doc: oldDoc, rels, relsDoc });
      }
    } else {
      const name = sheetPatch.sheet;
      if (name.trim().length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history") {
        refuse("workbook/invalid-sheet-name", where);
      }
      const protection = childElement(parts.workbookXml.root, NS.main, "workbookProtection");
      const locked = protection ? attr(protection, "lockStructure") : undefined;
      if (locked === "1" || locked === "true") refuse("workbook/structure-protected", where);
      const partName = freePartName(usedPartNames, (n) => `xl/worksheets/sheet${n}.xml`);
      newSheetNames.push(sheetPatch.sheet);
      planned.push({ patch: sheetPatch, info: undefined, partName, doc: parseXml(emptySheet()), rels: [], relsDoc: undefined });
    }
  }

  // 2. Styles (created when the workbook has none).
  let stylesPart = parts.stylesPart;
  let stylesDoc = parts.styles;
  if (!stylesPart || !stylesDoc) {
    stylesPart = freePartName(usedPartNames, (n) => (n === 1 ? "xl/styles.xml" : `xl/styles${n}.xml`));
    stylesDoc = parseXml(MINIMAL_STYLES);
  }
  const styles = new StyleBook(stylesDoc);

  // 3. Sheets: notes first (they decide the legacyDrawing), then cells.
  let removedFormula = false;
  const vmlTexts: string[] = [];
  for (const name of Object.keys(zip.files)) if (/\.vml$/i.test(name)) vmlTexts.push((await zip.files[name]?.async("string")) ?? "");
  const idBlocks = usedVmlIdBlocks(vmlTexts);
  let nextIdBlock = Math.max(0, ...idBlocks) + 1;

  for (const plan of planned) {
    const notes: Note[] = plan.patch.writes.filter((w) => w.note !== undefined && w.note !== "").map((w) => ({ row: w.row, column: w.column, text: w.note as string }));
    let legacyDrawingRelId: string | undefined;
    if (notes.length > 0) {
      const sheetRels = new RelsEditor(plan.relsDoc);
      const commentsRel = plan.rels.find((r) => r.type === REL_TYPE.comments && !r.external);
      const commentsPart = commentsRel ? findPartName(zip, commentsRel.target) : undefined;
      const oldComments = commentsPart ? await readPartText(zip, commentsPart) : undefined;
      const merged = mergeComments(oldComments === undefined ? undefined : parseXml(oldComments), notes);
      let targetComments = commentsPart;
      if (!targetComments) {
        targetComments = freePartName(usedPartNames, (n) => `xl/comments${n}.xml`);
        sheetRels.add(REL_TYPE.comments, relativeTarget(plan.partName, targetComments));
        contentTypes.override(targetComments, CONTENT_TYPE.comments);
      }
      changed.set(targetComments, merged.text);

      const legacyEl = childElement(plan.doc.root, plan.doc.root.ns, "legacyDrawing");
      const legacyId = legacyEl ? attrNs(legacyEl, NS.rel, "id") : undefined;
      const vmlRel = plan.rels.find((r) => r.type === REL_TYPE.vmlDrawing && !r.external && (legacyId === undefined || r.id === legacyId));
      const vmlPart = vmlRel ? findPartName(zip, vmlRel.target) : undefined;
      if (merged.newShapes.length > 0 || !vmlPart) {
        const oldVml = vmlPart ? await readPartText(zip, vmlPart) : undefined;
        const block = vmlPart ? Math.max(...usedVmlIdBlocks([oldVml ?? ""]), 1) : nextIdBlock++;
        const targetVml = vmlPart ?? freePartName(usedPartNames, (n) => `xl/drawings/vmlDrawing${n}.vml`);
        changed.set(targetVml, mergeVml(oldVml, vmlPart ? merged.newShapes : notes, block));
        if (!vmlPart) {
          legacyDrawingRelId = sheetRels.add(REL_TYPE.vmlDrawing, relativeTarget(plan.partName, targetVml));
          contentTypes.ensureDefault("vml", CONTENT_TYPE.vmlDrawing);
        } else if (!legacyEl && vmlRel) {
          legacyDrawingRelId = vmlRel.id;
        }
      }
      if (sheetRels.changed) changed.set(relsPartName(plan.partName), sheetRels.text());
    }
    const result = editSheetXml(
      plan.doc,
      { file, sheet: plan.patch.sheet, writes: plan.patch.writes, columnWidths: plan.patch.columnWidths ?? [], legacyDrawingRelId },
      styles,
    );
    removedFormula ||= result.removedFormula || (plan.patch.replaceWhole === true && plan.info !== undefined && FORMULA.test(parts.sheetXml.get(plan.partName)?.source ?? ""));
    changed.set(plan.partName, result.text);
  }

  const stylesText = styles.text();
  if (stylesText !== undefined) {
    changed.set(stylesPart, stylesText);
    if (!parts.stylesPart) {
      workbookRels.add(REL_TYPE.styles, relativeTarget(parts.workbookPart, stylesPart));
      contentTypes.override(stylesPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    }
  }

  // 4. Workbook: new sheets, and the calculation chain when formula cells were overwritten.
  const workbookEdits: TextEdit[] = [];
  const newSheetEls: string[] = [];
  let nextSheetId = Math.max(0, ...workbook.sheets.map((s) => s.sheetId)) + 1;
  const sheetsEl = childElement(parts.workbookXml.root, NS.main, "sheets") ?? refuse("workbook/not-xlsx", { file });
  for (const plan of planned) {
    if (plan.info) continue;
    const relId = workbookRels.add(REL_TYPE.worksheet, relativeTarget(parts.workbookPart, plan.partName));
    contentTypes.override(plan.partName, CONTENT_TYPE.worksheet);
    const rPrefix = prefixFor(sheetsEl, NS.rel);
    const idAttr = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${NS.rel}" r:id="${relId}"`;
    newSheetEls.push(`<${siblingName(sheetsEl, "sheet")} name="${escapeXml(plan.patch.sheet)}" sheetId="${nextSheetId++}" ${idAttr}/>`);
  }
  if (newSheetEls.length > 0) {
    if (sheetsEl.selfClosing) workbookEdits.push({ start: sheetsEl.start, end: sheetsEl.end, text: `<${sheetsEl.name}>${newSheetEls.join("")}</${sheetsEl.name}>` });
    else workbookEdits.push({ start: sheetsEl.closeStart, end: sheetsEl.closeStart, text: newSheetEls.join("") });
  }
  if (removedFormula) {
    for (const rel of parts.workbookRels.filter((r) => r.type === REL_TYPE.calcChain)) {
      const name = findPartName(zip, rel.target);
      workbookRels.remove(rel.id);
      if (name) {
        removed.add(name);
        contentTypes.removeOverride(name);
      }
    }
  }
  const hasFormulas = [...parts.sheetXml.values()].some((doc) => FORMULA.test(doc.source));
  if (hasFormulas) {
    const edit = fullCalcOnLoad(parts.workbookXml);
    if (edit) workbookEdits.push(edit);
  }
  if (workbookEdits.length > 0) changed.set(parts.workbookPart, applyTextEdits(parts.workbookXml.source, workbookEdits));
  if (workbookRels.changed) changed.set(workbookRelsName, workbookRels.text());
  if (contentTypes.changed) changed.set(contentTypesName, contentTypes.text());
  if (newSheetNames.length > 0) {
    const appName = findPartName(zip, "docProps/app.xml");
    const appText = appName ? await readPartText(zip, appName) : undefined;
    if (appName && appText !== undefined) {
      let text: string | undefined = appText;
      for (const name of newSheetNames) text = text === undefined ? undefined : addSheetTitle(parseXml(text), name);
      if (text !== undefined) changed.set(appName, text);
    }
  }

  return { changed, removed, zip };
}

/** Two patches for the same sheet become one (writes in order). */
function mergeSameSheet(sheets: readonly SheetPatch[]): SheetPatch[] {
  const out: SheetPatch[] = [];
  for (const sheet of sheets) {
    const index = out.findIndex((s) => s.sheet.toLocaleLowerCase("sv-SE") === sheet.sheet.toLocaleLowerCase("sv-SE"));
    const same = out[index];
    if (!same) {
      out.push(sheet);
      continue;
    }
    out[index] = {
      sheet: same.sheet,
      ...(same.replaceWhole || sheet.replaceWhole ? { replaceWhole: true } : {}),
      writes: [...same.writes, ...sheet.writes],
      columnWidths: [...(same.columnWidths ?? []), ...(sheet.columnWidths ?? [])],
    };
  }
  return out;
}

function freePartName(used: Set<string>, make: (n: number) => string): string {
  for (let n = 1; ; n += 1) {
    const name = make(n);
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

function describeObjects(rels: readonly Relationship[]): string {
  const words = new Set(
    rels.map((r) => {
      const type = r.type.split("/").pop() ?? r.type;
      if (type === "drawing") return "diagram eller bilder";
      if (type === "comments" || type === "vmlDrawing" || type === "threadedComment") return "kommentarer";
      if (type === "table") return "tabeller";
      if (type === "pivotTable") return "pivottabeller";
      return type;
    }),
  );
  const list = [...words];
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} och ${list[list.length - 1] ?? ""}`;
}

/** Refuses a note on a cell that holds a threaded comment (its legacy placeholder must stay as Excel wrote it). */
async function checkThreadedComments(zip: Awaited<ReturnType<typeof loadZip>>, rels: readonly Relationship[], writes: readonly CellWrite[], file: string, sheet: string): Promise<void> {
  const noted = writes.filter((w) => w.note !== undefined && w.note !== "");
  if (noted.length === 0) return;
  const refs = new Set<string>();
  for (const rel of rels.filter((r) => r.type === REL_TYPE.threadedComment || r.type.endsWith("/threadedComment"))) {
    const text = await readPartText(zip, rel.target);
    if (text === undefined) continue;
    const doc = parseXml(text);
    for (const c of childElements(doc.root, doc.root.ns, "threadedComment")) refs.add((attr(c, "ref") ?? "").toUpperCase());
  }
  // Excel keeps a legacy placeholder beside each threaded comment, authored "tc={id}".
  for (const rel of rels.filter((r) => r.type === REL_TYPE.comments)) {
    const text = await readPartText(zip, rel.target);
    if (text === undefined) continue;
    const doc = parseXml(text);
    const authorsEl = childElement(doc.root, doc.root.ns, "authors");
    const authors = authorsEl ? childElements(authorsEl, doc.root.ns, "author").map((a) => directText(a)) : [];
    const list = childElement(doc.root, doc.root.ns, "commentList");
    for (const c of list ? childElements(list, doc.root.ns, "comment") : []) {
      const author = authors[Number.parseInt(attr(c, "authorId") ?? "-1", 10)] ?? "";
      if (author.startsWith("tc=")) refs.add((attr(c, "ref") ?? "").toUpperCase());
    }
  }
  for (const w of noted) {
    const cell = toA1(w);
    if (refs.has(cell)) refuse("workbook/threaded-comment", { file, sheet, cell });
  }
}

/**
 * Asks the spreadsheet program to recalculate on opening, so formulas that read the written
 * cells show current values (the cached ones in the file are from before the patch).
 */
function fullCalcOnLoad(doc: XmlDocument): TextEdit | undefined {
  const root = doc.root;
  const calcPr = childElement(root, NS.main, "calcPr");
  if (calcPr) {
    const value = attr(calcPr, "fullCalcOnLoad");
    if (value === "1" || value === "true") return undefined;
    return { start: calcPr.start, end: calcPr.end, text: rewriteElement(doc, calcPr, { fullCalcOnLoad: "1" }) };
  }
  const next = elementChildren(root).find((c) => c.ns === NS.main && AFTER_CALC_PR.includes(c.local));
  const at = next ? next.start : root.closeStart;
  return { start: at, end: at, text: `<${siblingName(root, "calcPr")} fullCalcOnLoad="1"/>` };
}
