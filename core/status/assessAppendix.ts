/**
 * The month's job for one appendix, in the core: bind the configuration to the table's
 * rows, compute each bound row's outcome for the period from the records, and judge its
 * status. The shells (pipeline, add-in) then plan the writes with planWrites.
 */
import { bindIndicators, type Bindings, type BoundRow } from "../outcomes/bindings";
import { computeOutcome } from "../outcomes/computeOutcome";
import { evaluateStatus } from "./evaluateStatus";
import type { Issue } from "../issues/issues";
import type { Appendix } from "../model";
import type { Period } from "../periods/period";
import type { RowResult } from "../workbook/planWrites";
import type { MonthlyRecord } from "../records/records";
import { STATUSES, type Status } from "./status";
import type { ManualValue } from "../manual/manualValue";
import { computeYearlyOutcome, isWholeYear, measuredPerYear, provenanceFor, yearlyBindingOf, yearlyOutcomeCell } from "../outcomes/yearlyOutcome";
import { issue } from "../issues/issues";

export interface Assessment {
  /** One result per bound row, in table order. */
  readonly rows: readonly RowResult[];
  /** The bound rows behind the results (same order), for the Månadsdata sheet. */
  readonly bound: readonly BoundRow[];
  /** How many rows got each status. */
  readonly counts: Readonly<Record<Status, number>>;
  /** Binding issues, missing months (once per measure and month), manual statuses. */
  readonly issues: readonly Issue[];
}

/** What the assessment needs besides the records: the manual values behind the "manuell" records, for provenance. */
export interface AssessContext {
  /** The manual values entered (any order; the newest per measure, breakdown and year counts). */
  readonly manualValues?: readonly ManualValue[];
}

/**
 * @example assessAppendix(appendix, bindings, records, parsePeriod("2019-T2").value)
 *   // { rows: [{ name: "Antal hushåll med försörjningsstöd i snitt per månad.", outcome: …, status: { label: "Uppfyllt", … } }, …],
 *   //   counts: { met: 3, "partly-met": 1, "not-met": 1, "not-assessable": 0 }, issues: [ … ] }
 */
export function assessAppendix(
  appendix: Appendix,
  bindings: Bindings,
  records: readonly MonthlyRecord[],
  period: Period,
  context: AssessContext = {},
): Assessment {
  const { bound, issues: bindIssues } = bindIndicators(appendix, bindings);
  const issues: Issue[] = [...bindIssues];
  const seen = new Set<string>();
  const addIssue = (found: Issue): void => {
    const key = JSON.stringify(found);
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(found);
  };
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<Status, number>;
  // An entry that only changes the rules (no measure, no status set by hand) waits for a measure: nothing to write yet.
  const filled = bound.filter((row) => row.binding !== undefined || row.status.manual !== undefined);
  const rows: RowResult[] = filled.map((row) => {
    const yearlyBinding = yearlyBindingOf(row.binding);
    const yearly = yearlyBinding !== undefined;
    // A yearly row has a value only for a whole year; for a tertial or a month it says "mäts per år".
    const perYearOnly = yearly && !isWholeYear(period);
    const computed =
      row.binding === undefined || perYearOnly
        ? undefined
        : yearlyBinding !== undefined
          ? computeYearlyOutcome(records, yearlyBinding, period, row.name)
          : computeOutcome(records, row.binding, period);
    computed?.issues.forEach(addIssue);
    const outcome = computed?.outcome;
    const decimals = row.binding?.decimals;
    let status = evaluateStatus(row, outcome, period, row.status, decimals === undefined ? {} : { decimals });
    if (perYearOnly && row.status.manual === undefined) {
      status = measuredPerYear(period, status.target);
      addIssue(issue("outcome/measured-per-year", "info", { raw: row.name, params: { period: period.label, year: period.year } }));
    }
    status.issues.forEach(addIssue);
    counts[status.status] += 1;
    const provenance = perYearOnly ? undefined : provenanceFor(row.binding, period, context.manualValues ?? []);
    return {
      row: row.row,
      name: row.name,
      unit: row.unit,
      measured: row.binding !== undefined,
      ...(outcome !== undefined && { outcome }),
      status,
      ...(decimals !== undefined && { decimals }),
      ...(provenance !== undefined && { provenance }),
      ...(yearly && yearlyOutcomeCell(period, outcome !== undefined, provenance)),
    };
  });
  return { rows, bound: filled, counts, issues };
}
