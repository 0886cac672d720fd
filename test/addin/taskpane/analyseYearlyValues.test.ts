// The task pane with yearly values: a saved Kolada response given to the pane and the sheet
// "Manuella värden" feed the year's outcomes; the records go to Månadsdata and are read back next
// session (a value is never lost), the sheet's newer value wins over what Månadsdata kept, and a
// file that is not Kolada's JSON is refused whole with a Swedish message.
import * as fs from "node:fs";
import * as path from "node:path";
import { analyse, loadConfiguration, type KoladaFile } from "../../../addin/taskpane/analyse";
import { formatIssue } from "../../../core/issues/messages.sv";
import { parsePeriod, type Period } from "../../../core/periods/period";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { gridOfTextRows } from "../../../core/manual/readManualValues";
import { readMonthlySheet } from "../../../core/records/monthlySheet";
import type { Grid, GridCell } from "../../../core/workbook/grid";
import type { SheetPatch } from "../../../core/workbook/patch";
import { openWorkbook } from "../../../pipeline/xlsx";
import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILE_JSON } from "../../fixtures/sampleConfiguration";

const SAMPLES = path.join(__dirname, "../../../samples");
const KOLADA: KoladaFile = { file: "N00011-0580.json", json: JSON.parse(fs.readFileSync(path.join(SAMPLES, "kolada", "N00011-0580.json"), "utf8")) as unknown };
const HEADER = ["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"];

function manualSheet(rows: readonly (readonly string[])[]): Grid {
  return { ...gridOfTextRows([HEADER, ...rows]), sheet: "Manuella värden" };
}

function gridOf(patch: SheetPatch): Grid {
  const cells: (GridCell | undefined)[][] = [];
  for (const w of patch.writes) (cells[w.row] ??= [])[w.column] = { value: w.value, text: w.value === null ? "" : String(w.value), numberFormat: "General" };
  return { sheet: patch.sheet, origin: { row: 0, column: 0 }, cells, merges: [] };
}

const year2019 = ((): Period => {
  const parsed = parsePeriod("2019");
  if (!parsed.ok) throw new Error("2019");
  return parsed.value;
})();

async function run(input: { manual?: Grid; kolada?: KoladaFile[]; monthly?: Grid }) {
  const workbook = await openWorkbook(path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx"));
  return analyse({
    table: workbook.readGrid("Bilaga"),
    files: [],
    configuration: loadConfiguration(SAMPLE_PROFILE_JSON, SAMPLE_BINDINGS_JSON),
    period: year2019,
    ...input,
  });
}
const outcome = (analysis: Awaited<ReturnType<typeof run>>, name: string) => analysis.assessment?.rows.find((r) => r.name.startsWith(name))?.outcome?.quantity.value;

describe("the task pane with Kolada and manual values for 2019", () => {
  it("uses the Kolada file and the sheet, says Källa: Kolada, and keeps both in Månadsdata for the next session", async () => {
    const first = await run({ kolada: [KOLADA], manual: manualSheet([["avi", "", "2019", "111", "Medarbetarenkät 2019", "AB", "2020-02-01"]]) });
    expect(first.koladaImports).toEqual([{ file: "N00011-0580.json", rejected: false, values: 3, missing: 1 }]);
    expect(outcome(first, "Barn i befolkningen")).toBeCloseTo(4.3, 9);
    expect(outcome(first, "Attraktiv arbetsgivarindex")).toBe(111);
    expect(first.issues.map(formatIssue)).toContain(
      'Info: N00011-0580.json: Kolada saknar värde för nyckeltal N00011, kommun 0580, 2016 (kön T, status "Missing"); det visas som saknat, aldrig som 0.',
    );
    const monthly = first.patch!.sheets.find((s) => s.sheet === "Månadsdata")!;

    // Next session: no Kolada file, and the controller has corrected AVI on the sheet.
    const next = await run({ monthly: gridOf(monthly), manual: manualSheet([["avi", "", "2019", "113", "Medarbetarenkät 2019, rättad", "CD", "2020-03-01"]]) });
    expect(outcome(next, "Barn i befolkningen")).toBeCloseTo(4.3, 9);
    expect(outcome(next, "Attraktiv arbetsgivarindex")).toBe(113);
    const kept = readMonthlySheet(gridOf(next.patch!.sheets.find((s) => s.sheet === "Månadsdata")!));
    expect(kept.filter((r) => r.source === "manuell" && r.measure === "avi").map((r) => r.sum)).toEqual([113]);
    expect(kept.filter((r) => r.source === "kolada").map((r) => [r.month, r.sum])).toEqual([
      ["2017-12", 4.8],
      ["2018-12", 4.6],
      ["2019-12", 4.3],
    ]);
  });

  it("refuses a file that is not Kolada's JSON, whole, and names it", async () => {
    const analysis = await run({ kolada: [{ file: "fel.json", json: undefined, notJson: "Unexpected token" }, { file: "tom.json", json: { values: [{ kpi: "N00011" }] } }] });
    expect(analysis.koladaImports.map((k) => k.rejected)).toEqual([true, true]);
    const messages = analysis.issues.filter((i) => i.code === "kolada/invalid-file").map(formatIssue);
    expect(messages[0]).toContain("fel.json");
    expect(messages[0]).toContain("inte giltig JSON");
    expect(messages[1]).toContain('vid "values[0].municipality"');
    expect(outcome(analysis, "Barn i befolkningen")).toBeUndefined();
  });
});

describe("the same Kolada response given twice (a browser's re-download)", () => {
  it("counts the value once: 4,3, not 8,6", async () => {
    const analysis = await run({ kolada: [KOLADA, { ...KOLADA, file: "N00011-0580 (1).json" }] });
    expect(outcome(analysis, "Barn i befolkningen")).toBeCloseTo(4.3, 9);
    expect(analysis.issues.filter((i) => i.code === "kolada/changed")).toEqual([]);
  });

  it("uses the later of two files that disagree and says so, naming both", async () => {
    const revised = JSON.parse(JSON.stringify(KOLADA.json).replace(/4\.3/g, "4.5")) as unknown;
    const analysis = await run({ kolada: [KOLADA, { file: "N00011-0580 (1).json", json: revised }] });
    expect(outcome(analysis, "Barn i befolkningen")).toBeCloseTo(4.5, 9);
    expect(analysis.issues.filter((i) => i.code === "kolada/changed").map(formatIssue)).toEqual([
      'Varning: N00011-0580 (1).json: Koladas värde för nyckeltal N00011, kommun 0580, 2019 (kön T) ersätts: 4,3 (ur "N00011-0580.json") byts mot 4,5 (ur "N00011-0580 (1).json"), det senast lästa svaret. Kontrollera att det är rätt svar.',
    ]);
  });
});
