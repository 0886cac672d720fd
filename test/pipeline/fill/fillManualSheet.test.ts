// The workbook's own sheet "Manuella värden" in `bilaga fill` and `bilaga run`: per measure and
// year the newest entry counts, whether it is in the ledger or on the sheet; run keeps the sheet's
// values in the ledger with their origin; the sheet itself is never written by Bilaga.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyPatch, openWorkbook } from "../../../pipeline/xlsx";
import { cellAt } from "../../../core/workbook/grid";
import { bilaga, REPO, requireBuild } from "../cliTestKit";
import { SAMPLE_BOARDS, writeNightConfig } from "../night/nightKit";

requireBuild();

const WORKBOOK = join(REPO, "samples", "verksamhetsplan-amn-2019.xlsx");
const HEADER = ["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"];

async function workbookWithSheet(path: string, rows: readonly (readonly string[])[]): Promise<void> {
  const input = await openWorkbook(WORKBOOK);
  const writes = [HEADER, ...rows].flatMap((cells, row) => cells.map((value, column) => ({ row, column, value, asText: true })));
  writeFileSync(path, await applyPatch(input, { sheets: [{ sheet: "Manuella värden", replaceWhole: true, writes }] }));
}

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("the workbook's sheet Manuella värden in fill and run", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bilaga-manual-sheet-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("takes the newest entry per measure and year from the ledger or the sheet", async () => {
    const ledger = join(dir, "liggare.sqlite");
    const csv = join(dir, "manuella.csv");
    writeFileSync(
      csv,
      ["Mått;Uppdelning;År;Värde;Källa;Inmatat av;Inmatat", "avi;;2019;112;Medarbetarenkät 2019;CD;2020-02-10", "chefer-utomnordisk;;2019;0,18;HR-avdelningens årsuppföljning 2019;AB;2020-01-20"].join("\n"),
    );
    expect(bilaga(dir, "manual", csv, "--ledger", ledger).status).toBe(0);
    expect(bilaga(dir, "import", join(REPO, "samples", "exports", "vantetider-2019-01.txt"), "--ledger", ledger).status).toBe(0);
    const book = join(dir, "plan.xlsx");
    // AVI is newer on the sheet (115); managers with a non-Nordic background is older on the sheet (0,15) than in the ledger (0,18).
    await workbookWithSheet(book, [
      ["avi", "", "2019", "115", "Medarbetarenkät 2019, rättad på bladet", "EF", "2020-03-01"],
      ["chefer-utomnordisk", "", "2019", "0,15", "HR-avdelningens årsuppföljning 2019, preliminärt", "AB", "2020-01-05"],
    ]);
    const before = sha(book);
    const out = join(dir, "ut.xlsx");
    const fill = bilaga(dir, "fill", book, "--period", "2019", "--ledger", ledger, "--out", out);
    expect(fill.stderr).toBe("");
    expect(fill.status).toBe(0);
    expect(sha(book)).toBe(before);
    const filled = await openWorkbook(out);
    const grid = filled.readGrid("Bilaga");
    const header = grid.cells[3]!.findIndex((c) => typeof c?.value === "string" && c.value.startsWith("Utfall helår 2019"));
    const outcomeOf = (label: string): unknown => {
      const row = grid.cells.findIndex((cells) => cells?.some((c) => typeof c?.value === "string" && c.value.startsWith(label)));
      return cellAt(grid, row + grid.origin.row, header + grid.origin.column).value;
    };
    expect(outcomeOf("Attraktiv arbetsgivarindex")).toBe(115);
    expect(outcomeOf("Chefer med utomnordisk bakgrund")).toBe(0.18);
    // The sheet is the controller's: its cells are as they were.
    expect(filled.readGrid("Manuella värden").cells[1]?.[3]?.value).toBe("115");
  });

  it("run keeps the sheet's values in the ledger, with the workbook as their origin", async () => {
    const book = join(dir, "plan.xlsx");
    await workbookWithSheet(book, [["avi", "", "2019", "114", "Medarbetarenkät 2019 (bladet)", "GH", "2020-04-01"]]);
    const exportsDir = join(dir, "exporter");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(exportsDir);
    copyFileSync(join(REPO, "samples", "exports", "vantetider-2019-01.txt"), join(exportsDir, "vantetider-2019-01.txt"));
    const run = bilaga(dir, "run", "--period", "2019", "--workbook", book, "--exports", exportsDir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const shown = bilaga(dir, "ledger", "--manuella").stdout;
    expect(shown).toContain("avi 2019: 114 – GH 2020-04-01, Medarbetarenkät 2019 (bladet)");
    // With one's own exports, the sample manual values and Kolada file are not used.
    expect(shown).not.toContain("exempeldata");
    expect(shown).not.toContain("N00011");
  });

  describe("a sheet with a bad row is refused whole, as bilaga manual refuses it", () => {
    // One good row (114, which nothing else holds) and one without a value.
    const rows = [
      ["avi", "", "2019", "114", "Medarbetarenkät 2019 (bladet)", "GH", "2020-04-01"],
      ["chefer-utomnordisk", "", "2019", "", "HR-avdelningens årsuppföljning 2019", "AB", "2020-01-20"],
    ];

    it("run: exit 1, the sheet named, its good row not stored, no workbook written", async () => {
      const book = join(dir, "plan.xlsx");
      await workbookWithSheet(book, rows);
      const before = sha(book);
      const exportsDir = join(dir, "exporter");
      mkdirSync(exportsDir);
      copyFileSync(join(REPO, "samples", "exports", "vantetider-2019-01.txt"), join(exportsDir, "vantetider-2019-01.txt"));
      const out = join(dir, "ut.xlsx");
      const run = bilaga(dir, "run", "--period", "2019", "--workbook", book, "--exports", exportsDir, "--out", out);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Rätta bladet "Manuella värden"');
      expect(run.stderr).toContain("inget sparades");
      expect(run.stderr).toMatch(/D3/);
      expect(existsSync(out)).toBe(false);
      expect(sha(book)).toBe(before);
      expect(bilaga(dir, "ledger", "--manuella").stdout).not.toContain("Medarbetarenkät 2019 (bladet)");
    });

    it("fill: exit 1, no workbook written", async () => {
      const book = join(dir, "plan.xlsx");
      await workbookWithSheet(book, rows);
      const ledger = join(dir, "liggare.sqlite");
      expect(bilaga(dir, "import", join(REPO, "samples", "exports", "vantetider-2019-01.txt"), "--ledger", ledger).status).toBe(0);
      const out = join(dir, "ut.xlsx");
      const fill = bilaga(dir, "fill", book, "--period", "2019", "--ledger", ledger, "--out", out);
      expect(fill.status).toBe(1);
      expect(fill.stderr).toContain('Rätta bladet "Manuella värden"');
      expect(existsSync(out)).toBe(false);
    });

    it("night run: that board fails alone; the others are filled and its good row is not stored", async () => {
      const book = join(dir, "plan.xlsx");
      await workbookWithSheet(book, rows);
      const bad = { ...SAMPLE_BOARDS[0]!, name: "Nämnden med felaktigt blad", workbook: book, output: join(dir, "ut-fel", "fel.xlsx") };
      writeNightConfig(dir, [SAMPLE_BOARDS[0]!, bad]);
      const run = bilaga(dir, "run", "--boards", "natt.json");
      expect(run.status).toBe(5);
      expect(run.stdout).toContain("✗ Nämnden med felaktigt blad: INTE IFYLLD");
      expect(existsSync(join(dir, "ut-fel", "fel.xlsx"))).toBe(false);
      expect(existsSync(join(dir, "ut", "verksamhetsplan-amn-2019 utfall 2019-T2.xlsx"))).toBe(true);
      expect(bilaga(dir, "ledger", "--manuella", "--ledger", join(dir, "data", "liggare.sqlite")).stdout).not.toContain("Medarbetarenkät 2019 (bladet)");
    });
  });
});
