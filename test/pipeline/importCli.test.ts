// The command line end to end in a temporary folder: `bilaga import` and `bilaga ledger` run
// as a user runs them (node bin/bilaga.js, built by `npm run build:cli`, which `npm test` runs
// first), then the ledger is reopened and checked.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parseTolerance } from "../../pipeline/cli/commands/import";
import { lockLedger } from "../../pipeline/ledger/lockLedger";
import { openLedger } from "../../pipeline/ledger/openLedger";
import { FIXTURES, ROOT, SAMPLES, ledgerFingerprint } from "./ledgerTestKit";
import { bilaga, bilagaAsync, requireBuild } from "./cliTestKit";

beforeAll(requireBuild);

/** One file per source and month in the sample folder. */
const SAMPLE_FILES = readdirSync(SAMPLES).length;

describe("bilaga import", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bilaga-cli-"));
  const ledgerPath = join(cwd, "bilaga-data", "liggare.sqlite");

  it("reads the sample folder into ./bilaga-data/liggare.sqlite and sums up in Swedish", () => {
    const result = bilaga(cwd, "import", SAMPLES);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Summering: ${SAMPLE_FILES} filer: ${SAMPLE_FILES} inlästa, 0 redan inlästa, 0 avvisade.`);
    expect(result.stdout).toMatch(/Inläst: .*forsorjningsstod-2019-06\.csv – Försörjningsstöd, utbetalningar, 2019-06: /);
    const ledger = openLedger(ledgerPath, { readonly: true });
    expect(ledger.batches()).toHaveLength(SAMPLE_FILES);
    expect(ledger.coverage().map((c) => `${c.source} ${c.months[0]}..${c.months[c.months.length - 1]}`)).toEqual([
      "brukarenkat 2019-01..2019-08",
      "deltagare 2019-01..2019-08",
      "ekonomi 2019-01..2019-08",
      "fakturor 2019-01..2019-08",
      "forsorjningsstod 2019-01..2019-08",
      "personal 2019-01..2019-08",
      "sjukfranvaro 2019-01..2019-08",
      "vantetider 2019-01..2019-08",
    ]);
    ledger.close();
    expect(statSync(`${ledgerPath}.key`).mode & 0o777).toBe(0o600);
    expect(existsSync(`${ledgerPath}.lock`)).toBe(false);
  });

  it("says the files are already in and changes nothing when run again", () => {
    const before = ledgerFingerprint(ledgerPath);
    const result = bilaga(cwd, "import", SAMPLES);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`0 inlästa, ${SAMPLE_FILES} redan inlästa, 0 avvisade`);
    expect(result.stdout).toMatch(/Redan inläst: .*sjukfranvaro-2019-06\.csv – samma innehåll som sjukfranvaro-2019-06\.csv, inläst .*; inget ändrat\./);
    expect(ledgerFingerprint(ledgerPath)).toBe(before);
  });

  it("rejects a bad file with file, line, column and reason, exits 1 and leaves the ledger as it was", () => {
    const before = ledgerFingerprint(ledgerPath);
    const result = bilaga(cwd, "import", join(FIXTURES, "bad-text-in-number-column.csv"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Avvisad: .*bad-text-in-number-column\.csv/);
    expect(result.stderr).toMatch(
      /Fel: .*bad-text-in-number-column\.csv, rad 4, kolumn 6 \(Sjukfrånvarotimmar\): Väntade ett tal i kolumnen "Sjukfrånvarotimmar" men fann "ca 40"/,
    );
    expect(result.stderr).toContain("1 fil avvisades; för dem är liggaren oförändrad.");
    expect(ledgerFingerprint(ledgerPath)).toBe(before);
  });

  it("tells a second run that the ledger is in use, exits 3 and writes nothing", () => {
    const before = ledgerFingerprint(ledgerPath);
    const lock = lockLedger(ledgerPath);
    try {
      const result = bilaga(cwd, "import", join(FIXTURES, "windows-1252-semicolon.csv"));
      expect(result.status).toBe(3);
      expect(result.stderr).toContain(`Liggaren används redan av en annan körning (process ${process.pid}`);
    } finally {
      lock.release();
    }
    expect(ledgerFingerprint(ledgerPath)).toBe(before);
  });

  it("reads a tolerance written as a Swedish decimal, a dot decimal or a percentage", () => {
    expect(parseTolerance("0,01")).toBe(0.01);
    expect(parseTolerance("0.01")).toBe(0.01);
    expect(parseTolerance("1 %")).toBe(0.01);
    expect(parseTolerance("2%")).toBe(0.02);
    expect(() => parseTolerance("150 %")).toThrow(/--tolerans ska vara en andel/);
  });

  it("refuses a tolerance that is not a share", () => {
    const result = bilaga(cwd, "import", SAMPLES, "--tolerans", "fem");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--tolerans ska vara en andel mellan 0 och 1 (t.ex. 0,01) eller en procentsats (t.ex. 1 %), inte "fem"');
  });
});

describe("two imports at once", () => {
  it("never both write: each finishes or gets the lock message, and the ledger stays whole", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "bilaga-cli-race-"));
    const ledger = join(cwd, "l.sqlite");
    const [a, b] = await Promise.all([
      bilagaAsync(cwd, "import", join(SAMPLES, "forsorjningsstod-2019-01.csv"), join(SAMPLES, "forsorjningsstod-2019-02.csv"), "--ledger", ledger),
      bilagaAsync(cwd, "import", join(SAMPLES, "vantetider-2019-01.txt"), join(SAMPLES, "vantetider-2019-02.txt"), "--ledger", ledger),
    ]);
    for (const run of [a!, b!]) {
      expect([0, 3]).toContain(run.status);
      if (run.status === 3) expect(run.stderr).toContain("Liggaren används redan av en annan körning");
    }
    expect([a!.status, b!.status]).toContain(0);
    const db = new Database(ledger, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    const sources = openLedger(ledger, { readonly: true }).coverage().map((c) => c.source);
    expect(sources).toEqual([...(a!.status === 0 ? ["forsorjningsstod"] : []), ...(b!.status === 0 ? ["vantetider"] : [])]);
  });
});

describe("bilaga ledger", () => {
  it("shows the sources and months held, and the months missing", () => {
    const cwd = mkdtempSync(join(tmpdir(), "bilaga-cli-gaps-"));
    const files = ["01", "02", "04"].map((m) => join(SAMPLES, `sjukfranvaro-2019-${m}.csv`));
    expect(bilaga(cwd, "import", ...files).status).toBe(0);
    const result = bilaga(cwd, "ledger", "--filer");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("sjukfranvaro: 2019-01 – 2019-04 (3 månader)");
    expect(result.stdout).toContain("Luckor: 2019-03 saknas");
    expect(result.stdout).toMatch(/3\. .*sjukfranvaro-2019-04\.csv {2}sjukfranvaro 2019-04/);
  });

  it("says where the ledger was looked for when there is none", () => {
    const cwd = mkdtempSync(join(tmpdir(), "bilaga-cli-none-"));
    const result = bilaga(cwd, "ledger");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Liggaren ${join(cwd, "bilaga-data", "liggare.sqlite")} finns inte ännu.`);
  });
});

describe("a new export format, taken in by writing a profile only", () => {
  it("reads another HR system's comma-separated windows-1252 file with months written as words", () => {
    const cwd = mkdtempSync(join(tmpdir(), "bilaga-cli-new-"));
    mkdirSync(join(cwd, "profiler"));
    copyFileSync(join(ROOT, "samples/config/profiles/vantetider.json"), join(cwd, "profiler", "vantetider.json"));
    writeFileSync(
      join(cwd, "profiler", "franvaro-nytt-hr.json"),
      JSON.stringify({
        id: "franvaro-nytt-hr",
        name: "Frånvaro från det nya HR-systemet",
        recognise: { headers: ["Månad", "Avdelning", "Sjuktid (h)", "Arbetstid (h)"] },
        encoding: "auto",
        delimiter: "auto",
        month: { column: "Månad", format: "month" },
        delivery: "one-month",
        dimensions: { kon: { column: "Kön", values: { Kvinna: "K", Man: "M" } } },
        measures: [
          { id: "sjuktimmar", kind: "sum", column: "Sjuktid (h)", breakdowns: ["kon"] },
          { id: "schematimmar", kind: "sum", column: "Arbetstid (h)", breakdowns: ["kon"] },
        ],
      }),
    );
    const rows = [
      "Månad,Avdelning,Kön,Sjuktid (h),Arbetstid (h)",
      'juni 2019,Jobbtorget Östra,Kvinna,"12,5","1 600"',
      'juni 2019,"Vägledning, Söder",Man,"4,0","800,5"',
      'juni 2019,Jobbtorget Östra,Kvinna,"3,5","400"',
    ];
    const bytes = Buffer.from(`${rows.join("\r\n")}\r\n`, "latin1");
    writeFileSync(join(cwd, "franvaro-juni.csv"), bytes);
    const result = bilaga(cwd, "import", "franvaro-juni.csv", "--profiles", "profiler");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const ledger = openLedger(join(cwd, "bilaga-data", "liggare.sqlite"), { readonly: true });
    const records = ledger.records({ source: "franvaro-nytt-hr", months: ["2019-06"] });
    const value = (measure: string, breakdown: string) => records.find((r) => r.measure === measure && r.breakdown === breakdown)?.sum;
    expect(value("sjuktimmar", "")).toBe(20);
    expect(value("sjuktimmar", "kon=K")).toBe(16);
    expect(value("schematimmar", "")).toBe(2800.5);
    ledger.close();
  });
});
