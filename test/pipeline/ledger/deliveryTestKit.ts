// Shared by the delivery-mode tests: an invented case list (waiting times), written as CSV files
// sliced any way, a profile reading it with a chosen "delivery", an import with one fixed hash key
// (so keyed hashes compare across ledgers), and the plain-loop figures a case list should give.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseProfile, type DeliveryMode, type SourceProfile } from "../../../core/sources/profile";
import type { MonthlyRecord } from "../../../core/records/records";
import { importFiles, type FileOutcome } from "../../../pipeline/ledger/importFiles";
import { openLedger } from "../../../pipeline/ledger/openLedger";

export const ENV = { BILAGA_KEY: "samma nyckel för alla liggare i leveranstesterna" };

/** One case: applied on day `applied` (days since 2019-01-01), decided `wait` days later or pending (null). */
export interface Case {
  readonly number: number;
  readonly applied: number;
  readonly wait: number | null;
  readonly unit: string;
  /** An applicant id (invented, counted distinctly per month). */
  readonly applicant: string;
}

export const HEADER = ["Ärendenummer", "Ansökningsdatum", "Beslutsdatum", "Enhet", "Sökande"];

const DAY = 86_400_000;
const START = Date.UTC(2019, 0, 1);
export const isoDay = (days: number): string => new Date(START + days * DAY).toISOString().slice(0, 10);
export const decidedDay = (c: Case): number | undefined => (c.wait === null ? undefined : c.applied + c.wait);
export const decisionMonth = (c: Case): string | undefined => {
  const day = decidedDay(c);
  return day === undefined ? undefined : isoDay(day).slice(0, 7);
};

/** The CSV line of a case as a send shows it (a decision after `asOf` is not made yet: pending). */
export function caseLine(c: Case, asOf = Number.POSITIVE_INFINITY): string {
  const day = decidedDay(c);
  const decided = day !== undefined && day <= asOf ? isoDay(day) : "";
  return [`ÄR-${c.number}`, isoDay(c.applied), decided, c.unit, c.applicant].join(";");
}

export function csvText(lines: readonly string[]): string {
  return `${[HEADER.join(";"), ...lines].join("\r\n")}\r\n`;
}

export function caseProfile(delivery: DeliveryMode): SourceProfile {
  const parsed = parseProfile(
    {
      id: "arenden",
      name: "Ärendelista (test)",
      recognise: { headers: ["Ärendenummer", "Ansökningsdatum", "Beslutsdatum", "Sökande"] },
      encoding: "utf-8",
      delimiter: ";",
      month: { column: "Beslutsdatum", format: "date" },
      delivery,
      filters: [{ column: "Beslutsdatum", empty: false }],
      dimensions: { enhet: { column: "Enhet" } },
      measures: [
        { id: "vantedagar", kind: "duration", start: "Ansökningsdatum", end: "Beslutsdatum", breakdowns: ["enhet"] },
        { id: "sokande", kind: "distinct", column: "Sökande", breakdowns: ["enhet"] },
        { id: "beslut", kind: "count" },
      ],
    },
    "arenden.json",
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issue));
  return parsed.value;
}

/** A temporary folder with the given files written (name -> text). */
export function writeFiles(files: ReadonlyArray<readonly [string, string]>): { dir: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-leverans-"));
  const paths = files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text, "utf8");
    return path;
  });
  return { dir, paths };
}

export async function importInto(ledgerPath: string, paths: readonly string[], profile: SourceProfile): Promise<FileOutcome[]> {
  return [...(await importFiles(paths, { ledgerPath, profiles: [profile], env: ENV })).files];
}

export function recordsOf(ledgerPath: string): MonthlyRecord[] {
  const ledger = openLedger(ledgerPath, { readonly: true });
  try {
    return ledger.records();
  } finally {
    ledger.close();
  }
}

/** Per decision month, from a plain loop over the cases: waiting days, decisions, distinct applicants. */
export function plainFigures(cases: readonly Case[]): Map<string, { days: number; decisions: number; applicants: number }> {
  const figures = new Map<string, { days: number; decisions: number; applicants: Set<string> }>();
  for (const c of cases) {
    const month = decisionMonth(c);
    if (month === undefined) continue;
    let entry = figures.get(month);
    if (!entry) {
      entry = { days: 0, decisions: 0, applicants: new Set() };
      figures.set(month, entry);
    }
    entry.days += c.wait!;
    entry.decisions += 1;
    entry.applicants.add(c.applicant);
  }
  return new Map([...figures].map(([month, e]) => [month, { days: e.days, decisions: e.decisions, applicants: e.applicants.size }]));
}

/** The same figures read from a ledger's total records. */
export function ledgerFigures(records: readonly MonthlyRecord[]): Map<string, { days: number; decisions: number; applicants: number }> {
  const figures = new Map<string, { days: number; decisions: number; applicants: number }>();
  for (const r of records) {
    if (r.breakdown !== "") continue;
    const entry = figures.get(r.month) ?? { days: 0, decisions: 0, applicants: 0 };
    if (r.measure === "vantedagar") {
      entry.days = r.sum;
      entry.decisions = r.count;
    }
    if (r.measure === "sokande") entry.applicants = r.sum;
    figures.set(r.month, entry);
  }
  return figures;
}
