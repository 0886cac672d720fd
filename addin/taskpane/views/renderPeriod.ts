/**
 * The "Period" section: the period field (changing it stops the period following the data),
 * the accepted forms, and why the text cannot be read when it cannot.
 */
import type { PaneActions } from "../actions";
import { el } from "../dom";

export function renderPeriod(root: HTMLElement, periodText: string, periodError: string | undefined, actions: PaneActions): void {
  root.append(el("h2", "Period"));
  const period = el("input", undefined, "text-input");
  period.value = periodText;
  period.setAttribute("aria-label", "Period, till exempel 2019-T2, 2019-06 eller 2019");
  period.addEventListener("change", () => actions.choosePeriod(period.value));
  root.append(period, el("p", "Till exempel 2019-06, 2019-T1, 2019-H1, 2019 eller 2019-01..2019-05.", "hint"));
  if (periodError) root.append(el("p", periodError, "notice notice--error"));
}
