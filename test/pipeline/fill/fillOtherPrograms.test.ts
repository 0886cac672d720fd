// `fill` on controller workbooks made by other programs (openpyxl with a chart, an image,
// a comment, a threaded comment, a chart sheet, a hidden sheet; and LibreOffice's save of it):
// every package part the fill need not change comes out byte for byte, and every original
// cell of every worksheet reads back the same with pipeline/xlsx.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { cellAt, gridBounds } from "../../../core/workbook/grid";
import { parsePeriod } from "../../../core/periods/period";
import { planFill, writeFill } from "../../../pipeline/fill/fillWorkbook";
import { loadBindings } from "../../../pipeline/fill/loadBindings";
import { readPeriodRecords } from "../../../pipeline/fill/readPeriodRecords";
import { importFiles } from "../../../pipeline/ledger/importFiles";
import { openWorkbook } from "../../../pipeline/xlsx";
import { shippedProfiles } from "../ledgerTestKit";
import { SAMPLE_EXPORTS } from "../../fixtures/sampleExportFigures";

const ROOT = join(__dirname, "../../..");
const FIXTURES = join(ROOT, "test", "fixtures", "xlsx");
const dir = mkdtempSync(join(tmpdir(), "bilaga-fill-other-"));
const ledgerPath = join(dir, "liggare.sqlite");
const parsed = parsePeriod("2019-T2");
if (!parsed.ok) throw new Error("period");
const period = parsed.value;

beforeAll(async () => {
  await importFiles([SAMPLE_EXPORTS], { ledgerPath, profiles: shippedProfiles(), env: { BILAGA_KEY: "0123456789abcdef0123456789abcdef" } });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parts a fill may rewrite: the table's sheet (and its relationships, notes, VML), styles, and what a new sheet touches. */
function mayChange(name: string, tableSheetPart: string): boolean {
  const sheetFile = tableSheetPart.split("/").pop()!;
  return (
    name === tableSheetPart ||
    name === `xl/worksheets/_rels/${sheetFile}.rels` ||
    /^xl\/comments\d*\.xml$|^xl\/comments\/comment\d+\.xml$/.test(name) ||
    /^xl\/drawings\/(vmlDrawing|commentsDrawing)\d+\.vml$/.test(name) ||
    ["xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "docProps/app.xml"].includes(name)
  );
}

it.each(["controller-openpyxl.xlsx", "controller-libreoffice.xlsx"])("fill keeps what it does not need to touch in %s", async (fixture) => {
  const input = join(FIXTURES, fixture);
  const bindings = await loadBindings(join(ROOT, "samples", "config", "bindings.json"));
  const plan = await planFill({ workbook: input, period, records: readPeriodRecords(ledgerPath, bindings, period), bindings });
  expect(plan.assessment.rows.filter((row) => row.outcome !== undefined).length).toBeGreaterThan(0);
  const output = join(dir, `ifylld-${fixture}`);
  await writeFill(plan, { output });

  const before = await JSZip.loadAsync(readFileSync(input));
  const after = await JSZip.loadAsync(readFileSync(output));
  const original = await openWorkbook(input);
  const tablePart = original.sheets.find((s) => s.name === plan.appendix.sheet)!.partName!;
  for (const name of Object.keys(before.files)) {
    if (before.files[name]!.dir) continue;
    expect({ name, present: after.file(name) !== null }).toEqual({ name, present: true });
    if (mayChange(name, tablePart)) continue;
    const same = Buffer.from(await before.file(name)!.async("uint8array")).equals(Buffer.from(await after.file(name)!.async("uint8array")));
    expect({ name, same }).toEqual({ name, same: true });
  }

  // Every formula (even one never calculated, which reads as an empty cell) is still there.
  const formulas = async (zip: JSZip): Promise<string[]> => {
    const xml = await zip.file(tablePart)!.async("string");
    return [...xml.matchAll(/<(?:\w+:)?c\b[^>]*\br="([A-Z]+\d+)"[^>]*>(?:(?!<\/(?:\w+:)?c>)[\s\S])*?<(?:\w+:)?f\b[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
  };
  const formulasBefore = await formulas(before);
  expect(formulasBefore.length).toBeGreaterThan(0);
  expect(await formulas(after)).toEqual(expect.arrayContaining(formulasBefore));

  const filled = await openWorkbook(output);
  expect(filled.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([...original.sheets.map((s) => [s.name, s.state, s.kind]), ["Månadsdata", "visible", "worksheet"]]);
  for (const sheet of original.sheets.filter((s) => s.kind === "worksheet")) {
    const was = original.readGrid(sheet.name);
    const now = filled.readGrid(sheet.name);
    const bounds = gridBounds(was);
    for (let row = bounds.top; row <= bounds.bottom; row++) {
      for (let column = bounds.left; column <= bounds.right; column++) {
        const cell = cellAt(was, row, column);
        if (cell.value === null && cell.text === "") continue;
        expect({ sheet: sheet.name, row, column, cell: cellAt(now, row, column) }).toEqual({ sheet: sheet.name, row, column, cell });
      }
    }
    expect(now.merges).toEqual(was.merges);
  }
});

it("a second fill of a filled workbook writes over its own columns, not beside them", async () => {
  const bindings = await loadBindings(join(ROOT, "samples", "config", "bindings.json"));
  const records = readPeriodRecords(ledgerPath, bindings, period);
  const once = join(dir, "en-gang.xlsx");
  await writeFill(await planFill({ workbook: join(FIXTURES, "controller-openpyxl.xlsx"), period, records, bindings }), { output: once });
  const t1 = parsePeriod("2019-T1");
  if (!t1.ok) throw new Error("period");
  const again = await planFill({ workbook: once, period: t1.value, records: readPeriodRecords(ledgerPath, bindings, t1.value), bindings });
  const twice = join(dir, "två-gånger.xlsx");
  await writeFill(again, { output: twice });
  const first = (await openWorkbook(once)).readGrid("Indikatorer");
  const second = (await openWorkbook(twice)).readGrid("Indikatorer");
  const headerRow = again.appendix.headerRow;
  const column = (grid: typeof first, text: string): number => {
    const bounds = gridBounds(grid);
    for (let c = bounds.left; c <= bounds.right; c++) if (String(cellAt(grid, headerRow, c).value).startsWith(text)) return c;
    return -1;
  };
  expect(column(first, "Utfall tertial 2 2019")).toBeGreaterThan(0);
  expect(column(second, "Utfall tertial 1 2019")).toBe(column(first, "Utfall tertial 2 2019"));
  expect(column(second, "Utfall tertial 2 2019")).toBe(-1);
  expect(gridBounds(second).right).toBe(gridBounds(first).right);
});
