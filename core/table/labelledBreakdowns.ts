/**
 * Labelled values of a row as breakdowns of the indicator above: a unit before a colon
 * ("JKT: 2,1", "OSA: 0,3") or an outcome kind after the number ("4 arbete", "2 studier").
 * Cells with the same label form one breakdown.
 */
import type { Breakdown, BreakdownKind, YearOutcome } from "../model";
import type { RowValues } from "./readRowValues";

/**
 * @example labelledBreakdowns(7, row "JKT: 2,1" | "JKT: 2,4" | "OSA: 0,3", false)
 *   // [{ kind: "unit", label: "JKT", row: 7, outcomes: [2,1 and 2,4], targets: [], extra: [] },
 *   //  { kind: "unit", label: "OSA", row: 7, outcomes: [0,3], targets: [], extra: [] }]
 * @example labelledBreakdowns(8, row "4 arbete" | "2 studier", true) // kind "outcome-kind", labels "arbete" and "studier"
 */
export function labelledBreakdowns(row: number, values: RowValues, withTargets: boolean): Breakdown[] {
  const byLabel = new Map<string, { kind: BreakdownKind; cell: string; outcomes: YearOutcome[] }>();
  for (const outcome of values.outcomes) {
    if (outcome.value.kind !== "labelled") continue;
    const kind: BreakdownKind = outcome.value.labelPosition === "before" ? "unit" : "outcome-kind";
    const entry = byLabel.get(outcome.value.label) ?? { kind, cell: outcome.cell, outcomes: [] };
    entry.outcomes.push(outcome);
    byLabel.set(outcome.value.label, entry);
  }
  return [...byLabel.entries()].map(([label, entry]) => ({
    kind: entry.kind,
    label,
    row,
    cell: entry.cell,
    outcomes: entry.outcomes,
    targets: withTargets ? values.targets : [],
    extra: withTargets ? values.extra : [],
  }));
}
