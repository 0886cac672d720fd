/**
 * The activities as Swedish text for the terminal: per perspective and board goal each
 * activity with its deadline (and how it was read) and its follow-ups per tertial, symbol and
 * word; then the counts and every doubt with its cell.
 */
import type { ActivityPlan, FollowUp } from "../../core/activities/activity";
import { followUpText } from "../../core/activities/followUpStatus";
import { deadlineText } from "../../core/activities/parseDeadline";
import { NO_GOAL } from "../../core/activities/summarizeActivities";
import { formatIssue } from "../../core/issues/messages.sv";
import { parsePeriod } from "../../core/periods/period";

function followUpLine(followUp: FollowUp): string {
  const period = parsePeriod(followUp.period);
  const label = period.ok ? period.value.label : followUp.period;
  const comment = followUp.comment === "" ? "" : `, "${followUp.comment}"`;
  const by = followUp.setBy === "" ? "" : ` (satt av ${followUp.setBy})`;
  return `${label}: ${followUpText(followUp.status)}${comment}${by}`;
}

/** The whole activity section, one string ending in a line break. */
export function formatActivitiesText(plan: ActivityPlan, file: string): string {
  const perspectives = [...new Set(plan.activities.map((a) => a.perspective))];
  const periods = [...new Set(plan.tables.flatMap((t) => t.followUpColumns.map((c) => c.period)))];
  const lines: string[] = [
    `Aktiviteter i ${file}, blad "${plan.sheet}": ${plan.activities.length} aktiviteter i ${plan.tables.length} ${plan.tables.length === 1 ? "tabell" : "tabeller"}` +
      `${periods.length > 0 ? `, uppföljning för ${periods.join(", ")}` : ", ingen uppföljningskolumn"}.`,
    "",
  ];
  for (const perspective of perspectives) {
    const mine = plan.activities.filter((a) => a.perspective === perspective);
    lines.push(`Perspektiv: ${perspective === "" ? "(inget angivet)" : perspective} (${mine.length} aktiviteter)`);
    let goals = "";
    for (const activity of mine) {
      const key = activity.boardGoals.join("\n");
      if (key !== goals) {
        goals = key;
        const names = activity.boardGoals.length > 0 ? activity.boardGoals : [NO_GOAL];
        for (const goal of names) lines.push(`  Nämndmål: ${goal}`);
      }
      lines.push(`    Aktivitet: ${activity.name} (${activity.cell})`, `      Slutfört: ${deadlineText(activity.deadline)}`);
      for (const followUp of activity.followUps) lines.push(`      ${followUpLine(followUp)}`);
    }
  }
  lines.push("", `Sammanfattning: ${perspectives.map((p) => `${p || "(inget perspektiv)"} ${plan.activities.filter((a) => a.perspective === p).length}`).join(", ")}; ${plan.activities.length} aktiviteter.`);
  if (plan.issues.length === 0) lines.push("Inga problem hittades i aktivitetstabellerna.");
  else {
    lines.push(`Problem och tveksamheter i aktivitetstabellerna (${plan.issues.length}):`);
    for (const found of plan.issues) lines.push(`  ${formatIssue(found)}`);
  }
  return `${lines.join("\n")}\n`;
}
