/**
 * The "Tveksamheter" section: every doubt in Swedish, errors first, folded when there are more
 * than ten, at most 200 shown; a doubt about a cell has "Visa cellen", which selects it.
 */
import { formatIssue } from "../../../core/issues/messages.sv";
import type { Analysis } from "../analyse";
import type { PaneActions } from "../actions";
import { button, el } from "../dom";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const FOLDED_ABOVE = 10;
const SHOWN_AT_MOST = 200;

export function renderIssues(root: HTMLElement, analysis: Analysis, actions: PaneActions): void {
  root.append(el("h2", "Tveksamheter"));
  if (analysis.issues.length === 0) {
    root.append(el("p", "Inga tveksamheter.", "notice notice--success"));
    return;
  }
  const sorted = [...analysis.issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const errors = sorted.filter((i) => i.severity === "error").length;
  const warnings = sorted.filter((i) => i.severity === "warning").length;
  const group = el("details", undefined, "issue-group");
  group.open = sorted.length <= FOLDED_ABOVE;
  group.append(el("summary", `${sorted.length} tveksamheter: ${errors} fel, ${warnings} varningar, ${sorted.length - errors - warnings} upplysningar`));
  const list = el("ul", undefined, "issues");
  for (const found of sorted.slice(0, SHOWN_AT_MOST)) {
    const item = el("li", formatIssue(found), `issue issue--${found.severity}`);
    if (found.sheet && found.cell) {
      const { sheet, cell } = found;
      item.append(button("Visa cellen", () => actions.showCell(sheet, cell)));
    }
    list.append(item);
  }
  if (sorted.length > SHOWN_AT_MOST) list.append(el("li", `… och ${sorted.length - SHOWN_AT_MOST} till.`));
  group.append(list);
  root.append(group);
}
