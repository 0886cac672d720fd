/**
 * The add-in's path and the pipeline's path over the same workbook and exports give the same
 * outcome and status cells, and the monthly records agree. The pipeline runs as a user runs it (the built
 * command line: `bilaga import` then `bilaga fill`); the add-in's path is analyse() over the
 * workbook's grid and the CSV files split as the browser splits them.
 */
import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILE_JSON } from "../fixtures/sampleConfiguration";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cellAt } from "../../core/workbook/grid";
import { hmacHex, testHasher } from "../fixtures/keyHasher";
import { readMonthlySheet } from "../../core/records/monthlySheet";
import { parsePeriod } from "../../core/periods/period";
import type { MonthlyRecord } from "../../core/records/records";
import { applyPatch, openWorkbook } from "../../pipeline/xlsx";
import { analyse, loadConfiguration, measureFiles } from "../../addin/taskpane/analyse";
import { decodeCsvBytes, splitCsv } from "../../addin/taskpane/readCsvFile";
import { createWebCryptoHasher } from "../../addin/taskpane/webCryptoHasher";
/** The pane's own hasher (Web Crypto), under a key of the test. */
const paneHasher = createWebCryptoHasher(new TextEncoder().encode("parity"));

const ROOT = path.join(__dirname, "../..");
const SAMPLES = path.join(ROOT, "samples");
const WORKBOOK = path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx");
const MONTHS = ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"];
const exportFiles = fs.readdirSync(path.join(SAMPLES, "exports")).filter((f) => MONTHS.some((m) => f.includes(m))).sort();

/** One indicator from each source that the pipeline and the add-in must both give a number for. */
const FROM_EACH_SOURCE: Readonly<Record<string, string>> = {
  forsorjningsstod: "Antal hushåll med försörjningsstöd i snitt per månad.",
  sjukfranvaro: "Total sjukfrånvaro (%) – Kvinnor",
  vantetider: "Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)",
  deltagare: "Antal placeringar inom arbetsträning + praktik + arbetsmarknadsanställningar ska vara minst 677 under 2019 och minst 777 under 2020.",
  personal: "Extern personalomsättning",
  ekonomi: "Avvikelse från budget, i %",
  fakturor: "E-handelstrohet, i %",
  brukarenkat: "Andel positiva svar i brukarenkät",
};

const comparable = (records: readonly MonthlyRecord[]) =>
  records
    .map((r) => `${r.source}|${r.measure}|${r.breakdown}|${r.month}|${r.sum.toFixed(4)}|${r.count}`)
    .sort();

describe.each(["2019-T1", "2019-H1", "2019-06"])("add-in and pipeline agree for %s", (periodText) => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bilaga-parity-"));
    const cli = path.join(ROOT, "bin", "bilaga.js");
    const ledger = path.join(dir, "liggare.sqlite");
    execFileSync("node", [cli, "import", ...exportFiles.map((f) => path.join(SAMPLES, "exports", f)), "--ledger", ledger], { stdio: "pipe" });
    execFileSync("node", [cli, "fill", WORKBOOK, "--period", periodText, "--ledger", ledger, "--out", path.join(dir, "ut.xlsx")], { stdio: "pipe" });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the same outcome and status cells, and the same Månadsdata records", async () => {
    const input = await openWorkbook(WORKBOOK);
    const table = input.readGrid("Bilaga");
    const configuration = loadConfiguration(SAMPLE_PROFILE_JSON, SAMPLE_BINDINGS_JSON);
    const period = parsePeriod(periodText);
    if (!period.ok) throw new Error(periodText);
    const files = exportFiles.map((f) => {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(fs.readFileSync(path.join(SAMPLES, "exports", f))));
      return splitCsv(f, text, encoding);
    });
    const addin = analyse({ table, files: await measureFiles(files, configuration.profiles, paneHasher), configuration, period: period.value });

    const filled = await openWorkbook(path.join(dir, "ut.xlsx"));
    const pipelineTable = filled.readGrid("Bilaga");
    const writes = addin.patch!.sheets.find((s) => s.sheet === "Bilaga")!.writes;
    expect(writes.length).toBeGreaterThan(20);
    const mismatches = writes.flatMap((w) => {
      const cell = cellAt(pipelineTable, w.row, w.column).value;
      const same = typeof w.value === "number" && typeof cell === "number" ? Math.abs(w.value - cell) < 1e-9 : (w.value ?? null) === cell;
      return same ? [] : [{ row: w.row + 1, column: w.column + 1, addin: w.value, pipeline: cell }];
    });
    expect(mismatches).toEqual([]);

    // Equal cells prove nothing when both are empty: every source gives a number on both paths,
    // and a formula over two sources (deltagare and ekonomi) too.
    const outcomeColumn = writes[0]!.column;
    const perMnkr = "Antalet deltagare som slussas ut från arbetsmarknadsnämndens arbetsmarknadsinsatser till arbete eller studier per miljoner kronor";
    // A formula over breakdown terms (women's minus men's positive share), on a row whose status is set by hand.
    const equalTreatment = "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.";
    for (const name of [...Object.values(FROM_EACH_SOURCE), perMnkr, equalTreatment]) {
      const row = addin.assessment!.rows.find((r) => r.name === name);
      expect({ name, addin: typeof row?.outcome?.quantity.value }).toEqual({ name, addin: "number" });
      const cell = cellAt(pipelineTable, row!.row, outcomeColumn).value;
      expect({ name, pipeline: cell }).toEqual({ name, pipeline: row!.outcome!.quantity.value });
    }
    const importedSources = new Set(addin.imports.flatMap((f) => f.records.map((r) => r.source)));
    expect([...importedSources].sort()).toEqual(Object.keys(FROM_EACH_SOURCE).sort());

    // The pipeline's Månadsdata shows the records the period's bound rows use; the add-in keeps
    // every record it imported (it is the add-in's store). Each shown record must be the add-in's.
    const shown = comparable(readMonthlySheet(filled.readGrid("Månadsdata")));
    const kept = new Set(comparable(addin.records));
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.filter((record) => !kept.has(record))).toEqual([]);
  });
});

/**
 * Yearly values the same way in both: the controller's sheet "Manuella värden" in the workbook
 * and a saved Kolada response. The pipeline stores the Kolada file with `bilaga kolada` and reads
 * the sheet during `bilaga fill`; the add-in reads the same sheet and file in analyse().
 */
describe("add-in and pipeline agree on manual and Kolada values for the year 2019", () => {
  let dir: string;
  let workbook: string;
  const KOLADA = path.join(SAMPLES, "kolada", "N00011-0580.json");
  const MANUAL_ROWS: readonly (readonly (string | number)[])[] = [
    ["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"],
    ["avi", "", 2019, 109, "Medarbetarenkät 2019 (test)", "AB", "2020-01-15"],
    ["avi", "", 2019, 113, "Medarbetarenkät 2019, rättad (test)", "CD", "2020-02-01"],
    ["chefer-utomnordisk", "", 2019, "0,21", "HR-avdelningens årsuppföljning 2019 (test)", "AB", "2020-01-20"],
    ["hme", "Kvinnor", 2019, 81, "Medarbetarenkät 2019 (test)", "AB", "2020-01-20"],
  ];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bilaga-parity-yearly-"));
    workbook = path.join(dir, "plan.xlsx");
    const input = await openWorkbook(WORKBOOK);
    const writes = MANUAL_ROWS.flatMap((cells, row) =>
      cells.map((value, column) => (typeof value === "number" ? { row, column, value } : { row, column, value, asText: true })),
    );
    fs.writeFileSync(workbook, await applyPatch(input, { sheets: [{ sheet: "Manuella värden", replaceWhole: true, writes }] }));
    const cli = path.join(ROOT, "bin", "bilaga.js");
    const ledger = path.join(dir, "liggare.sqlite");
    execFileSync("node", [cli, "import", ...exportFiles.map((f) => path.join(SAMPLES, "exports", f)), "--ledger", ledger], { stdio: "pipe" });
    execFileSync("node", [cli, "kolada", KOLADA, "--ledger", ledger], { stdio: "pipe" });
    execFileSync("node", [cli, "fill", workbook, "--period", "2019", "--ledger", ledger, "--out", path.join(dir, "ut.xlsx")], { stdio: "pipe" });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the same outcome and status cells, with the newest manual value and Kolada's figure", async () => {
    const input = await openWorkbook(workbook);
    const configuration = loadConfiguration(SAMPLE_PROFILE_JSON, SAMPLE_BINDINGS_JSON);
    const period = parsePeriod("2019");
    if (!period.ok) throw new Error("2019");
    const files = exportFiles.map((f) => {
      const { text, encoding } = decodeCsvBytes(new Uint8Array(fs.readFileSync(path.join(SAMPLES, "exports", f))));
      return splitCsv(f, text, encoding);
    });
    const addin = analyse({
      table: input.readGrid("Bilaga"),
      manual: input.readGrid("Manuella värden"),
      kolada: [{ file: KOLADA, json: JSON.parse(fs.readFileSync(KOLADA, "utf8")) as unknown }],
      files: await measureFiles(files, configuration.profiles, paneHasher),
      configuration,
      period: period.value,
    });
    const filled = await openWorkbook(path.join(dir, "ut.xlsx"));
    const pipelineTable = filled.readGrid("Bilaga");
    const writes = addin.patch!.sheets.find((s) => s.sheet === "Bilaga")!.writes;
    const mismatches = writes.flatMap((w) => {
      const cell = cellAt(pipelineTable, w.row, w.column).value;
      const same = typeof w.value === "number" && typeof cell === "number" ? Math.abs(w.value - cell) < 1e-9 : (w.value ?? null) === cell;
      return same ? [] : [{ row: w.row + 1, column: w.column + 1, addin: w.value, pipeline: cell }];
    });
    expect(mismatches).toEqual([]);

    // The numbers a controller reads: the newer AVI entry (113, not 109), the sheet's 0,21,
    // Kolada's 4,3 for 2019 with its credit in the note.
    const rows = addin.assessment!.rows;
    const outcomeOf = (name: string): number | undefined => rows.find((r) => r.name.startsWith(name))?.outcome?.quantity.value;
    expect(outcomeOf("Attraktiv arbetsgivarindex")).toBe(113);
    expect(outcomeOf("Chefer med utomnordisk bakgrund")).toBe(0.21);
    expect(outcomeOf("Hållbart medarbetarengagemang (HME) – Kvinnor")).toBe(81);
    expect(outcomeOf("Barn i befolkningen")).toBeCloseTo(4.3, 9);
    const koladaRow = rows.find((r) => r.name.startsWith("Barn i befolkningen"))!;
    const note = writes.find((w) => w.row === koladaRow.row && typeof w.value === "number")?.note ?? "";
    expect(note).toContain("Källa: Kolada");
    // HME for men has no entry in this sheet: missing, never 0.
    expect(outcomeOf("Hållbart medarbetarengagemang (HME) – Män")).toBeUndefined();

    // Both Månadsdata sheets list the yearly records the outcomes rest on.
    const shown = comparable(readMonthlySheet(filled.readGrid("Månadsdata")));
    expect(shown).toContain("manuell|avi||2019-12|113.0000|1");
    expect(shown).toContain("kolada|N00011|kommun=0580|2019-12|4.3000|1");
    expect(comparable(addin.records)).toEqual(expect.arrayContaining(["manuell|avi||2019-12|113.0000|1", "kolada|N00011|kommun=0580|2019-12|4.3000|1"]));
  });
});
