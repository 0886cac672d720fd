/**
 * Cell notes as legacy comments: the comments part (authors + commentList) and the VML
 * drawing that places each note's box, merged into the sheet's existing ones when it has
 * them. A note on a cell that already has someone's note keeps their text above ours; a note
 * Bilaga wrote before is replaced. Cells with a threaded comment are refused.
 */
import { toA1 } from "../../core/workbook/address";
import { NS } from "./namespaces";
import { unescapeXstring, escapeXstring } from "./sheetCells";
import { stringItemText } from "./readSheetGrid";
import { applyTextEdits, type TextEdit } from "./textEdits";
import { attr, childElement, childElements, escapeXml, siblingName, type XmlDocument } from "./xmlTree";

export const NOTE_AUTHOR = "Bilaga";

export interface Note {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

/** The new comments part text: `doc` is the existing part, or undefined to make one. */
export function mergeComments(doc: XmlDocument | undefined, written: readonly Note[]): { text: string; newShapes: Note[] } {
  const notes = lastNotePerCell(written);
  if (!doc) {
    const list = notes.map((n) => commentXml("", n, 0, n.text)).join("");
    return {
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list}</commentList></comments>`,
      newShapes: [...notes],
    };
  }
  const root = doc.root;
  const ns = root.ns;
  const edits: TextEdit[] = [];
  const authorsEl = childElement(root, ns, "authors");
  const authors = authorsEl ? childElements(authorsEl, ns, "author").map((a) => unescapeXstring(a.children.map((c) => (c.kind === "text" ? c.text : "")).join(""))) : [];
  let authorId = authors.indexOf(NOTE_AUTHOR);
  if (authorId === -1) {
    authorId = authors.length;
    const name = siblingName(authorsEl ?? root, "author");
    const author = `<${name}>${NOTE_AUTHOR}</${name}>`;
    if (authorsEl && !authorsEl.selfClosing) edits.push({ start: authorsEl.closeStart, end: authorsEl.closeStart, text: author });
    else if (authorsEl) edits.push({ start: authorsEl.start, end: authorsEl.end, text: `<${authorsEl.name}>${author}</${authorsEl.name}>` });
    else edits.push({ start: root.openEnd, end: root.openEnd, text: `<${siblingName(root, "authors")}>${author}</${siblingName(root, "authors")}>` });
  }
  const listEl = childElement(root, ns, "commentList");
  const existing = listEl ? childElements(listEl, ns, "comment") : [];
  const prefix = root.prefix;
  const appended: string[] = [];
  const newShapes: Note[] = [];
  for (const note of notes) {
    const ref = toA1(note);
    const old = existing.find((c) => attr(c, "ref") === ref);
    if (old) {
      const oldAuthor = authors[Number.parseInt(attr(old, "authorId") ?? "-1", 10)];
      const textEl = childElement(old, ns, "text");
      const oldText = textEl ? stringItemText(textEl, ns) : "";
      const merged = oldAuthor === NOTE_AUTHOR ? note.text : `${oldText}\n\n${NOTE_AUTHOR}: ${note.text}`;
      const keepAuthor = oldAuthor === NOTE_AUTHOR ? authorId : Number.parseInt(attr(old, "authorId") ?? "0", 10);
      edits.push({ start: old.start, end: old.end, text: commentXml(prefix, note, keepAuthor, merged) });
    } else {
      appended.push(commentXml(prefix, note, authorId, note.text));
      newShapes.push(note);
    }
  }
  if (appended.length > 0) {
    if (listEl && !listEl.selfClosing) edits.push({ start: listEl.closeStart, end: listEl.closeStart, text: appended.join("") });
    else if (listEl) edits.push({ start: listEl.start, end: listEl.end, text: `<${listEl.name}>${appended.join("")}</${listEl.name}>` });
    else edits.push({ start: root.closeStart, end: root.closeStart, text: `<${siblingName(root, "commentList")}>${appended.join("")}</${siblingName(root, "commentList")}>` });
  }
  return { text: applyTextEdits(doc.source, edits), newShapes };
}

/** One note per cell, the last written, as for the cell's value: a cell has one comment. */
function lastNotePerCell(notes: readonly Note[]): Note[] {
  const last = new Map<string, Note>();
  for (const note of notes) {
    const key = toA1(note);
    last.delete(key); // keeps the order of the last writes
    last.set(key, note);
  }
  return [...last.values()];
}

function commentXml(prefix: string, note: Note, authorId: number, text: string): string {
  const n = (local: string): string => (prefix ? `${prefix}:${local}` : local);
  return `<${n("comment")} ref="${toA1(note)}" authorId="${authorId}"><${n("text")}><${n("r")}><${n("rPr")}><${n("sz")} val="9"/><${n("rFont")} val="Tahoma"/><${n("family")} val="2"/></${n("rPr")}><${n("t")} xml:space="preserve">${escapeXml(escapeXstring(text))}</${n("t")}></${n("r")}></${n("text")}></${n("comment")}>`;
}

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const shapetype = (declare: string): string =>
  `<v:shapetype${declare} id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/**
 * The VML drawing text with a note box for each new note. VML written by Excel is not always
 * well-formed XML, so it is edited as text: shapes go before the final </xml>, with ids above
 * every id already in the part.
 */
export function mergeVml(existing: string | undefined, notes: readonly Note[], idBlock: number): string {
  const ids = [...(existing ?? "").matchAll(/_x0000_s(\d+)/g)].map((m) => Number.parseInt(m[1] ?? "0", 10));
  let nextId = ids.reduce((max, id) => Math.max(max, id), idBlock * 1024) + 1;
  const hasShapetype = existing !== undefined && /id\s*=\s*["']_x0000_t202["']/.test(existing);
  // Excel's VML reader is not a full XML parser: declare the prefixes on each new shape only
  // when the drawing's root does not already bind v, o and x as Excel does.
  const rootBindsPrefixes =
    existing === undefined ||
    (/xmlns:v\s*=\s*["']urn:schemas-microsoft-com:vml["']/.test(existing) &&
      /xmlns:o\s*=\s*["']urn:schemas-microsoft-com:office:office["']/.test(existing) &&
      /xmlns:x\s*=\s*["']urn:schemas-microsoft-com:office:excel["']/.test(existing));
  const declare = rootBindsPrefixes ? "" : ` ${VML_NS}`;
  const shapes = notes.map((note) => shapeXml(note, nextId++, declare)).join("");
  const insert = (hasShapetype ? "" : shapetype(declare)) + shapes;
  if (existing === undefined) {
    return `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>${insert}</xml>`;
  }
  const at = existing.lastIndexOf("</xml>");
  if (at === -1) throw new Error("VML drawing without </xml>");
  return existing.slice(0, at) + insert + existing.slice(at);
}

function shapeXml(note: Note, id: number, declare: string): string {
  const anchor = `${note.column + 1}, 15, ${Math.max(note.row - 1, 0)}, 10, ${note.column + 3}, 15, ${note.row + 4}, 4`;
  return (
    `<v:shape${declare} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:200pt;height:70pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${note.row}</x:Row><x:Column>${note.column}</x:Column></x:ClientData></v:shape>`
  );
}

/** The idmap block numbers used by every VML part, so a new drawing can take a free one. */
export function usedVmlIdBlocks(vmlTexts: readonly string[]): number[] {
  const blocks: number[] = [];
  for (const text of vmlTexts) {
    for (const m of text.matchAll(/<(?:\w+:)?idmap[^>]*\sdata\s*=\s*["']([\d,\s]+)["']/g)) {
      for (const n of (m[1] ?? "").split(",")) {
        const value = Number.parseInt(n.trim(), 10);
        if (Number.isInteger(value)) blocks.push(value);
      }
    }
  }
  return blocks;
}
