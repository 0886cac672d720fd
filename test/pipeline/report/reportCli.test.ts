// The board's report as `bilaga run` and `bilaga report` write it, end to end (node bin/bilaga.js,
// built by `npm run build:cli`), in a temporary folder on the samples:
// - every figure of the report equals the figure the same run wrote in the workbook (read back
//   from the xlsx, as a spreadsheet shows it), and the summary's counts are the workbook's
//   status cells counted here;
// - the PDF is tagged, Swedish, titled, with its fonts embedded, and its text holds every
//   indicator's name, outcome and status text; a page is rendered with pdftoppm and saved in
//   test-artifacts/;
// - the activities section (issue 11): each activity's T2 status equals the status cell the run
//   wrote in the Aktiviteter sheet, and the counts per perspective equal a plain count of those
//   cells and the Aktivitetsuppföljning sheet; the PDF's text holds every activity's name and its
//   status; a half-year says in a sentence that it has no activity follow-up;
// - without Chromium the HTML is written and a Swedish warning says why there is no PDF (an old
//   PDF of the same name is removed); with --pdf nothing is written and the exit code is 4.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allIndicators } from "../../../core/model";
import { readTable } from "../../../core/table/readTable";
import { cellAt, type Grid } from "../../../core/workbook/grid";
import { fromA1 } from "../../../core/workbook/address";
import { openWorkbook } from "../../../pipeline/xlsx";
import { findChromium } from "../../../pipeline/report/findChromium";
import { bilaga, cleanEnv, REPO, requireBuild } from "../cliTestKit";

const BIN = join(REPO, "bin", "bilaga.js");
const ARTIFACTS = join(REPO, "test-artifacts");
const STEM = "verksamhetsplan-amn-2019";
const HTML = `${STEM} rapport 2019-T2.html`;
const PDF = `${STEM} rapport 2019-T2.pdf`;
const WORKBOOK = `${STEM} utfall 2019-T2.xlsx`;
const hasPoppler = spawnSync("which", ["pdftotext"], { encoding: "utf8" }).status === 0;
const chromium = findChromium();
if (!chromium) console.warn("Hoppar över PDF-delen av rapporttestet: ingen Chromium (/usr/bin/chromium eller CHROMIUM_PATH).");
if (!hasPoppler) console.warn("Hoppar över PDF-texten i rapporttestet: pdftotext/pdfinfo (poppler-utils) saknas.");
const withPdf = chromium && hasPoppler ? it : it.skip;

/** Whitespace as a reader sees it: no-break spaces are spaces, runs are one. */
const norm = (text: string): string => text.replace(/[\u00a0\u202f\s]+/g, " ").trim();
const unescape = (html: string): string =>
  html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

let cwd: string;
let html: string;
let grid: Grid;

beforeAll(async () => {
  requireBuild();
  cwd = mkdtempSync(join(tmpdir(), "bilaga-rapport-"));
  const run = bilaga(cwd, "run", "--period", "2019-T2");
  if (run.status !== 0) throw new Error(`bilaga run: ${run.status}\n${run.stdout}\n${run.stderr}`);
  html = readFileSync(join(cwd, "utdata", HTML), "utf8");
  grid = (await openWorkbook(join(cwd, "utdata", WORKBOOK))).readGrid("Bilaga");
}, 120_000);

afterAll(() => {
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

/** The workbook cell's text as the sheet shows it. */
function shown(address: string, sheet: Grid = grid): string {
  const at = fromA1(address);
  if (!at) throw new Error(address);
  return norm(cellAt(sheet, at.row, at.column).text);
}

/** The workbook's "Utfall …" column (zero-based) on the header row, found here by its text. */
function outcomeColumn(sheet: Grid = grid, header = "Utfall tertial 2 2019 (jan–aug)"): { row: number; column: number } {
  for (let row = 0; row < 10; row++) {
    for (let column = 0; column < 30; column++) {
      if (cellAt(sheet, row, column).text === header) return { row, column };
    }
  }
  throw new Error(`no column ${header}`);
}

/** One past the table's last row (zero-based), as the table reader finds it: the legend under it is not the table. */
const lastRow = (sheet: Grid = grid): number => readTable(sheet).lastRow + 1;

/**
 * Every figure of the report against the workbook the same figures were written to: the table's
 * figures by their cells, the period's outcome and status row by row, every number the outcome
 * column holds, and the summary's counts against the status cells counted here.
 */
function expectSameFigures(html: string, sheet: Grid, header: string): void {
    // Figures of the table (earlier outcomes, targets): each names its cell.
    const figures = [...html.matchAll(/<td class="(?:num|words)" data-cell="([A-Z]+\d+)">([^<]*)<\/td>/g)];
    expect(figures.length).toBeGreaterThan(60);
    for (const [, address, text] of figures) expect([address, norm(unescape(text ?? ""))]).toEqual([address, shown(address ?? "", sheet)]);

    // The period's outcomes and statuses, row by row of the report, against the columns the run wrote.
    // (A breakdown may share its indicator's sheet row, "4 arbete": only the followed one of the two has the cells.)
    const { column } = outcomeColumn(sheet, header);
    const rows = [...html.matchAll(/<tr class="row-(?:indicator|breakdown)" data-row="(\d+)">([\s\S]*?)<\/tr>/g)].map(([, row, body]) => ({
      row: Number(row),
      outcome: norm(unescape(/data-outcome-row="\d+">([^<]*)/.exec(body ?? "")?.[1] ?? "")),
      kind: /<td data-status-row="\d+"><span class="status status--([a-z-]+)">/.exec(body ?? "")?.[1],
      status: norm(unescape(/<td data-status-row="\d+"><span class="status status--[a-z-]+">([^<]*)<\/span>/.exec(body ?? "")?.[1] ?? "")),
    }));
    const followed = rows.filter((r) => r.kind !== "none");
    const statuses = followed.map((r) => [r.row, r.status] as const);
    const followedRows = new Set(followed.map((r) => r.row));
    let compared = 0;
    for (const r of followed) {
      const cell = cellAt(sheet, r.row - 1, column);
      expect([r.row, r.outcome === "–" ? "" : r.outcome]).toEqual([r.row, norm(cell.text)]);
      expect([r.row, r.status]).toEqual([r.row, norm(cellAt(sheet, r.row - 1, column + 1).text)]);
      if (typeof cell.value === "number") compared += 1;
    }
    const notFollowed = rows.filter((r) => r.kind === "none" && !followedRows.has(r.row));
    expect(notFollowed.length).toBeGreaterThan(0);
    for (const r of notFollowed) {
      expect([r.row, r.outcome, r.status]).toEqual([r.row, "–", "– Ej uppföljd"]);
      expect([r.row, cellAt(sheet, r.row - 1, column).text, cellAt(sheet, r.row - 1, column + 1).text]).toEqual([r.row, "", ""]);
    }
    // Every number the run wrote in the outcome column was compared (counted here in the sheet).
    let written = 0;
    for (let row = outcomeColumn(sheet, header).row + 1; row < lastRow(sheet); row++) if (typeof cellAt(sheet, row, column).value === "number") written += 1;
    expect(written).toBeGreaterThanOrEqual(6);
    expect(compared).toBe(written);

    // No status in the workbook that the report lacks, and the summary counts them as the sheet does.
    const { row: headerRow } = outcomeColumn(sheet, header);
    const counted: Record<string, number> = { "✓": 0, "◐": 0, "✗": 0, "○": 0 };
    const rowsWithStatus: number[] = [];
    for (let row = headerRow + 1; row < lastRow(sheet); row++) {
      const text = cellAt(sheet, row, column + 1).text;
      const symbol = text.charAt(0);
      if (symbol in counted && /^[✓◐✗○] \S/.test(text)) {
        counted[symbol] = (counted[symbol] ?? 0) + 1;
        rowsWithStatus.push(row + 1);
      }
    }
    expect(statuses.map(([row]) => row)).toEqual(rowsWithStatus);
    const total = /<tfoot><tr><th scope="row">Hela bilagan<\/th>((?:<td>\d+<\/td>)+)<\/tr><\/tfoot>/.exec(html);
    const numbers = [...(total?.[1] ?? "").matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(numbers.slice(0, 5)).toEqual([counted["✓"], counted["◐"], counted["✗"], counted["○"], rowsWithStatus.length]);
  }

describe("bilaga run writes the board's report beside the workbook", () => {
  it("says where the report is", () => {
    expect(readdirSync(join(cwd, "utdata")).sort()).toEqual(
      [`korrapport-2019-T2.json`, HTML, ...(chromium ? [PDF] : []), WORKBOOK].sort(),
    );
    const runReport = JSON.parse(readFileSync(join(cwd, "utdata", "korrapport-2019-T2.json"), "utf8")) as { boardReport: { html: string; pdf: string | null } };
    expect(runReport.boardReport.html).toBe(join(cwd, "utdata", HTML));
  });

  it("every figure in the report equals the figure written in the workbook for the same run", () => {
    expectSameFigures(html, grid, "Utfall tertial 2 2019 (jan–aug)");
  });

  it("for the whole year too, yearly values (Kolada, entered) included: the report equals what bilaga fill writes from the same ledger", async () => {
    const fill = bilaga(cwd, "fill", join(REPO, "samples", `${STEM}.xlsx`), "--period", "2019", "--out", join(cwd, "helar.xlsx"));
    expect(fill.status).toBe(0);
    const report = bilaga(cwd, "report", "--period", "2019", "--no-pdf", "--out", join(cwd, "helar.html"));
    expect(report.status).toBe(0);
    const sheet = (await openWorkbook(join(cwd, "helar.xlsx"))).readGrid("Bilaga");
    expectSameFigures(readFileSync(join(cwd, "helar.html"), "utf8"), sheet, "Utfall helår 2019");
  });

  it("says each month of a trend with the figure the workbook's Månadsdata holds for that month", async () => {
    const monthly = (await openWorkbook(join(cwd, "utdata", WORKBOOK))).readGrid("Månadsdata");
    let header = -1;
    for (let row = 0; row < 10 && header < 0; row++) if (cellAt(monthly, row, 1).text === "Källa" || cellAt(monthly, row, 0).text === "Källa") header = row;
    expect(header).toBeGreaterThanOrEqual(0);
    const columns = new Map<string, number>();
    for (let column = 0; column < 10; column++) columns.set(cellAt(monthly, header, column).text, column);
    const col = (name: string): number => columns.get(name) ?? -1;
    const households = new Map<string, number>();
    for (let row = header + 1; row <= header + 400; row++) {
      const text = (name: string): string => cellAt(monthly, row, col(name)).text;
      if (text("Källa") === "forsorjningsstod" && text("Mått") === "hushall" && text("Uppdelning") === "totalt") {
        households.set(text("Månad"), Number(norm(text("Summa")).replace(/ /g, "")));
      }
    }
    expect(households.size).toBe(8);
    const names = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"];
    const row = /<tr class="row-indicator" data-row="21">[\s\S]*?<p class="trend-text">([^<]*)<\/p>/.exec(html);
    const said = [...norm(unescape(row?.[1] ?? "")).matchAll(/(\d[\d ]*) i ([a-zå]+)/g)];
    expect(said.length).toBeGreaterThanOrEqual(4); // first, last, lowest, highest
    for (const [, figure, month] of said) {
      const key = `2019-${String(names.indexOf(month ?? "") + 1).padStart(2, "0")}`;
      expect([month, Number((figure ?? "").replace(/ /g, ""))]).toEqual([month, households.get(key)]);
    }
  });

  it("is one Swedish page with a title, real table headers, and every indicator of the table", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toContain("<title>Indikatorbilaga – uppföljning tertial 2 2019 (jan–aug)</title>");
    expect(html).not.toMatch(/<(script|link|img)\b|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // self-contained
    expect(html).toContain('<th scope="col">Indikator</th>');
    const appendix = readTable(grid);
    for (const indicator of allIndicators(appendix)) {
      expect(html).toContain(`<span class="name">${indicator.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}</span>`);
    }
    expect(html).toContain("Källa: Sjukfrånvaro per enhet, kön och åldersgrupp (månadsexport)");
    expect(html).toContain("Se fotnot * under tabellen.");
    expect(html).toContain("Basvärde 2018 = 299 personer");
  });

  withPdf("prints a tagged Swedish PDF whose text holds every indicator's name, outcome and status, and saves a page as a picture", () => {
    const pdf = join(cwd, "utdata", PDF);
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Indikatorbilaga – uppföljning tertial 2 2019 \(jan–aug\)$/m);
    const bytes = readFileSync(pdf);
    expect(bytes.includes("/Lang (sv)")).toBe(true);
    // The structure tree: a heading of level 1, tables whose header cells say which way they head.
    for (const tag of ["/S /H1", "/S /Table", "/S /TH", "/Scope /Column", "/Scope /Row"]) expect([tag, bytes.includes(tag)]).toEqual([tag, true]);
    const fonts = spawnSync("pdffonts", [pdf], { encoding: "utf8" }).stdout.split("\n").slice(2).filter((l) => l.trim() !== "");
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/); // embedded, subset, unicode

    const text = norm(spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout);
    for (const indicator of allIndicators(readTable(grid))) expect(text).toContain(norm(indicator.name));
    const { column } = outcomeColumn();
    for (let row = 4; row < lastRow(); row++) {
      const outcome = norm(cellAt(grid, row, column).text);
      const status = norm(cellAt(grid, row, column + 1).text);
      if (/^[✓◐✗○] /.test(status)) {
        expect(text).toContain(status);
        if (outcome !== "") expect(text).toContain(outcome);
      }
    }
    expect(text).toContain("Ej uppföljd");

    mkdirSync(ARTIFACTS, { recursive: true });
    const prefix = join(ARTIFACTS, "report-page");
    for (const page of ["1", "9"]) {
      const render = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", page, "-l", page, "-singlefile", pdf, `${prefix}-${page}`], { encoding: "utf8" });
      expect(render.status).toBe(0);
      expect(readFileSync(`${prefix}-${page}.png`).subarray(1, 4).toString()).toBe("PNG");
    }
  });
});

/** The Aktiviteter sheet as a plain scan sees it: per activity row its perspective, name and T2 status cell, without the product's reader. */
function workbookActivities(sheet: Grid): Array<{ row: number; perspective: string; name: string; status: string }> {
  const found: Array<{ row: number; perspective: string; name: string; status: string }> = [];
  let perspective = "";
  let nameColumn = -1;
  let statusColumn = -1;
  const text = (row: number, column: number): string => norm(cellAt(sheet, row, column).text);
  for (let row = 0; row < 200; row++) {
    const cells = Array.from({ length: 12 }, (_, column) => text(row, column));
    if (cells.includes("Aktivitet")) {
      nameColumn = cells.indexOf("Aktivitet");
      statusColumn = cells.indexOf("Status T2 2019");
      perspective = text(row - 1, 0);
      continue;
    }
    if (cells.every((c) => c === "")) {
      nameColumn = -1;
      continue;
    }
    if (nameColumn >= 0 && cells[nameColumn] !== "") found.push({ row, perspective, name: cells[nameColumn] ?? "", status: cells[statusColumn] ?? "" });
  }
  return found;
}

/** The status word of a cell or a report row: its symbol dropped; an empty cell is "Ej rapporterad". */
const statusWord = (text: string): string => (text === "" ? "Ej rapporterad" : text.replace(/^[✓→!○–] /, ""));

/** The report's activity rows: the cell of the activity's name and the status text shown. */
const reportActivities = (): Map<string, string> =>
  new Map([...html.matchAll(/<tr data-activity-cell="([A-Z]+\d+)">.*?<td data-activity-status><span[^>]*>(.*?)<\/span>/g)].map((m) => [m[1] ?? "", unescape(m[2] ?? "")]));

describe("the report's activities, tertial 2 2019", () => {
  let activitySheet: Grid;
  let summarySheet: Grid;
  beforeAll(async () => {
    const workbook = await openWorkbook(join(cwd, "utdata", WORKBOOK));
    activitySheet = workbook.readGrid("Aktiviteter");
    summarySheet = workbook.readGrid("Aktivitetsuppföljning");
  });

  it("shows each activity with the status bilaga run wrote in the workbook, and counts per perspective what the workbook's status cells hold", () => {
    const inWorkbook = workbookActivities(activitySheet);
    expect(inWorkbook).toHaveLength(42);
    const inReport = reportActivities();
    expect(inReport.size).toBe(42);
    const words = ["Genomförd", "Pågår enligt plan", "Försenad", "Ej påbörjad", "Utgår", "Ej rapporterad"];
    const counted = new Map<string, number[]>();
    for (const activity of inWorkbook) {
      const address = `${String.fromCharCode(65 + 1)}${activity.row + 1}`; // the name column B of the sample
      expect([activity.name, statusWord(inReport.get(address) ?? "(saknas i rapporten)")]).toEqual([activity.name, statusWord(activity.status)]);
      const line = counted.get(activity.perspective) ?? [0, 0, 0, 0, 0, 0, 0];
      line[0] = (line[0] ?? 0) + 1;
      const index = words.indexOf(statusWord(activity.status));
      expect([activity.name, index >= 0]).toEqual([activity.name, true]);
      line[index + 1] = (line[index + 1] ?? 0) + 1;
      counted.set(activity.perspective, line);
    }
    expect([...counted.keys()]).toEqual(["Medborgare", "Ekonomi", "Verksamhet", "Medarbetare"]);
    // The report's summary table, and the Aktivitetsuppföljning sheet the same run wrote.
    const table = /<table class="summary activity-summary">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    for (const [perspective, line] of counted) {
      const cells = new RegExp(`<tr><th scope="row">${perspective}</th>((?:<td>\\d+</td>)+)</tr>`).exec(table)?.[1] ?? "";
      expect([perspective, [...cells.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]))]).toEqual([perspective, line]);
      let sheetRow = -1;
      for (let row = 0; row < 12; row++) if (shown(`A${row + 1}`, summarySheet) === perspective) sheetRow = row;
      const sheetCounts = Array.from({ length: 7 }, (_, i) => Number(shown(`${String.fromCharCode(66 + i)}${sheetRow + 1}`, summarySheet)));
      expect([perspective, sheetCounts]).toEqual([perspective, line]);
    }
  });

  it("for a half-year (no activity follow-up) says so in a sentence instead of leaving the activities out", () => {
    const report = bilaga(cwd, "report", "--period", "2019-H1", "--no-pdf");
    expect(report.status).toBe(0);
    const page = readFileSync(join(cwd, "utdata", `${STEM} rapport 2019-H1.html`), "utf8");
    expect(norm(unescape(page.replace(/<[^>]+>/g, " ")))).toContain(
      'Aktiviteterna följs upp per tertial och helår; halvår 1 2019 (jan–jun) har ingen uppföljning av dem. Planen har 42 aktiviteter i bladet "Aktiviteter"',
    );
    expect(page).not.toContain("data-activity-status");
  });

  withPdf("the PDF's text holds every activity's name followed by its status as symbol and word, and a page of them is saved as a picture", () => {
    const pdf = join(cwd, "utdata", PDF);
    const text = norm(spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).stdout);
    const inReport = reportActivities();
    let from = text.indexOf("Sammanfattning per perspektiv");
    expect(from).toBeGreaterThan(0);
    for (const activity of workbookActivities(activitySheet)) {
      // A name wrapped after a hyphen comes out joined ("Forskning-" + "internationellt" -> "Forskninginternationellt"): pdftotext drops the hyphen and the space.
      const pattern = new RegExp(norm(activity.name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/- /g, "-? ?"), "g");
      pattern.lastIndex = from;
      const found = pattern.exec(text);
      expect([activity.name, found !== null]).toEqual([activity.name, true]);
      const at = found?.index ?? 0;
      const status = inReport.get(`B${activity.row + 1}`) ?? "";
      const next = /(✓ Genomförd|→ Pågår enligt plan|! Försenad|○ Ej påbörjad|– Utgår|Ej rapporterad)/.exec(text.slice(at + (found?.[0].length ?? 0)));
      expect([activity.name, next?.[1]]).toEqual([activity.name, status]);
      from = at;
    }
    let page = 0;
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);
    for (let p = 1; p <= pages && page === 0; p++) {
      if (spawnSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" }).stdout.includes("Perspektiv: Medborgare")) page = p;
    }
    expect(page).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    const render = spawnSync("pdftoppm", ["-png", "-r", "80", "-f", String(page), "-l", String(page), "-singlefile", pdf, join(ARTIFACTS, "report-page-activities")], { encoding: "utf8" });
    expect(render.status).toBe(0);
  });
});

describe("without Chromium", () => {
  const noChromium = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...cleanEnv(), CHROMIUM_PATH: join(dir, "ingen-chromium") }, encoding: "utf8" });

  it("writes the HTML, removes an older PDF of the same name, and says in Swedish why there is no PDF", () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-rapport-utan-"));
    try {
      mkdirSync(join(dir, "bilaga-data"));
      copyFileSync(join(cwd, "bilaga-data", "liggare.sqlite"), join(dir, "bilaga-data", "liggare.sqlite"));
      copyFileSync(join(cwd, "bilaga-data", "liggare.sqlite.key"), join(dir, "bilaga-data", "liggare.sqlite.key"));
      mkdirSync(join(dir, "utdata"));
      writeFileSync(join(dir, "utdata", PDF), "%PDF- förra månadens");
      const report = noChromium(dir, "report", "--period", "2019-T2");
      expect(report.status).toBe(0);
      expect(report.stdout).toContain(`HTML: utdata/${HTML}`);
      expect(report.stdout).not.toContain("PDF:");
      expect(report.stderr).toContain("Varning: Rapporten skrevs som HTML men inte som PDF: CHROMIUM_PATH pekar på");
      expect(report.stderr).toContain("En äldre PDF med samma namn");
      expect(existsSync(join(dir, "utdata", HTML))).toBe(true);
      expect(existsSync(join(dir, "utdata", PDF))).toBe(false);

      const broken = spawnSync(process.execPath, [BIN, "report", "--period", "2019-T2", "--out", join(dir, "trasig.html")], {
        cwd: dir,
        env: { ...cleanEnv(), CHROMIUM_PATH: "/bin/false" },
        encoding: "utf8",
      });
      expect(broken.status).toBe(0);
      expect(broken.stderr).toContain("Varning: Rapporten skrevs som HTML men inte som PDF: Chromium (/bin/false) kunde inte startas");
      expect(existsSync(join(dir, "trasig.html"))).toBe(true);

      const required = noChromium(dir, "report", "--period", "2019-T2", "--pdf", "--out", join(dir, "krav.html"));
      expect(required.status).toBe(4);
      expect(required.stderr).toContain("PDF-versionen av rapporten kan inte göras");
      expect(existsSync(join(dir, "krav.html"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("with --no-pdf", () => {
  it("writes only the HTML, removes an older PDF of the same name and says so", () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-rapport-utan-pdf-"));
    try {
      mkdirSync(join(dir, "bilaga-data"));
      copyFileSync(join(cwd, "bilaga-data", "liggare.sqlite"), join(dir, "bilaga-data", "liggare.sqlite"));
      copyFileSync(join(cwd, "bilaga-data", "liggare.sqlite.key"), join(dir, "bilaga-data", "liggare.sqlite.key"));
      mkdirSync(join(dir, "utdata"));
      writeFileSync(join(dir, "utdata", PDF), "%PDF- förra månadens");
      const report = bilaga(dir, "report", "--period", "2019-T2", "--no-pdf");
      expect(report.status).toBe(0);
      expect(report.stdout).toContain(`HTML: utdata/${HTML}`);
      expect(report.stderr).toContain(`Info: En äldre PDF med samma namn (${join(dir, "utdata", PDF)}) togs bort`);
      expect(existsSync(join(dir, "utdata", PDF))).toBe(false);
      // Nothing to remove the next time: nothing said.
      expect(bilaga(dir, "report", "--period", "2019-T2", "--no-pdf").stderr).not.toContain("äldre PDF");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("bilaga run without Chromium", () => {
  it("fills the workbook and writes the HTML, says why there is no PDF in the summary and the run report; with --pdf it writes nothing and leaves the ledger as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-run-utan-"));
    const env = { ...cleanEnv(), CHROMIUM_PATH: join(dir, "ingen-chromium") };
    try {
      const required = spawnSync(process.execPath, [BIN, "run", "--period", "2019-T2", "--pdf"], { cwd: dir, env, encoding: "utf8" });
      expect(required.status).toBe(4);
      expect(required.stderr).toContain("PDF-versionen av rapporten kan inte göras");
      expect(existsSync(join(dir, "utdata", WORKBOOK))).toBe(false);
      expect(existsSync(join(dir, "utdata", HTML))).toBe(false);
      expect(existsSync(join(dir, "bilaga-data", "liggare.sqlite"))).toBe(false); // the import was not committed

      const run = spawnSync(process.execPath, [BIN, "run", "--period", "2019-T2"], { cwd: dir, env, encoding: "utf8" });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Rapport (HTML): utdata/${HTML}`);
      expect(run.stdout).toContain("Rapport (PDF): skrevs inte – CHROMIUM_PATH pekar på");
      expect(run.stderr).toContain("Varning: Rapporten skrevs som HTML men inte som PDF");
      expect(readdirSync(join(dir, "utdata")).sort()).toEqual(["korrapport-2019-T2.json", HTML, WORKBOOK].sort());
      const runReport = JSON.parse(readFileSync(join(dir, "utdata", "korrapport-2019-T2.json"), "utf8")) as {
        boardReport: { pdf: string | null; pdfMissing: string | null };
        issues: { code: string }[];
      };
      expect(runReport.boardReport.pdf).toBeNull();
      expect(runReport.boardReport.pdfMissing).toContain("CHROMIUM_PATH pekar på");
      expect(runReport.issues.map((found) => found.code)).toContain("report/pdf-unavailable");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
