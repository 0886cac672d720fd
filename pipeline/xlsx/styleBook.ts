/**
 * New cell styles for a patch, appended to styles.xml: number formats, fonts, fills and
 * cellXfs entries are only ever added at the end, so every existing style index in the
 * workbook keeps meaning what it meant. A new style starts from the cell's old one (borders,
 * protection, alignment kept) and changes only what the write asks for.
 */
import type { CellStyle } from "../../core/workbook/patch";
import { NS } from "./namespaces";
import { BUILTIN_NUMBER_FORMATS, FIRST_CUSTOM_FORMAT_ID } from "./numberFormats";
import { applyTextEdits, type TextEdit } from "./textEdits";
import {
  attr,
  childElement,
  childElements,
  elementChildren,
  elementSource,
  escapeXml,
  rewriteStartTag,
  siblingName,
  type XmlDocument,
  type XmlElement,
} from "./xmlTree";

/** What a cell write asks of the style. */
export interface StyleRequest {
  readonly numberFormat?: string | undefined;
  readonly style?: CellStyle | undefined;
}

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export class StyleBook {
  private readonly root: XmlElement;
  private readonly customFormats = new Map<string, number>();
  private nextFormatId: number;
  private readonly fontEls: XmlElement[];
  private readonly fillCount: number;
  private readonly xfEls: XmlElement[];
  private readonly newFormats: string[] = [];
  private readonly newFonts: string[] = [];
  private readonly newFills: string[] = [];
  private readonly newXfs: string[] = [];
  private readonly memo = new Map<string, number>();

  constructor(private readonly doc: XmlDocument) {
    this.root = doc.root;
    const ns = this.root.ns;
    const numFmts = childElement(this.root, ns, "numFmts");
    let maxId = FIRST_CUSTOM_FORMAT_ID - 1;
    for (const f of numFmts ? childElements(numFmts, ns, "numFmt") : []) {
      const id = Number.parseInt(attr(f, "numFmtId") ?? "", 10);
      const code = attr(f, "formatCode");
      if (!Number.isInteger(id)) continue;
      maxId = Math.max(maxId, id);
      if (code !== undefined && !this.customFormats.has(code)) this.customFormats.set(code, id);
    }
    this.nextFormatId = maxId + 1;
    const fonts = childElement(this.root, ns, "fonts");
    this.fontEls = fonts ? childElements(fonts, ns, "font") : [];
    const fills = childElement(this.root, ns, "fills");
    this.fillCount = fills ? childElements(fills, ns, "fill").length : 0;
    const cellXfs = childElement(this.root, ns, "cellXfs");
    this.xfEls = cellXfs ? childElements(cellXfs, ns, "xf") : [];
  }

  get changed(): boolean {
    return this.newXfs.length > 0;
  }

  /**
   * The cellXfs index for a cell whose current style is `base` after applying `request`;
   * `base` itself when the request changes nothing.
   */
  styleFor(base: number | undefined, request: StyleRequest): number | undefined {
    const style = request.style ?? {};
    const wantsChange =
      request.numberFormat !== undefined || style.fill !== undefined || style.bold !== undefined || style.fontColor !== undefined || style.wrap !== undefined || style.horizontalAlignment !== undefined;
    if (!wantsChange) return base;
    const key = JSON.stringify([base ?? 0, request.numberFormat ?? null, style.fill ?? null, style.bold ?? null, style.fontColor ?? null, style.wrap ?? null, style.horizontalAlignment ?? null]);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const ns = this.root.ns;
    const baseXf = this.xfEls[base ?? 0] ?? this.xfEls[0];
    const changes: Record<string, string | undefined> = {};
    if (request.numberFormat !== undefined) {
      changes.numFmtId = String(this.formatId(request.numberFormat));
      changes.applyNumberFormat = "1";
    }
    if (style.bold !== undefined || style.fontColor !== undefined) {
      changes.fontId = String(this.fontId(Number.parseInt((baseXf && attr(baseXf, "fontId")) ?? "0", 10), style));
      changes.applyFont = "1";
    }
    if (style.fill !== undefined) {
      changes.fillId = String(this.fillId(style.fill));
      changes.applyFill = "1";
    }
    const xfName = siblingName(this.xfEls[0] ?? this.root, "xf");
    const alignmentName = siblingName(this.xfEls[0] ?? this.root, "alignment");
    const base0 = baseXf ?? undefined;
    let open = base0 ? rewriteStartTag(base0, changes) : `<${xfName} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0">`;
    if (!base0) open = rewriteStartTagText(open, changes);
    let inner = "";
    const oldAlignment = base0 ? childElement(base0, ns, "alignment") : undefined;
    if (style.wrap !== undefined || style.horizontalAlignment !== undefined) {
      const alignChanges: Record<string, string | undefined> = {};
      if (style.wrap !== undefined) alignChanges.wrapText = style.wrap ? "1" : "0";
      if (style.horizontalAlignment !== undefined) alignChanges.horizontal = style.horizontalAlignment;
      const alignment = oldAlignment ? rewriteStartTag(oldAlignment, alignChanges).slice(0, -1) + "/>" : `<${alignmentName}${Object.entries(alignChanges).map(([k, v]) => ` ${k}="${escapeXml(v ?? "")}"`).join("")}/>`;
      inner += alignment;
      open = open.replace(/>$/, "").replace(/\s+applyAlignment="[^"]*"/, "") + ` applyAlignment="1">`;
    } else if (oldAlignment && this.doc) {
      inner += elementSource(this.doc, oldAlignment);
    }
    const protection = base0 ? childElement(base0, ns, "protection") : undefined;
    if (protection) inner += elementSource(this.doc, protection);
    const index = this.xfEls.length + this.newXfs.length;
    this.newXfs.push(`${open}${inner}</${xfName}>`);
    this.memo.set(key, index);
    return index;
  }

  /** The new styles.xml text, or undefined when nothing was added. */
  text(): string | undefined {
    if (!this.changed) return undefined;
    const ns = this.root.ns;
    const edits: TextEdit[] = [];
    const append = (local: string, items: readonly string[], countOld: number, before: readonly string[]): void => {
      if (items.length === 0) return;
      const el = childElement(this.root, ns, local);
      const count = String(countOld + items.length);
      if (el && !el.selfClosing) {
        edits.push({ start: el.start, end: el.openEnd, text: rewriteStartTag(el, { count }) });
        edits.push({ start: el.closeStart, end: el.closeStart, text: items.join("") });
      } else if (el) {
        edits.push({ start: el.start, end: el.end, text: `${rewriteStartTag(el, { count })}${items.join("")}</${el.name}>` });
      } else {
        const name = siblingName(this.root, local);
        const next = elementChildren(this.root).find((c) => before.includes(c.local));
        const at = next ? next.start : this.root.closeStart;
        edits.push({ start: at, end: at, text: `<${name} count="${count}">${items.join("")}</${name}>` });
      }
    };
    const numFmts = childElement(this.root, ns, "numFmts");
    append("numFmts", this.newFormats, numFmts ? childElements(numFmts, ns, "numFmt").length : 0, ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    append("fonts", this.newFonts, this.fontEls.length, ["fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    append("fills", this.newFills, this.fillCount, ["borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    append("cellXfs", this.newXfs, this.xfEls.length, ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"]);
    return applyTextEdits(this.doc.source, edits);
  }

  private formatId(code: string): number {
    for (const [id, builtin] of BUILTIN_NUMBER_FORMATS) if (builtin === code && id !== 14 && id !== 22) return id;
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId;
    this.nextFormatId += 1;
    this.customFormats.set(code, id);
    this.newFormats.push(`<${siblingName(this.root, "numFmt")} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private fontId(baseId: number, style: CellStyle): number {
    const base = this.fontEls[baseId] ?? this.fontEls[0];
    const ns = this.root.ns;
    const fontName = siblingName(base ?? this.root, "font");
    const child = (local: string): string => siblingName(base ?? this.root, local);
    const kept = base ? elementChildren(base).filter((c) => !(c.ns === ns && (c.local === "b" || (style.fontColor !== undefined && c.local === "color")))) : [];
    let inner = style.bold ? `<${child("b")}/>` : "";
    if (style.bold === undefined && base && childElement(base, ns, "b")) inner += elementSource(this.doc, childElement(base, ns, "b") as XmlElement);
    for (const c of kept) inner += elementSource(this.doc, c);
    if (style.fontColor !== undefined) inner += `<${child("color")} rgb="FF${style.fontColor.toUpperCase()}"/>`;
    const index = this.fontEls.length + this.newFonts.length;
    this.newFonts.push(`<${fontName}>${inner}</${fontName}>`);
    return index;
  }

  private fillId(rgb: string): number {
    const fill = siblingName(this.root, "fill");
    const pattern = siblingName(this.root, "patternFill");
    const fg = siblingName(this.root, "fgColor");
    const bg = siblingName(this.root, "bgColor");
    const index = this.fillCount + this.newFills.length;
    this.newFills.push(`<${fill}><${pattern} patternType="solid"><${fg} rgb="FF${rgb.toUpperCase()}"/><${bg} indexed="64"/></${pattern}></${fill}>`);
    return index;
  }
}

function rewriteStartTagText(open: string, changes: Readonly<Record<string, string | undefined>>): string {
  let out = open;
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    const pattern = new RegExp(`\\s${key}="[^"]*"`);
    out = pattern.test(out) ? out.replace(pattern, ` ${key}="${escapeXml(value)}"`) : out.replace(/>$/, ` ${key}="${escapeXml(value)}">`);
  }
  return out;
}
