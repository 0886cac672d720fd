// A fraction typed into a percent indicator: 0.055 in a General-format cell reads as 0,055 %,
// while the controller most likely meant 5,5 %. The value is kept as read; a warning at the
// cell says what was read and what was likely meant, when the indicator's other numbers are
// all 1 or more.
import { allIndicators, type Appendix, type Indicator } from "../../../core/model";
import { describeIssue } from "../../../core/issues/messages.sv";
import { readTable } from "../../../core/table/readTable";
import type { LayoutCell } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";

const HEADER = ["Nämndmål", "Nämndindikator", "2017", "2018", "Målvärde 2019", "Målvärde 2020"];

type Value = string | number | { readonly n: number; readonly f: string } | undefined;

/** A table under the header, one row a list: name, 2017, 2018, Målvärde 2019, Målvärde 2020. */
function table(rows: ReadonlyArray<readonly [string, Value, Value, Value, Value]>): Appendix {
  const cells: LayoutCell[] = HEADER.map((value, index) => ({ address: `${"ABCDEF"[index]}1`, value }));
  rows.forEach(([name, ...values], index) => {
    const row = index + 2;
    cells.push({ address: `A${row}`, value: "1 Friska medarbetare" }, { address: `B${row}`, value: name });
    values.forEach((value, offset) => {
      if (value === undefined) return;
      const address = `${"CDEF"[offset]}${row}`;
      cells.push(typeof value === "object" ? { address, value: value.n, numberFormat: value.f } : { address, value });
    });
  });
  return readTable(gridFromLayout({ sheet: "Bilaga", cells, merges: [], columnWidths: {} }), { file: "bilaga.xlsx" });
}

const doubts = (read: Appendix) => read.issues.filter((i) => i.code === "table/percent-as-fraction");
const only = (read: Appendix): Indicator => {
  const [first] = allIndicators(read);
  if (!first) throw new Error("no indicator");
  return first;
};

describe("a number between 0 and 1 in a percent indicator", () => {
  it("0.055 typed into a General cell beside 6,1 and 5,8 is kept as 0,055 % with a warning that 5,5 % was likely meant", () => {
    const read = table([["Extern personalomsättning (%)", 6.1, 5.8, 0.055, 5.2]]);
    expect(only(read).targets[0]?.target).toEqual({ kind: "value", quantity: { value: 0.055, unit: "percent" } });
    expect(doubts(read)).toEqual([
      {
        code: "table/percent-as-fraction",
        severity: "warning",
        sheet: "Bilaga",
        cell: "E2",
        file: "bilaga.xlsx",
        raw: "0,055",
        params: { read: "0,055 %", meant: "5,5 %" },
      },
    ]);
    const [found] = doubts(read);
    expect(found && describeIssue(found)).toBe(
      'Talet "0,055" står i en cell utan procentformat och lästes som 0,055 %, men indikatorns övriga värden är 1 % eller mer: avsågs 5,5 %? Skriv i så fall "5,5 %" i cellen eller ge den talformatet procent.',
    );
  });

  it("warns for an outcome and for a breakdown row's value too", () => {
    const read = table([
      ["Total sjukfrånvaro (%)", 0.068, "6,4 %", "6,0 %", "5,5 %"],
      ["Kvinnor", "8,8 %", 0.071, "6,5", "6,0"],
    ]);
    expect(doubts(read).map((i) => [i.cell, i.params?.["meant"]])).toEqual([
      ["C2", "6,8 %"],
      ["D3", "7,1 %"],
    ]);
  });

  it.each([
    ["in a cell with a percent format (it shows 5,5 %)", [["Extern personalomsättning (%)", 6.1, 5.8, { n: 0.055, f: "0.0%" }, 5.2]]],
    ["typed as text", [["Extern personalomsättning (%)", 6.1, 5.8, "0,055", 5.2]]],
    ["when another value of the indicator is below 1", [["Chefers sjukfrånvaro (%)", "0,9 %", 1.2, 0.8, 1.1]]],
    ["when a target is at least 0", [["Avvikelse från budget, i %", 6.6, 0.4, "≥0", "≥0"]]],
    ["when it is the indicator's only number", [["Andel heltider (%)", 0.88, "Saknas", "Ska öka", "Ska öka"]]],
    ["in an indicator that is not in percent", [["Mertid övertid", 0.6, 0.6, 1, 1]]],
  ] as const)("no warning %s", (_label, rows) => {
    expect(doubts(table(rows as ReadonlyArray<readonly [string, Value, Value, Value, Value]>))).toEqual([]);
  });
});
