/**
 * The report's activities section, from the follow-up a fill computed (followUpActivities, the
 * one call the task pane and the pipeline make): per perspective and board goal each activity
 * with its deadline and the tertial's status, as the activity sheet's status column shows it,
 * and the counts of the Aktivitetsuppföljning sheet. Nothing is judged again here.
 *
 * A month, half-year or range of months has no activity follow-up: the section then says so in
 * a sentence (and lists no statuses), rather than disappearing.
 */
import type { ActivityFollowUp } from "../activities/followUpActivities";
import { followUpText } from "../activities/followUpStatus";
import { deadlineText } from "../activities/parseDeadline";
import { summaryKeyText } from "../activities/planActivitySummary";
import type { Period } from "../periods/period";
import { redactPersonalData } from "../privacy/redactPersonalData";
import type { ReportActivitiesSection, ReportActivity, ReportActivityGoal, ReportActivityPerspective } from "./reportModel";

/**
 * @example activitySection(followUpOfT2, parsePeriod("2019-T2").value)
 *   // { kind: "activities", heading: "Aktiviteter – uppföljning tertial 2 2019 (jan–aug)",
 *   //   perspectives: [{ perspective: "Medborgare", total: 21, counts: {...}, goals: [{ boardGoals: ["1 …"], activities: [{ name, deadline: "Q2 (senast juni)", statusText: "→ Pågår enligt plan", … }] }] }, …] }
 * @example activitySection(followUpOfJune, parsePeriod("2019-06").value).note
 *   // "Aktiviteterna följs upp per tertial och helår; juni 2019 har ingen uppföljning av dem. …"
 * @returns undefined when the workbook has no activities.
 */
export function activitySection(followUp: ActivityFollowUp, period: Period): ReportActivitiesSection | undefined {
  const { plan, assessments, summary } = followUp;
  if (plan.activities.length === 0) return undefined;
  const tertial = followUp.period;
  if (tertial === undefined) {
    return {
      kind: "activities",
      heading: "Aktiviteter",
      sheet: plan.sheet,
      note: `Aktiviteterna följs upp per tertial och helår; ${period.label} har ingen uppföljning av dem. Planen har ${plan.activities.length} aktiviteter i bladet "${plan.sheet}"; deras status finns i rapporten för tertialet.`,
      perspectives: [],
      total: { total: summary.total.total, counts: summary.total.counts },
    };
  }
  const perspectives: ReportActivityPerspective[] = summary.perspectives.map((row) => {
    const goals: ReportActivityGoal[] = [];
    const byGoals = new Map<string, ReportActivity[]>();
    for (const assessed of assessments) {
      if (assessed.activity.perspective !== row.perspective) continue;
      const key = JSON.stringify(assessed.activity.boardGoals);
      let list = byGoals.get(key);
      if (list === undefined) {
        list = [];
        byGoals.set(key, list);
        goals.push({ boardGoals: assessed.activity.boardGoals, activities: list });
      }
      const reason = assessed.reason === undefined ? undefined : reasonText(assessed.origin, assessed.reason);
      list.push({
        name: assessed.activity.name,
        cell: assessed.activity.cell,
        deadline: deadlineText(assessed.activity.deadline),
        ...(assessed.status !== undefined && { status: assessed.status }),
        statusText: assessed.status === undefined ? summaryKeyText("not-reported") : followUpText(assessed.status),
        origin: assessed.origin,
        // The comment and signature are typed freely into the plan: an identity number in them
        // never reaches the published report (the ledger masks them the same way).
        comment: redactPersonalData(assessed.comment),
        setBy: redactPersonalData(assessed.setBy),
        ...(reason !== undefined && { reason }),
      });
    }
    return { perspective: row.perspective, total: row.total, counts: row.counts, goals };
  });
  return {
    kind: "activities",
    heading: `Aktiviteter – uppföljning ${tertial.label}`,
    sheet: plan.sheet,
    followUp: { id: tertial.id, label: tertial.label },
    perspectives,
    total: { total: summary.total.total, counts: summary.total.counts },
  };
}

/** "Enligt regeln: slutdatumet Q1 … har passerat …" for the rule; the carried status's sentence as it is. */
function reasonText(origin: ActivityFollowUp["assessments"][number]["origin"], reason: string): string {
  return origin === "rule" ? `Enligt regeln: ${reason}` : reason;
}
