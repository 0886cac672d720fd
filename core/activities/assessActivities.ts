/**
 * Each activity's follow-up for one period: the status someone set for it, a final status
 * (Genomförd, Utgår) carried from an earlier period, or the rule's: an activity whose deadline
 * has passed by the period's end and that is not done is Försenad, with the reason, unless a
 * status was set for the period. Nothing set and nothing passed: not reported.
 */
import type { Period } from "../periods/period";
import { MONTH_NAMES_SV, parsePeriod, splitMonth } from "../periods/period";
import type { Activity, FollowUp, FollowUpStatus } from "./activity";
import { dueMonth } from "./parseDeadline";
import { carriedOpening } from "./ruleFollowUp";

/** Where a period's status comes from. */
export type FollowUpOrigin = "set" | "carried" | "rule" | "not-reported";

export interface ActivityAssessment {
  readonly activity: Activity;
  /** undefined when not reported. */
  readonly status?: FollowUpStatus;
  readonly origin: FollowUpOrigin;
  readonly comment: string;
  readonly setBy: string;
  /** Why the status is what it is, in Swedish, when the rule or an earlier period decided it. */
  readonly reason?: string;
}

/** Months since year 0 of a period's last month (for comparing periods and deadlines). */
function endIndex(period: Period): number {
  const last = period.months[period.months.length - 1];
  if (last === undefined) return 0;
  const { year, month } = splitMonth(last);
  return year * 12 + month;
}

function periodEnd(id: string): number | undefined {
  const parsed = parsePeriod(id);
  return parsed.ok ? endIndex(parsed.value) : undefined;
}

const FINAL: ReadonlySet<FollowUpStatus> = new Set(["done", "cancelled"]);

/**
 * @example assessActivity(activityDueQ1WithNothingSet, parsePeriod("2019-T1"), 2019)
 *   // { status: "late", origin: "rule", reason: "slutdatumet Q1 (senast mars 2019) har passerat och ingen har rapporterat aktiviteten som genomförd." }
 * @example assessActivity(activitySetOnTrackForT1, parsePeriod("2019-T1"), 2019) // { status: "on-track", origin: "set", comment: "...", setBy: "..." }
 */
export function assessActivity(activity: Activity, period: Period, planYear: number = period.year): ActivityAssessment {
  const end = endIndex(period);
  const set = activity.followUps.find((f) => f.period === period.id);
  if (set) return { activity, status: set.status, origin: "set", comment: set.comment, setBy: set.setBy };

  const earlierFinal = activity.followUps
    .map((f) => ({ f, end: periodEnd(f.period) }))
    .filter((x): x is { f: FollowUp; end: number } => x.end !== undefined && x.end < end && FINAL.has(x.f.status))
    .sort((a, b) => b.end - a.end)[0]?.f;
  if (earlierFinal) {
    const label = parsePeriod(earlierFinal.period);
    return {
      activity,
      status: earlierFinal.status,
      origin: "carried",
      comment: earlierFinal.comment,
      setBy: earlierFinal.setBy,
      reason: `${carriedOpening(earlierFinal.status)}${label.ok ? label.value.label : earlierFinal.period}.`,
    };
  }

  const month = dueMonth(activity.deadline);
  if (month !== undefined && planYear * 12 + month <= end && activity.deadline.kind === "quarter") {
    return {
      activity,
      status: "late",
      origin: "rule",
      comment: "",
      setBy: "",
      reason: `slutdatumet ${activity.deadline.raw} (senast ${MONTH_NAMES_SV[month - 1] ?? ""} ${planYear}) har passerat och ingen har rapporterat aktiviteten som genomförd.`,
    };
  }
  return { activity, origin: "not-reported", comment: "", setBy: "" };
}

/**
 * Every activity's follow-up for the period, in the plan's order.
 *
 * @example assessActivities(plan.activities, parsePeriod("2019-T2"), 2019).filter((a) => a.origin === "rule").length // 2 in the sample
 */
export function assessActivities(activities: readonly Activity[], period: Period, planYear: number = period.year): ActivityAssessment[] {
  return activities.map((activity) => assessActivity(activity, period, planYear));
}
