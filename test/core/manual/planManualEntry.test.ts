// A value entered in the task pane becomes a new row of the sheet "Manuella värden": the sheet
// with its header when it is missing, otherwise under the last row, never over an earlier entry,
// in the sheet's own column order; and what is written reads back as the same value.
import { planManualEntry } from "../../../core/manual/planManualEntry";
import { currentManualValues, type ManualValue } from "../../../core/manual/manualValue";
import { gridOfTextRows, readManualValues } from "../../../core/manual/readManualValues";
import type { Grid, GridCell } from "../../../core/workbook/grid";
import type { SheetPatch } from "../../../core/workbook/patch";

const value: ManualValue = { measure: "hme", breakdown: "kon=K", year: 2019, value: 79.5, sourceText: "Medarbetarenkät 2019", enteredBy: "AB", enteredAt: "2020-02-10" };

/** The grid after applying the writes on top of `base` (as a shell would). */
function applied(base: Grid | undefined, patch: SheetPatch): Grid {
  const cells: (GridCell | undefined)[][] = (base?.cells ?? []).map((row) => [...(row ?? [])]);
  for (const w of patch.writes) {
    const text = w.value === null ? "" : String(w.value);
    (cells[w.row] ??= [])[w.column] = { value: w.value, text: typeof w.value === "number" ? text.replace(".", ",") : text, numberFormat: "General" };
  }
  return { sheet: patch.sheet, origin: { row: 0, column: 0 }, cells, merges: [] };
}

describe("planManualEntry", () => {
  it("creates the sheet with its header when the workbook has none, and the value reads back", () => {
    const planned = planManualEntry(undefined, value);
    if (!planned.ok) throw new Error("refused");
    expect(planned.value.sheet).toBe("Manuella värden");
    expect(planned.value.writes.filter((w) => w.row === 0).map((w) => w.value)).toEqual(["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"]);
    expect(readManualValues(applied(undefined, planned.value))).toEqual({ values: [value], issues: [] });
  });

  it("adds a changed value under the last row, in the sheet's own column order: the old entry stays as history", () => {
    const sheet = {
      ...gridOfTextRows([
        ["Manuella värden för AMN"],
        [],
        ["Inmatat", "Mått", "Värde", "År", "Uppdelning", "Källa", "Inmatat av"],
        ["2020-01-15", "hme", "78", "2019", "Kvinnor", "Enkät, preliminär", "CD"],
      ]),
      sheet: "Manuella värden",
    };
    const planned = planManualEntry(sheet, value);
    if (!planned.ok) throw new Error("refused");
    expect(new Set(planned.value.writes.map((w) => w.row))).toEqual(new Set([4]));
    const after = readManualValues(applied(sheet, planned.value));
    expect(after.issues).toEqual([]);
    expect(after.values.map((v) => v.value)).toEqual([78, 79.5]);
    expect(currentManualValues(after.values)).toEqual([value]);
  });

  it("refuses a sheet of that name without the headers, naming what is missing", () => {
    const planned = planManualEntry({ ...gridOfTextRows([["Mått", "Värde"], ["avi", "1"]]), sheet: "Manuella värden" }, value);
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.issue.params?.["column"]).toBe("Uppdelning, År, Källa, Inmatat av, Inmatat");
  });
});
