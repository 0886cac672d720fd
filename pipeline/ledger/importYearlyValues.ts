/**
 * Reads the yearly values no export carries into the ledger: manual values from a small CSV
 * (or a workbook's sheet "Manuella värden", read by the fill) and Kolada's key figures from
 * saved JSON responses. Each file is all or nothing: a file with a bad row stores nothing and
 * its issues say file, line and column.
 *
 * The manual CSV: UTF-8 (with or without BOM; Windows-1252 when it is not UTF-8), `;`, `,` or
 * tab, the header Mått;Uppdelning;År;Värde;Källa;Inmatat av;Inmatat (core/manual/readManualValues.ts).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import type { Issue } from "../../core/issues/issues";
import { readKoladaText, type KoladaRead } from "../../core/sources/readKoladaText";
import { gridOfTextRows, readManualValues } from "../../core/manual/readManualValues";
import type { ManualValue } from "../../core/manual/manualValue";
import { issue } from "../../core/issues/issues";
import { openLedger } from "./openLedger";
import { writeKoladaValues, writeManualValues, type ManualWrite } from "./yearlyValues";

/** The text of a small CSV: UTF-8 (BOM removed), else Windows-1252. */
function decodeSmallCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * Reads a manual-values CSV.
 *
 * @example readManualCsv("samples/manual/manuella-varden.csv") // { values: [{ measure: "avi", year: 2019, value: 110, … }, …], issues: [] }
 */
export function readManualCsv(path: string): { values: ManualValue[]; issues: Issue[] } {
  const text = decodeSmallCsv(new Uint8Array(readFileSync(path)));
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [";", "\t", ","].sort((a, b) => header.split(b).length - header.split(a).length)[0] ?? ";";
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  return readManualValues(gridOfTextRows(parsed.data), { file: path });
}

/** Reads a saved Kolada response (JSON). */
export function readKoladaFile(path: string): KoladaRead {
  return readKoladaText(readFileSync(path, "utf8"), path);
}

/** The .json files of a folder (sorted), or the file itself. */
export function collectKoladaFiles(path: string): string[] {
  const full = resolve(path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full)
    .filter((name) => name.toLowerCase().endsWith(".json") && !name.startsWith("."))
    .sort((a, b) => a.localeCompare(b, "sv"))
    .map((name) => join(full, name));
}

export interface YearlyImport {
  /** Per manual file: what was stored (absent when refused). */
  readonly manual: ReadonlyArray<{ readonly file: string; readonly write?: ManualWrite }>;
  /** Per Kolada file: how many values were new or different (absent when refused). */
  readonly kolada: ReadonlyArray<{ readonly file: string; readonly stored?: number }>;
  /** Every issue; an error means its file stored nothing. */
  readonly issues: readonly Issue[];
  /** True when some file was refused. */
  readonly rejected: boolean;
  /** True when the ledger changed (a value added or changed, a Kolada value stored). */
  readonly changed: boolean;
}

/**
 * Stores manual CSVs, manual values read elsewhere (a workbook's sheet) and Kolada files in the ledger.
 *
 * @example importYearlyValues("bilaga-data/liggare.sqlite", { manualFiles: ["samples/manual/manuella-varden.csv"], koladaFiles: ["samples/kolada/N00011-0580.json"] })
 */
export function importYearlyValues(
  ledgerPath: string,
  input: {
    readonly manualFiles?: readonly string[];
    readonly koladaFiles?: readonly string[];
    readonly manualValues?: ReadonlyArray<{ readonly origin: string; readonly values: readonly ManualValue[] }>;
  },
): YearlyImport {
  const ledger = openLedger(ledgerPath);
  const issues: Issue[] = [];
  const manual: { file: string; write?: ManualWrite }[] = [];
  const kolada: { file: string; stored?: number }[] = [];
  let changed = false;
  try {
    const storeManual = (origin: string, values: readonly ManualValue[]): void => {
      const write = writeManualValues(ledger.db, values, origin);
      issues.push(...write.issues);
      if (write.added + write.changed > 0) changed = true;
      manual.push({ file: origin, write });
    };
    for (const file of input.manualFiles ?? []) {
      const read = readManualCsv(file);
      issues.push(...read.issues);
      if (read.issues.some((i) => i.severity === "error")) manual.push({ file });
      else storeManual(file, read.values);
    }
    for (const given of input.manualValues ?? []) storeManual(given.origin, given.values);
    for (const file of input.koladaFiles ?? []) {
      const read = readKoladaFile(file);
      issues.push(...read.issues);
      if (read.issues.some((i) => i.severity === "error")) {
        kolada.push({ file });
        continue;
      }
      // A changed value and a number kept over a missing one are reported (kolada/changed, kolada/missing-kept).
      const stored = writeKoladaValues(ledger.db, read.values, file, new Date(), issues);
      kolada.push({ file, stored });
      if (stored > 0) changed = true;
    }
  } finally {
    ledger.close();
  }
  return { manual, kolada, issues, rejected: issues.some((i) => i.severity === "error"), changed };
}
