/**
 * The follow-up rule and the summaries over the sample's activities, checked against a plain
 * loop over the seed data (samples/make/seedActivities.ts) written here, not the product's code.
 */
import { assessActivities } from "../../../core/activities/assessActivities";
import { readActivities } from "../../../core/activities/readActivities";
import { summarizeActivities, NO_GOAL } from "../../../core/activities/summarizeActivities";
import { SEED_ACTIVITIES, SEED_ACTIVITY_LAYOUT } from "../../../samples/make/seedActivities";
import { gridFromLayout } from "../../fixtures/gridFromLayout";
import { period } from "../../fixtures/period";

const plan = readActivities(gridFromLayout(SEED_ACTIVITY_LAYOUT));
const byName = (assessments: ReturnType<typeof assessActivities>, start: string) => {
  const found = assessments.find((a) => a.activity.name.startsWith(start));
  if (!found) throw new Error(start);
  return found;
};

describe("the Försenad rule", () => {
  const t1 = assessActivities(plan.activities, period("2019-T1"), 2019);
  const t2 = assessActivities(plan.activities, period("2019-T2"), 2019);

  it("flags an activity due in Q1 with nothing reported at T1 as Försenad, and says why", () => {
    const green = byName(t1, "Förbättra troheten till handlingsplan");
    expect(green).toMatchObject({ status: "late", origin: "rule" });
    expect(green.reason).toContain("Q1 (senast mars 2019) har passerat");
  });

  it("keeps a status set for the period even when the deadline has passed (set otherwise)", () => {
    expect(byName(t1, "Införande av processtyrningsmodeller")).toMatchObject({ status: "on-track", origin: "set", comment: "Modellen prövas på två enheter först." });
    // At T2 nothing is set and Q1 has passed: the rule flags it.
    expect(byName(t2, "Införande av processtyrningsmodeller")).toMatchObject({ status: "late", origin: "rule" });
  });

  it("carries Genomförd and Utgår into a later tertial where nothing is set", () => {
    const carried = byName(t2, "Verka för att implementera den nya upphandlingspolicyn");
    expect(carried).toMatchObject({ status: "done", origin: "carried", setBy: "Ekonomichef" });
    expect(carried.reason).toBe("Genomförd enligt uppföljningen tertial 1 2019 (jan–apr).");
  });

  it("does not flag what is due later in the year, ongoing work, or an activity without a deadline", () => {
    expect(byName(t2, "Införande av digital ansökan")).toMatchObject({ status: "on-track", origin: "set" }); // Sept Q3
    const none = assessActivities(plan.activities.map((a) => ({ ...a, followUps: [] })), period("2019-T2"), 2019);
    for (const assessed of none) {
      const due = assessed.activity.deadline.kind === "quarter" && (assessed.activity.deadline.month ?? assessed.activity.deadline.quarter * 3) <= 8;
      expect({ name: assessed.activity.name, late: assessed.status === "late" }).toEqual({ name: assessed.activity.name, late: due });
    }
  });
});

describe("the summary per perspective and per board goal", () => {
  type Key = "done" | "on-track" | "late" | "not-started" | "cancelled" | "not-reported";
  const CODE: Record<string, Key> = { G: "done", P: "on-track", F: "late", E: "not-started", U: "cancelled" };

  /** The expected status of one seed activity at T1 or T2, worked out by hand from the seed data. */
  function expected(activity: (typeof SEED_ACTIVITIES)[number]["groups"][number]["activities"][number], tertial: 1 | 2): Key {
    const own = tertial === 1 ? activity.t1 : activity.t2;
    if (own) return CODE[own[0]] ?? "not-reported";
    if (tertial === 2 && activity.t1 && (activity.t1[0] === "G" || activity.t1[0] === "U")) return CODE[activity.t1[0]] ?? "not-reported";
    const q = /Q([1-4])\s*$/.exec(activity.deadline);
    if (q && !activity.deadline.startsWith("Kontinuerligt")) {
      const month = activity.deadline.startsWith("Sept") ? 9 : Number(q[1]) * 3;
      if (month <= (tertial === 1 ? 4 : 8)) return "late";
    }
    return "not-reported";
  }

  it.each([[1 as const], [2 as const]])("counts each status per perspective and per goal at T%s as a plain count of the seed does", (tertial) => {
    const summary = summarizeActivities(assessActivities(plan.activities, period(`2019-T${tertial}`), 2019));
    for (const section of SEED_ACTIVITIES) {
      const counts: Record<string, number> = {};
      let total = 0;
      for (const group of section.groups) {
        const goalCounts: Record<string, number> = {};
        for (const activity of group.activities) {
          const key = expected(activity, tertial);
          counts[key] = (counts[key] ?? 0) + 1;
          goalCounts[key] = (goalCounts[key] ?? 0) + 1;
          total += 1;
        }
        const goals = group.goal === "" ? [NO_GOAL] : group.goal.split("\n\n");
        for (const goal of goals) {
          const row = summary.boardGoals.find((r) => r.perspective === section.perspective && r.boardGoal === goal);
          expect(row?.total).toBe(group.activities.length);
          for (const [key, n] of Object.entries(goalCounts)) expect({ goal, key, n: row?.counts[key as Key] }).toEqual({ goal, key, n });
        }
      }
      const row = summary.perspectives.find((r) => r.perspective === section.perspective);
      expect(row?.total).toBe(total);
      const nonZero = Object.fromEntries(Object.entries(row?.counts ?? {}).filter(([, n]) => n > 0));
      expect(nonZero).toEqual(counts);
    }
    expect(summary.total.total).toBe(42);
  });
});
