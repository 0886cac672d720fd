/**
 * The simulated Excel host keeps Office.js's rules, so the end-to-end test cannot pass on code
 * that would fail in Excel: these checks run the host in Node, with the add-in's own adapter
 * and with deliberately wrong batches.
 */
import { readWorkbook } from "../../../addin/excel/readWorkbook";
import { applyPatch } from "../../../addin/excel/applyPatch";
import type { HostSeed } from "./host/seed";
import { SimulatedHost, storeInput, type SimContext } from "./host/simulatedExcel";

const seed: HostSeed = {
  host: "Excel",
  activeSheet: "Bilaga",
  excelApi: "1.18",
  sheets: [
    {
      name: "Bilaga",
      cells: [
        [1, 1, "Nämndindikator", "Nämndindikator", "General"],
        [2, 1, "Andel", "Andel", "General"],
        [2, 2, 0.048, "4,80%", "0.00%"],
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    },
  ],
};

/** The host's context as the Office.js type the adapter takes (the host implements the subset it uses). */
const asExcel = (context: SimContext): Excel.RequestContext => context as unknown as Excel.RequestContext;

describe("the simulated Excel host", () => {
  it("throws PropertyNotLoaded for a property read before load and sync, and records it", async () => {
    const host = new SimulatedHost(seed);
    await expect(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getActiveWorksheet();
        sheet.load("name");
        return sheet.name; // no sync yet
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    await expect(
      host.run(async (context) => {
        const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
        used.load("values");
        await context.sync();
        return used.text; // synced, but never loaded
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    expect(host.notLoadedReads).toEqual(["Worksheet.name", "Range.text"]);
  });

  it("knows isNullObject only after a sync, and fails getItem of a missing sheet at the sync", async () => {
    const host = new SimulatedHost(seed);
    await expect(host.run(async (context) => context.workbook.worksheets.getItemOrNullObject("Månadsdata").isNullObject)).rejects.toMatchObject({ code: "PropertyNotLoaded" });
    const missing = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Månadsdata");
      await context.sync();
      return sheet.isNullObject;
    });
    expect(missing).toBe(true);
    await expect(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Månadsdata").getRange("A1").select();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("applies writes only at the sync, and a context is dead after its run", async () => {
    const host = new SimulatedHost(seed);
    let kept: SimContext | undefined;
    await host.run(async (context) => {
      kept = context;
      context.workbook.worksheets.getItem("Bilaga").getRange("D3").values = [[5]];
      expect(host.snapshot().sheets[0]!.cells.some((c) => c.row === 2 && c.column === 3)).toBe(false);
      await context.sync();
      expect(host.snapshot().sheets[0]!.cells.find((c) => c.row === 2 && c.column === 3)?.value).toBe(5);
    });
    expect(() => kept!.workbook.worksheets.getItem("Bilaga").getRange("A1").select()).toThrow(/Excel\.run/);
  });

  it("takes input as Excel does: = makes a formula, an apostrophe makes text, a month-like text becomes a date", () => {
    expect(storeInput("=SUMMA(A1)")).toMatchObject({ formula: "=SUMMA(A1)" });
    expect(storeInput("+A1")).toMatchObject({ formula: "=+A1" });
    expect(storeInput("-29")).toEqual({ value: -29 });
    expect(storeInput("'=SUMMA(A1)")).toEqual({ value: "=SUMMA(A1)", quotePrefix: true });
    expect(storeInput("2019-06")).toMatchObject({ value: 43617, numberFormat: "yyyy-mm-dd" });
    expect(storeInput("'2019-06")).toEqual({ value: "2019-06", quotePrefix: true });
  });

  it("serves the add-in's readWorkbook in two syncs and its applyPatch in one", async () => {
    const host = new SimulatedHost(seed);
    const snapshot = await host.run((context) => readWorkbook(asExcel(context), { sheets: ["Månadsdata"], notes: true }));
    expect(snapshot.grids.get("Bilaga")?.cells[1]?.[1]).toEqual({ value: 0.048, text: "4,80%", numberFormat: "0.00%" });
    expect(snapshot.grids.get("Bilaga")?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(snapshot.missingSheets).toEqual(["Månadsdata"]);
    await host.run((context) =>
      applyPatch(
        asExcel(context),
        {
          sheets: [
            { sheet: "Bilaga", writes: [{ row: 2, column: 4, value: "=1+1", asText: true, note: "förklaring" }] },
            { sheet: "Månadsdata", replaceWhole: true, writes: [{ row: 0, column: 0, value: "2019-06", asText: true }] },
          ],
        },
        snapshot,
      ),
    );
    expect(host.runs.map((r) => r.syncs)).toEqual([2, 1]);
    const after = host.snapshot();
    expect(after.sheets.find((s) => s.name === "Bilaga")?.cells.find((c) => c.column === 4)).toMatchObject({ value: "=1+1", quotePrefix: true });
    expect(after.sheets.find((s) => s.name === "Månadsdata")?.cells[0]).toMatchObject({ value: "2019-06" });
    expect(after.notes).toEqual([["Bilaga!E3", "förklaring"]]);
  });
});
