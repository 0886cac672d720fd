/**
 * "Spara aktivitetens status": a status, comment and who set it, entered in the pane for one
 * activity and the pane's period, written into the activity sheet's columns for the period
 * (core/activities/planFollowUpEntry: the same columns `bilaga fill` reads and writes) in one
 * sync. The workbook keeps it; the next fill or run records it in the ledger's history.
 */
import type { FollowUpStatus } from "../../core/activities/activity";
import { planFollowUpEntry } from "../../core/activities/planFollowUpEntry";
import { followUpPeriod } from "../../core/activities/followUpActivities";
import { readActivities } from "../../core/activities/readActivities";
import { formatIssue } from "../../core/issues/messages.sv";
import { parsePeriod } from "../../core/periods/period";
import { applyPatch } from "../excel/applyPatch";
import { runInWorkbook } from "../excel/host";
import { activityGridOf } from "./activityGrids";
import { errorText } from "./errorText";
import type { PaneMessage, PaneState } from "./state";

export interface ActivityStatusChoice {
  readonly activityId: string;
  readonly status: FollowUpStatus;
  readonly comment: string;
  readonly setBy: string;
}

/** Writes the choice; returns the success message, or undefined after setting an error message on the state. */
export async function saveActivityStatus(state: PaneState, choice: ActivityStatusChoice): Promise<PaneMessage | undefined> {
  const grid = activityGridOf(state.snapshot);
  const asked = parsePeriod(state.periodText);
  const tertial = asked.ok ? followUpPeriod(asked.value) : undefined;
  if (!grid || !tertial) {
    state.message = { text: "Aktiviteterna följs upp per tertial: skriv till exempel 2019-T2 som period och välj en aktivitet.", kind: "error" };
    return undefined;
  }
  const plan = readActivities(grid);
  const planned = planFollowUpEntry(plan, choice.activityId, tertial, choice, grid);
  if (!planned.ok) {
    state.message = { text: formatIssue(planned.issue), kind: "error" };
    return undefined;
  }
  try {
    await runInWorkbook((context) => applyPatch(context, { sheets: [planned.patch] }, state.snapshot));
  } catch (error) {
    state.message = { text: `Statusen kunde inte skrivas: ${errorText(error)}`, kind: "error" };
    return undefined;
  }
  const name = plan.activities.find((a) => a.id === choice.activityId)?.name ?? choice.activityId;
  return { text: `Statusen för "${name}" skrevs för ${tertial.label}.`, kind: "success" };
}
