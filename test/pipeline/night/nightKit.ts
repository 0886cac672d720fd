// Shared by the night run's tests: a night configuration over the three sample boards in a
// temporary folder, the workbooks' cell values, and a fingerprint of what a ledger holds.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import JSZip from "jszip";
import { openWorkbook } from "../../../pipeline/xlsx";
import { openLedger } from "../../../pipeline/ledger";
import { REPO } from "../cliTestKit";

export const SAMPLES = join(REPO, "samples");

export interface BoardEntry {
  readonly name: string;
  readonly workbook: string;
  readonly bindings: string;
  readonly sheet?: string;
  readonly output?: string;
  readonly exports?: string | string[];
}

/** The three sample boards, paths absolute. */
export const SAMPLE_BOARDS: readonly BoardEntry[] = [
  { name: "Arbetsmarknadsnämnden", workbook: join(SAMPLES, "verksamhetsplan-amn-2019.xlsx"), bindings: join(SAMPLES, "config", "bindings.json") },
  {
    name: "Utbildningsnämnden",
    workbook: join(SAMPLES, "verksamhetsplan-utbildningsnamnden-2019.xlsx"),
    bindings: join(SAMPLES, "config", "boards", "utbildningsnamnden.json"),
    sheet: "Bilaga 1",
  },
  {
    name: "Kultur- och fritidsnämnden",
    workbook: join(SAMPLES, "verksamhetsplan-kultur-och-fritidsnamnden-2019.xlsx"),
    bindings: join(SAMPLES, "config", "boards", "kultur-och-fritidsnamnden.json"),
  },
];

/** Writes `natt.json` in `dir`: the samples' exports, manual values and Kolada file, the ledger and outputs in `dir`, no PDF. */
export function writeNightConfig(dir: string, boards: readonly BoardEntry[], extra: Record<string, unknown> = {}): string {
  const file = join(dir, "natt.json");
  const config = {
    period: "2019-T2",
    ledger: "data/liggare.sqlite",
    exports: join(SAMPLES, "exports"),
    manual: join(SAMPLES, "manual", "manuella-varden.csv"),
    kolada: join(SAMPLES, "kolada"),
    outputDir: "ut",
    pdf: "off",
    ...extra,
    boards,
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

/** Every worksheet's cell values (the text shown, and the stored value), by sheet name. */
export async function workbookValues(path: string): Promise<Record<string, string[][]>> {
  const workbook = await openWorkbook(new Uint8Array(readFileSync(path)), path);
  const sheets: Record<string, string[][]> = {};
  for (const sheet of workbook.sheets.filter((s) => s.kind === "worksheet")) {
    const grid = workbook.readGrid(sheet.name);
    sheets[sheet.name] = grid.cells.map((row) => (row ?? []).map((cell) => (cell === undefined ? "" : `${String(cell.value)}|${cell.text}`)));
  }
  return sheets;
}

/**
 * What the ledger holds, comparable between two ledgers with the same key: every record with
 * its keyed hashes, every imported file (name, hash, months, rows), and each table's row count.
 */
export function ledgerContents(path: string): { records: string[]; files: string[]; tables: Record<string, number> } {
  const ledger = openLedger(path, { readonly: true });
  try {
    const records = ledger
      .records()
      .map((r) => JSON.stringify([r.source, r.measure, r.month, r.breakdown, r.sum, r.count, [...(r.keys ?? [])].sort()]))
      .sort();
    const files = ledger.batches().map((b) => JSON.stringify([b.fileName, b.sha256, b.source, b.months, b.rowsAccepted, b.replacedMonths]));
    const db = new Database(path, { readonly: true });
    try {
      const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
      const tables = Object.fromEntries(names.map((name) => [name, (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
      return { records, files, tables };
    } finally {
      db.close();
    }
  } finally {
    ledger.close();
  }
}

/**
 * Every part of the xlsx package (its XML and other files) as text, by name: two packages
 * written at different times differ in the zip's own timestamps, never in these.
 */
export async function packageParts(path: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (!entry.dir) parts[name] = await entry.async("string");
  }
  return parts;
}
