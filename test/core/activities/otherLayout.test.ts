/**
 * A workbook made by another program (openpyxl, and the same saved again by LibreOffice;
 * test/fixtures/activities-other-layout) with the
 * activities laid out differently — one table with a perspective column, goals on rows of their
 * own, the deadline left of the activity, other header words, follow-up columns in another
 * order, texts broken over lines, statuses with symbols or in capitals — is read the same as
 * the sample's Aktiviteter sheet: the same activities, perspectives, goals, deadlines and follow-ups.
 */
import { join } from "node:path";
import { readActivities } from "../../../core/activities/readActivities";
import type { Activity, ActivityPlan, Deadline } from "../../../core/activities/activity";
import { openWorkbook } from "../../../pipeline/xlsx/openWorkbook";

const ROOT = join(__dirname, "../../..");

/** What a reader must agree on; the deadline's raw text may differ ("Kv 4" for "Q4"). */
const meaning = (deadline: Deadline): Omit<Deadline, "raw"> => {
  const { raw: _raw, ...rest } = deadline as Deadline & { raw?: string };
  return rest;
};
const comparable = (activity: Activity) => ({
  id: activity.id,
  perspective: activity.perspective,
  boardGoals: activity.boardGoals,
  name: activity.name,
  deadline: meaning(activity.deadline),
  followUps: activity.followUps,
});

describe.each(["aktiviteter-annan-layout.xlsx", "aktiviteter-libreoffice.xlsx"])("%s", (file) => {
  let sample: ActivityPlan;
  let other: ActivityPlan;
  beforeAll(async () => {
    sample = readActivities((await openWorkbook(join(ROOT, "samples/verksamhetsplan-amn-2019.xlsx"))).readGrid("Aktiviteter"));
    const workbook = await openWorkbook(join(ROOT, "test/fixtures/activities-other-layout", file));
    other = readActivities(workbook.readGrid("Handlingsplan"));
  });

  it("reads the same 42 activities with the same perspectives, goals, deadlines and follow-ups", () => {
    expect(other.activities).toHaveLength(42);
    expect(other.activities.map(comparable)).toEqual(sample.activities.map(comparable));
  });

  it("finds the follow-up columns for T1 and T2 2019 although they stand in another order", () => {
    expect(other.tables).toHaveLength(1);
    expect(other.tables[0]?.followUpColumns.map((c) => c.period)).toEqual(["2019-T1", "2019-T2"]);
    expect(other.year).toBe(2019);
  });

  it("reports the same doubts (the activity without a deadline, the ones without a goal), at its own cells", () => {
    const doubts = (plan: ActivityPlan) => plan.issues.map((i) => `${i.code} ${i.raw ?? ""}`);
    expect(doubts(other)).toEqual(doubts(sample));
    expect(other.issues.find((i) => i.code === "activity/missing-deadline")?.cell).toMatch(/^E\d+$/);
  });
});
