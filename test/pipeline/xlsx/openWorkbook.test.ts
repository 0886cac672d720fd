// Reading workbooks written by other programs (openpyxl, LibreOffice) into Grids.
import { join } from "node:path";
import JSZip from "jszip";
import { cellAt } from "../../../core/workbook/grid";
import { openWorkbook } from "../../../pipeline/xlsx";
import { BilagaError } from "../../../pipeline/cli/errors";

const FIXTURES = join(__dirname, "../../fixtures/xlsx");
const NBSP = "\u00a0";

describe.each(["controller-openpyxl.xlsx", "controller-libreoffice.xlsx"])("openWorkbook(%s)", (name) => {
  const open = () => openWorkbook(join(FIXTURES, name));

  it("lists the sheets in workbook order with their hidden state", async () => {
    const wb = await open();
    expect(wb.sheetNames).toEqual(["Indikatorer", "Dold", "Skyddat", "Diagramblad"]);
    expect(wb.sheets.find((s) => s.name === "Dold")?.state).toBe("hidden");
    expect(wb.sheets.find((s) => s.name === "Indikatorer")?.state).toBe("visible");
  });

  it("reads values, number formats and the Swedish display text", async () => {
    const grid = (await open()).readGrid("Indikatorer");
    expect(grid.origin).toEqual({ row: 0, column: 0 });
    expect(cellAt(grid, 0, 0).value).toBe("Indikatorbilaga Arbetsmarknadsnämnden 2019");
    expect(cellAt(grid, 3, 1).value).toBe("Antal hushåll med försörjningsstöd i snitt per månad");
    expect(cellAt(grid, 3, 2)).toEqual({ value: 2996, text: `2${NBSP}996`, numberFormat: "#,##0" });
    expect(cellAt(grid, 4, 2)).toEqual({ value: 0.048, text: "4,80%", numberFormat: "0.00%" });
    expect(cellAt(grid, 4, 3).text).toBe("5,12%");
    expect(cellAt(grid, 5, 2).text).toBe("21 dagar");
    expect(cellAt(grid, 6, 2).text).toBe("7,2%");
    expect(cellAt(grid, 7, 2).text).toBe("8%");
    expect(cellAt(grid, 8, 2).text).toBe(`\u22121${NBSP}234${NBSP}567,89`);
    expect(cellAt(grid, 4, 6).value).toBe(true);
    expect(cellAt(grid, 5, 6).text).toBe("2019-06-15");
    expect(cellAt(grid, 10, 1).value).toBe("* Uppgift från 2017 års mätning.");
  });

  it("reads the merged areas", async () => {
    const grid = (await open()).readGrid("Indikatorer");
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 5 },
        { top: 3, left: 0, bottom: 5, right: 0 },
        { top: 6, left: 0, bottom: 8, right: 0 },
      ]),
    );
    expect(grid.merges).toHaveLength(3);
  });

  it("reads a hidden sheet, and refuses a chart sheet or a missing one with a Swedish message", async () => {
    const wb = await open();
    expect(cellAt(wb.readGrid("Dold"), 1, 0).value).toBe(42);
    expect(() => wb.readGrid("Finns inte")).toThrow(BilagaError);
    try {
      wb.readGrid("Finns inte");
    } catch (error) {
      expect((error as BilagaError).issues[0]?.code).toBe("workbook/sheet-not-found");
    }
  });
});

it("reads a formula's cached value (LibreOffice stores it)", async () => {
  const grid = (await openWorkbook(join(FIXTURES, "controller-libreoffice.xlsx"))).readGrid("Indikatorer");
  expect(cellAt(grid, 3, 6).value).toBe(-134);
});

it("refuses what is not an xlsx package", async () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0")]);
  await expect(openWorkbook(ole)).rejects.toMatchObject({ issues: [{ code: "workbook/encrypted" }] });
  await expect(openWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toMatchObject({ issues: [{ code: "workbook/legacy-xls" }] });
  await expect(openWorkbook(new Uint8Array(Buffer.from("Namn;Belopp\n")))).rejects.toMatchObject({ issues: [{ code: "workbook/not-xlsx" }] });
});

it("refuses an .xlsb and a Strict Open XML workbook", async () => {
  const rels = (target: string): string =>
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
  const xlsb = new JSZip();
  xlsb.file("[Content_Types].xml", "<Types/>");
  xlsb.file("_rels/.rels", rels("xl/workbook.bin"));
  xlsb.file("xl/workbook.bin", new Uint8Array([1, 2, 3]));
  await expect(openWorkbook(await xlsb.generateAsync({ type: "uint8array" }))).rejects.toMatchObject({ issues: [{ code: "workbook/binary-xlsb" }] });
  const strict = new JSZip();
  strict.file("[Content_Types].xml", "<Types/>");
  strict.file("_rels/.rels", rels("xl/workbook.xml"));
  strict.file("xl/workbook.xml", `<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><sheets/></workbook>`);
  await expect(openWorkbook(await strict.generateAsync({ type: "uint8array" }))).rejects.toMatchObject({ issues: [{ code: "workbook/strict-ooxml" }] });
});

it("refuses a workbook with a damaged part, and reads a UTF-16 part", async () => {
  const zip = await JSZip.loadAsync(await import("node:fs/promises").then((fs) => fs.readFile(join(FIXTURES, "controller-openpyxl.xlsx"))));
  const sheet = (await zip.file("xl/worksheets/sheet2.xml")?.async("string")) ?? "";
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sheet.replace(/^/, '<?xml version="1.0" encoding="UTF-16"?>'), "utf16le")]);
  zip.file("xl/worksheets/sheet2.xml", utf16);
  const wb = await openWorkbook(await zip.generateAsync({ type: "uint8array" }));
  expect(cellAt(wb.readGrid("Dold"), 1, 0).value).toBe(42);
  zip.file("xl/worksheets/sheet2.xml", sheet.replace("</sheetData>", ""));
  await expect(openWorkbook(await zip.generateAsync({ type: "uint8array" }))).rejects.toMatchObject({ issues: [{ code: "workbook/not-xlsx" }] });
});

describe("formula cells", () => {
  const uncalculated = { value: null, text: "", numberFormat: "General", hasFormula: true };

  it("marks a formula never calculated (openpyxl leaves its value empty) as a cell with a formula", async () => {
    const grid = (await openWorkbook(join(FIXTURES, "controller-openpyxl.xlsx"))).readGrid("Indikatorer");
    expect(cellAt(grid, 3, 6)).toEqual(uncalculated); // G4 =C4-D4
    expect(cellAt(grid, 6, 5)).toEqual(uncalculated); // F7 =SUM(A1)
    expect(cellAt(grid, 4, 6).hasFormula).toBeUndefined(); // G5 holds a constant
  });

  it("marks a calculated formula and keeps its cached value (LibreOffice)", async () => {
    const grid = (await openWorkbook(join(FIXTURES, "controller-libreoffice.xlsx"))).readGrid("Indikatorer");
    expect(cellAt(grid, 3, 6)).toMatchObject({ value: -134, hasFormula: true });
  });

  it("marks a shared formula's children, which only name their group", async () => {
    const zip = await JSZip.loadAsync(await import("node:fs/promises").then((fs) => fs.readFile(join(FIXTURES, "controller-openpyxl.xlsx"))));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    const shared = sheet
      .replace('<v>0</v></c></row><row r="11">', '<v>0</v></c><c r="H9"><f t="shared" ref="H9:H10" si="0">C9-D9</f><v>-1484568.391</v></c></row><row r="10"><c r="H10"><f t="shared" si="0"/></c></row><row r="11">');
    expect(shared).not.toBe(sheet);
    zip.file("xl/worksheets/sheet1.xml", shared);
    const grid = (await openWorkbook(await zip.generateAsync({ type: "uint8array" }))).readGrid("Indikatorer");
    expect(cellAt(grid, 8, 7)).toMatchObject({ value: -1484568.391, hasFormula: true });
    expect(cellAt(grid, 9, 7)).toEqual(uncalculated);
  });
});
