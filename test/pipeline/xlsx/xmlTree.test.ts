// The XML reader behind the xlsx layer: namespaces by URI whatever the prefix, positions that
// let edits keep every other byte, and errors for what is not well-formed.
import fc from "fast-check";
import { applyTextEdits } from "../../../pipeline/xlsx/textEdits";
import { attr, attrNs, childElement, directText, parseXml, rewriteStartTag, XmlSyntaxError } from "../../../pipeline/xlsx/xmlTree";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

it("resolves prefixes to namespaces, for elements and attributes", () => {
  const doc = parseXml(`<?xml version="1.0"?><!-- c --><ns0:workbook xmlns:ns0="${MAIN}"><ns0:sheet xmlns:q="${REL}" name='A &amp; B' q:id="rId1"/></ns0:workbook>`);
  const sheet = childElement(doc.root, MAIN, "sheet");
  expect(sheet).toBeDefined();
  expect(attr(sheet!, "name")).toBe("A & B");
  expect(attrNs(sheet!, REL, "id")).toBe("rId1");
  expect(childElement(doc.root, "urn:other", "sheet")).toBeUndefined();
});

it("decodes entities, character references and CDATA", () => {
  const doc = parseXml(`<t>&lt;&#229;&#xE4;&quot;<![CDATA[<ö>]]></t>`);
  expect(directText(doc.root)).toBe('<åä"<ö>');
});

it.each([
  ["<a><b></a>", "mismatched end tag"],
  ["<a>", "unclosed element"],
  ["<a b=1/>", "unquoted attribute"],
  ["<a>&nbsp;</a>", "unknown entity"],
  ["<a/><b/>", "two roots"],
  ['<x:a xmlns:y="u"/>', "undeclared prefix"],
  ['<a b="1" b="2"/>', "duplicate attribute"],
  ["<!DOCTYPE a [<!ENTITY e 'x'>]><a/>", "a DTD"],
])("refuses %p (%s)", (xml) => {
  expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
});

it("an edit of one start tag leaves every other byte as it was", () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: fc.constantFrom("a", " ", "&amp;", "é", "\n") }), { minLength: 1, maxLength: 5 }), (texts) => {
      const source = `<r xmlns="${MAIN}">${texts.map((t, i) => `<c n='${i}'>${t}</c>`).join("\n")}</r>`;
      const doc = parseXml(source);
      const first = childElement(doc.root, MAIN, "c")!;
      const out = applyTextEdits(source, [{ start: first.start, end: first.openEnd, text: rewriteStartTag(first, { s: "3" }) }]);
      expect(out.slice(0, first.start)).toBe(source.slice(0, first.start));
      expect(out.slice(out.length - (source.length - first.openEnd))).toBe(source.slice(first.openEnd));
      expect(attr(childElement(parseXml(out).root, MAIN, "c")!, "s")).toBe("3");
    }),
  );
});

it("refuses overlapping edits (a bug, never the file's fault)", () => {
  expect(() => applyTextEdits("abcdef", [{ start: 1, end: 4, text: "x" }, { start: 3, end: 5, text: "y" }])).toThrow();
});
