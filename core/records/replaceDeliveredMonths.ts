/**
 * Merges a batch of deliveries (measured export files) into the records already kept, as the
 * pipeline's ledger does: each delivery replaces the records of its source for the months it
 * holds, in the order given, so a later delivery of the same source and month replaces an
 * earlier one (a corrected re-delivery, or a copy named "… (1).csv") instead of adding to it,
 * and delivering the same content twice changes nothing. A rejected delivery replaces nothing.
 * Shared by the task pane (records in Månadsdata) and any shell that merges deliveries.
 */
import type { Month, MonthlyRecord } from "./records";

/** One measured file: what replaceDeliveredMonths needs of it (the task pane's FileImport fits). */
export interface Delivery {
  readonly file: string;
  /** The recognised source profile id; without it the delivery replaces nothing. */
  readonly source?: string;
  readonly months: readonly Month[];
  /** True when the file was rejected whole: it replaces nothing. */
  readonly rejected: boolean;
  readonly records: readonly MonthlyRecord[];
}

/** A delivery of the batch that replaced an earlier delivery of the same batch for one source and month. */
export interface DeliveryReplacement {
  readonly source: string;
  readonly month: Month;
  /** The later file, whose records are kept. */
  readonly file: string;
  /** The earlier file of the batch, whose records for that month were dropped. */
  readonly replacedFile: string;
}

export interface MergedDeliveries {
  readonly records: MonthlyRecord[];
  readonly replacements: DeliveryReplacement[];
}

const monthKey = (source: string, month: Month): string => `${source}\u0000${month}`;

/**
 * @example
 * replaceDeliveredMonths(sheetRecords, [
 *   { file: "forsorjningsstod-2019-08.csv", source: "forsorjningsstod", months: ["2019-08"], rejected: false, records: aug },
 *   { file: "forsorjningsstod-2019-08 (1).csv", source: "forsorjningsstod", months: ["2019-08"], rejected: false, records: augFixed },
 * ])
 * // { records: [...sheetRecords without forsorjningsstod 2019-08, ...augFixed],
 * //   replacements: [{ source: "forsorjningsstod", month: "2019-08", file: "forsorjningsstod-2019-08 (1).csv", replacedFile: "forsorjningsstod-2019-08.csv" }] }
 */
export function replaceDeliveredMonths(existing: readonly MonthlyRecord[], deliveries: readonly Delivery[]): MergedDeliveries {
  const delivered = new Map<string, { file: string; records: MonthlyRecord[] }>();
  const replacements: DeliveryReplacement[] = [];
  for (const delivery of deliveries) {
    if (delivery.rejected || delivery.source === undefined) continue;
    const source = delivery.source;
    const byMonth = new Map<string, MonthlyRecord[]>();
    for (const month of delivery.months) byMonth.set(monthKey(source, month), []);
    for (const record of delivery.records) {
      const key = monthKey(record.source, record.month);
      byMonth.set(key, [...(byMonth.get(key) ?? []), record]);
    }
    for (const [key, records] of byMonth) {
      const earlier = delivered.get(key);
      if (earlier !== undefined) {
        const [recordSource = source, month = ""] = key.split("\u0000");
        replacements.push({ source: recordSource, month, file: delivery.file, replacedFile: earlier.file });
        delivered.delete(key); // re-inserted last, so the batch's records follow delivery order
      }
      delivered.set(key, { file: delivery.file, records });
    }
  }
  const kept = existing.filter((record) => !delivered.has(monthKey(record.source, record.month)));
  return { records: [...kept, ...[...delivered.values()].flatMap((entry) => entry.records)], replacements };
}
