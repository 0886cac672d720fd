// Importing files into the ledger, in-process: the sample months equal an independent count
// (test/fixtures/sampleExportFigures.ts);
// every kind of bad input gives a located Swedish message and leaves the ledger as it was;
// the same file twice changes nothing; a re-delivery replaces its month; nothing personal
// reaches the ledger file.
import fc from "fast-check";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatIssue } from "../../core/issues/messages.sv";
import { hmacHex, testHasher } from "../fixtures/keyHasher";
import { importFiles, type FileOutcome } from "../../pipeline/ledger/importFiles";
import { keyPathFor } from "../../pipeline/ledger/ledgerPaths";
import { openLedger } from "../../pipeline/ledger/openLedger";
import { column, householdMonth, plainNumber, readExport, sickLeaveMonth, waitingMonth } from "../fixtures/sampleExportFigures";
import { readSample } from "../fixtures/staffAndFinanceFigures";
import { FIXTURES, SAMPLES, ledgerFingerprint, shippedProfiles, tempLedgerPath } from "./ledgerTestKit";

const profiles = shippedProfiles();
const run = (paths: string[], ledgerPath: string, tolerance?: number, env: NodeJS.ProcessEnv = {}) =>
  importFiles(paths, { ledgerPath, profiles, env, ...(tolerance !== undefined ? { tolerance } : {}) });

function rejected(outcome: FileOutcome | undefined) {
  if (outcome?.kind !== "rejected") throw new Error(`expected a rejected file, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** A ledger holding one good file, so a bad import has something to leave alone. */
async function ledgerWithOneFile(): Promise<string> {
  const path = tempLedgerPath();
  const report = await run([join(FIXTURES, "utf8-bom-semicolon-crlf.csv")], path);
  expect(report.files[0]!.kind).toBe("imported");
  return path;
}

describe("importing the sample exports", () => {
  const path = tempLedgerPath();
  let outcomes: readonly FileOutcome[] = [];
  beforeAll(async () => {
    outcomes = (await run([SAMPLES], path)).files;
  });

  it("takes in every sample file, each for its own month", async () => {
    expect(outcomes.map((o) => o.kind)).toEqual(readdirSync(SAMPLES).map(() => "imported"));
    const ledger = openLedger(path, { readonly: true });
    expect(ledger.coverage().map((c) => [c.source, c.months.length, c.gaps])).toEqual([
      ["brukarenkat", 8, []],
      ["deltagare", 8, []],
      ["ekonomi", 8, []],
      ["fakturor", 8, []],
      ["forsorjningsstod", 8, []],
      ["personal", 8, []],
      ["sjukfranvaro", 8, []],
      ["vantetider", 8, []],
    ]);
    ledger.close();
  });

  it("counts distinct households and sums payments as a plain loop over the rows does", async () => {
    const ledger = openLedger(path, { readonly: true });
    for (const month of ["2019-01", "2019-06", "2019-08"]) {
      const figures = householdMonth(month);
      const records = ledger.records({ source: "forsorjningsstod", months: [month] });
      expect(records.find((r) => r.measure === "hushall" && r.breakdown === "")).toMatchObject({ sum: figures.households, count: figures.rows });
      expect(records.find((r) => r.measure === "utbetalt" && r.breakdown === "")!.sum).toBeCloseTo(figures.paid, 2);
    }
    ledger.close();
  });

  it("sums sick hours and scheduled hours of Arbetsmarknadsförvaltningen only, per gender too", async () => {
    const ledger = openLedger(path, { readonly: true });
    const june = sickLeaveMonth("2019-06").byBreakdown;
    const records = ledger.records({ source: "sjukfranvaro", measure: "sjuktimmar", months: ["2019-06"] });
    expect(records.find((r) => r.breakdown === "")!.sum).toBeCloseTo(june.get("")!.sick, 2);
    expect(records.find((r) => r.breakdown === "kon=K")!.sum).toBeCloseTo(june.get("kon=K")!.sick, 2);
    ledger.close();
  });

  it("sums waiting days over the decisions made in the month, leaving pending cases out", async () => {
    const ledger = openLedger(path, { readonly: true });
    const { days, decisions } = waitingMonth("2019-06");
    const total = ledger.records({ source: "vantetider", months: ["2019-06"] }).find((r) => r.breakdown === "");
    expect(total).toMatchObject({ sum: days, count: decisions });
    ledger.close();
  });

  it("keeps household hashes made with the key file beside the ledger, as the core hashes them", async () => {
    const ledger = openLedger(path, { readonly: true });
    const key = readFileSync(keyPathFor(path), "utf8").trim();
    const june = readExport("forsorjningsstod-2019-06.csv");
    const someHousehold = june.rows[0]![column(june, "Hush\u00e5llsnummer")]!;
    const keys = ledger.records({ source: "forsorjningsstod", measure: "hushall", months: ["2019-06"] }).find((r) => r.breakdown === "")!.keys;
    expect(keys).toContain(hmacHex(key, someHousehold.toUpperCase()));
    ledger.close();
  });

  it("never stores a personnummer or a name from the samples in the ledger file", async () => {
    const text = readFileSync(path).toString("latin1") + readFileSync(path).toString("utf8");
    // Everything in the ledger that could be an identity number or a name part.
    const digitRuns = new Set(text.match(/\d{10,12}|\d{6,8}-\d{4}/g) ?? []);
    const words = new Set(text.match(/\p{Lu}\p{Ll}+/gu) ?? []);
    let ids = 0;
    let names = 0;
    const leaks: string[] = [];
    for (const file of readdirSync(SAMPLES)) {
      // The later sources are split by their own fixture (quoted fields, other line breaks).
      const later = /^(deltagare|personal|ekonomi|fakturor|brukarenkat)-(2019-\d\d)\./.exec(file);
      const { header, rows } = later ? readSample(later[1]!, later[2]!) : readExport(file);
      const name = header.indexOf("Namn");
      for (const row of rows) {
        for (const cell of row) {
          for (const id of cell.match(/\b(19|20)\d{6}-?\d{4}\b/g) ?? []) {
            ids++;
            for (const form of [id, id.replace("-", ""), id.slice(2), id.replace("-", "").slice(2)]) if (digitRuns.has(form)) leaks.push(form);
          }
        }
        if (name >= 0 && row[name]) {
          names++;
          const parts = row[name]!.split(/\s+/);
          if (parts.every((part) => words.has(part))) leaks.push(row[name]!);
        }
      }
    }
    expect(ids).toBeGreaterThan(10_000);
    expect(names).toBeGreaterThan(10_000);
    expect(leaks).toEqual([]);
  });

  it("changes nothing when the same files come again, and says so for each", async () => {
    const before = ledgerFingerprint(path);
    const again = await run([SAMPLES], path);
    expect(again.files.every((o) => o.kind === "unchanged")).toBe(true);
    expect(ledgerFingerprint(path)).toBe(before);
  });
});

describe("a corrected re-delivery", () => {
  it("replaces that month for that source, and the ledger records it", async () => {
    const path = tempLedgerPath();
    await run([join(SAMPLES, "sjukfranvaro-2019-05.csv"), join(SAMPLES, "sjukfranvaro-2019-06.csv")], path);
    const dir = mkdtempSync(join(tmpdir(), "bilaga-redelivery-"));
    const corrected = join(dir, "sjukfranvaro-2019-06-rattad.csv");
    // The correction: the first unit's sick hours of June doubled.
    const lines = readFileSync(join(SAMPLES, "sjukfranvaro-2019-06.csv"), "utf8").split("\r\n");
    const fields = lines[1]!.split(";");
    const old = plainNumber(fields[5]!);
    fields[5] = String(old * 2).replace(".", ",");
    lines[1] = fields.join(";");
    writeFileSync(corrected, lines.join("\r\n"));

    const ledger0 = openLedger(path, { readonly: true });
    const june0 = ledger0.records({ source: "sjukfranvaro", measure: "sjuktimmar", months: ["2019-06"] }).find((r) => r.breakdown === "")!;
    const may0 = ledger0.records({ source: "sjukfranvaro", months: ["2019-05"] });
    ledger0.close();

    const report = await run([corrected], path);
    expect(report.files[0]).toMatchObject({ kind: "imported", months: ["2019-06"], replaced: [{ month: "2019-06", fileName: "sjukfranvaro-2019-06.csv" }] });
    const ledger = openLedger(path, { readonly: true });
    const june = ledger.records({ source: "sjukfranvaro", measure: "sjuktimmar", months: ["2019-06"] }).find((r) => r.breakdown === "")!;
    expect(june.sum).toBeCloseTo(june0.sum + old, 2);
    expect(ledger.records({ source: "sjukfranvaro", months: ["2019-05"] })).toEqual(may0);
    const batches = ledger.batches();
    expect(batches[1]).toMatchObject({ fileName: "sjukfranvaro-2019-06.csv", replacedMonths: [{ month: "2019-06", byBatch: 3 }] });
    expect(batches[2]).toMatchObject({ fileName: "sjukfranvaro-2019-06-rattad.csv", replaces: [{ month: "2019-06", batch: 2 }] });
    ledger.close();
  });
});

describe("reading the encodings and layouts Excel and the source systems write", () => {
  it.each([
    ["windows-1252-semicolon.csv", "forsorjningsstod", "Windows-1252 (ANSI)"],
    ["utf8-bom-semicolon-crlf.csv", "sjukfranvaro", "UTF-8"],
    ["utf8-no-bom-lf.csv", "sjukfranvaro", "UTF-8"],
    ["utf16-tab-excel-unicode-text.txt", "vantetider", "UTF-16 LE"],
    ["utf16be-bom-tab.txt", "vantetider", "UTF-16 BE"],
  ])("%s is read as %s in %s", async (file, source, encoding) => {
    const report = await run([join(FIXTURES, file)], tempLedgerPath());
    expect(report.files[0]).toMatchObject({ kind: "imported", source, encoding, rowsRejected: 0 });
  });

  it("reads a windows-1252 export that someone re-saved as UTF-8 as UTF-8", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-resaved-"));
    const file = join(dir, "forsorjningsstod-sparad-som-utf8.csv");
    writeFileSync(file, Buffer.from(readFileSync(join(FIXTURES, "windows-1252-semicolon.csv")).toString("latin1"), "utf8"));
    const report = await run([file], tempLedgerPath());
    expect(report.files[0]).toMatchObject({ kind: "imported", source: "forsorjningsstod", encoding: "UTF-8", rowsRejected: 0 });
  });

  it("keeps a unit name with å/ä/ö, a delimiter and line breaks intact as a breakdown value", async () => {
    const path = tempLedgerPath();
    const report = await run([join(FIXTURES, "quoted-fields-with-line-breaks.csv")], path, 0.5);
    expect(report.files[0]).toMatchObject({ kind: "imported", rowsRead: 3, rowsRejected: 1 });
    const ledger = openLedger(path, { readonly: true });
    const units = ledger.records({ measure: "sjuktimmar" }).map((r) => r.breakdown).filter((b) => b.startsWith("enhet="));
    expect(units).toEqual(["enhet=Jobb; Kompetens", "enhet=Öppen\r\nverksamhet\r\nSöder"]);
    ledger.close();
  });
});

describe("bad input: a clear message with file, line and column, and the ledger as it was", () => {
  const cases: Array<[string, string, { row?: number; column?: number; columnName?: string }, RegExp]> = [
    ["bad-wrong-encoding-windows-1252-for-utf8-profile.csv", "csv/undecodable", { row: 1, column: 2 }, /kunde inte avkodas som UTF-8: fältet på den här platsen/],
    ["bad-truncated-last-line.csv", "csv/truncated-row", { row: 7 }, /har 4 fält men rubrikraden har 7/],
    ["bad-missing-column.csv", "csv/missing-column", { row: 1 }, /Kolumnen "Enhet" saknas/],
    ["bad-text-in-number-column.csv", "csv/unparseable-number", { row: 4, column: 6, columnName: "Sjukfrånvarotimmar" }, /fann "ca 40"/],
    ["bad-month-outside-file.csv", "csv/month-outside-file", { row: 7, column: 1 }, /201907|2019-07/],
    ["bad-empty-file.csv", "csv/empty-file", {}, /Filen är tom/],
    ["bad-header-only.csv", "csv/no-rows", { row: 1 }, /rubrikrad men inga rader/],
    ["bad-missing-recognised-column.csv", "csv/missing-column", { row: 1 }, /Kolumnen "Ordinarie arbetstid timmar" saknas/],
    ["bad-other-source.csv", "csv/unknown-source", { row: 1 }, /Ingen källprofil känner igen filen\. Första raden har 4 kolumner och bara 1 av dem är en rubrik .*rubrikerna: .*Försörjningsstöd, utbetalningar \(Hushållsnummer, Personnummer/],
    ["bad-cut-off-inside-quotes.csv", "csv/malformed-quotes", { row: 6, column: 3 }, /öppnas men stängs aldrig/],
  ];

  it.each(cases)("%s: %s", async (file, code, where, message) => {
    const path = await ledgerWithOneFile();
    const before = ledgerFingerprint(path);
    const report = await run([join(FIXTURES, file)], path);
    const outcome = rejected(report.files[0]);
    const found = outcome.issues.find((i) => i.code === code);
    expect(found).toBeDefined();
    expect(found).toMatchObject({ file: expect.stringContaining(file), ...where });
    expect(formatIssue(found!)).toMatch(message);
    expect(formatIssue(found!)).toContain(file);
    expect(ledgerFingerprint(path)).toBe(before);
  });

  it("finds a windows-1252 byte far into a UTF-8 file (past the first chunk) at its line and column", async () => {
    const lines = readFileSync(join(FIXTURES, "utf8-no-bom-lf.csv"), "utf8").trimEnd().split("\n");
    const rows = Array.from({ length: 3000 }, (_, i) => lines[1 + (i % (lines.length - 1))]!);
    const text = `${[lines[0], ...rows].join("\n")}\n`;
    // Line 3002: a UTF-8 line whose third field was typed in windows-1252.
    const bad = Buffer.concat([Buffer.from("201906;Arbetsmarknadsf\u00f6rvaltningen;", "utf8"), Buffer.from("Sj\u00f6\n", "latin1")]);
    const tail = Buffer.from(`${rows.slice(0, 10).join("\n")}\n`, "utf8");
    const dir = mkdtempSync(join(tmpdir(), "bilaga-late-byte-"));
    for (const [name, bom] of [["late-windows-1252-byte.csv", Buffer.alloc(0)], ["late-windows-1252-byte-bom.csv", Buffer.from([0xef, 0xbb, 0xbf])]] as const) {
      const file = join(dir, name);
      const body = Buffer.concat([bom, Buffer.from(text, "utf8"), bad, tail]);
      expect(body.length).toBeGreaterThan(128 * 1024);
      writeFileSync(file, body);
      const path = await ledgerWithOneFile();
      const before = ledgerFingerprint(path);
      const outcome = rejected((await run([file], path)).files[0]);
      expect(outcome.issues[0]).toMatchObject({ code: "csv/undecodable", row: 3002, column: 3 });
      expect(outcome.issues[0]!.raw).toBeUndefined(); // the field may be a name (B1): never quoted
      expect(formatIssue(outcome.issues[0]!)).toContain(`${name}, rad 3002, kolumn 3: Filen kunde inte avkodas som UTF-8:`);
      // The field's text, read either way, is never quoted ("Sj" alone can stand in the random
      // temporary folder's name, so the test looks for the field, not its first letters).
      expect(formatIssue(outcome.issues[0]!)).not.toMatch(/Sj(\u00f6|\ufffd)/);
      expect(ledgerFingerprint(path)).toBe(before);
    }
  });

  it("accepts a file within the tolerance, skipping its bad row, and rejects it beyond", async () => {
    const file = join(FIXTURES, "bad-text-in-number-column.csv");
    const strict = await ledgerWithOneFile();
    const before = ledgerFingerprint(strict);
    const outcome = rejected((await run([file], strict, 0.1)).files[0]);
    expect(outcome.issues.map((i) => i.code)).toContain("csv/rows-rejected");
    expect(ledgerFingerprint(strict)).toBe(before);
    const lenient = await run([file], await ledgerWithOneFile(), 0.25);
    expect(lenient.files[0]).toMatchObject({ kind: "imported", rowsRead: 5, rowsAccepted: 4, rowsRejected: 1 });
  });

  it("imports the good files of a run and rejects only the bad one", async () => {
    const path = tempLedgerPath();
    const dir = mkdtempSync(join(tmpdir(), "bilaga-mixed-"));
    copyFileSync(join(SAMPLES, "sjukfranvaro-2019-05.csv"), join(dir, "a.csv"));
    copyFileSync(join(FIXTURES, "bad-text-in-number-column.csv"), join(dir, "b.csv"));
    copyFileSync(join(SAMPLES, "vantetider-2019-05.txt"), join(dir, "c.txt"));
    const report = await run([dir], path);
    expect(report.files.map((o) => o.kind)).toEqual(["imported", "rejected", "imported"]);
    const ledger = openLedger(path, { readonly: true });
    expect(ledger.coverage().map((c) => c.source)).toEqual(["sjukfranvaro", "vantetider"]);
    expect(ledger.records({ source: "sjukfranvaro" }).every((r) => r.month === "2019-05")).toBe(true);
    ledger.close();
  });
});

describe("order and repetition", () => {
  it("gives the same records whatever order the files come in and however often each comes", async () => {
    const files = [
      join(SAMPLES, "sjukfranvaro-2019-05.csv"),
      join(SAMPLES, "sjukfranvaro-2019-06.csv"),
      join(SAMPLES, "vantetider-2019-05.txt"),
      join(FIXTURES, "windows-1252-semicolon.csv"),
    ];
    // One key for every ledger here, so their hashes can be compared.
    const env = { BILAGA_KEY: "samma nyckel för alla liggare i testet" };
    const reference = tempLedgerPath();
    await run(files, reference, undefined, env);
    const expected = openLedger(reference, { readonly: true }).records();
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(files, { minLength: 4, maxLength: 4 }), fc.array(fc.constantFrom(...files), { maxLength: 3 }), async (order, repeats) => {
        const path = tempLedgerPath();
        for (const file of [...order, ...repeats]) await run([file], path, undefined, env);
        const ledger = openLedger(path, { readonly: true });
        expect(ledger.records()).toEqual(expected);
        expect(ledger.batches()).toHaveLength(4);
        ledger.close();
      }),
      { numRuns: 6 },
    );
  });
});
