/**
 * Merges a batch of deliveries (measured export files) into the records already kept (the
 * task pane's Månadsdata sheet), by the same rules as the pipeline's ledger (planDelivery):
 * - "one-month" (and a delivery without a mode): each delivery replaces the records of its source
 *   for the months it holds, in the order given, so a later delivery of the same source and month
 *   replaces an earlier one (a corrected re-delivery, or a copy named "… (1).csv");
 * - "cumulative": the file replaces every month from its first to its last, unless what is held
 *   for a month came from a file reaching a later month (the sheet's months count as reaching the
 *   sheet's last month of that source);
 * - "any": a file whose months are held already with other figures is refused (delivery/overlap);
 * - "rows" and "parts" need what the sheet does not keep (each row's key, each unit's share):
 *   such files are refused with delivery/not-in-addin, and the pipeline reads them.
 * Delivering the same content twice changes nothing. A rejected or refused delivery replaces nothing.
 */
import { issue, type Issue } from "../issues/issues";
import { deliveryKind, type DeliveryMode } from "../sources/profile";
import { coveredMonths, planDelivery, type HeldMonth } from "./planDelivery";
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
  /** The source profile's delivery mode; default "one-month". */
  readonly mode?: DeliveryMode;
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

/** A delivery that was not merged at all, and why (delivery/overlap, delivery/not-in-addin). */
export interface RefusedDelivery {
  readonly file: string;
  readonly issue: Issue;
}

/** A cumulative file's month that a newer delivery keeps: the file's data for it is not used. */
export interface DeliveryKept {
  readonly source: string;
  readonly month: Month;
  /** The older file. */
  readonly file: string;
  /** The newer delivery that keeps the month (a file of the batch, or "bladet Månadsdata"). */
  readonly keptFile: string;
}

export interface MergedDeliveries {
  readonly records: MonthlyRecord[];
  readonly replacements: DeliveryReplacement[];
  /** Months cumulative files did not take because a newer delivery holds them. */
  readonly kept: DeliveryKept[];
  /** Empty unless a profile's mode refuses a file; each such file changed nothing. */
  readonly refused: RefusedDelivery[];
}

/** What the sheet's months are called in a message about an earlier delivery. */
export const SHEET_DELIVERY = "bladet Månadsdata";

const monthKey = (source: string, month: Month): string => `${source}\u0000${month}`;

/**
 * @example
 * replaceDeliveredMonths(sheetRecords, [
 *   { file: "forsorjningsstod-2019-08.csv", source: "forsorjningsstod", months: ["2019-08"], rejected: false, records: aug },
 *   { file: "forsorjningsstod-2019-08 (1).csv", source: "forsorjningsstod", months: ["2019-08"], rejected: false, records: augFixed },
 * ])
 * // { records: [...sheetRecords without forsorjningsstod 2019-08, ...augFixed],
 * //   replacements: [{ source: "forsorjningsstod", month: "2019-08", file: "forsorjningsstod-2019-08 (1).csv", replacedFile: "forsorjningsstod-2019-08.csv" }],
 * //   kept: [], refused: [] }
 */
export function replaceDeliveredMonths(existing: readonly MonthlyRecord[], deliveries: readonly Delivery[]): MergedDeliveries {
  /** Per source and month, the file of the batch that holds it now, how far that file reaches, and its records. */
  const delivered = new Map<string, { file: string; lastMonth: Month; records: MonthlyRecord[] }>();
  const replacements: DeliveryReplacement[] = [];
  const refused: RefusedDelivery[] = [];
  const kept: DeliveryKept[] = [];
  const sheetMonths = new Map<string, MonthlyRecord[]>();
  const sheetLast = new Map<string, Month>();
  for (const record of existing) {
    const key = monthKey(record.source, record.month);
    sheetMonths.set(key, [...(sheetMonths.get(key) ?? []), record]);
    if (record.month > (sheetLast.get(record.source) ?? "")) sheetLast.set(record.source, record.month);
  }

  for (const delivery of deliveries) {
    if (delivery.rejected || delivery.source === undefined) continue;
    const source = delivery.source;
    const mode = delivery.mode ?? "one-month";
    const kind = deliveryKind(mode);
    if (kind === "rows" || kind === "parts") {
      refused.push({ file: delivery.file, issue: notInAddin(delivery.file, source, kind) });
      continue;
    }
    const byMonth = new Map<string, MonthlyRecord[]>();
    for (const month of coveredMonths(mode, delivery.months)) byMonth.set(monthKey(source, month), []);
    for (const record of delivery.records) {
      const key = monthKey(record.source, record.month);
      byMonth.set(key, [...(byMonth.get(key) ?? []), record]);
    }
    // What is held for the file's months: an earlier file of the batch, else the sheet.
    const held: HeldMonth[] = [];
    for (const [key, records] of byMonth) {
      const [, month = ""] = key.split("\u0000");
      const earlier = delivered.get(key);
      const theirs = earlier?.records ?? sheetMonths.get(key);
      // The same figures again (a copy, the same file dropped twice) are no overlap.
      if (theirs === undefined || (kind === "any" && sameRecords(theirs, records))) continue;
      held.push({
        month,
        delivery: { file: earlier?.file ?? SHEET_DELIVERY },
        lastMonth: earlier?.lastMonth ?? sheetLast.get(source) ?? month,
      });
    }
    const planned = planDelivery(mode, { file: delivery.file, source, months: delivery.months }, held);
    if (!planned.ok) {
      refused.push({ file: delivery.file, issue: planned.issue });
      continue;
    }
    const lastMonth = planned.value[planned.value.length - 1]?.month ?? "";
    for (const action of planned.value) {
      if (action.action === "superseded") {
        for (const newer of action.keeps) kept.push({ source, month: action.month, file: delivery.file, keptFile: newer.delivery.file });
        continue;
      }
      const key = monthKey(source, action.month);
      const earlier = delivered.get(key);
      if (earlier !== undefined) {
        replacements.push({ source, month: action.month, file: delivery.file, replacedFile: earlier.file });
        delivered.delete(key); // re-inserted last, so the batch's records follow delivery order
      }
      delivered.set(key, { file: delivery.file, lastMonth, records: byMonth.get(key) ?? [] });
    }
  }
  const untouched = existing.filter((record) => !delivered.has(monthKey(record.source, record.month)));
  return { records: [...untouched, ...[...delivered.values()].flatMap((entry) => entry.records)], replacements, kept, refused };
}

function notInAddin(file: string, source: string, kind: "rows" | "parts"): Issue {
  const mode = kind === "rows" ? 'som delar av en lista där raderna känns igen på en nyckel ("rows")' : 'som enheters delar som läggs ihop ("parts")';
  return issue("delivery/not-in-addin", "error", { file, params: { source, mode } });
}

/** Whether two lists hold the same records, in any order. */
function sameRecords(a: readonly MonthlyRecord[], b: readonly MonthlyRecord[]): boolean {
  if (a.length !== b.length) return false;
  const text = (records: readonly MonthlyRecord[]): string =>
    records
      .map((r) => JSON.stringify([r.source, r.measure, r.month, r.breakdown, r.sum, r.count, [...(r.keys ?? [])].sort()]))
      .sort()
      .join("\n");
  return text(a) === text(b);
}
