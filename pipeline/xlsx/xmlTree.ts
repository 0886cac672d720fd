/**
 * A small, strict-enough XML parser for the SpreadsheetML parts of an xlsx package.
 *
 * It keeps, for every element, where it starts and ends in the source text, so that an edit
 * can splice new text into the original and leave every other byte as it was. Namespaces are
 * resolved (Excel, LibreOffice and openpyxl use different prefixes: "x:c", "c", "ns0:c"), so
 * callers look elements up by namespace URI and local name, never by prefix.
 *
 * Not supported (never seen in xlsx parts, refused with an error): DTDs with internal subsets.
 */

export interface XmlText {
  readonly kind: "text";
  /** Decoded text (entities and CDATA resolved). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface XmlElement {
  readonly kind: "element";
  /** The name as written, with its prefix ("x:c"). */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Resolved namespace URI ("" when none). */
  readonly ns: string;
  /** Attributes by name as written ("r:id"), decoded values, in source order. */
  readonly attributes: AttributeList;
  /** Prefix -> namespace URI in scope at this element (inherited ones included). */
  readonly scope: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  /** Offset of "<" of the start tag. */
  readonly start: number;
  /** Offset just after ">" of the start tag. */
  readonly openEnd: number;
  /** Offset of "</" of the end tag (equals openEnd for a self-closing element). */
  readonly closeStart: number;
  /** Offset just after the element. */
  readonly end: number;
  readonly selfClosing: boolean;
}

export type XmlNode = XmlElement | XmlText;

/**
 * An element's attributes as a flat [name, value, name, value ...] list: cheaper than a Map
 * for the hundreds of thousands of small elements of a large sheet.
 */
export class AttributeList implements Iterable<[string, string]> {
  constructor(readonly pairs: string[] = []) {}

  get(name: string): string | undefined {
    for (let i = 0; i < this.pairs.length; i += 2) if (this.pairs[i] === name) return this.pairs[i + 1];
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Appends; used by the parser only. */
  add(name: string, value: string): void {
    this.pairs.push(name, value);
  }

  *[Symbol.iterator](): Iterator<[string, string]> {
    for (let i = 0; i < this.pairs.length; i += 2) yield [this.pairs[i] as string, this.pairs[i + 1] as string];
  }
}

const NO_CHILDREN: XmlNode[] = [];

export interface XmlDocument {
  readonly source: string;
  readonly root: XmlElement;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (offset ${offset})`);
    this.name = "XmlSyntaxError";
  }
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";

interface MutableElement {
  kind: "element";
  name: string;
  prefix: string;
  local: string;
  ns: string;
  attributes: AttributeList;
  scope: Map<string, string>;
  children: XmlNode[];
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
}

/** Parses an XML part; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(source: string): XmlDocument {
  let pos = 0;
  const length = source.length;
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  const rootScope = new Map<string, string>([["xml", XML_NS]]);

  const fail = (message: string): never => {
    throw new XmlSyntaxError(message, pos);
  };

  while (pos < length) {
    const lt = source.indexOf("<", pos);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > pos) {
      const raw = source.slice(pos, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push({ kind: "text", text: decodeEntities(raw, pos), start: pos, end: textEnd });
      else if (raw.trim() !== "" && raw.trim() !== "\ufeff") fail("Text outside the root element");
      pos = textEnd;
      if (lt === -1) break;
    }
    const next = source.charCodeAt(pos + 1);
    if (next === 63 /* ? */) {
      const close = source.indexOf("?>", pos);
      if (close === -1) fail("Unclosed processing instruction");
      pos = close + 2;
    } else if (next === 33 /* ! */ && source.startsWith("<!--", pos)) {
      const close = source.indexOf("-->", pos);
      if (close === -1) fail("Unclosed comment");
      pos = close + 3;
    } else if (next === 33 && source.startsWith("<![CDATA[", pos)) {
      const close = source.indexOf("]]>", pos);
      if (close === -1) fail("Unclosed CDATA");
      const parent = stack[stack.length - 1];
      if (!parent) fail("CDATA outside the root element");
      parent?.children.push({ kind: "text", text: source.slice(pos + 9, close), start: pos, end: close + 3 });
      pos = close + 3;
    } else if (next === 33) {
      const close = source.indexOf(">", pos);
      if (close === -1 || source.slice(pos, close).includes("[")) fail("DTD not supported");
      pos = close + 1;
    } else if (next === 47 /* / */) {
      const close = source.indexOf(">", pos);
      if (close === -1) fail("Unclosed end tag");
      const name = source.slice(pos + 2, close).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`End tag </${name}> does not match <${open?.name ?? ""}>`);
      if (open) {
        open.closeStart = pos;
        open.end = close + 1;
      }
      pos = close + 1;
    } else {
      const element = readStartTag();
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail("Second root element");
      else root = element;
      if (!element.selfClosing) stack.push(element);
    }
  }
  if (stack.length > 0) fail(`Unclosed element <${stack[stack.length - 1]?.name ?? ""}>`);
  if (!root) fail("No root element");
  return { source, root: root as XmlElement };

  function readStartTag(): MutableElement {
    const start = pos;
    pos += 1;
    const name = readName();
    const raw = new AttributeList();
    for (;;) {
      skipSpace();
      const ch = source[pos];
      if (ch === undefined) fail("Unclosed start tag");
      if (ch === "/" && source.charCodeAt(pos + 1) === 62) {
        pos += 2;
        return finish(start, name, raw, true);
      }
      if (ch === ">") {
        pos += 1;
        return finish(start, name, raw, false);
      }
      const attribute = readName();
      skipSpace();
      if (source[pos] !== "=") fail(`Attribute ${attribute} without value`);
      pos += 1;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`Attribute ${attribute} value not quoted`);
      const close = source.indexOf(quote as string, pos + 1);
      if (close === -1) fail("Unclosed attribute value");
      if (raw.has(attribute)) fail(`Duplicate attribute ${attribute}`);
      const value = source.slice(pos + 1, close);
      if (value.indexOf("<") !== -1) fail(`"<" in attribute ${attribute}`);
      raw.add(attribute, value.indexOf("&") === -1 ? value : decodeEntities(value, pos + 1));
      pos = close + 1;
    }
  }

  function finish(start: number, name: string, attributes: AttributeList, selfClosing: boolean): MutableElement {
    const parentScope = stack[stack.length - 1]?.scope ?? rootScope;
    let scope = parentScope;
    const pairs = attributes.pairs;
    for (let i = 0; i < pairs.length; i += 2) {
      const key = pairs[i] as string;
      const value = pairs[i + 1] as string;
      if (key.charCodeAt(0) === 120 /* x */ && (key === "xmlns" || key.startsWith("xmlns:"))) {
        if (scope === parentScope) scope = new Map(parentScope);
        scope.set(key === "xmlns" ? "" : key.slice(6), value);
      }
    }
    const colon = name.indexOf(":");
    const prefix = colon === -1 ? "" : name.slice(0, colon);
    const local = colon === -1 ? name : name.slice(colon + 1);
    const ns = scope.get(prefix);
    if (ns === undefined && prefix !== "") fail(`Undeclared prefix ${prefix}`);
    return {
      kind: "element",
      name,
      prefix,
      local,
      ns: ns ?? "",
      attributes,
      scope,
      children: selfClosing ? NO_CHILDREN : [],
      start,
      openEnd: pos,
      closeStart: pos,
      end: pos,
      selfClosing,
    };
  }

  function readName(): string {
    const begin = pos;
    while (pos < length) {
      const c = source.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62 || c === 61) break;
      pos += 1;
    }
    if (pos === begin) fail("Expected a name");
    return source.slice(begin, pos);
  }

  function skipSpace(): void {
    while (pos < length) {
      const c = source.charCodeAt(pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      pos += 1;
    }
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Resolves the five XML entities and character references. */
export function decodeEntities(text: string, offset = 0): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new XmlSyntaxError(`Bare "&" in text`, offset);
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    const named = NAMED[name];
    if (named === undefined) throw new XmlSyntaxError(`Unknown entity &${name};`, offset);
    return named;
  });
}

/** Escapes text for element content or a double-quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/** Child elements of `parent` with the given namespace and local name. */
export function childElements(parent: XmlElement, ns: string, local: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => c.kind === "element" && c.local === local && c.ns === ns);
}

/** The first child element with the given namespace and local name. */
export function childElement(parent: XmlElement, ns: string, local: string): XmlElement | undefined {
  return parent.children.find((c): c is XmlElement => c.kind === "element" && c.local === local && c.ns === ns);
}

/** All child elements, whatever their name. */
export function elementChildren(parent: XmlElement): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => c.kind === "element");
}

/** An unprefixed attribute ("r", "s", "t"). */
export function attr(element: XmlElement, name: string): string | undefined {
  return element.attributes.get(name);
}

/** An attribute in a namespace ("r:id" with r bound to the relationships namespace), whatever its prefix. */
export function attrNs(element: XmlElement, ns: string, local: string): string | undefined {
  for (const [key, value] of element.attributes) {
    const colon = key.indexOf(":");
    if (colon === -1) continue;
    const prefix = key.slice(0, colon);
    if (prefix === "xmlns") continue;
    if (key.slice(colon + 1) === local && element.scope.get(prefix) === ns) return value;
  }
  return undefined;
}

/** The prefix bound to `ns` at this element ("" for the default namespace), or undefined. */
export function prefixFor(element: XmlElement, ns: string): string | undefined {
  if (element.scope.get("") === ns) return "";
  for (const [prefix, uri] of element.scope) if (uri === ns) return prefix;
  return undefined;
}

/** The element name to write for a new child of `parent` in the same namespace as `parent`. */
export function siblingName(parent: XmlElement, local: string): string {
  return parent.prefix === "" ? local : `${parent.prefix}:${local}`;
}

/** Concatenated text of an element's direct text children. */
export function directText(element: XmlElement): string {
  return element.children.map((c) => (c.kind === "text" ? c.text : "")).join("");
}

/** The start tag as written in the source ("<row r=\"3\" spans=\"1:4\">"). */
export function startTagSource(doc: XmlDocument, element: XmlElement): string {
  return doc.source.slice(element.start, element.openEnd);
}

/**
 * The start tag with some attributes set or removed, every other attribute as written.
 * A value of undefined removes the attribute. Returns an open tag (never self-closing).
 */
export function rewriteStartTag(element: XmlElement, changes: Readonly<Record<string, string | undefined>>): string {
  const parts = [element.name];
  const done = new Set<string>();
  for (const [key, value] of element.attributes) {
    if (key in changes) {
      done.add(key);
      const next = changes[key];
      if (next !== undefined) parts.push(`${key}="${escapeXml(next)}"`);
    } else {
      parts.push(`${key}="${escapeXml(value)}"`);
    }
  }
  for (const [key, value] of Object.entries(changes)) {
    if (!done.has(key) && value !== undefined) parts.push(`${key}="${escapeXml(value)}"`);
  }
  return `<${parts.join(" ")}>`;
}

/** The whole element as written, with its start tag's attributes changed (see rewriteStartTag). */
export function rewriteElement(doc: XmlDocument, element: XmlElement, changes: Readonly<Record<string, string | undefined>>): string {
  const open = rewriteStartTag(element, changes);
  if (element.selfClosing) return `${open.slice(0, -1)}/>`;
  return open + doc.source.slice(element.openEnd, element.end);
}

/** The element's source text, unchanged. */
export function elementSource(doc: XmlDocument, element: XmlElement): string {
  return doc.source.slice(element.start, element.end);
}
