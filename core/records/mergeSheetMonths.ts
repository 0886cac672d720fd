/**
 * Combines the records a workbook's Månadsdata sheet keeps with those of an authoritative store
 * (the pipeline's ledger): for each source and month the store holds, the store's records are
 * used; a source and month only the sheet holds is kept. It is replaceDeliveredMonths with the
 * store's months as the deliveries, so the pipeline merges exactly as the task pane does when it
 * imports the same months from CSV files into the same sheet: same inputs, same numbers.
 */
import type { Month, MonthlyRecord } from "./records";
import { replaceDeliveredMonths, type Delivery } from "./replaceDeliveredMonths";

/** One source and month. */
export interface SourceMonth {
  readonly source: string;
  readonly month: Month;
}

export interface SheetMonthsMerged {
  /** The sheet's records for the months the store lacks, then the store's records. */
  readonly records: MonthlyRecord[];
  /** The source-months taken from the sheet (the store lacks them), sorted by source and month. */
  readonly fromSheet: SourceMonth[];
}

const key = (source: string, month: Month): string => `${source}\u0000${month}`;

/**
 * @param sheet the records read from the Månadsdata sheet (readMonthlySheet)
 * @param store the store's records, and the source-months it holds (a held month may have no
 *   records of the measures asked for; it is still the store's). Months of `store.records` count as held too.
 *
 * @example
 * mergeSheetMonths(
 *   [{ source: "vantetider", measure: "vantedagar", month: "2019-09", breakdown: "", sum: 1234, count: 56 },
 *    { source: "forsorjningsstod", measure: "hushall", month: "2019-08", breakdown: "", sum: 1, count: 1 }],
 *   { records: ledgerRecords, held: [{ source: "forsorjningsstod", month: "2019-08" }, …] },
 * )
 * // { records: [vantetider 2019-09 (från bladet), ...ledgerRecords (hushåll 2019-08 från liggaren)],
 * //   fromSheet: [{ source: "vantetider", month: "2019-09" }] }
 */
export function mergeSheetMonths(
  sheet: readonly MonthlyRecord[],
  store: { readonly records: readonly MonthlyRecord[]; readonly held: readonly SourceMonth[] },
): SheetMonthsMerged {
  const monthsBySource = new Map<string, Set<Month>>();
  const recordsBySource = new Map<string, MonthlyRecord[]>();
  const hold = (source: string, month: Month): void => {
    monthsBySource.set(source, (monthsBySource.get(source) ?? new Set<Month>()).add(month));
  };
  for (const held of store.held) hold(held.source, held.month);
  for (const record of store.records) {
    hold(record.source, record.month);
    const list = recordsBySource.get(record.source);
    if (list === undefined) recordsBySource.set(record.source, [record]);
    else list.push(record);
  }
  // One delivery per source: all its held months at once, so none replaces another.
  const deliveries: Delivery[] = [...monthsBySource].map(([source, months]) => ({
    file: source,
    source,
    months: [...months].sort(),
    rejected: false,
    records: recordsBySource.get(source) ?? [],
  }));
  const merged = replaceDeliveredMonths(sheet, deliveries);

  const fromSheet = new Map<string, SourceMonth>();
  for (const record of sheet) {
    if (!monthsBySource.get(record.source)?.has(record.month)) fromSheet.set(key(record.source, record.month), { source: record.source, month: record.month });
  }
  const sorted = [...fromSheet.values()].sort((a, b) => a.source.localeCompare(b.source) || a.month.localeCompare(b.month));
  return { records: merged.records, fromSheet: sorted };
}
