/**
 * Generates samples/exports-ansokningsmanad/: the same invented cases as the waiting-time
 * exports in samples/exports/ (one file per month of decision), sliced instead the way another
 * case system exports them: one file per month of application (Ansökningsdatum), each holding
 * the decisions of later months too and the cases still pending. The monthly waiting times the
 * two slicings give are the same (test/pipeline/ledger/applicationMonthSample.test.ts), which is
 * what the profile vantetider-ansokan.json ("delivery": { "kind": "rows" }) must read.
 *
 * Run after makeExports: npm run build:cli && node build/samples/make/sliceByApplicationMonth.js
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");
const FROM = join(SAMPLES, "exports");
const OUT = join(SAMPLES, "exports-ansokningsmanad");

/** "2019-03-02" or the Swedish short form "2/3 2019" -> "2019-03-02"; "" stays "". */
function isoDate(text: string): string {
  if (text === "" || /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const match = /^(\d{1,2})\/(\d{1,2}) (\d{4})$/.exec(text);
  if (!match) throw new Error(`unexpected date ${text}`);
  return `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}`;
}

interface Case {
  readonly number: string;
  readonly applied: string;
  readonly decided: string;
  readonly unit: string;
}

const cases: Case[] = [];
for (const name of readdirSync(FROM).filter((file) => /^vantetider-\d{4}-\d{2}\.txt$/.test(file)).sort()) {
  const text = readFileSync(join(FROM, name)).toString("utf16le").replace(/^\uFEFF/, "");
  const [header, ...lines] = text.split("\r\n").filter((line) => line !== "");
  const columns = header!.split("\t");
  const at = (title: string): number => columns.indexOf(title);
  for (const line of lines) {
    const fields = line.split("\t");
    cases.push({
      number: fields[at("Ärendenummer")]!,
      applied: isoDate(fields[at("Första kontakt")]!),
      decided: isoDate(fields[at("Beslutsdatum")]!),
      unit: fields[at("Enhet")]!,
    });
  }
}

const byMonth = new Map<string, Case[]>();
for (const one of cases) {
  const month = one.applied.slice(0, 7);
  byMonth.set(month, [...(byMonth.get(month) ?? []), one]);
}
mkdirSync(OUT, { recursive: true });
for (const [month, list] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
  list.sort((a, b) => a.applied.localeCompare(b.applied) || a.number.localeCompare(b.number));
  const lines = ["Ärendenummer;Ansökningsdatum;Beslutsdatum;Handläggande enhet", ...list.map((c) => [c.number, c.applied, c.decided, c.unit].join(";"))];
  // UTF-8 with BOM, semicolons, CRLF: the case system's "Exportera till Excel".
  writeFileSync(join(OUT, `vantetider-ansokan-${month}.csv`), `\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}
