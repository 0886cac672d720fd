/**
 * The lines `bilaga ledger --manuella` prints: each manual value that counts, with its history
 * (who, when, the earlier values), and Kolada's values (a missing one said so, never 0).
 */
import type Database from "better-sqlite3";
import { manualKey } from "../../core/manual/manualValue";
import { formatSwedishNumber } from "../../core/values/formatNumber";
import { KOLADA_CREDIT } from "../../core/outcomes/provenance";
import { hasYearlyTables, readKoladaValues, readManualHistory, readManualValues } from "./yearlyValues";

/**
 * @example describeYearlyValues(db)
 *   // ["Manuella värden (det senast inmatade gäller):", "  avi 2019: 112 – CD 2020-02-10, Medarbetarenkät 2019 …",
 *   //  "    tidigare: 110 – AB 2020-01-15, … (manuella-varden.csv)", …, "Kolada (Källa: Kolada):", "  N00011 kommun 0580 2016 T: saknas (Missing)", …]
 */
export function describeYearlyValues(db: Database.Database): string[] {
  if (!hasYearlyTables(db)) return ["Liggaren har inga manuella värden eller Kolada-värden ännu."];
  const out: string[] = [];
  const current = readManualValues(db);
  const history = readManualHistory(db);
  out.push(current.length === 0 ? "Inga manuella värden." : "Manuella värden (det senast inmatade gäller):");
  for (const value of current) {
    const label = `${value.measure}${value.breakdown === "" ? "" : ` (${value.breakdown})`} ${value.year}`;
    out.push(`  ${label}: ${formatSwedishNumber(value.value)} – ${value.enteredBy} ${value.enteredAt}, ${value.sourceText}`);
    const earlier = history.filter((h) => manualKey(h) === manualKey(value) && !(h.value === value.value && h.enteredAt === value.enteredAt && h.enteredBy === value.enteredBy && h.sourceText === value.sourceText));
    for (const old of earlier.reverse()) {
      out.push(`    tidigare: ${formatSwedishNumber(old.value)} – ${old.enteredBy} ${old.enteredAt}, ${old.sourceText} (${old.origin})`);
    }
  }
  const kolada = readKoladaValues(db);
  if (kolada.length > 0) {
    out.push("", `Kolada (${KOLADA_CREDIT}):`);
    for (const v of kolada) {
      out.push(`  ${v.kpi} kommun ${v.municipality} ${v.year} ${v.gender}: ${v.value === null ? `saknas (${v.status || "ingen status"}), inte 0` : formatSwedishNumber(v.value)}`);
    }
  }
  return out;
}

/**
 * One line for `bilaga ledger` without --manuella, when the ledger has yearly values.
 *
 * @example countYearlyValues(db) // ["", "Manuella värden: 8 (2 tidigare värden i historiken); Kolada-värden: 4. Visa dem med --manuella."]
 */
export function countYearlyValues(db: Database.Database): string[] {
  if (!hasYearlyTables(db)) return [];
  const current = readManualValues(db).length;
  const earlier = readManualHistory(db).length - current;
  const kolada = readKoladaValues(db).length;
  if (current === 0 && kolada === 0) return [];
  return ["", `Manuella värden: ${current}${earlier > 0 ? ` (${earlier} tidigare ${earlier === 1 ? "värde" : "värden"} i historiken)` : ""}; Kolada-värden: ${kolada}. Visa dem med --manuella.`];
}
