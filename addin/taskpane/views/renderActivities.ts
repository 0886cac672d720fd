/**
 * The "Aktiviteter" section: for the pane's period, how many activities per perspective are
 * done, on track, late, not started, cancelled or not reported (symbol and word in every
 * header, never colour alone), every late one with its reason, and a form to enter one
 * activity's status with a comment and who set it ("Spara aktivitetens status").
 */
import { FOLLOW_UP_LOOKS, followUpText } from "../../../core/activities/followUpStatus";
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from "../../../core/activities/activity";
import { deadlineText } from "../../../core/activities/parseDeadline";
import type { ActivityFollowUp } from "../../../core/activities/followUpActivities";
import { SUMMARY_KEYS } from "../../../core/activities/summarizeActivities";
import type { PaneActions } from "../actions";
import { button, el } from "../dom";

const keyLabel = (key: (typeof SUMMARY_KEYS)[number]): string => (key === "not-reported" ? "Ej rapporterad" : followUpText(key));

export function renderActivities(root: HTMLElement, followUp: ActivityFollowUp, actions: PaneActions): void {
  root.append(el("h2", "Aktiviteter"));
  if (!followUp.period) {
    root.append(el("p", `${followUp.plan.activities.length} aktiviteter på bladet "${followUp.plan.sheet}". De följs upp per tertial: skriv till exempel 2019-T2 som period.`, "notice"));
    return;
  }
  root.append(el("p", `${followUp.plan.activities.length} aktiviteter på bladet "${followUp.plan.sheet}", status för ${followUp.period.label}.`));

  const table = el("table", undefined, "preview");
  table.setAttribute("aria-label", "Aktiviteter per perspektiv");
  const head = el("tr");
  for (const title of ["Perspektiv", "Antal", ...SUMMARY_KEYS.map(keyLabel)]) head.append(el("th", title));
  table.append(head);
  for (const row of [...followUp.summary.perspectives, followUp.summary.total]) {
    const tr = el("tr");
    tr.append(el("td", row.perspective), el("td", String(row.total)));
    for (const key of SUMMARY_KEYS) tr.append(el("td", String(row.counts[key])));
    table.append(tr);
  }
  root.append(table);

  const late = followUp.assessments.filter((a) => a.status === "late");
  if (late.length > 0) {
    root.append(el("h3", `${followUpText("late")} (${late.length})`));
    const list = el("ul");
    for (const assessed of late) {
      const why = assessed.origin === "rule" ? `enligt regeln: ${assessed.reason ?? ""}` : assessed.comment || "satt utan kommentar";
      list.append(el("li", `${assessed.activity.name} (${deadlineText(assessed.activity.deadline)}) – ${why}`));
    }
    root.append(list);
  }

  root.append(el("h3", "Sätt en aktivitets status"));
  const activity = el("select", undefined, "text-input wide");
  activity.setAttribute("aria-label", "Aktivitet");
  for (const assessed of followUp.assessments) {
    const option = el("option", `${assessed.activity.perspective}: ${assessed.activity.name}`);
    option.value = assessed.activity.id;
    activity.append(option);
  }
  const status = el("select", undefined, "text-input");
  status.setAttribute("aria-label", "Aktivitetens status");
  for (const value of FOLLOW_UP_STATUSES) {
    const option = el("option", `${FOLLOW_UP_LOOKS[value].symbol} ${FOLLOW_UP_LOOKS[value].label}`);
    option.value = value;
    status.append(option);
  }
  const comment = el("input", undefined, "text-input wide");
  comment.placeholder = "Kommentar";
  comment.setAttribute("aria-label", "Kommentar");
  const setBy = el("input", undefined, "text-input wide");
  setBy.placeholder = "Satt av (till exempel Enhetschef JKT)";
  setBy.setAttribute("aria-label", "Satt av");
  const save = button("Spara aktivitetens status", () => {
    void actions.saveActivityStatus({ activityId: activity.value, status: status.value as FollowUpStatus, comment: comment.value, setBy: setBy.value });
  });
  root.append(activity, status, comment, setBy, save);
}
