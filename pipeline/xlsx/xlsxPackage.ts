/**
 * The xlsx package (an OPC zip): part lookup by name (case-insensitive, as OPC says),
 * relationships and their targets, and the content types. Reads only; edits go through
 * PackageEdits in applyPatch.
 */
import JSZip from "jszip";
import { NS } from "./namespaces";
import { attr, childElements, parseXml, type XmlDocument } from "./xmlTree";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Resolved part name without a leading slash ("xl/worksheets/sheet1.xml"); the raw target when external. */
  readonly target: string;
  readonly external: boolean;
}

/** Opens a zip; the caller has checked that the bytes are a zip. */
export async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes, { checkCRC32: true });
}

/** The zip entry name of a part, matched case-insensitively; undefined when absent. */
export function findPartName(zip: JSZip, partName: string): string | undefined {
  const wanted = partName.replace(/^\//, "");
  if (zip.files[wanted] && !zip.files[wanted]?.dir) return wanted;
  const lower = wanted.toLowerCase();
  return Object.keys(zip.files).find((name) => name.toLowerCase() === lower && !zip.files[name]?.dir);
}

/** A part's text: UTF-8 (with or without BOM), or UTF-16 when it starts with a UTF-16 BOM. */
export async function readPartText(zip: JSZip, partName: string): Promise<string | undefined> {
  const name = findPartName(zip, partName);
  if (name === undefined) return undefined;
  const bytes = await zip.files[name]?.async("uint8array");
  if (!bytes) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes).replace(/^\ufeff/, "");
}

/** Text to store for a changed part: always UTF-8, so its XML declaration must say so. */
export function asUtf8Part(text: string): string {
  return text.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])utf-16(?:le|be)?(["'])/i, "$1UTF-8$2");
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" -> "_rels/.rels". */
export function relsPartName(partName: string): string {
  const slash = partName.lastIndexOf("/");
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") base.pop();
    else if (segment !== "." && segment !== "") base.push(segment);
  }
  return base.join("/");
}

/** A target for a new relationship from `sourcePart` to `targetPart`, relative like Excel writes it. */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = targetPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function parseRelationships(sourcePart: string, doc: XmlDocument | undefined): Relationship[] {
  if (!doc) return [];
  return childElements(doc.root, NS.packageRels, "Relationship").map((el) => {
    const external = attr(el, "TargetMode") === "External";
    const target = attr(el, "Target") ?? "";
    return {
      id: attr(el, "Id") ?? "",
      type: attr(el, "Type") ?? "",
      target: external ? target : resolveTarget(sourcePart, target),
      external,
    };
  });
}

export async function readRelationships(zip: JSZip, sourcePart: string): Promise<Relationship[]> {
  const text = await readPartText(zip, relsPartName(sourcePart));
  return parseRelationships(sourcePart, text === undefined ? undefined : parseXml(text));
}
