/**
 * Writes the sample workbook samples/verksamhetsplan-amn-2019.xlsx from the seed layout
 * (seedAppendix.ts) with exceljs, styled the way a controller's appendix looks: bold title rows,
 * a shaded header row, focus areas in rotated cells merged down column A, wrapped goal texts
 * merged over their rows, thin borders over the table, numbers with number formats, values
 * typed as text where the published table has text, column widths, frozen header, print setup.
 * A second sheet "Om bilagan" says what the file is, so that readers must find the table's sheet.
 * A third, "Aktiviteter", holds the plan's activities per perspective with invented follow-ups
 * for tertial 1 and 2 (seedActivities.ts), laid out as the plan prints them.
 *
 * Run: `npm run samples` (builds, then runs build/samples/make/makeAppendixWorkbook.js).
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { columnLetters, fromA1, rangeFromA1 } from "../../core/workbook/address";
import { SEED_APPENDIX, type LayoutCell, type SheetLayout } from "./seedAppendix";
import { SEED_ACTIVITY_LAYOUT } from "./seedActivities";

export const SAMPLE_WORKBOOK_FILE = "samples/verksamhetsplan-amn-2019.xlsx";

/** A fixed date for the workbook properties, so that regenerating changes nothing that matters. */
const FIXED_DATE = new Date(Date.UTC(2019, 0, 15, 8, 0, 0));

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };
const AREA_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Excel stores number format codes in the invariant form ("#,##0"); the layout may give the
 * form a Swedish Excel shows in its dialog ("# ##0"), where the space is the grouping mark.
 */
export function storedFormatCode(code: string): string {
  return code.replace(/# ##0/g, "#,##0");
}

interface TableBox {
  readonly headerRow: number;
  readonly lastRow: number;
  readonly left: number;
  readonly right: number;
  /** The indicator column; the value columns are to its right. */
  readonly indicatorColumn: number;
}

const isFootnote = (cell: LayoutCell): boolean => typeof cell.value === "string" && /^\*+\s/.test(cell.value);

/** The table's rectangle: the header row (the one naming the indicator column) to its last row. */
function tableBox(layout: SheetLayout): TableBox {
  const header = layout.cells.find((c) => typeof c.value === "string" && /^(nämnd)?indikator$/i.test(c.value.trim()));
  const headerRef = header ? fromA1(header.address) : undefined;
  if (!headerRef) throw new Error(`The layout of "${layout.sheet}" has no indicator header`);
  const headerCells = layout.cells.map((c) => fromA1(c.address)).filter((ref) => ref?.row === headerRef.row);
  const left = Math.min(...headerCells.map((ref) => ref?.column ?? 0));
  const right = Math.max(...headerCells.map((ref) => ref?.column ?? 0));
  let lastRow = headerRef.row;
  for (const cell of layout.cells) {
    const ref = fromA1(cell.address);
    if (ref && ref.row > headerRef.row && !isFootnote(cell)) lastRow = Math.max(lastRow, ref.row);
  }
  for (const merge of layout.merges) lastRow = Math.max(lastRow, rangeFromA1(merge)?.bottom ?? lastRow);
  return { headerRow: headerRef.row, lastRow, left, right, indicatorColumn: headerRef.column };
}

const LINE_HEIGHT = 15;
/** Points a rotated character needs, in Calibri 11. */
const ROTATED_CHAR = 7;

/**
 * Row heights that show every wrapped text whole. Excel and LibreOffice do not grow rows for
 * wrapped text in a file they open, so a generated sheet must say how tall each row is. Text in
 * a merged area may use the height of all its rows; rotated text needs height for its length.
 */
function rowHeights(layout: SheetLayout, box: TableBox): Map<number, number> {
  const widthOf = (column: number): number => layout.columnWidths[columnLetters(column)] ?? 9;
  const linesFor = (text: string, width: number): number =>
    text.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / (width * 1.05))), 0);
  const heights = new Map<number, number>();
  const spans: Array<{ top: number; bottom: number; needed: number }> = [];
  for (const cell of layout.cells) {
    const ref = fromA1(cell.address);
    if (!ref || ref.row < box.headerRow || ref.row > box.lastRow) continue;
    const text = String(cell.value);
    const needed =
      cell.style?.rotation !== undefined ? text.length * ROTATED_CHAR + 10 : linesFor(text, widthOf(ref.column)) * LINE_HEIGHT;
    const merge = layout.merges.map((m) => rangeFromA1(m)).find((r) => r && r.top === ref.row && r.left === ref.column);
    if (merge && merge.bottom > merge.top) spans.push({ top: merge.top, bottom: merge.bottom, needed });
    else heights.set(ref.row, Math.max(heights.get(ref.row) ?? LINE_HEIGHT, needed));
  }
  for (let row = box.headerRow; row <= box.lastRow; row++) if (!heights.has(row)) heights.set(row, LINE_HEIGHT);
  for (const span of spans) {
    const rows = span.bottom - span.top + 1;
    let total = 0;
    for (let row = span.top; row <= span.bottom; row++) total += heights.get(row) ?? LINE_HEIGHT;
    if (total >= span.needed) continue;
    const extra = (span.needed - total) / rows;
    for (let row = span.top; row <= span.bottom; row++) heights.set(row, (heights.get(row) ?? LINE_HEIGHT) + extra);
  }
  for (const [row, height] of heights) heights.set(row, Math.round(height * 4) / 4);
  return heights;
}

/** Adds one layout as a styled worksheet. */
export function addLayoutSheet(workbook: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const box = tableBox(layout);
  const sheet = workbook.addWorksheet(layout.sheet, {
    views: [{ state: "frozen", xSplit: 0, ySplit: box.headerRow + 1, zoomScale: 100 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${box.headerRow + 1}:${box.headerRow + 1}`,
    },
  });
  for (const [letters, width] of Object.entries(layout.columnWidths)) sheet.getColumn(letters).width = width;

  // Borders first over the whole table, so that empty and merged cells get them too.
  for (let row = box.headerRow; row <= box.lastRow; row++) {
    for (let column = box.left; column <= box.right; column++) {
      const cell = sheet.getCell(row + 1, column + 1);
      cell.border = BORDERS;
      cell.alignment =
        column > box.indicatorColumn ? { vertical: "top", horizontal: "center", wrapText: true } : { vertical: "top", wrapText: true };
    }
  }

  for (const spec of layout.cells) {
    const ref = fromA1(spec.address);
    if (!ref) throw new Error(`Bad address in layout: ${spec.address}`);
    const cell = sheet.getCell(spec.address);
    cell.value = spec.value;
    if (spec.numberFormat !== undefined && spec.numberFormat !== "General") cell.numFmt = storedFormatCode(spec.numberFormat);
    const style = spec.style ?? {};
    const inTable = ref.row >= box.headerRow && ref.row <= box.lastRow && ref.column >= box.left && ref.column <= box.right;
    const font: Partial<ExcelJS.Font> = { name: "Calibri", size: 11 };
    if (ref.row < box.headerRow) font.size = ref.row === 0 ? 14 : 12;
    if (isFootnote(spec)) font.size = 9;
    if (style.bold) font.bold = true;
    if (style.italic) font.italic = true;
    cell.font = font;
    if (inTable) {
      const alignment: Partial<ExcelJS.Alignment> = { ...cell.alignment };
      if (style.wrap) alignment.wrapText = true;
      if (style.verticalAlign) alignment.vertical = style.verticalAlign;
      if (style.rotation !== undefined) {
        alignment.textRotation = style.rotation;
        alignment.horizontal = "center";
        cell.fill = AREA_FILL;
      }
      if (ref.row === box.headerRow) {
        alignment.vertical = "middle";
        cell.fill = HEADER_FILL;
      }
      cell.alignment = alignment;
    }
  }
  for (let column = box.left; column <= box.right; column++) {
    const cell = sheet.getCell(box.headerRow + 1, column + 1);
    cell.fill = HEADER_FILL;
    cell.font = { name: "Calibri", size: 11, bold: true };
  }
  for (const [row, height] of rowHeights(layout, box)) sheet.getRow(row + 1).height = height;
  for (const merge of layout.merges) sheet.mergeCells(merge);
  return sheet;
}

/**
 * Adds the activity sheet: bold perspective headings, shaded header rows, wrapped texts, goal
 * cells merged down their activities, borders over each table, and row heights that show the
 * wrapped texts whole (Excel does not grow rows in a file it opens).
 */
export function addActivitySheet(workbook: ExcelJS.Workbook, layout: SheetLayout & { readonly headerRows: readonly number[] }): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(layout.sheet, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const widths = Object.entries(layout.columnWidths);
  for (const [letters, width] of widths) sheet.getColumn(letters).width = width;
  const lastColumn = widths.length;
  const headerRows = new Set(layout.headerRows);
  const rowsWithCells = new Set(layout.cells.map((c) => fromA1(c.address)?.row ?? -1));
  // A table runs from its header row to the last row before a blank one.
  for (const headerRow of layout.headerRows) {
    for (let row = headerRow; rowsWithCells.has(row) || layout.merges.some((m) => { const r = rangeFromA1(m); return r !== undefined && r.top < row && r.bottom >= row; }); row++) {
      for (let column = 1; column <= lastColumn; column++) {
        const cell = sheet.getCell(row + 1, column);
        cell.border = BORDERS;
        cell.alignment = { vertical: "top", wrapText: true };
        if (headerRows.has(row)) cell.fill = HEADER_FILL;
      }
    }
  }
  const heights = new Map<number, number>();
  for (const spec of layout.cells) {
    const ref = fromA1(spec.address);
    if (!ref) throw new Error(`Bad address in layout: ${spec.address}`);
    const cell = sheet.getCell(spec.address);
    cell.value = spec.value;
    cell.font = { name: "Calibri", size: ref.row === 0 ? 14 : 11, ...(spec.style?.bold ? { bold: true } : {}) };
    const merged = layout.merges.some((m) => rangeFromA1(m)?.top === ref.row && rangeFromA1(m)?.left === ref.column);
    if (spec.style?.wrap && !merged) {
      const width = layout.columnWidths[columnLetters(ref.column)] ?? 9;
      const lines = Math.max(1, Math.ceil(String(spec.value).length / (width * 1.05)));
      heights.set(ref.row, Math.max(heights.get(ref.row) ?? LINE_HEIGHT, lines * LINE_HEIGHT));
    }
  }
  for (const [row, height] of heights) sheet.getRow(row + 1).height = height;
  for (const merge of layout.merges) sheet.mergeCells(merge);
  return sheet;
}

const ABOUT_LINES: readonly string[] = [
  "Om bilagan",
  "",
  "Bladet Bilaga innehåller arbetsmarknadsnämndens indikatorbilaga till verksamhetsplanen 2019:",
  "kommunövergripande mål, nämndmål och nämndindikatorer med utfall 2017–2018 och målvärden 2019–2020.",
  "Utfall och status för innevarande år fylls i till höger om tabellen.",
  "",
  "Exempelfil: värdena är hämtade ur en publicerad verksamhetsplan; layouten och formateringen är gjorda för exemplet.",
  "Bladet Aktiviteter innehåller planens aktiviteter per perspektiv; statusarna för tertial 1 och 2 2019 är påhittade för exemplet.",
];

/** The whole sample workbook as xlsx bytes. */
export async function makeAppendixWorkbook(layout: SheetLayout = SEED_APPENDIX): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Controller, arbetsmarknadsförvaltningen";
  workbook.lastModifiedBy = "Controller, arbetsmarknadsförvaltningen";
  workbook.company = "Exempelkommun";
  workbook.title = "Verksamhetsplan 2019, bilaga: indikatorer";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  addLayoutSheet(workbook, layout);
  const about = workbook.addWorksheet("Om bilagan");
  about.getColumn(1).width = 110;
  ABOUT_LINES.forEach((text, index) => {
    const cell = about.getCell(index + 1, 1);
    cell.value = text;
    if (index === 0) cell.font = { name: "Calibri", size: 14, bold: true };
  });
  addActivitySheet(workbook, SEED_ACTIVITY_LAYOUT);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

if (require.main === module) {
  const target = resolve(process.argv[2] ?? SAMPLE_WORKBOOK_FILE);
  makeAppendixWorkbook()
    .then((bytes) => writeFile(target, bytes))
    .then(() => process.stdout.write(`Skrev ${target}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
      process.exitCode = 1;
    });
}
