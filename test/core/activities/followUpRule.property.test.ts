/**
 * Properties of the follow-up rule over the seed's 42 activities with random follow-ups: a set
 * status always wins; without one, a final status (Genomförd, Utgår) of an earlier tertial
 * carries; otherwise an activity is Försenad exactly when its deadline month has passed by the
 * period's end (a plain check written here); and the summary's counts add up per perspective.
 */
import fc from "fast-check";
import type { Activity, FollowUp, FollowUpStatus } from "../../../core/activities/activity";
import { assessActivities } from "../../../core/activities/assessActivities";
import { readActivities } from "../../../core/activities/readActivities";
import { SUMMARY_KEYS, summarizeActivities } from "../../../core/activities/summarizeActivities";
import { parsePeriod } from "../../../core/periods/period";
import { SEED_ACTIVITY_LAYOUT } from "../../../samples/make/seedActivities";
import { gridFromLayout } from "../../fixtures/gridFromLayout";

const seed = readActivities(gridFromLayout(SEED_ACTIVITY_LAYOUT)).activities;
const STATUSES: FollowUpStatus[] = ["done", "on-track", "late", "not-started", "cancelled"];
const maybeStatus = fc.option(fc.constantFrom(...STATUSES), { nil: undefined });
const END_MONTH = [4, 8, 12];

it("decides each activity's status as the rule says, and the summary adds up", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(maybeStatus, maybeStatus, maybeStatus), { minLength: seed.length, maxLength: seed.length }), fc.integer({ min: 1, max: 3 }), (draws, tertial) => {
      const activities: Activity[] = seed.map((activity, i) => {
        const followUps: FollowUp[] = [];
        (draws[i] ?? []).forEach((status, t) => status && followUps.push({ period: `2019-T${t + 1}`, status, comment: "", setBy: "Någon" }));
        return { ...activity, followUps };
      });
      const period = parsePeriod(`2019-T${tertial}`);
      if (!period.ok) throw new Error("period");
      const assessed = assessActivities(activities, period.value, 2019);
      assessed.forEach((a, i) => {
        const own = draws[i]?.[tertial - 1];
        const earlierFinal = (draws[i] ?? []).slice(0, tertial - 1).reverse().find((s) => s === "done" || s === "cancelled");
        const d = a.activity.deadline;
        const due = d.kind === "quarter" ? (d.month ?? d.quarter * 3) : undefined;
        const expected = own ?? earlierFinal ?? (due !== undefined && due <= (END_MONTH[tertial - 1] ?? 0) ? "late" : undefined);
        expect(a.status).toBe(expected);
      });
      const summary = summarizeActivities(assessed);
      for (const row of summary.perspectives) {
        expect(SUMMARY_KEYS.reduce((n, k) => n + row.counts[k], 0)).toBe(row.total);
        expect(row.total).toBe(activities.filter((a) => a.perspective === row.perspective).length);
      }
      expect(summary.total.total).toBe(42);
    }),
    { numRuns: 200 },
  );
});
