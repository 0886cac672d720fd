// A large file is read in parts, in parallel (worker threads running the compiled
// build/pipeline/ledger/measureWorker.js, which `npm test` builds first). What the user sees
// must not change: the same records, counts, issues at the same lines, the same SHA-256, and
// a file whose cut would fall inside a quoted field, or whose worker fails, is read in one
// pass instead. A file written to while it is read is rejected (its hash and its rows could
// disagree).
// The parts are forced here on the small samples (minBytes 0); by default only files of
// 32 MiB and more are read in parts.
import { createHash } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hmacHex, testHasher } from "../fixtures/keyHasher";
import { formatIssue } from "../../core/issues/messages.sv";
import { importFiles, type FileOutcome } from "../../pipeline/ledger/importFiles";
import { measureFile } from "../../pipeline/ledger/measureFile";
import { openLedger } from "../../pipeline/ledger/openLedger";
import { SAMPLES, ledgerFingerprint, shippedProfiles, tempLedgerPath } from "./ledgerTestKit";

const profiles = shippedProfiles();
const KEY = { BILAGA_KEY: "en nyckel för testet, längre än sexton tecken" };

async function importWith(file: string, parts: number, tolerance = 0) {
  const ledgerPath = tempLedgerPath();
  const report = await importFiles([file], { ledgerPath, profiles, env: KEY, tolerance, parallel: { minBytes: 0, parts } });
  const outcome = report.files[0]!;
  const ledger = openLedger(ledgerPath, { readonly: true });
  const records = ledger.records();
  ledger.close();
  return { outcome, records, ledgerPath };
}

/** What the user is told about a file, without what differs between two ledgers (batch ids). */
function told(outcome: FileOutcome) {
  const { kind, sha256, bytes } = outcome;
  const counts = outcome.kind === "unchanged" ? {} : { rowsRead: outcome.rowsRead, rowsRejected: outcome.rowsRejected, issueCount: outcome.issueCount };
  const issues = outcome.kind === "unchanged" ? [] : outcome.issues.map(formatIssue);
  const accepted = outcome.kind === "imported" ? { rowsAccepted: outcome.rowsAccepted, rowsFiltered: outcome.rowsFiltered, months: outcome.months } : {};
  return { kind, sha256, bytes, ...counts, ...accepted, issues };
}

const partsOf = (outcome: FileOutcome): number => (outcome.kind === "imported" ? outcome.parts : 0);

function tempFile(name: string, bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "bilaga-parts-")), name);
  writeFileSync(file, bytes);
  return file;
}

describe("a file read in parts, in parallel", () => {
  it.each([
    ["sjukfranvaro-2019-03.csv", "UTF-8 with BOM, ;"],
    ["vantetider-2019-08.txt", "UTF-16 LE with BOM, tab"],
  ])("%s (%s) gives the ledger what one pass gives", async (name) => {
    const file = join(SAMPLES, name);
    const one = await importWith(file, 1);
    const three = await importWith(file, 3);
    expect(partsOf(one.outcome)).toBe(1);
    expect(partsOf(three.outcome)).toBe(3);
    expect(three.records).toEqual(one.records);
    expect(told(three.outcome)).toEqual(told(one.outcome));
    expect(three.outcome.sha256).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
  });

  it("reads an export that counts distinct households in one pass (its ids would be held twice)", async () => {
    const { outcome } = await importWith(join(SAMPLES, "forsorjningsstod-2019-06.csv"), 3);
    expect(outcome).toMatchObject({ kind: "imported", source: "forsorjningsstod", parts: 1 });
  });

  it("reports bad rows in a later part at their lines in the file, as one pass does", async () => {
    const lines = readFileSync(join(SAMPLES, "sjukfranvaro-2019-03.csv"), "utf8").split("\r\n");
    // 1-based lines of Arbetsmarknadsförvaltningen's rows (the others are filtered out): early, middle, near the end.
    const ours = lines.flatMap((line, index) => (line.includes(";Arbetsmarknadsförvaltningen;") ? [index + 1] : []));
    const badAt = [ours[2]!, ours[Math.floor(ours.length / 2)]!, ours[ours.length - 2]!];
    for (const line of badAt) lines[line - 1] = lines[line - 1]!.replace(/;[^;]*;([^;]*)$/, ";ca 40;$1");
    const file = tempFile("sjukfranvaro-2019-03-med-fel.csv", Buffer.from(lines.join("\r\n"), "utf8"));
    const one = await importWith(file, 1, 0.5);
    const three = await importWith(file, 3, 0.5);
    expect(partsOf(three.outcome)).toBe(3);
    expect(told(three.outcome)).toEqual(told(one.outcome));
    const rows = three.outcome.kind === "imported" ? three.outcome.issues.filter((i) => i.code === "csv/unparseable-number").map((i) => i.row) : [];
    expect(rows).toEqual(badAt);
    expect(three.records).toEqual(one.records);
  });

  /** The case list of August with one case number (a column no measure reads) replaced. */
  function caseListWith(name: string, at: (lines: readonly string[]) => number, caseNumber: string): { file: string; rows: number } {
    const lines = readFileSync(join(SAMPLES, "vantetider-2019-08.txt")).toString("utf16le").split("\r\n");
    const index = at(lines);
    lines[index] = `${caseNumber}${lines[index]!.slice(lines[index]!.indexOf("\t"))}`;
    return { file: tempFile(name, Buffer.from(lines.join("\r\n"), "utf16le")), rows: lines.length - 2 };
  }

  it("reads a file in one pass when a quoted field with line breaks spans the middle, and loses no row", async () => {
    const { file, rows } = caseListWith("vantetider-citat.txt", (lines) => Math.floor(lines.length * 0.45), `"${"en lång anteckning\r\n".repeat(3000)}"`);
    const one = await importWith(file, 1);
    const two = await importWith(file, 2);
    expect(one.outcome).toMatchObject({ kind: "imported", rowsRead: rows, rowsRejected: 0 });
    expect(partsOf(two.outcome)).toBe(1);
    expect(told(two.outcome)).toEqual(told(one.outcome));
    expect(two.records).toEqual(one.records);
  });

  it("still reads in parts when the only quotes are in the last part", async () => {
    const { file } = caseListWith("vantetider-citat-sist.txt", (lines) => lines.length - 4, `"AE-1\tnr 2\r\nandra raden"`);
    const one = await importWith(file, 1);
    const two = await importWith(file, 2);
    expect(partsOf(two.outcome)).toBe(2);
    expect(told(two.outcome)).toEqual(told(one.outcome));
    expect(two.records).toEqual(one.records);
  });

  it.each([1, 3])("rejects a file cut off inside a quoted field (in %i part(s)) with one issue at its line", async (parts) => {
    const text = readFileSync(join(SAMPLES, "vantetider-2019-08.txt")).toString("utf16le");
    const lines = text.split("\r\n").length; // the last is the empty one after the final CRLF
    const file = tempFile("vantetider-avklippt.txt", Buffer.from(`${text}AE-1\t"ett fält som aldrig\r\nstängs`, "utf16le"));
    const { outcome } = await importWith(file, parts);
    expect(outcome).toMatchObject({ kind: "rejected", rowsRead: lines - 2, rowsRejected: 0, issueCount: 1 });
    expect(outcome.kind === "rejected" ? outcome.issues.map((found) => [found.code, found.row]) : []).toEqual([["csv/malformed-quotes", lines]]);
  });

  it.each([1, 3])("rejects a file written to while it is read (in %i part(s)) and leaves the ledger as it was", async (parts) => {
    const file = tempFile("vantetider-2019-08-skrivs.txt", readFileSync(join(SAMPLES, "vantetider-2019-08.txt")));
    const ledgerPath = tempLedgerPath();
    await importFiles([join(SAMPLES, "vantetider-2019-07.txt")], { ledgerPath, profiles, env: KEY });
    const before = ledgerFingerprint(ledgerPath);
    let appended = false;
    const report = await importFiles([file], {
      ledgerPath,
      profiles,
      env: KEY,
      parallel: { minBytes: 0, parts },
      onProgress: (event) => {
        if (event.phase !== "read" || appended) return;
        appended = true; // the export system still writing its last rows
        appendFileSync(file, Buffer.from("AE-99999\t\t1/8 2019\t2/8 2019\tEB Syd\r\n", "utf16le"));
      },
    });
    expect(appended).toBe(true);
    const outcome = report.files[0]!;
    expect(outcome.kind).toBe("rejected");
    const messages = outcome.kind === "rejected" ? outcome.issues.map(formatIssue) : [];
    expect(messages).toEqual([expect.stringMatching(/vantetider-2019-08-skrivs\.txt: Filen ändrades medan den lästes in/)]);
    expect(ledgerFingerprint(ledgerPath)).toBe(before);
  });

  it("knows the same file again after reading it in parts, and changes nothing", async () => {
    const file = join(SAMPLES, "vantetider-2019-05.txt");
    const first = await importWith(file, 3);
    const again = await importFiles([file], { ledgerPath: first.ledgerPath, profiles, env: KEY, parallel: { minBytes: 0, parts: 3 } });
    expect(again.files[0]).toMatchObject({ kind: "unchanged", batchId: first.outcome.kind === "imported" ? first.outcome.batchId : -1 });
  });
});

describe("when a worker cannot measure its part", () => {
  const file = join(SAMPLES, "vantetider-2019-08.txt");
  const profile = profiles.find((one) => one.id === "vantetider")!;
  const head = readFileSync(file).subarray(2).toString("utf16le");
  const header = head.slice(0, head.indexOf("\r\n")).split("\t");
  const hashKey = testHasher(KEY.BILAGA_KEY);
  const job = { path: file, file: "vantetider-2019-08.txt", encoding: "utf-16le" as const, delimiter: "\t" as const, newline: "\r\n" as const, profile, header };
  const measureWith = (withJob: typeof job) => measureFile({ job: withJob, skip: 2, bytes: statSync(file).size, hashKey, parallel: { minBytes: 0, parts: 3 } });

  it("measures the file in one pass when no worker can be started at all", async () => {
    // A profile that cannot be handed to a thread (a function in it) stands for any failure to start one.
    const unsendable = { ...job, profile: { ...profile, describe: () => "" } as typeof profile };
    const failed = await measureWith(unsendable);
    expect(failed.parts).toBe(1);
    const split = await measureWith(job);
    expect(split.parts).toBe(3);
    expect(failed.result).toEqual(split.result);
  });
});
