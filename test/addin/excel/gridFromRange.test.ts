import { gridFromRange, parseMergedAddress } from "../../../addin/excel/gridFromRange";
import { checkCapabilities } from "../../../addin/excel/requirements";

describe("parseMergedAddress", () => {
  it("reads every area, also when the sheet name has commas, spaces or an exclamation mark", () => {
    expect(parseMergedAddress("'Bilaga, 2019!'!A5:A9,'Bilaga, 2019!'!$B$5:$C$5")).toEqual([
      { top: 4, left: 0, bottom: 8, right: 0 },
      { top: 4, left: 1, bottom: 4, right: 2 },
    ]);
    expect(parseMergedAddress("Blad1!D3")).toEqual([{ top: 2, left: 3, bottom: 2, right: 3 }]);
  });
});

describe("gridFromRange", () => {
  it("keeps numbers as numbers, empty cells as empty, and the display text Excel shows", () => {
    const grid = gridFromRange(
      "Bilaga",
      {
        rowIndex: 3,
        columnIndex: 1,
        values: [[0.048, "", true, "#DIV/0!"]],
        text: [["4,80 %", "", "SANT", "#DIV/0!"]],
        numberFormat: [["0.00%", "General", "General", ""]],
        formulas: [[0.048, "", true, "=1/0"]],
      },
      undefined,
    );
    expect(grid.origin).toEqual({ row: 3, column: 1 });
    expect(grid.cells[0]).toEqual([
      { value: 0.048, text: "4,80 %", numberFormat: "0.00%" },
      undefined,
      { value: true, text: "SANT", numberFormat: "General" },
      { value: "#DIV/0!", text: "#DIV/0!", numberFormat: "General", hasFormula: true },
    ]);
  });

  it("keeps a formula that gives an empty text as a cell with hasFormula, so nothing is written over it", () => {
    const grid = gridFromRange(
      "Bilaga",
      { rowIndex: 0, columnIndex: 6, values: [["", ""]], text: [["", ""]], numberFormat: [["General", "General"]], formulas: [['=IF(C4>0,"","saknas")', ""]] },
      undefined,
    );
    expect(grid.cells[0]).toEqual([{ value: null, text: "", numberFormat: "General", hasFormula: true }, undefined]);
  });

  it("does not take a text constant that starts with = (typed with an apostrophe) for a formula", () => {
    const grid = gridFromRange("Bilaga", { rowIndex: 0, columnIndex: 0, values: [["=summa"]], text: [["=summa"]], numberFormat: [["@"]], formulas: [["=summa"]] }, undefined);
    expect(grid.cells[0]?.[0]?.hasFormula).toBeUndefined();
  });

  it("says which property was never loaded when formulas are missing", () => {
    const data = { rowIndex: 0, columnIndex: 0, values: [[1]], text: [["1"]], numberFormat: [["General"]], formulas: "Error, property was not loaded" } as never;
    expect(() => gridFromRange("Bilaga", data, undefined)).toThrow(/Range\.formulas/);
  });
});

describe("checkCapabilities", () => {
  const host = (max: number) => (name: string, version?: string) => name === "ExcelApi" && Number(version ?? "1.1") <= max;

  it("says in Swedish that Excel is too old below ExcelApi 1.13", () => {
    const found = checkCapabilities(host(1.12));
    expect(found.supported).toBe(false);
    expect(found.message).toMatch(/för gammal/);
    expect(found.message).toMatch(/Excel 2021/);
  });

  it("works without notes on Excel 2021 (ExcelApi 1.14) and says that notes are not written", () => {
    const found = checkCapabilities(host(1.14));
    expect(found).toMatchObject({ supported: true, notes: false });
    expect(found.message).toMatch(/anteckning/);
  });

  it("writes notes where ExcelApi 1.18 is supported", () => {
    expect(checkCapabilities(host(1.2))).toEqual({ supported: true, notes: true });
  });
});
