/**
 * Doubts about fractions in a percent indicator: 0.055 typed into a cell without a percent
 * number format reads as 0,055 %, but when every other value of the indicator is 1 % or more
 * the controller most likely meant 5,5 % (typed as a share, not as percent). The value is
 * kept as read; the doubt is a warning at the cell, saying what was read and what was likely meant.
 */
import { fromA1 } from "../workbook/address";
import { formatSwedishNumber } from "../values/formatNumber";
import { issue, type Issue } from "../issues/issues";
import type { CellValue, Indicator, Target, YearOutcome, YearTarget } from "../model";
import type { IssuePosition } from "./issuePosition";
import { shownText } from "./shownText";
import type { TableCells } from "./tableCells";

/** One numeric value of an indicator and the cell it was read from. */
interface NumberAt {
  readonly cell: string;
  readonly value: number;
}

function valueNumber(value: CellValue): number | undefined {
  return value.kind === "number" || value.kind === "labelled" ? value.quantity.value : undefined;
}

function targetNumber(target: Target): number | undefined {
  return target.kind === "value" || target.kind === "at-least" || target.kind === "at-most" ? target.quantity.value : undefined;
}

function numbersOf(outcomes: readonly YearOutcome[], targets: readonly YearTarget[]): NumberAt[] {
  const at = (cell: string, value: number | undefined): NumberAt[] => (value === undefined ? [] : [{ cell, value }]);
  return [...outcomes.flatMap((o) => at(o.cell, valueNumber(o.value))), ...targets.flatMap((t) => at(t.cell, targetNumber(t.target)))];
}

/**
 * One warning per outcome or target cell of a percent indicator (its breakdown rows included)
 * that holds a number between 0 and 1 in a cell without a percent format, when the indicator's
 * other numbers are all 1 or more.
 *
 * @example findPercentFractions([indicator "Extern personalomsättning" (percent): 2017 6,1 · 2018 5,8 · 2019 0.055 in G53, General], cells, position)
 *   // [{ code: "table/percent-as-fraction", severity: "warning", cell: "G53", raw: "0,055", params: { read: "0,055 %", meant: "5,5 %" } }]
 */
export function findPercentFractions(indicators: readonly Indicator[], cells: TableCells, position: IssuePosition): Issue[] {
  const issues: Issue[] = [];
  for (const indicator of indicators) {
    if (indicator.unit !== "percent") continue;
    const numbers = [
      ...numbersOf(indicator.outcomes, indicator.targets),
      ...indicator.breakdowns.flatMap((b) => numbersOf(b.outcomes, b.targets)),
    ];
    const fractions: Array<NumberAt & { row: number; column: number; raw: string }> = [];
    const others: NumberAt[] = [];
    for (const found of numbers) {
      const ref = fromA1(found.cell);
      const cell = ref === undefined ? undefined : cells.valueCellAt(ref.row, ref.column);
      const typedFraction =
        ref !== undefined && cell !== undefined && typeof cell.value === "number" && !cell.numberFormat.includes("%") && cell.value > 0 && cell.value < 1;
      if (typedFraction) fractions.push({ ...found, row: ref.row, column: ref.column, raw: shownText(cell) });
      else others.push(found);
    }
    if (fractions.length === 0 || others.length === 0 || others.some((o) => o.value < 1)) continue;
    for (const fraction of fractions) {
      const params = { read: `${formatSwedishNumber(fraction.value, 6)} %`, meant: `${formatSwedishNumber(fraction.value * 100, 4)} %` };
      issues.push(issue("table/percent-as-fraction", "warning", { ...position.at(fraction.row, fraction.column), raw: fraction.raw, params }));
    }
  }
  return issues;
}
