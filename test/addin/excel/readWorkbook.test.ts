import { cellAt } from "../../../core/workbook/grid";
import { loadedNumber, NotLoadedError } from "../../../addin/excel/loaded";
import { readGrid, readWorkbook } from "../../../addin/excel/readWorkbook";
import { fakeExcel, fakeWorkbook, type FakeCell } from "../fakeExcel";

/** An indicator table like the appendix: a header row and `indicators` rows of 8 columns. */
function table(indicators: number): Record<string, string | number | FakeCell> {
  const cells: Record<string, string | number | FakeCell> = {
    B3: "Nämndindikator", C3: "2017", D3: "2018", E3: "Målvärde 2019", F3: "Kvinnor", G3: "Män", H3: "Källa", I3: "Kommentar",
  };
  for (let i = 0; i < indicators; i++) {
    const row = 4 + i;
    cells[`B${row}`] = `Indikator ${i + 1}`;
    cells[`C${row}`] = { value: 0.048, text: "4,8 %", numberFormat: "0.0%" };
    cells[`D${row}`] = 2509 + i;
    cells[`E${row}`] = "minst 677";
    cells[`F${row}`] = 12;
    cells[`G${row}`] = 13;
    cells[`H${row}`] = "Procapita";
    cells[`I${row}`] = "–";
  }
  return cells;
}

describe("the fake host keeps Office.js's load rule", () => {
  it("a property read before load, or after load but before sync, is not the value", async () => {
    const excel = fakeExcel(fakeWorkbook({ Bilaga: { B2: 5 } }));
    const used = excel.context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
    expect(() => loadedNumber(used.rowIndex, "Range.rowIndex")).toThrow(NotLoadedError);
    used.load("rowIndex");
    expect(() => loadedNumber(used.rowIndex, "Range.rowIndex")).toThrow(NotLoadedError);
    await excel.context.sync();
    expect(loadedNumber(used.rowIndex, "Range.rowIndex")).toBe(1);
  });
});

describe("readGrid", () => {
  it("returns values, display texts, number formats and merged areas at their sheet positions", async () => {
    const book = fakeWorkbook({
      Bilaga: {
        B3: "Nämndindikator",
        E3: "Målvärde 2019",
        A4: "Fler i arbete",
        B4: "Andel hushåll med långvarigt försörjningsstöd",
        C4: { value: 0.048, text: "4,80 %", numberFormat: "0.00%" },
        E4: { value: 2509, text: "2 509", numberFormat: "# ##0" },
        B9: "Andel sjukfrånvaro",
      },
    });
    book.sheets.get("Bilaga")!.merges.push({ top: 3, left: 0, bottom: 8, right: 0 });
    const excel = fakeExcel(book);

    const grid = await readGrid(excel.context);

    expect(grid).toBeDefined();
    expect(grid!.sheet).toBe("Bilaga");
    expect(grid!.origin).toEqual({ row: 2, column: 0 });
    expect(cellAt(grid!, 3, 2)).toEqual({ value: 0.048, text: "4,80 %", numberFormat: "0.00%" });
    expect(cellAt(grid!, 3, 4)).toEqual({ value: 2509, text: "2 509", numberFormat: "# ##0" });
    expect(cellAt(grid!, 2, 1).value).toBe("Nämndindikator");
    expect(cellAt(grid!, 3, 3).value).toBeNull(); // empty cell inside the used range
    expect(grid!.merges).toEqual([{ top: 3, left: 0, bottom: 8, right: 0 }]);
  });

  it("marks a formula cell, also one whose result is empty, in the same two syncs", async () => {
    const cells = table(2);
    cells["J4"] = { value: "", formula: '=IF(D4>2500,"","kolla")' };
    cells["K4"] = { value: 2510, formula: "=D4+1" };
    const excel = fakeExcel(fakeWorkbook({ Bilaga: cells }));
    const grid = await readGrid(excel.context);
    expect(cellAt(grid!, 3, 9)).toEqual({ value: null, text: "", numberFormat: "General", hasFormula: true });
    expect(cellAt(grid!, 3, 10)).toMatchObject({ value: 2510, hasFormula: true });
    expect(cellAt(grid!, 3, 3).hasFormula).toBeUndefined();
    expect(excel.syncs()).toBe(2);
  });

  it("reads a sheet by name, whatever sheet is active", async () => {
    const excel = fakeExcel(fakeWorkbook({ Start: { A1: "x" }, "Bilaga, 2019": { C5: 7 } }, "Start"));
    const grid = await readGrid(excel.context, "Bilaga, 2019");
    expect(grid?.sheet).toBe("Bilaga, 2019");
    expect(cellAt(grid!, 4, 2).value).toBe(7);
  });

  it("reports a sheet that does not exist instead of failing", async () => {
    const excel = fakeExcel(fakeWorkbook({ Bilaga: { A1: 1 } }));
    const snapshot = await readWorkbook(excel.context, { sheets: ["Månadsdata"] });
    expect(snapshot.missingSheets).toEqual(["Månadsdata"]);
    expect(snapshot.sheets.get("Månadsdata")).toBe(false);
    expect(snapshot.grids.has("Bilaga")).toBe(true);
  });

  it("reads the table and the Månadsdata sheet together, in the same two syncs", async () => {
    const excel = fakeExcel(fakeWorkbook({ Bilaga: table(3), Månadsdata: { A1: "Källa", A2: "forsorjningsstod" } }));
    const snapshot = await readWorkbook(excel.context, { sheets: ["Månadsdata"] });
    expect([...snapshot.grids.keys()].sort()).toEqual(["Bilaga", "Månadsdata"]);
    expect(excel.syncs()).toBe(2);
  });

  it("finds where notes already are when the host has notes", async () => {
    const book = fakeWorkbook({ "Bilaga 2019": table(2) });
    book.notes.set("Bilaga 2019!J4", "Gammal förklaring");
    const excel = fakeExcel(book, { notes: true });
    const snapshot = await readWorkbook(excel.context, { notes: true });
    expect(snapshot.notes.supported).toBe(true);
    expect([...snapshot.notes.cells]).toEqual([JSON.stringify(["Bilaga 2019", 3, 9])]);
    expect(excel.syncs()).toBe(2);
  });

  it.each([25, 500])("uses the same number of syncs (2) for a %i-indicator table", async (indicators) => {
    const excel = fakeExcel(fakeWorkbook({ Bilaga: table(indicators) }));
    const grid = await readGrid(excel.context);
    expect(grid!.cells).toHaveLength(indicators + 1);
    expect(cellAt(grid!, 2 + indicators, 1).value).toBe(`Indikator ${indicators}`);
    expect(excel.syncs()).toBe(2);
  });
});
