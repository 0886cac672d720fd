/**
 * Editors for the package-level parts a patch may have to extend: a relationships part and
 * [Content_Types].xml. Each collects additions and removals and yields the new text, with
 * every existing entry left as written.
 */
import { NS } from "./namespaces";
import { applyTextEdits, type TextEdit } from "./textEdits";
import { attr, childElements, escapeXml, parseXml, type XmlDocument } from "./xmlTree";

export class RelsEditor {
  private readonly additions: string[] = [];
  private readonly removals = new Set<string>();
  private readonly ids: Set<string>;

  constructor(private readonly doc: XmlDocument | undefined) {
    this.ids = new Set(doc ? childElements(doc.root, NS.packageRels, "Relationship").map((r) => attr(r, "Id") ?? "") : []);
  }

  get changed(): boolean {
    return this.additions.length > 0 || this.removals.size > 0;
  }

  /** Adds a relationship with a fresh id ("rId7") and returns the id. */
  add(type: string, target: string): string {
    let n = this.ids.size + 1;
    while (this.ids.has(`rId${n}`)) n += 1;
    const id = `rId${n}`;
    this.ids.add(id);
    this.additions.push(`<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`);
    return id;
  }

  remove(id: string): void {
    this.removals.add(id);
  }

  /** The new part text. */
  text(): string {
    if (!this.doc) {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRels}">${this.additions.join("")}</Relationships>`;
    }
    const root = this.doc.root;
    const edits: TextEdit[] = [];
    for (const rel of childElements(root, NS.packageRels, "Relationship")) {
      if (this.removals.has(attr(rel, "Id") ?? "")) edits.push({ start: rel.start, end: rel.end, text: "" });
    }
    if (this.additions.length > 0) edits.push(closingInsert(this.doc, this.additions.join("")));
    return applyTextEdits(this.doc.source, edits);
  }
}

export class ContentTypesEditor {
  private readonly additions: string[] = [];
  private readonly removals = new Set<string>();

  constructor(private readonly doc: XmlDocument) {}

  static parse(text: string): ContentTypesEditor {
    return new ContentTypesEditor(parseXml(text));
  }

  get changed(): boolean {
    return this.additions.length > 0 || this.removals.size > 0;
  }

  /** Adds an Override for a part ("xl/comments3.xml"). */
  override(partName: string, contentType: string): void {
    this.additions.push(`<Override PartName="/${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`);
  }

  /** Makes sure a Default for the extension exists ("vml"). */
  ensureDefault(extension: string, contentType: string): void {
    const has = childElements(this.doc.root, NS.contentTypes, "Default").some((d) => (attr(d, "Extension") ?? "").toLowerCase() === extension.toLowerCase());
    const pending = this.additions.some((a) => a.startsWith(`<Default Extension="${extension}"`));
    if (!has && !pending) this.additions.unshift(`<Default Extension="${extension}" ContentType="${escapeXml(contentType)}"/>`);
  }

  removeOverride(partName: string): void {
    this.removals.add(`/${partName}`.toLowerCase());
  }

  text(): string {
    const edits: TextEdit[] = [];
    for (const o of childElements(this.doc.root, NS.contentTypes, "Override")) {
      if (this.removals.has((attr(o, "PartName") ?? "").toLowerCase())) edits.push({ start: o.start, end: o.end, text: "" });
    }
    if (this.additions.length > 0) edits.push(closingInsert(this.doc, this.additions.join("")));
    return applyTextEdits(this.doc.source, edits);
  }
}

/** An edit that puts `inner` at the end of the root element (expanding a self-closing root). */
function closingInsert(doc: XmlDocument, inner: string): TextEdit {
  const root = doc.root;
  if (root.selfClosing) {
    const open = doc.source.slice(root.start, root.openEnd).replace(/\s*\/>$/, ">");
    return { start: root.start, end: root.end, text: `${open}${inner}</${root.name}>` };
  }
  return { start: root.closeStart, end: root.closeStart, text: inner };
}

