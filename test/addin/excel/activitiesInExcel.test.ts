/**
 * The activities through the Excel adapter (a fake host on office-addin-mock): the pane reads
 * the activity sheet with the table in exactly two syncs and reads the same activities as the
 * pipeline reads from the xlsx; a status entered in the pane is written in one sync, as symbol
 * and word; a summary sheet the controller owns is refused before anything is queued.
 */
import { join } from "node:path";
import { followUpActivities } from "../../../core/activities/followUpActivities";
import { planFollowUpEntry } from "../../../core/activities/planFollowUpEntry";
import { readActivities } from "../../../core/activities/readActivities";
import { parsePeriod } from "../../../core/periods/period";
import { MONTHLY_SHEET } from "../../../core/records/monthlySheet";
import { applyPatch } from "../../../addin/excel/applyPatch";
import { readWorkbook } from "../../../addin/excel/readWorkbook";
import { ACTIVITY_SHEETS_TO_READ, activityGridOf, activitySummaryGridOf } from "../../../addin/taskpane/activityGrids";
import { openWorkbook } from "../../../pipeline/xlsx";
import { SEED_ACTIVITY_LAYOUT } from "../../../samples/make/seedActivities";
import { cellIn, fakeExcel, fakeWorkbook, type FakeWorkbook } from "../fakeExcel";
import { rangeFromA1 } from "../../../core/workbook/address";

const t2 = (() => {
  const parsed = parsePeriod("2019-T2");
  if (!parsed.ok) throw new Error("period");
  return parsed.value;
})();

function sampleBook(extra: Record<string, Record<string, string>> = {}): FakeWorkbook {
  const cells: Record<string, string> = {};
  for (const cell of SEED_ACTIVITY_LAYOUT.cells) cells[cell.address] = String(cell.value);
  const book = fakeWorkbook({ Bilaga: { A1: "Indikatorbilaga" }, Aktiviteter: cells, ...extra }, "Bilaga");
  book.sheets.get("Aktiviteter")!.merges.push(...SEED_ACTIVITY_LAYOUT.merges.map((m) => rangeFromA1(m)!));
  return book;
}

it("reads the activity sheet with the table in two syncs, and reads what the pipeline reads from the sample file", async () => {
  const excel = fakeExcel(sampleBook());
  const snapshot = await readWorkbook(excel.context, { sheets: [MONTHLY_SHEET, ...ACTIVITY_SHEETS_TO_READ] });
  expect(excel.syncs()).toBe(2);
  const grid = activityGridOf(snapshot);
  expect(grid?.sheet).toBe("Aktiviteter");
  const inExcel = readActivities(grid!);
  const inFile = readActivities((await openWorkbook(join(__dirname, "../../../samples/verksamhetsplan-amn-2019.xlsx"))).readGrid("Aktiviteter"));
  const comparable = (plan: typeof inExcel) => plan.activities.map((a) => ({ id: a.id, goals: a.boardGoals, deadline: a.deadline, followUps: a.followUps, cell: a.cell }));
  expect(comparable(inExcel)).toEqual(comparable(inFile));
  expect(inExcel.activities).toHaveLength(42);
});

it("writes a status entered in the pane in one sync, as symbol and word with comment and who set it", async () => {
  const excel = fakeExcel(sampleBook());
  const snapshot = await readWorkbook(excel.context, { sheets: [MONTHLY_SHEET, ...ACTIVITY_SHEETS_TO_READ] });
  const grid = activityGridOf(snapshot)!;
  const plan = readActivities(grid);
  const target = plan.activities.find((a) => a.name === "Införande av processtyrningsmodeller")!;
  const entry = planFollowUpEntry(plan, target.id, t2, { status: "done", comment: "=Införd i juni", setBy: "Verksamhetsutvecklare" }, grid);
  if (!entry.ok) throw new Error(entry.issue.code);
  await applyPatch(excel.context, { sheets: [entry.patch] }, snapshot);
  expect(excel.syncs()).toBe(3);
  const row = target.row + 1;
  expect(cellIn(excel.book, "Aktiviteter", `G${row}`)).toMatchObject({ value: "✓ Genomförd", bold: true });
  // A comment that looks like a formula stays text.
  expect(cellIn(excel.book, "Aktiviteter", `H${row}`)?.value).toBe("=Införd i juni");
  expect(cellIn(excel.book, "Aktiviteter", `H${row}`)?.formula).toBeUndefined();
  expect(cellIn(excel.book, "Aktiviteter", `I${row}`)?.value).toBe("Verksamhetsutvecklare");
});

it("refuses to replace an Aktivitetsuppföljning sheet the controller wrote, before queuing anything", async () => {
  const excel = fakeExcel(sampleBook({ Aktivitetsuppföljning: { A1: "Mina anteckningar" } }));
  const snapshot = await readWorkbook(excel.context, { sheets: [MONTHLY_SHEET, ...ACTIVITY_SHEETS_TO_READ] });
  const followUp = followUpActivities(activityGridOf(snapshot)!, t2, { summaryGrid: activitySummaryGridOf(snapshot)! });
  expect(followUp.sheets).toEqual([]);
  expect(followUp.issues.map((i) => i.code)).toContain("activity/foreign-summary-sheet");
  // Even a patch made without that check is refused by the adapter.
  const unchecked = followUpActivities(activityGridOf(snapshot)!, t2);
  await expect(applyPatch(excel.context, { sheets: [...unchecked.sheets] }, snapshot)).rejects.toThrow(/Aktivitetsuppföljning/);
  expect(excel.syncs()).toBe(2);
  expect(cellIn(excel.book, "Aktivitetsuppföljning", "A1")?.value).toBe("Mina anteckningar");
});
