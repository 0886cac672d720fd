/**
 * docProps/app.xml lists sheet names (TitlesOfParts) and their count (HeadingPairs). When a
 * sheet is added, its name is added there too; when the layout is not the usual one the part
 * is left as it was (it is informational; spreadsheet programs rewrite it on save).
 */
import { NS } from "./namespaces";
import { applyTextEdits, type TextEdit } from "./textEdits";
import { childElement, childElements, directText, elementChildren, escapeXml, rewriteStartTag, type XmlDocument } from "./xmlTree";

const SHEET_HEADINGS = ["worksheets", "kalkylblad", "arbetsblad"];

export function addSheetTitle(doc: XmlDocument, name: string): string | undefined {
  const root = doc.root;
  const vt = NS.docPropsVTypes;
  const headingPairs = childElement(root, NS.extendedProperties, "HeadingPairs");
  const titles = childElement(root, NS.extendedProperties, "TitlesOfParts");
  const headingVector = headingPairs ? childElement(headingPairs, vt, "vector") : undefined;
  const titleVector = titles ? childElement(titles, vt, "vector") : undefined;
  if (!headingVector || !titleVector || titleVector.selfClosing) return undefined;
  const variants = childElements(headingVector, vt, "variant");
  let before = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const labelVariant = variants[i];
    const countVariant = variants[i + 1];
    const label = labelVariant ? childElement(labelVariant, vt, "lpstr") : undefined;
    const count = countVariant ? childElement(countVariant, vt, "i4") : undefined;
    if (!label || !count) return undefined;
    const n = Number.parseInt(directText(count), 10);
    if (SHEET_HEADINGS.includes(directText(label).trim().toLowerCase())) {
      const items = elementChildren(titleVector);
      const edits: TextEdit[] = [];
      const lpstr = items[0]?.name ?? (titleVector.prefix ? `${titleVector.prefix}:lpstr` : "lpstr");
      const insertAt = before + n < items.length ? (items[before + n]?.start ?? titleVector.closeStart) : titleVector.closeStart;
      edits.push({ start: insertAt, end: insertAt, text: `<${lpstr}>${escapeXml(name)}</${lpstr}>` });
      edits.push({ start: count.openEnd, end: count.closeStart, text: String(n + 1) });
      edits.push({ start: titleVector.start, end: titleVector.openEnd, text: rewriteStartTag(titleVector, { size: String(items.length + 1) }) });
      return applyTextEdits(doc.source, edits);
    }
    before += n;
  }
  return undefined;
}
