/**
 * The "Status för hand" form: a row (each indicator, then each of its breakdowns), a status
 * ("Beräknad" clears one set by hand), the reason shown in the cell's note, and "Spara status".
 */
import { allIndicators } from "../../../core/model";
import { STATUSES, type Status } from "../../../core/status/status";
import { statusText } from "../../../core/status/statusLabels";
import type { Analysis } from "../analyse";
import type { PaneActions } from "../actions";
import { button, el } from "../dom";

export function renderManualStatus(root: HTMLElement, analysis: Analysis, actions: PaneActions): void {
  root.append(el("h2", "Status för hand"));
  const indicator = el("select", undefined, "text-input wide");
  indicator.setAttribute("aria-label", "Indikator");
  const choices: { indicator: string; breakdown?: string }[] = [];
  for (const found of allIndicators(analysis.appendix)) {
    choices.push({ indicator: found.name });
    indicator.append(el("option", found.name));
    for (const breakdown of found.breakdowns) {
      choices.push({ indicator: found.name, breakdown: breakdown.label });
      indicator.append(el("option", `${found.name} – ${breakdown.label}`));
    }
  }
  const status = el("select", undefined, "text-input");
  status.setAttribute("aria-label", "Status");
  status.append(el("option", "Beräknad (ingen status för hand)"));
  status.options[0]!.value = "";
  for (const value of STATUSES) {
    const option = el("option", statusText(value));
    option.value = value;
    status.append(option);
  }
  const reason = el("input", undefined, "text-input wide");
  reason.placeholder = "Skäl (visas i anteckningen)";
  reason.setAttribute("aria-label", "Skäl");
  const save = button("Spara status", () => {
    const choice = choices[indicator.selectedIndex];
    if (!choice) return;
    void actions.saveManualStatus({ ...choice, status: status.value as Status | "", reason: reason.value });
  });
  root.append(indicator, status, reason, save);
}
