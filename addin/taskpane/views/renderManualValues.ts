/**
 * The "Manuella värden" section: the values the sheet "Manuella värden" holds for the bound
 * manual measures (the newest per measure and year, with who, when and from what), and a form to
 * enter one (measure, year, value, source, who); "Spara värdet" adds a row to that sheet.
 */
import { currentManualValues, MANUAL_SOURCE } from "../../../core/manual/manualValue";
import { breakdownLabel } from "../../../core/manual/planManualEntry";
import { formatSwedishNumber } from "../../../core/values/formatNumber";
import type { Analysis } from "../analyse";
import type { PaneActions } from "../actions";
import { button, el } from "../dom";
import type { ManualValueEntry } from "../saveManualValue";

export function renderManualValues(root: HTMLElement, analysis: Analysis, year: number, draft: ManualValueEntry | undefined, actions: PaneActions): void {
  const choices = (analysis.assessment?.bound ?? []).flatMap((row) => {
    const ref = row.binding !== undefined && row.binding.combine !== "formula" ? row.binding.measure : undefined;
    return ref?.source === MANUAL_SOURCE ? [{ name: row.name, measure: ref.measure, breakdown: ref.breakdown }] : [];
  });
  if (choices.length === 0 && analysis.manualValues.length === 0) return;
  root.append(el("h2", "Manuella värden"));
  const current = currentManualValues(analysis.manualValues);
  if (current.length > 0) {
    const list = el("ul", undefined, "facts");
    for (const v of current) {
      const breakdown = breakdownLabel(v.breakdown);
      list.append(el("li", `${v.measure}${breakdown === "" ? "" : ` (${breakdown})`} ${v.year}: ${formatSwedishNumber(v.value)} – ${v.enteredBy}, ${v.enteredAt}, ${v.sourceText}`));
    }
    root.append(list);
  }
  if (choices.length === 0) return;
  const measure = el("select", undefined, "text-input wide");
  measure.setAttribute("aria-label", "Indikator för värdet");
  for (const choice of choices) measure.append(el("option", choice.name));
  const drafted = choices.findIndex((choice) => choice.name === draft?.row);
  if (drafted >= 0) measure.selectedIndex = drafted;
  const input = (label: string, placeholder: string, value = ""): HTMLInputElement => {
    const made = el("input", undefined, "text-input");
    made.setAttribute("aria-label", label);
    made.placeholder = placeholder;
    made.value = value;
    return made;
  };
  const yearInput = input("År", "År", draft?.year ?? String(year));
  const value = input("Värde", "Värde, t.ex. 87 eller 0,18", draft?.value);
  const source = input("Källa", "Källa, t.ex. Brukarenkät 2019", draft?.sourceText);
  source.className = "text-input wide";
  const by = input("Inmatat av", "Inmatat av (initialer)", draft?.enteredBy);
  const save = button("Spara värdet", () => {
    const choice = choices[measure.selectedIndex];
    if (!choice) return;
    void actions.saveManualValue({
      row: choice.name,
      measure: choice.measure,
      breakdown: breakdownLabel(choice.breakdown),
      year: yearInput.value,
      value: value.value,
      sourceText: source.value,
      enteredBy: by.value,
    });
  });
  root.append(measure, yearInput, value, source, by, save);
}
