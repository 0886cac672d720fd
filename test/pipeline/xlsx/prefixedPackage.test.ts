// A package written the way other generators do it: every SpreadsheetML element with an "x:"
// prefix, relationships under another prefix, rows and cells without r attributes, a
// self-closing row, rich-text shared strings with phonetic runs, single-quoted attributes.
import JSZip from "jszip";
import { cellAt } from "../../../core/workbook/grid";
import { applyPatch, openWorkbook } from "../../../pipeline/xlsx";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function prefixedWorkbook(extra?: (zip: JSZip) => void): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${REL}/officeDocument" Target="/xl/workbook.xml" Id="R1"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:rel="${REL}" xmlns:x="${MAIN}"><x:sheets><x:sheet name='Data &amp; mål' sheetId='1' rel:id='Rs1'/></x:sheets></x:workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="${REL}/worksheet" Target="/xl/worksheets/sheet.xml" Id="Rs1"/><Relationship Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml" Id="Rss"/><Relationship Type="${REL}/styles" Target="/xl/styles.xml" Id="Rst"/></Relationships>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="utf-8"?><x:sst xmlns:x="${MAIN}"><x:si><x:r><x:t>Antal </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">hushåll</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si><x:si><x:t>Rad_x000D_brytning</x:t></x:si></x:sst>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="utf-8"?><x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0&quot; %&quot;"/></x:numFmts><x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Calibri"/></x:font></x:fonts><x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders><x:cellXfs count="3"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><x:xf numFmtId="3" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`,
  );
  zip.file(
    "xl/worksheets/sheet.xml",
    `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${MAIN}"><x:dimension ref='B2:C4'/><x:sheetData><x:row r='2'><x:c r='B2' t='s'><x:v>0</x:v></x:c><x:c s='2'><x:v>2996</x:v></x:c></x:row><x:row><x:c r='B3' t='s'><x:v>1</x:v></x:c><x:c s='1'><x:v>4.8</x:v></x:c></x:row><x:row r='5' customHeight='1' ht='20'/></x:sheetData><x:mergeCells count='1'><x:mergeCell ref='B4:C4'/></x:mergeCells></x:worksheet>`,
  );
  extra?.(zip);
  return zip.generateAsync({ type: "uint8array" });
}

it("reads a prefixed package with implicit positions", async () => {
  const wb = await openWorkbook(await prefixedWorkbook());
  expect(wb.sheetNames).toEqual(["Data & mål"]);
  const grid = wb.readGrid("Data & mål");
  expect(grid.origin).toEqual({ row: 1, column: 1 });
  expect(cellAt(grid, 1, 1).value).toBe("Antal hushåll");
  expect(cellAt(grid, 1, 2)).toEqual({ value: 2996, text: "2\u00a0996", numberFormat: "#,##0" });
  expect(cellAt(grid, 2, 1).value).toBe("Rad\rbrytning");
  expect(cellAt(grid, 2, 2)).toEqual({ value: 4.8, text: "4,8 %", numberFormat: '0.0" %"' });
  expect(grid.merges).toEqual([{ top: 3, left: 1, bottom: 3, right: 2 }]);
});

it("patches it with prefixed elements, in order, with a new sheet and a note", async () => {
  const wb = await openWorkbook(await prefixedWorkbook());
  const bytes = await applyPatch(wb, {
    sheets: [
      {
        sheet: "Data & mål",
        writes: [
          { row: 2, column: 4, value: "Uppfyllt", note: "Förklaring", style: { fill: "C6EFCE" } },
          { row: 2, column: 0, value: 1 },
          { row: 4, column: 1, value: "I en tom rad" },
          { row: 0, column: 0, value: "Först" },
          { row: 9, column: 2, value: 0.5, numberFormat: "0%" },
        ],
        columnWidths: [{ column: 4, width: 12 }],
      },
      { sheet: "Månadsdata", replaceWhole: true, writes: [{ row: 0, column: 0, value: "Källa" }] },
    ],
  });
  const zip = await JSZip.loadAsync(bytes);
  const sheet = (await zip.file("xl/worksheets/sheet.xml")?.async("string")) ?? "";
  expect(sheet).not.toMatch(/<(c|row|is|t|v|cols|col|legacyDrawing)[\s>]/); // everything new is prefixed too
  const rows = [...sheet.matchAll(/<x:row r=["'](\d+)["']/g)].map((m) => Number(m[1]));
  expect(rows).toEqual([...rows].sort((a, b) => a - b));
  expect(rows).toEqual([1, 2, 3, 5, 10]);
  const row3 = /<x:row r="3".*?<\/x:row>/.exec(sheet)?.[0] ?? "";
  expect([...row3.matchAll(/r=["']([A-Z]+)3["']/g)].map((m) => m[1])).toEqual(["A", "B", "C", "E"]);
  expect(sheet).toContain('<x:dimension ref="A1:E10"/>');
  const workbookXml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  expect(workbookXml).toMatch(/<x:sheet name="Månadsdata" sheetId="2" rel:id="rId\d+"\/><\/x:sheets>/);

  const again = await openWorkbook(bytes);
  const grid = again.readGrid("Data & mål");
  expect(cellAt(grid, 2, 4).value).toBe("Uppfyllt");
  expect(cellAt(grid, 2, 2).value).toBe(4.8);
  expect(cellAt(grid, 2, 1).value).toBe("Rad\rbrytning");
  expect(cellAt(grid, 4, 1).value).toBe("I en tom rad");
  expect(cellAt(grid, 9, 2).text).toBe("50%");
  expect(again.readGrid("Månadsdata").cells[0]?.[0]?.value).toBe("Källa");
  expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet.xml.rels"]));
});

/** Adds a formula in D2, its calculation chain, and an app.xml listing the sheets as Excel does. */
async function withFormulaAndAppXml(): Promise<Uint8Array> {
  return prefixedWorkbook((zip) => {
    zip.file("xl/calcChain.xml", `<?xml version="1.0" encoding="utf-8"?><calcChain xmlns="${MAIN}"><c r="D2" i="1"/></calcChain>`);
    zip.file(
      "docProps/app.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant><vt:variant><vt:lpstr>Namngivna områden</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Data &amp; mål</vt:lpstr><vt:lpstr>Mål</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
    );
  }).then(async (bytes) => {
    const zip = await JSZip.loadAsync(bytes);
    const edit = async (name: string, change: (text: string) => string): Promise<void> => {
      zip.file(name, change((await zip.file(name)?.async("string")) ?? ""));
    };
    await edit("xl/worksheets/sheet.xml", (t) => t.replace("<x:c s='2'><x:v>2996</x:v></x:c>", "<x:c s='2'><x:v>2996</x:v></x:c><x:c r='D2'><x:f>C2*2</x:f><x:v>5992</x:v></x:c>"));
    await edit("xl/_rels/workbook.xml.rels", (t) => t.replace("</Relationships>", `<Relationship Type="${REL}/calcChain" Target="calcChain.xml" Id="Rcc"/></Relationships>`));
    await edit("[Content_Types].xml", (t) =>
      t.replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`),
    );
    return zip.generateAsync({ type: "uint8array" });
  });
}

it("drops the calculation chain when a formula cell is overwritten, and asks for a recalculation", async () => {
  const wb = await openWorkbook(await withFormulaAndAppXml());
  expect(cellAt(wb.readGrid("Data & mål"), 1, 3).value).toBe(5992);
  const zip = await JSZip.loadAsync(await applyPatch(wb, { sheets: [{ sheet: "Data & mål", writes: [{ row: 1, column: 3, value: 7 }] }] }));
  expect(zip.file("xl/calcChain.xml")).toBeNull();
  expect(await zip.file("xl/_rels/workbook.xml.rels")?.async("string")).not.toContain("calcChain");
  expect(await zip.file("[Content_Types].xml")?.async("string")).not.toContain("calcChain");
  expect(await zip.file("xl/workbook.xml")?.async("string")).toContain('<x:calcPr fullCalcOnLoad="1"/></x:workbook>');
});

it("keeps the calculation chain when no formula cell is written", async () => {
  const zip = await JSZip.loadAsync(await applyPatch(await openWorkbook(await withFormulaAndAppXml()), { sheets: [{ sheet: "Data & mål", writes: [{ row: 1, column: 5, value: 7 }] }] }));
  expect(zip.file("xl/calcChain.xml")).not.toBeNull();
});

it("adds a new sheet's name to docProps/app.xml after the other sheets", async () => {
  const wb = await openWorkbook(await withFormulaAndAppXml());
  const zip = await JSZip.loadAsync(await applyPatch(wb, { sheets: [{ sheet: "Månadsdata", replaceWhole: true, writes: [] }] }));
  const app = (await zip.file("docProps/app.xml")?.async("string")) ?? "";
  expect(app).toContain("<vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4>");
  expect(app).toContain('<vt:vector size="3" baseType="lpstr"><vt:lpstr>Data &amp; mål</vt:lpstr><vt:lpstr>Månadsdata</vt:lpstr><vt:lpstr>Mål</vt:lpstr></vt:vector>');
});
