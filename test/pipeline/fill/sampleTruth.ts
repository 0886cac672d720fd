// Independent figures from the sample exports, for the fill and run tests: plain loops over
// the rows of each file, decoded with TextDecoder, no product code. If the product and this
// disagree, one of them is wrong.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const SAMPLE_EXPORTS = join(__dirname, "../../../samples/exports");

function rowsOf(file: string, encoding: string, delimiter: string): string[][] {
  let text = new TextDecoder(encoding).decode(readFileSync(join(SAMPLE_EXPORTS, file)));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(delimiter));
}

/** "1 047,0", "2 521,5", "89,25" -> number (spaces and no-break spaces as thousands separators). */
function swedishNumber(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return cleaned === "" ? 0 : Number(cleaned);
}

/** "2019-03-26" or "15/6 2019" -> days since epoch (UTC). */
function dayNumber(text: string): number {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const short = /^(\d{1,2})\/(\d{1,2}) (\d{4})$/.exec(text.trim());
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : short ? [short[3], short[2], short[1]] : [undefined, undefined, undefined];
  if (y === undefined) throw new Error(`unexpected date ${text}`);
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000;
}

const filesOf = (prefix: string, months: readonly string[]): string[] =>
  readdirSync(SAMPLE_EXPORTS)
    .filter((name) => name.startsWith(prefix) && months.some((month) => name.includes(month)))
    .sort();

/** Months "2019-01" … up to the given month number. */
export function monthsOf2019(last: number): string[] {
  return Array.from({ length: last }, (_, i) => `2019-${String(i + 1).padStart(2, "0")}`);
}

/** Households paid in each month, counted distinct; the mean over the months. */
export function householdsMean(months: readonly string[]): number {
  const perMonth = filesOf("forsorjningsstod-", months).map((file) => {
    const [header, ...rows] = rowsOf(file, "windows-1252", ";");
    const column = header!.indexOf("Hushållsnummer");
    return new Set(rows.map((row) => row[column])).size;
  });
  if (perMonth.length !== months.length) throw new Error("a month's file is missing");
  return perMonth.reduce((a, b) => a + b, 0) / perMonth.length;
}

/** Σ sick hours / Σ scheduled hours × 100 for Arbetsmarknadsförvaltningen; gender "K", "M" or undefined for all. */
export function sickLeaveRate(months: readonly string[], gender?: "K" | "M"): number {
  let sick = 0;
  let scheduled = 0;
  for (const file of filesOf("sjukfranvaro-", months)) {
    const [header, ...rows] = rowsOf(file, "utf-8", ";");
    const col = (name: string): number => header!.indexOf(name);
    for (const row of rows) {
      if (row[col("Förvaltning")] !== "Arbetsmarknadsförvaltningen") continue;
      const sex = (row[col("Kön")] ?? "").startsWith("K") ? "K" : "M";
      if (gender !== undefined && sex !== gender) continue;
      sick += swedishNumber(row[col("Sjukfrånvarotimmar")] ?? "");
      scheduled += swedishNumber(row[col("Ordinarie arbetstid timmar")] ?? "");
    }
  }
  return (sick / scheduled) * 100;
}

/** Mean calendar days from first contact to decision, over the decisions made in the months (pending cases are not decisions). */
export function meanWaitingDays(months: readonly string[]): number {
  let days = 0;
  let decisions = 0;
  for (const file of filesOf("vantetider-", months)) {
    const [header, ...rows] = rowsOf(file, "utf-16le", "\t");
    const start = header!.indexOf("Första kontakt");
    const end = header!.indexOf("Beslutsdatum");
    for (const row of rows) {
      const decided = (row[end] ?? "").trim();
      if (decided === "") continue;
      days += dayNumber(decided) - dayNumber(row[start] ?? "");
      decisions += 1;
    }
  }
  return days / decisions;
}
