import { describeWorkbook, monthsInWorkbook, suggestPeriod, summarizeGrid } from "../../../addin/taskpane/controller";
import { readWorkbook } from "../../../addin/excel/readWorkbook";
import { fakeExcel, fakeWorkbook } from "../fakeExcel";

describe("describeWorkbook", () => {
  it("tells the controller what was read, and that Månadsdata will be created on the first import", async () => {
    const book = fakeWorkbook({ Bilaga: { B3: "Nämndindikator", C3: "2018", B4: "Andel", C4: 5 } });
    book.sheets.get("Bilaga")!.merges.push({ top: 3, left: 1, bottom: 3, right: 2 });
    const snapshot = await readWorkbook(fakeExcel(book).context, { sheets: ["Månadsdata"] });
    const view = describeWorkbook(snapshot, { supported: true, notes: true });
    expect(view.table).toEqual({ sheet: "Bilaga", rows: 2, columns: 2, filledCells: 4, mergedAreas: 1 });
    expect(view.lines[0]).toBe('Bladet "Bilaga": 2 rader och 2 kolumner, 4 ifyllda celler, 1 sammanfogat område.');
    expect(view.lines[1]).toMatch(/finns inte än/);
    expect(view.warnings).toEqual([]);
  });

  it("counts the Månadsdata rows below its header and passes on the no-notes warning", async () => {
    const book = fakeWorkbook({ Bilaga: { A1: "x" }, Månadsdata: { A1: "Källa", A2: "a", A3: "b", A4: "c" } });
    const snapshot = await readWorkbook(fakeExcel(book).context, { sheets: ["Månadsdata"] });
    const view = describeWorkbook(snapshot, { supported: true, notes: false, message: "Inga anteckningar." });
    expect(view.lines[1]).toBe('Bladet "Månadsdata" finns: 3 rader med månadsdata.');
    expect(view.warnings).toEqual(["Inga anteckningar."]);
  });
});

describe("summarizeGrid", () => {
  it("counts only filled cells", () => {
    const summary = summarizeGrid({ sheet: "S", origin: { row: 0, column: 0 }, cells: [[undefined, { value: 1, text: "1", numberFormat: "General" }], undefined], merges: [] });
    expect(summary).toMatchObject({ rows: 2, columns: 2, filledCells: 1 });
  });
});

describe("suggestPeriod", () => {
  it("proposes the tertial of the latest month in Månadsdata", async () => {
    const book = fakeWorkbook({
      Bilaga: { A1: "x" },
      Månadsdata: {
        A4: "Indikator", B4: "Källa", C4: "Mått", D4: "Uppdelning", E4: "Månad", F4: "Summa", G4: "Antal",
        A5: "Antal hushåll", B5: "forsorjningsstod", C5: "hushall", D5: "totalt", E5: "2019-06", F5: 2500, G5: 2500,
      },
    });
    const snapshot = await readWorkbook(fakeExcel(book).context, { sheets: ["Månadsdata"] });
    expect(monthsInWorkbook(snapshot)).toEqual(["2019-06"]);
    expect(suggestPeriod(monthsInWorkbook(snapshot), new Date(2026, 10, 27))).toBe("2019-T2");
  });

  it("is not moved to T3 by yearly values (Kolada, manual) kept on their December", async () => {
    const book = fakeWorkbook({
      Bilaga: { A1: "x" },
      Månadsdata: {
        A4: "Indikator", B4: "Källa", C4: "Mått", D4: "Uppdelning", E4: "Månad", F4: "Summa", G4: "Antal",
        A5: "Antal hushåll", B5: "forsorjningsstod", C5: "hushall", D5: "totalt", E5: "2019-06", F5: 2500, G5: 2500,
        A6: "Barn i befolkningen", B6: "kolada", C6: "N00011", D6: "kommun=0580", E6: "2019-12", F6: 4.3, G6: 1,
        A7: "AVI", B7: "manuell", C7: "avi", D7: "totalt", E7: "2019-12", F7: 112, G7: 1,
      },
    });
    const snapshot = await readWorkbook(fakeExcel(book).context, { sheets: ["Månadsdata"] });
    expect(monthsInWorkbook(snapshot)).toEqual(["2019-06"]);
    expect(suggestPeriod(monthsInWorkbook(snapshot), new Date(2026, 10, 27))).toBe("2019-T2");
  });

  it("proposes last month's tertial when there is no data yet (January gives last year's T3)", async () => {
    expect(suggestPeriod([], new Date(2020, 0, 15))).toBe("2019-T3");
    expect(suggestPeriod([], new Date(2019, 4, 15))).toBe("2019-T1");
    expect(suggestPeriod(["2019-09", "2019-01"], new Date(2026, 0, 1))).toBe("2019-T3");
  });
});
