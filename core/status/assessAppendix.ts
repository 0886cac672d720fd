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
    const computed = row.binding === undefined ? undefined : computeOutcome(records, row.binding, period);
    computed?.issues.forEach(addIssue);
    const outcome = computed?.outcome;
    const decimals = row.binding?.decimals;
    const status = evaluateStatus(row, outcome, period, row.status, decimals === undefined ? {} : { decimals });
    status.issues.forEach(addIssue);
    counts[status.status] += 1;
    return {
      row: row.row,
      name: row.name,
      unit: row.unit,
      measured: row.binding !== undefined,
      ...(outcome !== undefined && { outcome }),
      status,
      ...(decimals !== undefined && { decimals }),
    };
  });
  return { rows, bound: filled, counts, issues };
}
