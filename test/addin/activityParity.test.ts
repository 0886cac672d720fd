/**
 * The task pane and the pipeline agree on the activities (issue 11): over the sample workbook,
 * `bilaga fill` (the built command line) and the pane's analyse() with the Aktiviteter sheet
 * give the same follow-up cells in the activity sheet, the same Aktivitetsuppföljning sheet and
 * the same summary, for tertial 1 and tertial 2 2019; and a status entered in the pane reads
 * back from the workbook as the status the pipeline then keeps.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { followUpActivities } from "../../core/activities/followUpActivities";
import { planFollowUpEntry } from "../../core/activities/planFollowUpEntry";
import { readActivities } from "../../core/activities/readActivities";
import { hmacHex, testHasher } from "../fixtures/keyHasher";
import { cellAt, type Grid } from "../../core/workbook/grid";
import type { SheetPatch } from "../../core/workbook/patch";
import { applyPatch, openWorkbook } from "../../pipeline/xlsx";
import { analyse, loadConfiguration } from "../../addin/taskpane/analyse";
import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILE_JSON } from "../fixtures/sampleConfiguration";
import { period } from "../fixtures/period";

const ROOT = path.join(__dirname, "../..");
const SAMPLES = path.join(ROOT, "samples");
const WORKBOOK = path.join(SAMPLES, "verksamhetsplan-amn-2019.xlsx");
const CLI = path.join(ROOT, "bin", "bilaga.js");


/** Every write of a sheet patch that differs from the pipeline's cell: [] when they agree. */
function mismatches(patch: SheetPatch | undefined, grid: Grid): unknown[] {
  if (!patch) return ["the add-in planned no writes"];
  return patch.writes.flatMap((w) => {
    const cell = cellAt(grid, w.row, w.column);
    const same = typeof w.value === "number" ? cell.value === w.value : (w.value ?? "") === (cell.text || String(cell.value ?? ""));
    return same ? [] : [{ sheet: patch.sheet, row: w.row + 1, column: w.column + 1, addin: w.value, pipeline: cell.value }];
  });
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bilaga-activity-parity-"));
  const exports = fs.readdirSync(path.join(SAMPLES, "exports")).filter((f) => /2019-0[1-4]/.test(f)).map((f) => path.join(SAMPLES, "exports", f));
  execFileSync("node", [CLI, "import", ...exports, "--ledger", path.join(dir, "l.sqlite")], { stdio: "pipe" });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(["2019-T1", "2019-T2"])("the pane and the pipeline agree on the activities for %s", (periodText) => {
  it("write the same follow-up cells and the same summary sheet", async () => {
    const out = path.join(dir, `ut-${periodText}.xlsx`);
    execFileSync("node", [CLI, "fill", WORKBOOK, "--period", periodText, "--ledger", path.join(dir, "l.sqlite"), "--out", out], { stdio: "pipe" });
    const input = await openWorkbook(WORKBOOK);
    const addin = analyse({
      table: input.readGrid("Bilaga"),
      activities: input.readGrid("Aktiviteter"),
      files: [],
      configuration: loadConfiguration(SAMPLE_PROFILE_JSON, SAMPLE_BINDINGS_JSON),
      period: period(periodText),
    });
    const filled = await openWorkbook(out);
    const sheets = addin.patch?.sheets ?? [];
    const activityWrites = sheets.find((s) => s.sheet === "Aktiviteter");
    const summaryWrites = sheets.find((s) => s.sheet === "Aktivitetsuppföljning");
    expect(activityWrites?.writes.length).toBeGreaterThan(0);
    expect(summaryWrites?.writes.length).toBeGreaterThan(50);
    expect(mismatches(activityWrites, filled.readGrid("Aktiviteter"))).toEqual([]);
    expect(mismatches(summaryWrites, filled.readGrid("Aktivitetsuppföljning"))).toEqual([]);

    // And the pipeline wrote nothing in the activity sheet that the pane would not.
    const before = input.readGrid("Aktiviteter");
    const after = filled.readGrid("Aktiviteter");
    const planned = new Set(activityWrites?.writes.map((w) => `${w.row},${w.column}`));
    const changed: string[] = [];
    after.cells.forEach((row, r) => row?.forEach((cell, c) => {
      if ((cell?.text ?? "") !== cellAt(before, r, c).text && !planned.has(`${r},${c}`)) changed.push(`${r},${c}`);
    }));
    expect(changed).toEqual([]);

    // The same summary, read back from each side's workbook.
    const again = followUpActivities(after, period(periodText));
    expect(again.summary).toEqual(addin.activities?.summary);
  });
});

it("a status entered in the pane is what the pipeline reads and keeps", async () => {
  const input = await openWorkbook(WORKBOOK);
  const grid = input.readGrid("Aktiviteter");
  const plan = readActivities(grid);
  const target = plan.activities.find((a) => a.name === "Införande av processtyrningsmodeller")!;
  const entered = planFollowUpEntry(plan, target.id, period("2019-T2"), { status: "done", comment: "Införd i juni.", setBy: "Verksamhetsutvecklare" }, grid);
  if (!entered.ok) throw new Error(entered.issue.code);
  const file = path.join(dir, "satt-i-fonstret.xlsx");
  fs.writeFileSync(file, await applyPatch(input, { sheets: [entered.patch] }));
  execFileSync("node", [CLI, "fill", file, "--period", "2019-T2", "--ledger", path.join(dir, "l.sqlite"), "--out", path.join(dir, "satt-ut.xlsx")], { stdio: "pipe" });
  const read = readActivities((await openWorkbook(path.join(dir, "satt-ut.xlsx"))).readGrid("Aktiviteter"));
  expect(read.activities.find((a) => a.id === target.id)?.followUps).toContainEqual({ period: "2019-T2", status: "done", comment: "Införd i juni.", setBy: "Verksamhetsutvecklare" });
  const after = followUpActivities((await openWorkbook(path.join(dir, "satt-ut.xlsx"))).readGrid("Aktiviteter"), period("2019-T2"));
  expect(after.assessments.find((a) => a.activity.id === target.id)).toMatchObject({ status: "done", origin: "set" });
});
