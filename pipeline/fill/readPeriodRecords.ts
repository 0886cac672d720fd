/**
 * The ledger's records that a fill needs: the measures the bindings name (numerator and
 * denominator), for the months of the period. Reads the ledger without writing to it.
 */
import type { Bindings } from "../../core/bindings";
import type { Period } from "../../core/period";
import type { MonthlyRecord } from "../../core/records";
import { BilagaError, EXIT } from "../cli/errors";
import { LedgerMissingError, openLedger } from "../ledger/openLedger";

/** @example readPeriodRecords("bilaga-data/liggare.sqlite", bindings, T2_2019) // MonthlyRecord[] for jan–aug 2019 */
export function readPeriodRecords(ledgerPath: string, bindings: Bindings, period: Period): MonthlyRecord[] {
  const wanted = new Map<string, { source: string; measure: string }>();
  for (const entry of bindings.entries) {
    for (const ref of [entry.binding?.measure, entry.binding?.denominator]) {
      if (ref !== undefined) wanted.set(`${ref.source}\u0000${ref.measure}`, { source: ref.source, measure: ref.measure });
    }
  }
  let ledger;
  try {
    ledger = openLedger(ledgerPath, { readonly: true });
  } catch (error) {
    if (error instanceof LedgerMissingError) throw new BilagaError(error.message, EXIT.environment);
    throw error;
  }
  try {
    return [...wanted.values()].flatMap((ref) => ledger.records({ ...ref, months: period.months }));
  } finally {
    ledger.close();
  }
}
