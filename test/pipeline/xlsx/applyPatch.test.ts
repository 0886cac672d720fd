// Patching workbooks written by other programs: the written cells are right, and everything
// else (other cells, charts, images, comments, validation, conditional formats, names,
// hidden sheets) is still there, part for part.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAt, gridBounds } from "../../../core/workbook/grid";
import type { Patch } from "../../../core/workbook/patch";
import { applyPatch, openWorkbook, writeFileAtomically } from "../../../pipeline/xlsx";

const FIXTURES = join(__dirname, "../../fixtures/xlsx");
const NBSP = "\u00a0";
const TRICKY = ["=SUM(A1)", "+46 70 123 45 67", "-x", "@x"];

const patch: Patch = {
  sheets: [
    {
      sheet: "Indikatorer",
      writes: [
        { row: 2, column: 7, value: "Utfall 2019-T2", style: { bold: true } },
        { row: 2, column: 8, value: "Status", style: { bold: true, fill: "D9D9D9" } },
        { row: 3, column: 7, value: 2509, numberFormat: "#,##0" },
        { row: 3, column: 8, value: "Uppfyllt ●", style: { fill: "C6EFCE", fontColor: "006100" }, note: "Utfall 2 509 mot målvärde 2 800 – uppfyllt" },
        { row: 4, column: 7, value: 0.0483, numberFormat: "0.0%" },
        { row: 4, column: 8, value: "Ej uppfyllt", note: "Utfall 4,8 % mot målvärde 4,5 % – ej uppfyllt" },
        { row: 0, column: 0, value: "Indikatorbilaga Arbetsmarknadsnämnden 2019", note: "Ifylld av Bilaga för 2019-T2." },
        ...TRICKY.map((value, i) => ({ row: 11 + i, column: 7, value, asText: true })),
      ],
      columnWidths: [
        { column: 7, width: 16 },
        { column: 8, width: 14 },
      ],
    },
    {
      sheet: "Månadsdata",
      replaceWhole: true,
      // Bilaga's layout (title in A1, header row 4), so the sheet can be replaced again.
      writes: [
        { row: 0, column: 0, value: "Månadsdata" },
        ...["Indikator", "Källa", "Mått", "Uppdelning", "Månad", "Summa", "Antal"].map((value, column) => ({ row: 3, column, value })),
        { row: 4, column: 1, value: "forsorjningsstod" },
        { row: 4, column: 4, value: "2019-01" },
        { row: 4, column: 5, value: 2512 },
      ],
      columnWidths: [{ column: 0, width: 20 }],
    },
  ],
};

const written = new Set(patch.sheets[0]?.writes.map((w) => `${w.row}:${w.column}`));

async function entries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name]?.dir) out.set(name, await (zip.files[name] as JSZip.JSZipObject).async("nodebuffer"));
  return out;
}

const count = (xml: string, local: string): number => (xml.match(new RegExp(`<(\\w+:)?${local}[\\s>/]`, "g")) ?? []).length;

describe.each(["controller-openpyxl.xlsx", "controller-libreoffice.xlsx"])("applyPatch on %s", (name) => {
  let before: Awaited<ReturnType<typeof openWorkbook>>;
  let after: Awaited<ReturnType<typeof openWorkbook>>;
  let bytes: Uint8Array;

  beforeAll(async () => {
    before = await openWorkbook(join(FIXTURES, name));
    bytes = await applyPatch(before, patch);
    after = await openWorkbook(bytes, "ut.xlsx");
  });

  it("writes the cells with their formats, and strings as text", () => {
    const grid = after.readGrid("Indikatorer");
    expect(cellAt(grid, 2, 7).value).toBe("Utfall 2019-T2");
    expect(cellAt(grid, 3, 7)).toEqual({ value: 2509, text: `2${NBSP}509`, numberFormat: "#,##0" });
    expect(cellAt(grid, 4, 7)).toEqual({ value: 0.0483, text: "4,8%", numberFormat: "0.0%" });
    expect(cellAt(grid, 3, 8).value).toBe("Uppfyllt ●");
    TRICKY.forEach((text, i) => expect(cellAt(grid, 11 + i, 7)).toMatchObject({ value: text, text }));
  });

  it("stores = + - @ strings as inline strings, never as formulas", async () => {
    const files = await entries(bytes);
    const sheet = [...files.entries()].find(([n]) => /xl\/worksheets\/sheet1\.xml$/.test(n))?.[1].toString("utf8") ?? "";
    for (const [i, text] of TRICKY.entries()) {
      const cell = new RegExp(`<c r="H${12 + i}"[^>]*>.*?</c>`).exec(sheet)?.[0] ?? "";
      expect(cell).toContain('t="inlineStr"');
      expect(cell).toContain(`>${text.replace("&", "&amp;")}</t>`);
      expect(cell).not.toMatch(/<(\w+:)?f[\s>]/);
    }
  });

  it("leaves every other cell of every sheet as it was", () => {
    for (const sheet of before.sheets.filter((s) => s.kind === "worksheet")) {
      const old = before.readGrid(sheet.name);
      const now = after.readGrid(sheet.name);
      const b = gridBounds(old);
      for (let row = b.top; row <= b.bottom; row += 1) {
        for (let column = b.left; column <= b.right; column += 1) {
          if (sheet.name === "Indikatorer" && written.has(`${row}:${column}`)) continue;
          expect({ sheet: sheet.name, row, column, cell: cellAt(now, row, column) }).toEqual({ sheet: sheet.name, row, column, cell: cellAt(old, row, column) });
        }
      }
      expect(now.merges).toEqual(old.merges);
    }
  });

  it("copies every part it did not have to change byte for byte, and keeps every part", async () => {
    const old = await entries(before.bytes);
    const now = await entries(bytes);
    const allowedToChange = /^(\[Content_Types\]\.xml|docProps\/app\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/worksheets\/sheet1\.xml|xl\/worksheets\/_rels\/sheet1\.xml\.rels|xl\/comments.*\.xml|xl\/drawings\/(vmlDrawing|commentsDrawing)\d*\.vml)$/;
    for (const [part, content] of old) {
      expect(now.has(part)).toBe(true);
      if (!allowedToChange.test(part)) expect({ part, same: now.get(part)?.equals(content) }).toEqual({ part, same: true });
    }
    const added = [...now.keys()].filter((p) => !old.has(p));
    expect(added).toEqual([expect.stringMatching(/^xl\/worksheets\/sheet\d+\.xml$/)]);
  });

  it("keeps the chart, images, validation, conditional formats, comments, names and hidden state", async () => {
    const old = await entries(before.bytes);
    const now = await entries(bytes);
    const sheetOld = old.get("xl/worksheets/sheet1.xml")?.toString("utf8") ?? "";
    const sheetNow = now.get("xl/worksheets/sheet1.xml")?.toString("utf8") ?? "";
    for (const local of ["mergeCell", "dataValidation", "conditionalFormatting", "cfRule", "drawing", "legacyDrawing", "col"]) {
      expect({ local, n: count(sheetNow, local) }).toEqual({ local, n: count(sheetOld, local) + (local === "col" ? 2 : 0) });
    }
    const workbookXml = now.get("xl/workbook.xml")?.toString("utf8") ?? "";
    expect(workbookXml).toMatch(/name="Utfall2018"[^>]*>Indikatorer!\$D\$4:\$D\$9</);
    expect(workbookXml).toMatch(/localSheetId="0"[^>]*name="Malvarden"|name="Malvarden"[^>]*localSheetId="0"/);
    expect(after.sheets.map((s) => [s.name, s.state])).toEqual([...before.sheets.map((s) => [s.name, s.state]), ["Månadsdata", "visible"]]);
    expect([...now.keys()].some((p) => /^xl\/charts\/chart\d\.xml$/.test(p))).toBe(true);
    expect([...now.keys()].some((p) => /^xl\/media\/image\d\.png$/.test(p))).toBe(true);
  });

  it("adds the notes beside the existing comments, keeping the old text", async () => {
    const now = await entries(bytes);
    const comments = [...now.entries()].filter(([n]) => /^xl\/comments/.test(n)).map(([, c]) => c.toString("utf8"));
    expect(comments).toHaveLength(1);
    const xml = comments[0] ?? "";
    expect(xml).toContain('ref="I4"');
    expect(xml).toContain("Utfall 2 509 mot målvärde 2 800 – uppfyllt");
    expect(xml).toContain("Tabellen uppdateras varje tertial.");
    expect(xml).toContain("Ifylld av Bilaga för 2019-T2.");
    const vml = [...now.entries()].filter(([n]) => /\.vml$/.test(n)).map(([, c]) => c.toString("utf8")).join("");
    expect(vml).toMatch(/<x:Row>3<\/x:Row><x:Column>8<\/x:Column>/);
    expect(vml).toMatch(/<x:Row>4<\/x:Row><x:Column>8<\/x:Column>/);
  });

  it("writes the Månadsdata sheet whole", () => {
    const grid = after.readGrid("Månadsdata");
    expect(cellAt(grid, 3, 4).value).toBe("Månad");
    expect(cellAt(grid, 4, 4)).toMatchObject({ value: "2019-01", text: "2019-01" });
    expect(cellAt(grid, 4, 5).value).toBe(2512);
  });

  it("refuses to replace a 'Månadsdata' sheet Bilaga did not write, before any bytes are produced", async () => {
    const foreign = { sheets: [{ sheet: "Månadsdata", replaceWhole: true, writes: [{ row: 0, column: 0, value: "Mina anteckningar" }] }] };
    const own = await openWorkbook(await applyPatch(after, foreign));
    await expect(applyPatch(own, patch)).rejects.toMatchObject({ issues: [expect.objectContaining({ code: "workbook/foreign-monthly-sheet", sheet: "Månadsdata" })] });
  });

  it("replacing Månadsdata again gives the same cells and no second sheet", async () => {
    const again = await openWorkbook(await applyPatch(after, patch));
    expect(again.sheetNames.filter((n) => n === "Månadsdata")).toHaveLength(1);
    expect(again.readGrid("Månadsdata")).toEqual(after.readGrid("Månadsdata"));
    expect(cellAt(again.readGrid("Indikatorer"), 3, 7).value).toBe(2509);
  });
});

describe("exceljs reads the patched LibreOffice workbook back", () => {
  it("with every original cell unchanged and the new notes", async () => {
    const source = join(FIXTURES, "controller-libreoffice.xlsx");
    const bytes = await applyPatch(await openWorkbook(source), patch);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(source);
    const patched = new ExcelJS.Workbook();
    await patched.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    for (const sheet of original.worksheets) {
      const other = patched.getWorksheet(sheet.name);
      expect(other).toBeDefined();
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          if (sheet.name === "Indikatorer" && written.has(`${rowNumber - 1}:${colNumber - 1}`)) return;
          const now = other?.getCell(rowNumber, colNumber);
          expect({ at: cell.address, value: now?.value, numFmt: now?.numFmt }).toEqual({ at: cell.address, value: cell.value, numFmt: cell.numFmt });
        });
      });
    }
    const indicators = patched.getWorksheet("Indikatorer");
    expect(indicators?.getCell("I4").note).toBeDefined();
    expect(JSON.stringify(indicators?.getCell("I4").note)).toContain("uppfyllt");
    expect(indicators?.getCell("H12").value).toBe("=SUM(A1)");
    expect(indicators?.getCell("H12").formula).toBeUndefined();
    expect(patched.getWorksheet("Månadsdata")?.getCell("F5").value).toBe(2512);
  });
});

describe("refusals leave no file written", () => {
  const cases: Array<[string, Patch, string]> = [
    ["a protected sheet", { sheets: [{ sheet: "Skyddat", writes: [{ row: 0, column: 1, value: 1 }] }] }, "workbook/sheet-protected"],
    ["a chart sheet", { sheets: [{ sheet: "Diagramblad", writes: [{ row: 0, column: 0, value: 1 }] }] }, "workbook/not-a-worksheet"],
    ["a missing sheet", { sheets: [{ sheet: "Finns inte", writes: [{ row: 0, column: 0, value: 1 }] }] }, "workbook/sheet-not-found"],
    ["a note on a threaded comment", { sheets: [{ sheet: "Indikatorer", writes: [{ row: 5, column: 5, value: "x", note: "Ny anteckning" }] }] }, "workbook/threaded-comment"],
    ["replacing a sheet that has a chart", { sheets: [{ sheet: "Indikatorer", replaceWhole: true, writes: [] }] }, "workbook/sheet-has-objects"],
    ["a sheet name Excel does not allow", { sheets: [{ sheet: "Utfall 2019/T2", replaceWhole: true, writes: [] }] }, "workbook/invalid-sheet-name"],
  ];

  it.each(cases)("%s", async (_label, bad, code) => {
    const folder = await mkdtemp(join(tmpdir(), "bilaga-xlsx-"));
    const wb = await openWorkbook(join(FIXTURES, "controller-openpyxl.xlsx"));
    const run = async (): Promise<void> => {
      await writeFileAtomically(join(folder, "ut.xlsx"), await applyPatch(wb, bad));
    };
    await expect(run()).rejects.toMatchObject({ name: "BilagaError", issues: [{ code }] });
    expect(await readdir(folder)).toEqual([]);
  });

  it("refuses a note on a threaded comment's legacy placeholder even when the threaded part is not linked", async () => {
    const zip = await JSZip.loadAsync(await readFile(join(FIXTURES, "controller-openpyxl.xlsx")));
    const rels = "xl/worksheets/_rels/sheet1.xml.rels";
    zip.file(rels, ((await zip.file(rels)?.async("string")) ?? "").replace(/<Relationship Id="rIdTc1"[^>]*\/>/, ""));
    const wb = await openWorkbook(await zip.generateAsync({ type: "uint8array" }));
    await expect(applyPatch(wb, { sheets: [{ sheet: "Indikatorer", writes: [{ row: 5, column: 5, value: "x", note: "Ny" }] }] })).rejects.toMatchObject({
      issues: [{ code: "workbook/threaded-comment", cell: "F6" }],
    });
  });

  it("refuses to overwrite a formula other cells share", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Blad1");
    sheet.getCell("A1").value = 1;
    sheet.getCell("A2").value = 2;
    sheet.getCell("B1").value = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B2" } as ExcelJS.CellValue;
    sheet.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellValue;
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const wb = await openWorkbook(bytes);
    await expect(applyPatch(wb, { sheets: [{ sheet: "Blad1", writes: [{ row: 0, column: 1, value: 5 }] }] })).rejects.toMatchObject({
      issues: [{ code: "workbook/shared-formula", cell: "B1" }],
    });
  });
});

it("the fixture is unchanged by patching (the input is never written)", async () => {
  const path = join(FIXTURES, "controller-openpyxl.xlsx");
  const original = await readFile(path);
  await applyPatch(await openWorkbook(path), patch);
  expect((await readFile(path)).equals(original)).toBe(true);
});
