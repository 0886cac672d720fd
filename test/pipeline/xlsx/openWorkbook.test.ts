// Reading workbooks written by other programs (openpyxl, LibreOffice) into Grids.
import { join } from "node:path";
import JSZip from "jszip";
import { cellAt } from "../../../core/grid";
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
