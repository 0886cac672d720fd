/**
 * The "Utfall och status" section: one row per bound indicator with its outcome and its status
 * (symbol and label on the status's colours, the explanation as the tooltip), why writing is
 * refused when it is, and "Skriv till arbetsboken" when it is not.
 */
import { defaultDecimals } from "../../../core/status/evaluateStatus";
import { formatQuantity } from "../../../core/values/formatValue";
import { formatIssue } from "../../../core/issues/messages.sv";
import { statusText } from "../../../core/status/statusLabels";
import type { Analysis } from "../analyse";
import type { PaneActions } from "../actions";
import { button, el } from "../dom";

export function renderPreview(root: HTMLElement, analysis: Analysis, actions: PaneActions): void {
  root.append(el("h2", "Utfall och status"));
  renderOutcomes(root, analysis);
  for (const refusal of analysis.writeRefusals) root.append(el("p", formatIssue(refusal), "notice notice--error"));
  if (analysis.patch) {
    const patch = analysis.patch;
    root.append(button("Skriv till arbetsboken", () => void actions.write(patch), true));
  }
}

function renderOutcomes(root: HTMLElement, analysis: Analysis): void {
  const rows = analysis.assessment?.rows ?? [];
  if (analysis.records.length === 0) {
    root.append(el("p", "Inga månadsdata ännu: släpp månadens CSV-filer ovan.", "notice"));
  }
  if (rows.length === 0) {
    root.append(el("p", "Ingen indikator är kopplad till ett mått ännu.", "notice"));
    return;
  }
  const table = el("table", undefined, "preview");
  const head = el("tr");
  for (const title of ["Indikator", "Utfall", "Status"]) head.append(el("th", title));
  table.append(head);
  for (const row of rows) {
    const tr = el("tr");
    tr.append(el("td", row.name));
    tr.append(el("td", row.outcome ? formatQuantity(row.outcome.quantity, row.decimals ?? defaultDecimals(row.unit)) : "–"));
    const status = el("td", statusText(row.status.status, row.status.forecast), "status");
    status.style.background = `#${row.status.fill}`;
    status.style.color = `#${row.status.fontColor}`;
    status.title = row.status.explanation;
    tr.append(status);
    table.append(tr);
  }
  root.append(table);
}
