/**
 * Manual values: yearly figures no export carries (a user survey, AVI, HME, managers with a
 * non-Nordic background), entered by the controller with who entered them, when and from which
 * source. The newest entry of a measure, breakdown and year is the one that counts; earlier
 * entries are its history (the pipeline's ledger keeps them all).
 *
 * A manual value becomes one MonthlyRecord on the year's last month ("2019-12"), source
 * "manuell", so the ledger, the Månadsdata sheet and the outcomes treat it like any other record.
 */
import type { MonthlyRecord } from "../records/records";

/** The source id of manual records. */
export const MANUAL_SOURCE = "manuell";

export interface ManualValue {
  /** The measure id the bindings name: { "source": "manuell", "measure": "avi" }. */
  readonly measure: string;
  /** "" for the total; "kon=K" / "kon=M" as elsewhere. */
  readonly breakdown: string;
  readonly year: number;
  readonly value: number;
  /** Who entered it, as they signed it ("AB"). */
  readonly enteredBy: string;
  /** When, "YYYY-MM-DD". */
  readonly enteredAt: string;
  /** Where the figure comes from ("Brukarenkät 2019"). */
  readonly sourceText: string;
}

/** The key one value is kept under: measure, breakdown and year. */
export function manualKey(value: Pick<ManualValue, "measure" | "breakdown" | "year">): string {
  return `${value.measure}\u0000${value.breakdown}\u0000${value.year}`;
}

/**
 * The value that counts per measure, breakdown and year: the one entered last; on the same
 * date, the one given later in the list (so pass older stores first).
 *
 * @example currentManualValues([{ measure: "avi", year: 2019, value: 110, enteredAt: "2020-01-10", … },
 *                               { measure: "avi", year: 2019, value: 112, enteredAt: "2020-02-01", … }])
 *   // [{ measure: "avi", year: 2019, value: 112, enteredAt: "2020-02-01", … }]
 */
export function currentManualValues(values: readonly ManualValue[]): ManualValue[] {
  const current = new Map<string, ManualValue>();
  for (const value of values) {
    const key = manualKey(value);
    const held = current.get(key);
    if (held === undefined || value.enteredAt >= held.enteredAt) current.set(key, value);
  }
  return [...current.values()];
}

/**
 * The records of the values that count (currentManualValues).
 *
 * @example manualRecords([{ measure: "avi", breakdown: "", year: 2019, value: 112, … }])
 *   // [{ source: "manuell", measure: "avi", month: "2019-12", breakdown: "", sum: 112, count: 1 }]
 */
export function manualRecords(values: readonly ManualValue[]): MonthlyRecord[] {
  return currentManualValues(values).map((v) => ({
    source: MANUAL_SOURCE,
    measure: v.measure,
    month: `${v.year}-12`,
    breakdown: v.breakdown,
    sum: v.value,
    count: 1,
  }));
}
