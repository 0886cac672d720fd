/**
 * The "Tabellen" section: what was read (sheet sizes, Månadsdata, the indicator count, where
 * the configuration comes from), the table as Bilaga understands it as a folding tree (focus
 * areas, municipal goals, board goals, indicators with their breakdowns) and "Läs tabellen igen".
 */
import type { Analysis } from "../analyse";
import type { PaneActions } from "../actions";
import type { PaneView } from "../controller";
import { button, el } from "../dom";

export function renderTable(root: HTMLElement, view: PaneView, configurationSource: string, analysis: Analysis | undefined, actions: PaneActions): void {
  root.append(el("h2", "Tabellen"));
  const facts = el("ul", undefined, "facts");
  for (const line of view.lines) facts.append(el("li", line));
  if (analysis) facts.append(el("li", `${analysis.indicatorCount} indikatorer hittades.`));
  facts.append(el("li", `Konfiguration: ${configurationSource}.`));
  root.append(facts);
  if (analysis) renderTree(root, analysis);
  root.append(button("Läs tabellen igen", () => void actions.reload()));
}

function renderTree(root: HTMLElement, analysis: Analysis): void {
  const tree = el("details", undefined, "tree");
  tree.append(el("summary", `Tabellen som Bilaga förstår den (${analysis.indicatorCount} indikatorer)`));
  for (const area of analysis.appendix.focusAreas) {
    const areaItem = el("details");
    areaItem.append(el("summary", area.name));
    for (const goal of area.municipalGoals) {
      const goalList = el("ul");
      const goalItem = el("li", goal.text);
      const indicatorNames = [...goal.indicators, ...goal.boardGoals.flatMap((b) => b.indicators)];
      const list = el("ul");
      for (const board of goal.boardGoals) list.append(el("li", `Nämndmål: ${board.text}`, "tree-board"));
      for (const indicator of indicatorNames) {
        const breakdowns = indicator.breakdowns.map((b) => b.label).join(", ");
        list.append(el("li", `${indicator.name}${breakdowns ? ` (${breakdowns})` : ""}`));
      }
      goalItem.append(list);
      goalList.append(goalItem);
      areaItem.append(goalList);
    }
    tree.append(areaItem);
  }
  root.append(tree);
}
