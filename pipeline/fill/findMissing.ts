/**
 * What a fill lacks, by name, from the assessment's issues: months of the period with no
 * data (per measure), indicators no binding names, bindings that find no row, outcomes that
 * could not be computed. The summary and the run report both show it.
 */
import type { Issue } from "../../core/issues/issues";

export interface MissingMonth {
  /** "forsorjningsstod/hushall". */
  readonly measure: string;
  /** "2019-03". */
  readonly month: string;
}

export interface MissingReport {
  readonly months: readonly MissingMonth[];
  /** Indicator names that no binding names (they are left empty). */
  readonly unboundIndicators: readonly string[];
  /** Binding entries ("Total sjukfrånvaro (%) – Kvinnor") that found no row in the table. */
  readonly bindingsWithoutRow: readonly string[];
  /** Measures a binding names that no source profile has. */
  readonly unknownMeasures: readonly string[];
  /** Outcomes that could not be computed (nothing to divide by): the measure, or the formula as written. */
  readonly noData: readonly string[];
}

const param = (found: Issue, name: string): string => String(found.params?.[name] ?? "");

/** @example findMissing(assessment.issues).months // [{ measure: "forsorjningsstod/hushall", month: "2019-03" }] */
export function findMissing(issues: readonly Issue[]): MissingReport {
  const months = new Map<string, MissingMonth>();
  const unbound: string[] = [];
  const withoutRow: string[] = [];
  const unknown: string[] = [];
  const noData: string[] = [];
  const add = (list: string[], value: string): void => {
    if (value !== "" && !list.includes(value)) list.push(value);
  };
  for (const found of issues) {
    switch (found.code) {
      case "period/missing-month": {
        const entry = { measure: param(found, "measure"), month: param(found, "month") };
        months.set(`${entry.measure}\u0000${entry.month}`, entry);
        break;
      }
      case "binding/indicator-unbound":
        add(unbound, found.raw ?? "");
        break;
      case "binding/row-not-found":
        add(withoutRow, found.raw ?? "");
        break;
      case "binding/measure-missing":
        add(unknown, param(found, "measure"));
        break;
      case "outcome/no-data":
      case "outcome/no-yearly-value": // a yearly row without a value for the year (Kolada, manual)
      case "outcome/formula-undefined":
        add(noData, found.raw ?? "");
        break;
      default:
        break;
    }
  }
  const sorted = [...months.values()].sort((a, b) => a.measure.localeCompare(b.measure) || a.month.localeCompare(b.month));
  return { months: sorted, unboundIndicators: unbound, bindingsWithoutRow: withoutRow, unknownMeasures: unknown, noData };
}
