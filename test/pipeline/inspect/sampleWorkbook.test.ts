// The committed sample workbook is what `npm run samples` makes from the seed layout, and it
// looks like a controller's workbook: merged, rotated focus areas, number formats, header style.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { rangeFromA1 } from "../../../core/workbook/address";
import { openWorkbook } from "../../../pipeline/xlsx/openWorkbook";
import { makeAppendixWorkbook, SAMPLE_WORKBOOK_FILE, storedFormatCode } from "../../../samples/make/makeAppendixWorkbook";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { REPO } from "./runCli";

const committedBytes = new Uint8Array(readFileSync(join(REPO, SAMPLE_WORKBOOK_FILE)));

describe("samples/verksamhetsplan-amn-2019.xlsx", () => {
  it("shows the same cells, texts and merges as a freshly generated one (run `npm run samples` if not)", async () => {
    const committed = await openWorkbook(committedBytes, "committed.xlsx");
    const fresh = await openWorkbook(await makeAppendixWorkbook(), "fresh.xlsx");
    expect(committed.sheetNames).toEqual(fresh.sheetNames);
    for (const sheet of fresh.sheetNames) expect(committed.readGrid(sheet)).toEqual(fresh.readGrid(sheet));
  });

  it("has the seed's cells: numbers as numbers with their formats, text as text, every merge", async () => {
    const grid = (await openWorkbook(committedBytes, "sample.xlsx")).readGrid(SEED_APPENDIX.sheet);
    const at = (address: string) => {
      const match = /^([A-Z]+)(\d+)$/.exec(address);
      const column = (match?.[1] ?? "A").charCodeAt(0) - 65;
      const row = Number.parseInt(match?.[2] ?? "1", 10) - 1;
      return grid.cells[row - grid.origin.row]?.[column - grid.origin.column];
    };
    for (const cell of SEED_APPENDIX.cells) {
      const read = at(cell.address);
      expect(read?.value).toEqual(cell.value);
      if (cell.numberFormat) expect(read?.numberFormat).toBe(storedFormatCode(cell.numberFormat));
    }
    expect(grid.merges).toEqual(expect.arrayContaining(SEED_APPENDIX.merges.map((m) => rangeFromA1(m))));
    expect(grid.merges).toHaveLength(SEED_APPENDIX.merges.length);
  });

  it("is styled as a controller's workbook: rotated focus areas, wrapped goals, bold shaded header, widths", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(committedBytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SEED_APPENDIX.sheet);
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const rotated = SEED_APPENDIX.cells.filter((c) => c.style?.rotation !== undefined);
    expect(rotated.length).toBe(5);
    for (const cell of rotated) expect(sheet.getCell(cell.address).alignment?.textRotation).toBe(90);
    expect(sheet.getCell("C12").alignment?.wrapText).toBe(true);
    expect(sheet.getCell("D4").font?.bold).toBe(true);
    expect(sheet.getCell("D4").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(sheet.getCell("H57").border?.bottom?.style).toBe("thin");
    expect(sheet.getColumn("D").width).toBe(SEED_APPENDIX.columnWidths["D"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
  });
});
