/**
 * What the follow-up writes in the activity sheet: new columns for a period the sheet lacks
 * (read back as that period's), the same cells again on a second fill, a rule status cleared
 * when it no longer holds, and never a cell a person wrote in.
 */
import { followUpActivities } from "../../../core/activities/followUpActivities";
import { readActivities } from "../../../core/activities/readActivities";
import type { Grid, GridCell } from "../../../core/workbook/grid";
import type { CellWrite } from "../../../core/workbook/patch";
import { SEED_ACTIVITY_LAYOUT } from "../../../samples/make/seedActivities";
import { gridFromLayout, gridFromRows } from "../../fixtures/gridFromLayout";
import { period } from "../../fixtures/period";


/** The grid after the writes, as a shell would leave it (text as written). */
function applyWrites(grid: Grid, writes: readonly CellWrite[]): Grid {
  const cells = grid.cells.map((row) => (row ? [...row] : []));
  for (const w of writes) {
    const row = (cells[w.row - grid.origin.row] ??= []);
    row[w.column - grid.origin.column] =
      w.value === null ? undefined : ({ value: w.value, text: String(w.value), numberFormat: "General" } satisfies GridCell);
  }
  return { ...grid, cells };
}

const sample = gridFromLayout(SEED_ACTIVITY_LAYOUT);

it("adds Status, Kommentar and Satt av columns for T3 right of the tables, in every table's header row, and reads them back as T3", () => {
  const followUp = followUpActivities(sample, period("2019-T3"));
  const sheet = followUp.sheets.find((s) => s.sheet === "Aktiviteter")!;
  const headers = sheet.writes.filter((w) => typeof w.value === "string" && /T3 2019$/.test(w.value));
  expect(headers).toHaveLength(4 * 3);
  expect(new Set(headers.map((w) => w.column))).toEqual(new Set([9, 10, 11]));
  const after = readActivities(applyWrites(sample, sheet.writes));
  expect(after.tables.every((t) => t.followUpColumns.map((c) => c.period).join() === "2019-T1,2019-T2,2019-T3")).toBe(true);
  // At year end every Q1–Q4 activity not reported done is late by the rule.
  const late = followUp.assessments.filter((a) => a.origin === "rule").map((a) => a.activity.name);
  expect(late.length).toBeGreaterThan(20);
  for (const name of late) expect(after.activities.find((a) => a.name === name)?.followUps.find((f) => f.period === "2019-T3")).toBeUndefined();
});

it("writes the same cells again when the filled sheet is filled again, and nothing new", () => {
  const first = followUpActivities(sample, period("2019-T2")).sheets[0]!;
  const filled = applyWrites(sample, first.writes);
  const second = followUpActivities(filled, period("2019-T2")).sheets[0]!;
  expect(second.writes.map((w) => [w.row, w.column, w.value])).toEqual(first.writes.map((w) => [w.row, w.column, w.value]));
  expect(followUpActivities(filled, period("2019-T2")).summary).toEqual(followUpActivities(sample, period("2019-T2")).summary);
});

it("clears its own Försenad when the deadline no longer has passed, and leaves a person's comment alone", () => {
  const rows = [
    ["Medborgare"],
    ["Nämndmål", "Aktivitet", "Slutfört", "Status T2 2019", "Kommentar T2 2019", "Satt av T2 2019"],
    ["Mål A", "Aktivitet med regelns status", "Q4", "! Försenad", "Försenad enligt regeln: gammalt skäl", "Bilaga (regel)"],
    [undefined, "Aktivitet med en kommentar men ingen status", "Q1", undefined, "Vi återkommer", undefined],
    [undefined, "Aktivitet som en person satt", "Q1", "Pågår enligt plan", "", "Enhetschef"],
  ];
  const grid = gridFromRows("Aktiviteter", "A1", rows);
  const followUp = followUpActivities(grid, period("2019-T2"));
  const writes = followUp.sheets[0]!.writes;
  // Row 3 (index 2): Q4 has not passed at T2, so the rule's old status is cleared.
  expect(writes.filter((w) => w.row === 2).map((w) => [w.column, w.value])).toEqual([[3, null], [4, null], [5, null]]);
  // Row 4: late by the rule, but its comment cell is a person's: nothing is written on the row.
  expect(writes.filter((w) => w.row === 3)).toEqual([]);
  expect(followUp.assessments[1]).toMatchObject({ status: "late", origin: "rule" });
  expect(followUp.issues.map((i) => i.code)).toContain("activity/comment-without-status");
  // Row 5: set by a person, never written.
  expect(writes.filter((w) => w.row === 4)).toEqual([]);
  expect(followUp.assessments[2]).toMatchObject({ status: "on-track", origin: "set", setBy: "Enhetschef" });
});

it("reports a status it does not know, at its cell, and does not count it as set", () => {
  const grid = gridFromRows("Aktiviteter", "A1", [
    ["Aktivitet", "Slutfört", "Status T1 2019"],
    ["Ny rutin", "Q1", "Grön"],
  ]);
  const followUp = followUpActivities(grid, period("2019-T1"));
  expect(followUp.issues.find((i) => i.code === "activity/unknown-status")).toMatchObject({ cell: "C2", raw: "Grön" });
  expect(followUp.assessments[0]).toMatchObject({ status: "late", origin: "rule" });
  // No "Satt av" column: the rule's status could not be told from a person's, so it is not written.
  expect(followUp.sheets[0]!.writes).toEqual([]);
});

it("writes no follow-up for a month or a half-year (follow-up is per tertial), and takes a year as its third tertial", () => {
  for (const text of ["2019-06", "2019-H1", "2019-01..2019-05"]) {
    const followUp = followUpActivities(sample, period(text));
    expect(followUp.sheets).toEqual([]);
    expect(followUp.period).toBeUndefined();
    expect(followUp.issues.map((i) => i.code)).toContain("activity/not-a-tertial");
  }
  const year = followUpActivities(sample, period("2019"));
  expect(year.period?.id).toBe("2019-T3");
  expect(year.sheets[0]!.writes.some((w) => w.value === "Status T3 2019")).toBe(true);
});

describe("a status signed by the rule that a person changed", () => {
  const rows = [
    ["Medborgare"],
    ["Nämndmål", "Aktivitet", "Slutfört", "Status T2 2019", "Kommentar T2 2019", "Satt av T2 2019"],
    ["Mål A", "Aktivitet som en person klarmarkerade", "Q1", "✓ Genomförd", "Klar i maj", "Bilaga (regel)"],
    [undefined, "Aktivitet vars kommentar en person skrev om", "Q1", "! Försenad", "Väntar på leverantören", "Bilaga (regel)"],
    [undefined, "Aktivitet med en okänd status signerad av regeln", "Q1", "Grön", "Försenad enligt regeln: gammalt skäl", "Bilaga (regel)"],
    [undefined, "Aktivitet med regelns status orörd", "Q1", "! Försenad", "Försenad enligt regeln: gammalt skäl", "Bilaga (regel)"],
  ];
  const grid = gridFromRows("Aktiviteter", "A1", rows);
  const followUp = followUpActivities(grid, period("2019-T2"));
  const writes = followUp.sheets[0]!.writes;

  it("keeps the person's status and comment through a fill, and warns at the status cell", () => {
    expect(writes.filter((w) => w.row === 2 || w.row === 3 || w.row === 4)).toEqual([]);
    expect(followUp.assessments[0]).toMatchObject({ status: "done", origin: "set", comment: "Klar i maj", setBy: "Bilaga (regel)" });
    expect(followUp.assessments[1]).toMatchObject({ status: "late", origin: "set", comment: "Väntar på leverantören" });
    const edited = followUp.issues.filter((i) => i.code === "activity/rule-status-edited");
    expect(edited.map((i) => [i.severity, i.cell, i.raw])).toEqual([["warning", "D3", "✓ Genomförd"], ["warning", "D4", "! Försenad"], ["warning", "D5", "Grön"]]);
    const after = readActivities(applyWrites(grid, writes));
    expect(after.activities[0]!.followUps).toEqual([{ period: "2019-T2", status: "done", comment: "Klar i maj", setBy: "Bilaga (regel)" }]);
    expect(followUpActivities(applyWrites(grid, writes), period("2019-T2")).summary.total.counts.done).toBe(1);
  });

  it("still works out again a row the rule wrote and nobody changed", () => {
    expect(writes.filter((w) => w.row === 5).map((w) => [w.column, w.value])).toEqual([
      [3, "! Försenad"],
      [4, "Försenad enligt regeln: slutdatumet Q1 (senast mars 2019) har passerat och ingen har rapporterat aktiviteten som genomförd."],
      [5, "Bilaga (regel)"],
    ]);
    expect(followUp.assessments[3]).toMatchObject({ status: "late", origin: "rule" });
  });

  it("still works out again a Genomförd it carried and nobody changed", () => {
    const carried = gridFromRows("Aktiviteter", "A1", [
      ["Aktivitet", "Slutfört", "Status T1 2019", "Kommentar T1 2019", "Satt av T1 2019", "Status T2 2019", "Kommentar T2 2019", "Satt av T2 2019"],
      ["Ny rutin", "Q1", "Genomförd", "Klar", "Enhetschef", "✓ Genomförd", "Genomförd enligt uppföljningen T1 2019. Klar", "Bilaga (regel)"],
    ]);
    const again = followUpActivities(carried, period("2019-T2"));
    expect(again.issues.map((i) => i.code)).not.toContain("activity/rule-status-edited");
    expect(again.assessments[0]).toMatchObject({ status: "done", origin: "carried" });
  });
});
