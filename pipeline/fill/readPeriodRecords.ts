/**
 * The ledger's records that a fill needs, for the measures the bindings name (numerator,
 * denominator, formula terms): readPeriodRecords gives the period's months (for the outcomes);
 * readBoundSeries gives every month the ledger holds (for the Månadsdata sheet, so a re-fill
 * with an earlier or shorter period never shrinks the series the sheet keeps); readHeldMonths
 * gives the source-months the ledger holds, whose records win over a workbook's Månadsdata
 * (core/records/mergeSheetMonths.ts); readLedgerForFill gives all a fill reads, in one call.
 * Reads the ledger without writing to it.
 */
import { bindingMeasures, type Bindings } from "../../core/outcomes/bindings";
import type { SourceMonth } from "../../core/records/mergeSheetMonths";
import type { Period } from "../../core/periods/period";
import type { Month, MonthlyRecord } from "../../core/records/records";
import { BilagaError, EXIT } from "../cli/errors";
import { LedgerMissingError, openLedger, type Ledger } from "../ledger/openLedger";
import { hasYearlyTables, readKoladaValues, readManualValues } from "../ledger/yearlyValues";
import { KOLADA_SOURCE, koladaRecords } from "../../core/sources/koladaValues";
import type { ManualValue } from "../../core/manual/manualValue";
import type { Delivery } from "./rowProvenance";

function openForReading(ledgerPath: string): Ledger {
  try {
    return openLedger(ledgerPath, { readonly: true });
  } catch (error) {
    if (error instanceof LedgerMissingError) throw new BilagaError(error.message, EXIT.environment);
    throw error;
  }
}

function readBound(ledgerPath: string, bindings: Bindings, months: readonly Month[] | undefined): MonthlyRecord[] {
  const wanted = new Map<string, { source: string; measure: string }>();
  for (const entry of bindings.entries) {
    for (const { ref } of entry.binding === undefined ? [] : bindingMeasures(entry.binding)) {
      wanted.set(`${ref.source}\u0000${ref.measure}`, { source: ref.source, measure: ref.measure });
    }
  }
  const ledger = openForReading(ledgerPath);
  try {
    const exported = [...wanted.values()].flatMap((ref) => ledger.records(months === undefined ? ref : { ...ref, months: [...months] }));
    // Kolada's key figures (migration 004) as records of source "kolada"; manual values come
    // separately (readLedgerManualValues), since a workbook's own sheet may have newer ones.
    const kpis = new Set([...wanted.values()].filter((ref) => ref.source === KOLADA_SOURCE).map((ref) => ref.measure));
    const kolada =
      kpis.size === 0 || !hasYearlyTables(ledger.db)
        ? []
        : koladaRecords(readKoladaValues(ledger.db).filter((v) => kpis.has(v.kpi))).filter((r) => months === undefined || months.includes(r.month));
    return [...exported, ...kolada];
  } finally {
    ledger.close();
  }
}

/**
 * The manual values that count in the ledger (none in a ledger made before migration 004).
 *
 * @example readLedgerManualValues("bilaga-data/liggare.sqlite") // [{ measure: "avi", year: 2019, value: 112, enteredBy: "AB", … }]
 */
export function readLedgerManualValues(ledgerPath: string): ManualValue[] {
  const ledger = openForReading(ledgerPath);
  try {
    return hasYearlyTables(ledger.db) ? readManualValues(ledger.db) : [];
  } finally {
    ledger.close();
  }
}

/** @example readPeriodRecords("bilaga-data/liggare.sqlite", bindings, T2_2019) // MonthlyRecord[] for jan–aug 2019 */
export function readPeriodRecords(ledgerPath: string, bindings: Bindings, period: Period): MonthlyRecord[] {
  return readBound(ledgerPath, bindings, period.months);
}

/** @example readBoundSeries("bilaga-data/liggare.sqlite", bindings) // MonthlyRecord[] for every month held, e.g. jan–aug 2019 */
export function readBoundSeries(ledgerPath: string, bindings: Bindings): MonthlyRecord[] {
  return readBound(ledgerPath, bindings, undefined);
}

/**
 * Every source-month the ledger holds (any measure, replaced deliveries counted once).
 *
 * @example readHeldMonths("bilaga-data/liggare.sqlite") // [{ source: "forsorjningsstod", month: "2019-01" }, …]
 */
export function readHeldMonths(ledgerPath: string): SourceMonth[] {
  const ledger = openForReading(ledgerPath);
  try {
    return ledger.coverage().flatMap((held) => held.months.map((month) => ({ source: held.source, month })));
  } finally {
    ledger.close();
  }
}

/**
 * Which file delivered each source-month the ledger holds (a month a re-delivery replaced
 * names the later file), for the run report's provenance.
 *
 * @example readDeliveries("bilaga-data/liggare.sqlite") // [{ source: "personal", month: "2019-06", file: "personal-2019-06.txt" }, …]
 */
export function readDeliveries(ledgerPath: string): Delivery[] {
  const ledger = openForReading(ledgerPath);
  try {
    return ledger.batches().flatMap((batch) => {
      const replaced = new Set(batch.replacedMonths.map((m) => m.month));
      return batch.months.filter((month) => !replaced.has(month)).map((month) => ({ source: batch.source, month, file: batch.fileName }));
    });
  } finally {
    ledger.close();
  }
}

/** What a fill reads from the ledger: the period's records, every month's series, the months held, the manual values. */
export interface LedgerForFill {
  readonly records: MonthlyRecord[];
  readonly series: MonthlyRecord[];
  readonly held: SourceMonth[];
  readonly manualValues: ManualValue[];
}

/**
 * Everything planFill takes from the ledger for a period, read the same way by `fill`, `run`,
 * `report` and the bench, so each plans from the same figures.
 *
 * @example planFill({ workbook, period, bindings, ...readLedgerForFill("bilaga-data/liggare.sqlite", bindings, T2_2019) })
 */
export function readLedgerForFill(ledgerPath: string, bindings: Bindings, period: Period): LedgerForFill {
  return {
    records: readPeriodRecords(ledgerPath, bindings, period),
    series: readBoundSeries(ledgerPath, bindings),
    held: readHeldMonths(ledgerPath),
    manualValues: readLedgerManualValues(ledgerPath),
  };
}
