/**
 * The Swedish lines that say what an imported file did to what the ledger held: which earlier
 * delivery it replaced for which month (and how many rows that delivery had given it), which
 * months a newer cumulative delivery keeps, which other units' deliveries it was added to, and
 * how many rows of which earlier delivery it replaced by key. Used by `bilaga import`, and by
 * the summary of `bilaga run` from its run report, so replacing data is never silent.
 *
 * @example describeDeliveryChanges({ replaced: [{ month: "2019-06", batchId: 2, fileName: "sjukfranvaro-2019-06.csv", rows: 412 }],
 *   superseded: [], addedTo: [], replacedRows: [] })
 * // ["Ersätter 2019-06 från tidigare leverans sjukfranvaro-2019-06.csv (inläsning 2, 412 rader)."]
 */
import { formatSwedishNumber } from "../../core/values/formatNumber";
import type { DeliveryChange, RowsReplaced } from "./writeBatch";

export interface DeliveryChanges {
  readonly replaced: readonly DeliveryChange[];
  readonly superseded: readonly DeliveryChange[];
  readonly addedTo: readonly DeliveryChange[];
  readonly replacedRows: readonly RowsReplaced[];
  /** Rows of the file left out because their key came again later in the file ("rows"). */
  readonly repeatedKeys?: number;
}

const n = (value: number): string => formatSwedishNumber(value, 0);
const rows = (count: number): string => `${n(count)} ${count === 1 ? "rad" : "rader"}`;

export function describeDeliveryChanges(changes: DeliveryChanges): string[] {
  const lines: string[] = [];
  for (const one of changes.replaced) {
    const counted = one.rows !== undefined ? `, ${rows(one.rows)}` : "";
    lines.push(`Ersätter ${one.month} från tidigare leverans ${one.fileName} (inläsning ${one.batchId}${counted}).`);
  }
  for (const one of changes.superseded) {
    lines.push(`Behåller ${one.month} från den nyare leveransen ${one.fileName} (inläsning ${one.batchId}), som når längre; filens uppgifter för månaden används inte.`);
  }
  for (const one of changes.addedTo) {
    const counted = one.rows !== undefined ? `, ${rows(one.rows)}` : "";
    lines.push(`Läggs ihop med ${one.fileName} (inläsning ${one.batchId}${counted}) för ${one.month}: andra enheter.`);
  }
  for (const one of changes.replacedRows) {
    const where = one.month === "" ? "som inte räknades i någon månad (t.ex. pågående ärenden)" : `i ${one.month}`;
    const changed =
      one.changed === 0 ? (one.rows === 1 ? "oförändrad" : "inga ändrade") : one.changed === one.rows ? (one.rows === 1 ? "ändrad" : "alla ändrade") : `varav ${n(one.changed)} ${one.changed === 1 ? "ändrad" : "ändrade"}`;
    lines.push(`Ersätter ${rows(one.rows)} ${where} från ${one.fileName} (inläsning ${one.batchId}), ${changed}.`);
  }
  const repeated = changes.repeatedKeys ?? 0;
  if (repeated > 0) {
    lines.push(`${repeated === 1 ? "1 rad" : `${n(repeated)} rader`} i filen hade en nyckel som kommer igen längre ner i samma fil; bara den senare raden räknas.`);
  }
  return lines;
}
