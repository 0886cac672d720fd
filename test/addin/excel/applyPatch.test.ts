import type { CellWrite, Patch } from "../../../core/workbook/patch";
import { applyPatch, excelInput, groupRuns } from "../../../addin/excel/applyPatch";
import { readWorkbook } from "../../../addin/excel/readWorkbook";
import { cellIn, fakeExcel, fakeWorkbook } from "../fakeExcel";

async function write(book: ReturnType<typeof fakeWorkbook>, patch: Patch, options: { notes?: boolean } = {}) {
  const excel = fakeExcel(book, options);
  const sheets = patch.sheets.map((s) => s.sheet);
  const snapshot = await readWorkbook(excel.context, { sheets, notes: options.notes ?? false });
  const before = excel.syncs();
  const summary = await applyPatch(excel.context, patch, snapshot);
  return { summary, writeSyncs: excel.syncs() - before, excel };
}

describe("applyPatch", () => {
  it("writes values, number formats, fills and fonts into the right cells", async () => {
    const book = fakeWorkbook({ Bilaga: { B4: "Andel hushåll", J4: "gammalt" } });
    const patch: Patch = {
      sheets: [
        {
          sheet: "Bilaga",
          writes: [
            { row: 3, column: 9, value: 0.051, numberFormat: "0.0%" },
            { row: 3, column: 10, value: "Delvis uppfyllt", style: { fill: "FFEB9C", bold: true, fontColor: "9C5700" } },
            { row: 2, column: 9, value: "Utfall 2019-T1", style: { bold: true, wrap: true } },
          ],
          columnWidths: [{ column: 9, width: 14 }],
        },
      ],
    };
    const { summary, writeSyncs } = await write(book, patch);

    expect(cellIn(book, "Bilaga", "J4")).toMatchObject({ value: 0.051, numberFormat: "0.0%" });
    expect(cellIn(book, "Bilaga", "K4")).toMatchObject({ value: "Delvis uppfyllt", fill: "#FFEB9C", bold: true, fontColor: "#9C5700" });
    expect(cellIn(book, "Bilaga", "J3")).toMatchObject({ value: "Utfall 2019-T1", bold: true, wrap: true });
    expect(cellIn(book, "Bilaga", "B4")?.value).toBe("Andel hushåll"); // untouched
    expect(book.sheets.get("Bilaga")!.columnWidths.get(9)).toBeGreaterThan(60);
    expect(summary.cellsWritten).toBe(3);
    expect(writeSyncs).toBe(1);
  });

  it.each(["=SUMMA(A1:A9)", "+46 8 123", "-", "@foo", "'citat", "2019-06", "0012", "4,8"])(
    "stores the string %p as that exact text, never a formula, date or number",
    async (text) => {
      const book = fakeWorkbook({ Månadsdata: { A1: "Källa" } });
      await write(book, { sheets: [{ sheet: "Månadsdata", writes: [{ row: 1, column: 0, value: text, asText: true }] }] });
      const cell = cellIn(book, "Månadsdata", "A2");
      expect(cell?.formula).toBeUndefined();
      expect(cell?.value).toBe(text);
    },
  );

  it("a string written without the apostrophe would have become a formula in this host", () => {
    // Guards the test above: the fake takes "=..." as a formula, as Excel does.
    expect(excelInput("=1+1")).toBe("'=1+1");
    expect(excelInput(12)).toBe(12);
    expect(excelInput(null)).toBe("");
  });

  it("creates the Månadsdata sheet when it is missing", async () => {
    const book = fakeWorkbook({ Bilaga: { A1: "x" } });
    const { summary, writeSyncs } = await write(book, {
      sheets: [{ sheet: "Månadsdata", replaceWhole: true, writes: [{ row: 0, column: 0, value: "Källa" }, { row: 1, column: 4, value: 2509 }] }],
    });
    expect(summary.sheetsCreated).toEqual(["Månadsdata"]);
    expect(cellIn(book, "Månadsdata", "A1")?.value).toBe("Källa");
    expect(cellIn(book, "Månadsdata", "E2")?.value).toBe(2509);
    expect(writeSyncs).toBe(1);
  });

  /** The Månadsdata sheet as Bilaga writes it: title in A1, the header row in A4:G4. */
  const BILAGAS_MONTHLY = { A1: "Månadsdata", A4: "Indikator", B4: "Källa", C4: "Mått", D4: "Uppdelning", E4: "Månad", F4: "Summa", G4: "Antal" };

  it("replaces an existing Månadsdata sheet whole: old rows do not survive", async () => {
    const book = fakeWorkbook({ Bilaga: { A1: "x" }, Månadsdata: { ...BILAGAS_MONTHLY, A5: "gammal", A6: "gammal" } });
    await write(book, { sheets: [{ sheet: "Månadsdata", replaceWhole: true, writes: [{ row: 0, column: 0, value: "Månadsdata" }, { row: 4, column: 0, value: "ny" }] }] });
    expect(cellIn(book, "Månadsdata", "A5")?.value).toBe("ny");
    expect(cellIn(book, "Månadsdata", "A6")).toBeUndefined();
  });

  it("refuses to replace a controller's own sheet named Månadsdata: nothing is written, not even to the other sheets", async () => {
    const book = fakeWorkbook({ Bilaga: { A1: "x" }, Månadsdata: { A1: "Mina anteckningar", A2: "Januari", B2: 17 } });
    const excel = fakeExcel(book);
    const snapshot = await readWorkbook(excel.context, { sheets: ["Månadsdata"], notes: false });
    const before = excel.syncs();
    const patch: Patch = {
      sheets: [
        { sheet: "Bilaga", writes: [{ row: 0, column: 5, value: "Utfall 2019-T2" }] },
        { sheet: "Månadsdata", replaceWhole: true, writes: [{ row: 0, column: 0, value: "Månadsdata" }] },
      ],
    };
    await expect(applyPatch(excel.context, patch, snapshot)).rejects.toThrow(/Månadsdata" som Bilaga inte har skrivit/);
    expect(excel.syncs()).toBe(before);
    expect(cellIn(book, "Månadsdata", "A1")?.value).toBe("Mina anteckningar");
    expect(cellIn(book, "Månadsdata", "B2")?.value).toBe(17);
    expect(cellIn(book, "Bilaga", "F1")).toBeUndefined();
  });

  it("adds a note, and replaces a note that is already there instead of adding a second", async () => {
    const book = fakeWorkbook({ Bilaga: { B4: "Indikator" } });
    book.notes.set("Bilaga!K4", "Förra månadens förklaring");
    const { summary } = await write(
      book,
      {
        sheets: [
          {
            sheet: "Bilaga",
            writes: [
              { row: 3, column: 10, value: "Uppfyllt", note: "Utfall 5,1 % mot målet högst 6 %." },
              { row: 4, column: 10, value: "Ej uppfyllt", note: "Utfall 7 dagar mot målet högst 5 dagar." },
            ],
          },
        ],
      },
      { notes: true },
    );
    expect(book.notes.get("Bilaga!K4")).toBe("Utfall 5,1 % mot målet högst 6 %.");
    expect(book.notes.get("Bilaga!K5")).toBe("Utfall 7 dagar mot målet högst 5 dagar.");
    expect(summary.notesWritten).toBe(2);
  });

  it("skips notes, and counts them, when the host has no notes API (ExcelApi < 1.18)", async () => {
    const book = fakeWorkbook({ Bilaga: { B4: "Indikator" } });
    const { summary } = await write(book, {
      sheets: [{ sheet: "Bilaga", writes: [{ row: 3, column: 10, value: "Uppfyllt", note: "Förklaring" }] }],
    });
    expect(summary.notesSkipped).toBe(1);
    expect(cellIn(book, "Bilaga", "K4")?.value).toBe("Uppfyllt");
  });

  it("refuses a patch for a sheet it was not told about, before writing anything", async () => {
    const book = fakeWorkbook({ Bilaga: { A1: "x" } });
    const excel = fakeExcel(book);
    const snapshot = await readWorkbook(excel.context);
    const patch: Patch = { sheets: [{ sheet: "Okänt", writes: [{ row: 0, column: 0, value: 1 }] }] };
    await expect(applyPatch(excel.context, patch, snapshot)).rejects.toThrow(/Okänt/);
    expect(book.sheets.has("Okänt")).toBe(false);
  });

  it.each([25, 500])("sends a %i-indicator result in one sync", async (indicators) => {
    const book = fakeWorkbook({ Bilaga: { B3: "Nämndindikator" } });
    const writes: CellWrite[] = [];
    for (let i = 0; i < indicators; i++) {
      writes.push({ row: 3 + i, column: 9, value: i / 100, numberFormat: "0.0%" });
      writes.push({ row: 3 + i, column: 10, value: i % 2 ? "Uppfyllt" : "Ej uppfyllt", style: { fill: i % 2 ? "C6EFCE" : "FFC7CE" } });
    }
    const { writeSyncs, summary } = await write(book, { sheets: [{ sheet: "Bilaga", writes }] });
    expect(writeSyncs).toBe(1);
    expect(summary.cellsWritten).toBe(2 * indicators);
    const last = indicators - 1; // sheet row 3 + last is A1 row 4 + last
    expect(cellIn(book, "Bilaga", `K${4 + last}`)?.fill).toBe(last % 2 ? "#C6EFCE" : "#FFC7CE");
    expect(cellIn(book, "Bilaga", `J${4 + last}`)?.value).toBe(last / 100);
  });
});

describe("groupRuns", () => {
  it("joins adjacent cells of one row with the same style, keeps the last write to a cell", () => {
    const runs = groupRuns([
      { row: 1, column: 2, value: "b" },
      { row: 1, column: 1, value: "a" },
      { row: 1, column: 3, value: "c", style: { bold: true } },
      { row: 2, column: 1, value: "d" },
      { row: 1, column: 1, value: "a2" },
    ]);
    expect(runs.map((r) => [r.row, r.column, r.writes.map((w) => w.value)])).toEqual([
      [1, 1, ["a2", "b"]],
      [1, 3, ["c"]],
      [2, 1, ["d"]],
    ]);
  });
});
