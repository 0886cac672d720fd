// The controller's manual values: read from a sheet or a CSV's rows, a bad row named by line and
// column, an empty value never a 0, and the newest entry counts.
import { formatIssue } from "../../../core/issues/messages.sv";
import { currentManualValues, manualRecords } from "../../../core/manual/manualValue";
import { gridOfTextRows, readManualValues } from "../../../core/manual/readManualValues";
import type { Grid, GridCell } from "../../../core/workbook/grid";

const HEADER = ["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"];

describe("readManualValues", () => {
  it("reads values with breakdowns, Swedish numbers and a percent sign", () => {
    const read = readManualValues(
      gridOfTextRows([
        HEADER,
        ["avi", "", "2019", "112", "Medarbetarenkät 2019", "AB", "2020-02-10"],
        ["hme", "Kvinnor", "2019", "79", "Medarbetarenkät 2019", "AB", "2020-02-10"],
        ["brukarenkat-positiva", "", "2019", "87,5 %", "Brukarenkät 2019", "CD", "20/1 2020"],
        ["", "", "", "", "", "", ""],
        ["chefer-utomnordisk", "Män", "2019", "0,18", "HR 2019", "CD", "2020-02-12"],
      ]),
      { file: "manuella.csv" },
    );
    expect(read.issues).toEqual([]);
    expect(read.values.map((v) => [v.measure, v.breakdown, v.year, v.value, v.enteredAt])).toEqual([
      ["avi", "", 2019, 112, "2020-02-10"],
      ["hme", "kon=K", 2019, 79, "2020-02-10"],
      ["brukarenkat-positiva", "", 2019, 87.5, "2020-01-20"],
      ["chefer-utomnordisk", "kon=M", 2019, 0.18, "2020-02-12"],
    ]);
  });

  it("reads a percent-formatted number cell as the same value as the text it shows", () => {
    const text = (t: string): GridCell => ({ value: t, text: t, numberFormat: "@" });
    const row = (measure: string, value: GridCell): GridCell[] => [text(measure), text(""), text("2019"), value, text("HR 2019"), text("CD"), text("2020-02-12")];
    const grid: Grid = {
      sheet: "Manuella värden",
      origin: { row: 0, column: 0 },
      cells: [
        HEADER.map(text),
        row("som-tal", { value: 0.18, text: "18 %", numberFormat: "0 %" }),
        row("som-text", text("18 %")),
      ],
      merges: [],
    };
    const read = readManualValues(grid, { file: "plan.xlsx" });
    expect(read.issues).toEqual([]);
    expect(read.values.map((v) => [v.measure, v.value])).toEqual([
      ["som-tal", 18],
      ["som-text", 18],
    ]);
  });

  it("reads an Inmatat date cell as the date it shows, also in a workbook with the 1904 date system", () => {
    const text = (t: string): GridCell => ({ value: t, text: t, numberFormat: "@" });
    const row = (measure: string, date: GridCell): GridCell[] => [text(measure), text(""), text("2019"), text("112"), text("Medarbetarenkät 2019"), text("AB"), date];
    const grid: Grid = {
      sheet: "Manuella värden",
      origin: { row: 0, column: 0 },
      cells: [
        HEADER.map(text),
        // 2020-01-20 in the 1904 date system is serial 42388 (1 462 days fewer than in the 1900 system, where 42388 is 2016-01-19).
        row("datum-1904", { value: 42388, text: "2020-01-20", numberFormat: "yyyy-mm-dd" }),
        // A date cell without rendered text: its serial, in the 1900 system.
        row("datum-utan-text", { value: 43850, text: "", numberFormat: "yyyy-mm-dd" }),
      ],
      merges: [],
    };
    const read = readManualValues(grid, { file: "plan.xlsx" });
    expect(read.issues).toEqual([]);
    expect(read.values.map((v) => [v.measure, v.enteredAt])).toEqual([
      ["datum-1904", "2020-01-20"],
      ["datum-utan-text", "2020-01-20"],
    ]);
  });

  it("names line and column of each bad row, and an empty value is an error, not a 0", () => {
    const read = readManualValues(
      gridOfTextRows([
        HEADER,
        ["avi", "", "2019", "", "Medarbetarenkät 2019", "AB", "2020-02-10"],
        ["hme", "Barn", "19", "78", "", "AB", "igår"],
      ]),
      { file: "manuella.csv" },
    );
    expect(read.values).toEqual([]);
    expect(read.issues.map(formatIssue)).toEqual([
      'Fel: manuella.csv, rad 2, kolumn 4 (Värde): Manuella värden: "" går inte att läsa: värdet saknas; ett tomt värde blir aldrig 0.',
      'Fel: manuella.csv, rad 3, kolumn 2 (Uppdelning): Manuella värden: "Barn" går inte att läsa: skriv Kvinnor, Män eller lämna tomt för totalt.',
      'Fel: manuella.csv, rad 3, kolumn 3 (År): Manuella värden: "19" går inte att läsa: väntade ett årtal, t.ex. 2019.',
      'Fel: manuella.csv, rad 3, kolumn 5 (Källa): Manuella värden: "" går inte att läsa: ange varifrån värdet kommer, t.ex. Brukarenkät 2019.',
      'Fel: manuella.csv, rad 3, kolumn 7 (Inmatat): Manuella värden: "igår" går inte att läsa: väntade ett datum, t.ex. 2020-01-20.',
    ]);
  });

  it("refuses an identity number in the signature or the source, and never quotes it", () => {
    const read = readManualValues(
      gridOfTextRows([
        HEADER,
        ["avi", "", "2019", "112", "Medarbetarenkät 2019", "19121212-1212", "2020-02-10"],
        ["hme", "", "2019", "79", "Enkät från 191212121212", "AB", "2020-02-10"],
        ["hme", "Män", "2019", "77", "Medarbetarenkät 2019", "AB", "2020-02-10"],
      ]),
      { file: "manuella.csv" },
    );
    expect(read.values.map((v) => [v.measure, v.breakdown, v.enteredBy])).toEqual([["hme", "kon=M", "AB"]]);
    const messages = read.issues.map(formatIssue);
    expect(messages).toEqual([
      expect.stringMatching(/^Fel: manuella\.csv, rad 2, kolumn 6 \(Inmatat av\): .*personnummer.*initialer eller en roll\.$/),
      expect.stringMatching(/^Fel: manuella\.csv, rad 3, kolumn 5 \(Källa\): .*personnummer/),
    ]);
    for (const message of messages) expect(message).not.toMatch(/1212/);
  });

  it("says which column is missing", () => {
    const read = readManualValues(gridOfTextRows([["Mått", "År", "Värde"], ["avi", "2019", "1"]]), { file: "m.csv" });
    expect(read.issues.map(formatIssue)).toEqual([
      "Fel: m.csv, rad 1: Manuella värden: kolumnen Källa, Inmatat av, Inmatat saknas. Rubrikraden ska ha Mått, Uppdelning, År, Värde, Källa, Inmatat av och Inmatat.",
    ]);
  });
});

describe("currentManualValues", () => {
  const base = { measure: "avi", breakdown: "", year: 2019, sourceText: "enkät" };
  it("keeps the newest entry per measure, breakdown and year, whatever the order", () => {
    const old = { ...base, value: 110, enteredBy: "AB", enteredAt: "2020-01-15" };
    const fresh = { ...base, value: 112, enteredBy: "CD", enteredAt: "2020-02-10" };
    const other = { ...base, year: 2018, value: 111, enteredBy: "AB", enteredAt: "2019-02-01" };
    for (const list of [[old, fresh, other], [fresh, other, old]]) {
      const current = currentManualValues(list);
      expect(current.find((v) => v.year === 2019)?.value).toBe(112);
      expect(current.find((v) => v.year === 2018)?.value).toBe(111);
    }
    expect(manualRecords([old, fresh])).toEqual([{ source: "manuell", measure: "avi", month: "2019-12", breakdown: "", sum: 112, count: 1 }]);
  });
});
