// Bug B1: personal data in clear reached stderr and the run report. A försörjningsstöd export
// saved without its header row was quoted whole ("Rubrikraden har: "H104000", "19510104-…",
// "Anna …""), an undecodable field was quoted, and a shifted identity number was quoted as the
// "number" that could not be read. The command line is run as a user runs it (node
// bin/bilaga.js, built by `npm run build:cli`), in a temporary folder.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeWindows1252 } from "../../pipeline/csv/createDecoder";
import { FIXTURES, ROOT, SAMPLES } from "./ledgerTestKit";
import { bilaga, requireBuild } from "./cliTestKit";

const SAMPLE_WORKBOOK = join(ROOT, "samples", "verksamhetsplan-amn-2019.xlsx");
const PROFILES = join(ROOT, "samples", "config", "profiles");

beforeAll(requireBuild);

/** The sample June export without its header row (windows-1252 bytes as the source system writes them). */
function headerlessExport(dir: string, name: string): { path: string; rows: string[][] } {
  const bytes = readFileSync(join(SAMPLES, "forsorjningsstod-2019-06.csv"));
  const body = bytes.subarray(bytes.indexOf(0x0a) + 1);
  const path = join(dir, name);
  writeFileSync(path, body);
  const rows = decodeWindows1252(body)
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line) => line.split(";"));
  return { path, rows };
}

/**
 * What must not leak: every identity number of the file (also its date part alone), every name
 * and surname, and the first row's household number (the first row used to be quoted whole).
 */
function personalData(rows: readonly string[][]): string[] {
  const identities = rows.flatMap((row) => [row[1], row[3]]).filter((text): text is string => !!text);
  const names = rows.map((row) => row[2]).filter((text): text is string => !!text);
  return [
    ...new Set([
      ...identities,
      ...identities.map((id) => id.replace(/^(?:19|20)?(\d{6}).*$/, "$1")),
      ...names,
      ...names.map((name) => name.split(" ").at(-1)!),
      rows[0]![0]!,
    ]),
  ];
}

function expectNoneOf(text: string, secrets: readonly string[]): void {
  const leaked = secrets.filter((secret) => text.includes(secret));
  expect(leaked).toEqual([]);
}

const forsorjningsstodHeaders = (): string[] =>
  (JSON.parse(readFileSync(join(PROFILES, "forsorjningsstod.json"), "utf8")) as { recognise: { headers: string[] } }).recognise.headers;

describe("B1: a försörjningsstöd export without its header row", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bilaga-privacy-"));
  const exportsDir = join(cwd, "exporter");
  mkdirSync(exportsDir);
  const { rows } = headerlessExport(exportsDir, "fbs-juni-utan-rubrik.csv");
  const secrets = personalData(rows);

  it("the file's first data row holds what must not leak (the test reads it from the file)", () => {
    const [first] = rows;
    expect(first?.[1]).toMatch(/^\d{8}-\d{4}$/);
    expect(first?.[2]).toMatch(/^\p{L}+ \p{L}+$/u);
    expect(secrets).toEqual(expect.arrayContaining([first![1], first![2], first![0]]));
  });

  it("bilaga import: stderr names the file and says what to do, without a personnummer or a name", () => {
    const result = bilaga(cwd, "import", exportsDir, "--ledger", join(cwd, "data", "liggare.sqlite"));
    expect(result.status).toBe(1);
    expectNoneOf(result.stderr, secrets);
    expectNoneOf(result.stdout, secrets);
    expect(result.stderr).toContain("fbs-juni-utan-rubrik.csv");
    expect(result.stderr).toContain("Ingen källprofil känner igen filen");
    expect(result.stderr).toContain(`Första raden har ${rows[0]!.length} kolumner`);
    expect(result.stderr).toContain(forsorjningsstodHeaders().join(", "));
    expect(result.stderr).toMatch(/spara om exporten med rubrikrad/);
  });

  it("bilaga run: the korrapport JSON kept by scheduled jobs holds no personnummer and no name, and still says which file and why", () => {
    const workbook = join(cwd, "bilaga.xlsx");
    copyFileSync(SAMPLE_WORKBOOK, workbook);
    const result = bilaga(cwd, "run", "--period", "2019-06", "--exports", exportsDir, "--workbook", workbook, "--ledger", join(cwd, "data", "liggare.sqlite"), "--out", join(cwd, "ut.xlsx"));
    expect(result.status).toBe(1);
    expectNoneOf(result.stderr, secrets);
    expectNoneOf(result.stdout, secrets);
    const reports = readdirSync(join(cwd, "utdata")).filter((name) => /^korrapport-.*\.json$/.test(name));
    expect(reports).toHaveLength(1);
    const text = readFileSync(join(cwd, "utdata", reports[0]!), "utf8");
    expectNoneOf(text, secrets);
    const report = JSON.parse(text) as { status: string; imports: { details: { file: string; kind: string; issues: { code: string; message: string }[] }[] } };
    expect(report.status).toBe("rejected");
    const detail = report.imports.details.find((d) => d.file.includes("fbs-juni-utan-rubrik.csv"));
    expect(detail).toMatchObject({ kind: "rejected" });
    expect(detail!.issues[0]!.code).toBe("csv/unknown-source");
    expect(detail!.issues[0]!.message).toContain("fbs-juni-utan-rubrik.csv");
    expect(detail!.issues[0]!.message).toContain("Hushållsnummer");
  });
});

describe("B1: a windows-1252 file where the profile says UTF-8", () => {
  const cwd = mkdtempSync(join(tmpdir(), "bilaga-privacy-"));
  const run = (file: string) => bilaga(cwd, "import", file, "--ledger", join(cwd, "data", "liggare.sqlite"));

  it("saved whole as windows-1252: names line, column and encoding, and quotes no text of the file", () => {
    const result = run(join(FIXTURES, "bad-wrong-encoding-windows-1252-for-utf8-profile.csv"));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad-wrong-encoding-windows-1252-for-utf8-profile\.csv, rad 1, kolumn 2: Filen kunde inte avkodas som UTF-8/);
    expect(result.stderr).not.toMatch(/F\uFFFD?rvaltning/);
  });

  it("one field typed in windows-1252 far into a UTF-8 file (a name): line and column, not the name", () => {
    const lines = readFileSync(join(FIXTURES, "utf8-no-bom-lf.csv"), "utf8").trimEnd().split("\n");
    const rows = Array.from({ length: 3000 }, (_, i) => lines[1 + (i % (lines.length - 1))]!);
    const fields = lines[1]!.split(";");
    const name = "Märta Eriksson"; // invented, typed into the Enhet column (column 3) of line 3002
    const file = join(cwd, "sjukfranvaro-juni-ansi.csv");
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`${[lines[0], ...rows].join("\n")}\n${fields.slice(0, 2).join(";")};`, "utf8"),
        Buffer.from(name, "latin1"),
        Buffer.from(`;${fields.slice(3).join(";")}\n`, "utf8"),
      ]),
    );
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sjukfranvaro-juni-ansi\.csv, rad 3002, kolumn 3: Filen kunde inte avkodas som UTF-8/);
    expectNoneOf(result.stderr, ["Märta", "M\uFFFDrta", "Eriksson"]);
    expect(result.stderr).toMatch(/Spara filen som UTF-8/);
  });
});

describe("B1: an identity number where a number is expected (shifted columns)", () => {
  it("masks it in the message, which still says which column expected a number", () => {
    const cwd = mkdtempSync(join(tmpdir(), "bilaga-privacy-"));
    const lines = readFileSync(join(FIXTURES, "utf8-no-bom-lf.csv"), "utf8").trimEnd().split("\n");
    const fields = lines[3]!.split(";");
    const identity = "19121212-1213"; // invented; check digit deliberately wrong
    fields[5] = identity;
    lines[3] = fields.join(";");
    const file = join(cwd, "sjukfranvaro-forskjuten.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const result = bilaga(cwd, "import", file, "--ledger", join(cwd, "data", "liggare.sqlite"));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('rad 4, kolumn 6 (Sjukfrånvarotimmar): Väntade ett tal i kolumnen "Sjukfrånvarotimmar" men fann "[personnummer]"');
    expectNoneOf(result.stderr, [identity, "121212", "1213"]);
  });
});

describe("B1: a name where a number or a month is expected (shifted columns)", () => {
  // Invented names, put where a shifted row puts them: in the hours column and the month column.
  const cwd = mkdtempSync(join(tmpdir(), "bilaga-privacy-"));
  const exportsDir = join(cwd, "exporter");
  mkdirSync(exportsDir);
  const lines = readFileSync(join(FIXTURES, "utf8-no-bom-lf.csv"), "utf8").trimEnd().split("\n");
  const shift = (line: number, column: number, name: string): void => {
    const fields = lines[line - 1]!.split(";");
    fields[column - 1] = name;
    lines[line - 1] = fields.join(";");
  };
  shift(4, 6, "Anna Lindqvist");
  shift(6, 1, "Åsa Öberg-Ek");
  writeFileSync(join(exportsDir, "sjukfranvaro-namn.csv"), `${lines.join("\n")}\n`);
  const names = ["Anna", "Lindqvist", "Åsa", "Öberg-Ek", "Öberg"];
  const expectations = [
    'sjukfranvaro-namn.csv, rad 4, kolumn 6 (Sjukfrånvarotimmar): Väntade ett tal i kolumnen "Sjukfrånvarotimmar" men fann en text som inte visas här eftersom den kan vara ett namn',
    'sjukfranvaro-namn.csv, rad 6, kolumn 1 (Period): Väntade en månad (t.ex. 2019-06, 201906 eller "juni 2019") i kolumnen "Period" men fann en text som inte visas här eftersom den kan vara ett namn',
  ];

  it("bilaga import: says which line and column expected what, without the names", () => {
    const result = bilaga(cwd, "import", exportsDir, "--ledger", join(cwd, "data", "liggare.sqlite"));
    const output = `${result.stdout}\n${result.stderr}`;
    expectNoneOf(output, names);
    for (const expected of expectations) expect(output).toContain(expected);
  });

  it("bilaga run: neither the terminal nor the korrapport JSON holds the names; the report still says where", () => {
    const workbook = join(cwd, "bilaga.xlsx");
    copyFileSync(SAMPLE_WORKBOOK, workbook);
    const result = bilaga(cwd, "run", "--period", "2019-06", "--exports", exportsDir, "--workbook", workbook, "--ledger", join(cwd, "data", "liggare-run.sqlite"), "--out", join(cwd, "ut.xlsx"));
    expectNoneOf(`${result.stdout}\n${result.stderr}`, names);
    const reports = readdirSync(join(cwd, "utdata")).filter((name) => /^korrapport-.*\.json$/.test(name));
    expect(reports).toHaveLength(1);
    const text = readFileSync(join(cwd, "utdata", reports[0]!), "utf8");
    expectNoneOf(text, names);
    const report = JSON.parse(text) as { imports: { details: { file: string; issues: { code: string; message: string }[] }[] } };
    const messages = report.imports.details.filter((d) => d.file.includes("sjukfranvaro-namn.csv")).flatMap((d) => d.issues.map((i) => i.message));
    for (const expected of expectations) expect(messages.some((message) => message.includes(expected))).toBe(true);
  });
});
