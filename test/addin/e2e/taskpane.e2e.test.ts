/**
 * The task pane end to end, in headless Chromium (Debian's chromium driven by playwright-core):
 * the production build of the pane, served from 127.0.0.1, with office.js from Microsoft's CDN
 * replaced by a simulated Excel host over the sample workbook (host/simulatedExcel.ts keeps
 * Office.js's load/sync rule, so code that would fail in Excel fails here). A controller's
 * month: see the table as understood and its doubts, pick the period, give the month's CSV
 * files, see the preview, write; then the written cells are checked against figures computed
 * from the raw files by test/fixtures/sampleExportFigures.ts, and a screenshot of the pane
 * is saved in test-artifacts/. Also: opened in a plain browser, the pane says to open it in Excel.
 *
 * No network: every request other than the local server and the office.js URL is refused.
 * Skipped only when no Chromium binary exists (.ci/run installs Debian's chromium).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { formatIssue } from "../../../core/issues/messages.sv";
import { readTable } from "../../../core/table/readTable";
import { applyPatch, openWorkbook } from "../../../pipeline/xlsx";
import { householdsPerMonth, longTermAdults, meanWaitingDays, SAMPLE_EXPORTS, sickLeaveRate } from "../../fixtures/sampleExportFigures";
import type { CellState, HostSeed, HostSnapshot, SheetState } from "./host/seed";
import { buildHost, buildPane, CHROMIUM_ARGS, findChromium, freshProfile, ROOT, seedFromWorkbook, serveFolder } from "./paneHarness";

const WORKBOOK = path.join(ROOT, "samples", "verksamhetsplan-amn-2019.xlsx");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\//;
const T2_MONTHS = ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2019-08"];
const STATUS_SYMBOLS = /^[✓◐✗○] \S/; // never colour alone: every status cell starts with its symbol

const executable = findChromium();
if (!executable) {
  console.warn("Hoppar över aktivitetsfönstrets test i Chromium: ingen Chromium hittades (/usr/bin/chromium eller CHROMIUM_PATH). .ci/run installerar Debian-paketet chromium.");
}
const describeInChromium = executable ? describe : describe.skip;

let context: BrowserContext;
let profile: string;
let server: { url: string; close: () => Promise<void> };
let hostScript: string;
let seed: HostSeed;

beforeAll(async () => {
  if (!executable) return;
  const [paneDir, host, seeded] = await Promise.all([buildPane(), buildHost(), seedFromSample()]);
  hostScript = host;
  seed = seeded;
  server = await serveFolder(paneDir);
  profile = freshProfile();
  context = await chromium.launchPersistentContext(profile, { executablePath: executable, headless: true, args: CHROMIUM_ARGS, viewport: { width: 420, height: 900 }, locale: "sv-SE", timezoneId: "Europe/Stockholm" });
}, 240_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

const seedFromSample = (): Promise<HostSeed> => seedFromWorkbook(WORKBOOK);

interface OpenedPane {
  readonly page: Page;
  /** Requests refused because they left the machine (must stay empty). */
  readonly refused: string[];
  /** Uncaught errors in the page (must stay empty). */
  readonly errors: string[];
}

/** Opens the built taskpane.html; office.js is the simulated host (seed), or missing ("unreachable"). */
async function openPane(hostSeed: HostSeed | "unreachable"): Promise<OpenedPane> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const refused: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.url}/`)) return route.continue();
    if (OFFICE_JS.test(url) && hostSeed !== "unreachable") {
      return route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body: hostScript });
    }
    if (!OFFICE_JS.test(url)) refused.push(url);
    return route.abort("internetdisconnected");
  });
  if (hostSeed !== "unreachable") {
    await page.addInitScript((json) => {
      (window as unknown as { __BILAGA_HOST_SEED__: unknown }).__BILAGA_HOST_SEED__ = JSON.parse(json);
    }, JSON.stringify(hostSeed));
  }
  await page.goto(`${server.url}/taskpane.html`);
  return { page, refused, errors };
}

const snapshotOf = (page: Page): Promise<HostSnapshot> =>
  page.evaluate(() => (window as unknown as { __simulatedExcel: { snapshot(): HostSnapshot } }).__simulatedExcel.snapshot());

const sheetIn = (snapshot: HostSnapshot, name: string): SheetState | undefined => snapshot.sheets.find((s) => s.name === name);
const cellIn = (sheet: SheetState, row: number, column: number): CellState | undefined => sheet.cells.find((c) => c.row === row && c.column === column);
const oneLine = (value: unknown): string => String(value).replace(/\s+/g, " ").trim();

/** The row whose indicator cell (column D) starts with the text; breakdown rows follow by label. */
function rowOf(sheet: SheetState, indicatorStart: string, breakdown?: string): number {
  const start = sheet.cells.find((c) => c.column === 3 && oneLine(c.value).startsWith(indicatorStart));
  if (!start) throw new Error(`no row for ${indicatorStart}`);
  if (breakdown === undefined) return start.row;
  const below = sheet.cells.find((c) => c.column === 3 && c.row > start.row && c.row <= start.row + 4 && oneLine(c.value) === breakdown);
  if (!below) throw new Error(`no ${breakdown} row under ${indicatorStart}`);
  return below.row;
}

describeInChromium("the task pane in Excel (simulated host over the sample workbook)", () => {
  let pane: OpenedPane;
  let tableDoubts: string[];

  beforeAll(async () => {
    const workbook = await openWorkbook(WORKBOOK);
    tableDoubts = readTable(workbook.readGrid("Bilaga")).issues.map(formatIssue);
    pane = await openPane(seed);
  });
  afterAll(async () => pane?.page.close());

  it("shows the table as understood, 25 indicators, and every doubt about it, each with a button to its cell; the read takes at most two syncs", async () => {
    const { page } = pane;
    await expectVisible(page.getByText("25 indikatorer hittades."));
    await expectVisible(page.getByText("Tabellen som Bilaga förstår den (25 indikatorer)"));
    const shownDoubts = await page.locator("ul.issues > li").allTextContents();
    expect(tableDoubts.length).toBeGreaterThan(0);
    for (const doubt of tableDoubts) expect(shownDoubts.some((shown) => shown.startsWith(doubt))).toBe(true);

    // "Visa cellen" selects the doubt's cell in the sheet (a long list of doubts is folded: unfold it first).
    const showCell = page.getByRole("button", { name: "Visa cellen" });
    if ((await showCell.count()) === 0) await page.getByText(/^\d+ tveksamheter/).click();
    const withButton = page.locator("ul.issues > li", { has: page.getByRole("button", { name: "Visa cellen" }) }).first();
    await withButton.getByRole("button", { name: "Visa cellen" }).click();
    await page.waitForFunction(() => (window as unknown as { __simulatedExcel: { book: { selection?: unknown } } }).__simulatedExcel.book.selection !== undefined);
    const selected = await snapshotOf(page);
    expect(selected.selection?.sheet).toBe("Bilaga");
    expect(await withButton.textContent()).toContain(selected.selection?.address.split(":")[0]);

    const [read] = selected.runs;
    expect(read).toBeDefined();
    expect(read!.error).toBeUndefined();
    expect(read!.syncs).toBeLessThanOrEqual(2);
    expect(read!.pendingAtEnd).toBe(0);
    expect(selected.notLoadedReads).toEqual([]);
  });

  it("takes the period and the month's CSV files, previews outcomes and statuses, and writes them in one sync", async () => {
    const { page } = pane;
    const period = page.getByLabel(/^Period/);
    await period.fill("2019-T2");
    await period.press("Enter");
    await expectVisible(page.getByText("Utfall och status"));

    const files = fs.readdirSync(SAMPLE_EXPORTS).filter((f) => T2_MONTHS.some((m) => f.includes(`-${m}.`))).sort();
    // Eight sources, eight months: every sample file of T2, the new sources' too (the user survey's since issue 13).
    expect(files).toHaveLength(8 * 8);
    await page.locator('input[type="file"]').setInputFiles(files.map((f) => path.join(SAMPLE_EXPORTS, f)));
    for (const file of files) await expectVisible(page.getByText(new RegExp(`^${file.replace(/\./g, "\\.")}: `)));
    expect(await page.getByText(/ rader lästa\.$/).count()).toBe(files.length);
    expect(await page.getByText(/avvisad/).count()).toBe(0);
    expect(await period.inputValue()).toBe("2019-T2");

    // The preview, before anything is written: the sick-leave rate as the files give it.
    const sickRow = page.locator("table.preview tr", { has: page.getByText("Total sjukfrånvaro (%)", { exact: true }) });
    const shownRate = oneLine((await sickRow.locator("td").nth(1).textContent())?.replace(/\u00a0/g, " "));
    expect(shownRate).toBe(`${sickLeaveRate(T2_MONTHS).toFixed(1).replace(".", ",")} %`);
    expect(await page.locator("table.preview td.status").count()).toBeGreaterThan(5);
    const before = await snapshotOf(page);
    expect(sheetIn(before, "Månadsdata")).toBeUndefined();
    expect(before.sheets.find((s) => s.name === "Bilaga")!.cells.some((c) => String(c.value).startsWith("Utfall "))).toBe(false);

    await page.getByRole("button", { name: "Skriv till arbetsboken" }).click();
    await expectVisible(page.getByText(/^Klart: \d+ celler skrevs\./));

    // Two Excel.run batches since the preview: the write, then the pane reads the table again.
    const after = await snapshotOf(page);
    const [write, reread, ...more] = after.runs.slice(before.runs.length);
    expect(more).toEqual([]);
    expect(write?.syncs).toBe(1);
    expect(write?.operationsPerSync[0]).toBeGreaterThan(100); // the whole patch went in that one sync
    expect(write?.pendingAtEnd).toBe(0);
    expect(reread?.syncs).toBeLessThanOrEqual(2);
    expect(after.runs.filter((r) => r.error !== undefined)).toEqual([]);
    expect(after.runs.every((r) => r.syncs <= 2)).toBe(true);
    expect(after.notLoadedReads).toEqual([]);
    expect(pane.refused).toEqual([]);
    expect(pane.errors).toEqual([]);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-after-write.png"), fullPage: true });
  });

  it("wrote 'Utfall' and 'Status' columns whose outcomes are what the raw files give, each status with its symbol", async () => {
    const snapshot = await snapshotOf(pane.page);
    const sheet = sheetIn(snapshot, "Bilaga")!;
    const header = sheet.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Utfall "));
    expect(header).toBeDefined();
    expect(header!.value).toMatch(/2019/);
    expect(header!.row).toBe(3); // the table's own header row
    const outcomeColumn = header!.column;
    expect(cellIn(sheet, header!.row, outcomeColumn + 1)?.value).toBe("Status");
    expect(outcomeColumn).toBeGreaterThan(7); // right of the table (A–H), nothing of it overwritten

    const outcome = (row: number): unknown => cellIn(sheet, row, outcomeColumn)?.value;
    const expected: [string, string | undefined, number][] = [
      ["Antal hushåll med försörjningsstöd", undefined, householdsPerMonth(T2_MONTHS)],
      ["Antal vuxna biståndsmottagare", undefined, longTermAdults("2019-08")],
      ["Väntetid i antal dagar", undefined, meanWaitingDays(T2_MONTHS)],
      ["Total sjukfrånvaro (%)", undefined, sickLeaveRate(T2_MONTHS)],
      ["Total sjukfrånvaro (%)", "Män", sickLeaveRate(T2_MONTHS, "M")],
      ["Total sjukfrånvaro (%)", "Kvinnor", sickLeaveRate(T2_MONTHS, "K")],
    ];
    for (const [indicator, breakdown, figure] of expected) {
      const row = rowOf(sheet, indicator, breakdown);
      const written = outcome(row);
      expect(typeof written).toBe("number");
      expect(written as number).toBeCloseTo(figure, 6);
      const status = cellIn(sheet, row, outcomeColumn + 1);
      expect(String(status?.value)).toMatch(STATUS_SYMBOLS);
      expect(status?.fill).toMatch(/^[0-9A-F]{6}$/);
      expect(status?.formula).toBeUndefined();
    }
    // Households: target "högst 2 800" not reached, but fewer than 2018's 3 130: partly met.
    const households = rowOf(sheet, "Antal hushåll med försörjningsstöd");
    expect(householdsPerMonth(T2_MONTHS)).toBeGreaterThan(2800);
    expect(householdsPerMonth(T2_MONTHS)).toBeLessThan(3130);
    expect(String(cellIn(sheet, households, outcomeColumn + 1)?.value)).toMatch(/^◐ Delvis uppfyllt/);
    // The shown text follows the cell's number format: one decimal for the sick-leave rate.
    const shown = cellIn(sheet, rowOf(sheet, "Total sjukfrånvaro (%)"), outcomeColumn)?.text.replace(/\u00a0/g, " ");
    expect(shown).toBe(`${sickLeaveRate(T2_MONTHS).toFixed(1).replace(".", ",")} %`);

    // Every status cell in the column carries a symbol; no written cell became a formula.
    const statusCells = sheet.cells.filter((c) => c.column === outcomeColumn + 1 && c.row > header!.row && c.value !== "" && c.fill !== undefined);
    expect(statusCells.length).toBeGreaterThanOrEqual(6);
    for (const cell of statusCells) expect(String(cell.value)).toMatch(STATUS_SYMBOLS);
    expect(snapshot.sheets.flatMap((s) => s.cells).filter((c) => c.formula !== undefined)).toEqual([]);
    // Explanations as notes (the host has ExcelApi 1.18).
    expect(snapshot.notes.some(([at]) => at.startsWith("Bilaga!"))).toBe(true);
  });

  it("created a Månadsdata sheet with the month's records, months kept as text, figures as the files give them", async () => {
    const snapshot = await snapshotOf(pane.page);
    const monthly = sheetIn(snapshot, "Månadsdata");
    expect(monthly).toBeDefined();
    const headerRow = monthly!.cells.find((c) => c.value === "Källa")!.row;
    const columnOf = (name: string): number => monthly!.cells.find((c) => c.row === headerRow && c.value === name)!.column;
    const [source, measure, breakdown, month, sum, count] = ["Källa", "Mått", "Uppdelning", "Månad", "Summa", "Antal"].map(columnOf) as [number, number, number, number, number, number];
    const rows = [...new Set(monthly!.cells.filter((c) => c.row > headerRow).map((c) => c.row))];
    const record = (r: number) => ({
      source: cellIn(monthly!, r, source)?.value,
      measure: cellIn(monthly!, r, measure)?.value,
      breakdown: cellIn(monthly!, r, breakdown)?.value,
      month: cellIn(monthly!, r, month),
      sum: cellIn(monthly!, r, sum)?.value,
      count: cellIn(monthly!, r, count)?.value,
    });
    const records = rows.map(record);
    // "2019-06" would become a date if written as typed input: it must stay the text.
    for (const r of records) {
      expect(typeof r.month?.value).toBe("string");
      expect(r.month?.value).toMatch(/^2019-0[1-8]$/);
    }
    for (const m of T2_MONTHS) {
      const households = records.find((r) => r.source === "forsorjningsstod" && r.measure === "hushall" && r.breakdown === "totalt" && r.month?.value === m);
      expect(households?.sum).toBe(householdsPerMonth([m])); // a distinct count: Summa is the households, Antal the payments
    }
    // Breakdown texts such as "aldersgrupp=-29" stay text, never a number or formula.
    expect(records.some((r) => String(r.breakdown).includes("aldersgrupp=-29"))).toBe(true);
    expect(monthly!.cells.filter((c) => c.formula !== undefined)).toEqual([]);
  });

  it("shows the trend picture of the indicator in focus, with each month as the files give it, and follows the choice", async () => {
    const { page } = pane;
    const trend = page.locator("section.trend");
    await expectVisible(trend.locator("svg"));
    expect(await trend.locator("svg").getAttribute("aria-hidden")).toBe("true"); // its words are printed under it
    const caption = trend.locator("figcaption");
    const words = async (): Promise<string> => oneLine((await caption.textContent())?.replace(/\u00a0/g, " "));
    const count = (n: number): string => Math.round(n).toLocaleString("sv-SE").replace(/\u00a0/g, " ");
    // The first filled row is in focus; choose the households.
    expect(await page.locator("#trend-row").inputValue()).toBe(await page.locator("#trend-row option").first().getAttribute("value"));
    await page.locator("#trend-row").selectOption({ label: "Antal hushåll med försörjningsstöd i snitt per månad." });
    await expectVisible(trend.locator("figcaption", { hasText: `${count(householdsPerMonth(["2019-01"])).replace(" ", "\u00a0")} i januari` }));
    expect(await trend.locator("svg circle").count()).toBe(8); // jan–aug, no forecast for a mean
    expect(await words()).toMatch(/^Per månad jan–aug 2019: /);
    expect(await words()).toContain(`från ${count(householdsPerMonth(["2019-01"]))} i januari till ${count(householdsPerMonth(["2019-08"]))} i augusti`);

    await page.locator("#trend-row").selectOption({ label: "Total sjukfrånvaro (%) – Kvinnor" });
    const rate = (month: string): string => `${sickLeaveRate([month], "K").toFixed(1).replace(".", ",")} %`;
    await expectVisible(trend.locator("figcaption", { hasText: `${rate("2019-01").replace(" ", "\u00a0")} i januari` }));
    expect(await words()).toContain(`från ${rate("2019-01")} i januari till ${rate("2019-08")} i augusti`);
    expect(await page.locator("#trend-row").inputValue()).toBe(String(rowOf(sheetIn(await snapshotOf(page), "Bilaga")!, "Total sjukfrånvaro (%)", "Kvinnor")));
    expect(pane.errors).toEqual([]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await trend.screenshot({ path: path.join(ARTIFACTS, "taskpane-trend.png") });
  });

  it("writes a text from the monthly data that starts with = as text, not as a formula, and a second write changes no outcome", async () => {
    const { page } = pane;
    const first = sheetIn(await snapshotOf(page), "Bilaga")!;
    // Earlier data in Månadsdata: a breakdown text beginning with "=", typed as text ('=...), as Excel keeps it.
    await page.evaluate(() => {
      const host = (window as unknown as { __simulatedExcel: { type(sheet: string, address: string, input: string | number): void; snapshot(): HostSnapshot } }).__simulatedExcel;
      const monthly = host.snapshot().sheets.find((s) => s.name === "Månadsdata")!;
      const row = Math.max(...monthly.cells.map((c) => c.row)) + 2; // 1-based: the row below the last
      host.type("Månadsdata", `B${row}`, "'forsorjningsstod");
      host.type("Månadsdata", `C${row}`, "'hushall");
      host.type("Månadsdata", `D${row}`, "'=SUMMA(F5:F9)");
      host.type("Månadsdata", `E${row}`, "'2018-12");
      host.type("Månadsdata", `F${row}`, 1);
      host.type("Månadsdata", `G${row}`, 1);
    });
    const typed = sheetIn(await snapshotOf(page), "Månadsdata")!.cells.find((c) => c.value === "=SUMMA(F5:F9)");
    expect(typed).toMatchObject({ quotePrefix: true });
    const done = page.getByText(/^Klart: \d+ celler skrevs\./);
    await page.getByRole("button", { name: "Läs tabellen igen" }).click();
    await done.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Skriv till arbetsboken" }).click();
    await expectVisible(done);

    const snapshot = await snapshotOf(page);
    expect(snapshot.runs.filter((r) => r.error !== undefined)).toEqual([]);
    const monthly = sheetIn(snapshot, "Månadsdata")!;
    const kept = monthly.cells.find((c) => c.value === "=SUMMA(F5:F9)");
    expect(kept).toBeDefined();
    expect(kept!.formula).toBeUndefined();
    expect(snapshot.sheets.flatMap((s) => s.cells).filter((c) => c.formula !== undefined)).toEqual([]);

    // The outcomes now come from Månadsdata alone (the files were written there): the same cells.
    const second = sheetIn(snapshot, "Bilaga")!;
    const header = second.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Utfall "))!;
    for (const cell of first.cells.filter((c) => c.column === header.column || c.column === header.column + 1)) {
      expect(cellIn(second, cell.row, cell.column)?.value).toEqual(cell.value);
    }
  });

  it("shows the activities for the period, wrote the rule's Försenad and the summary, and writes a status entered in the pane in one sync", async () => {
    const { page } = pane;
    const VISA = "Följa och ta tillvara kunskap från projektet VISA (varaktig inkludering i samhälle och arbetsmarknad)";
    await expectVisible(page.getByRole("heading", { name: "Aktiviteter", exact: true }));
    await expectVisible(page.getByText('42 aktiviteter på bladet "Aktiviteter", status för tertial 2 2019 (jan–aug).'));
    const medborgare = page.locator('table[aria-label="Aktiviteter per perspektiv"] tr', { has: page.getByText("Medborgare", { exact: true }) });
    expect(oneLine(await medborgare.locator("td").nth(1).textContent())).toBe("21");
    await expectVisible(page.locator("li", { hasText: VISA }));

    // "Skriv till arbetsboken" above wrote the rule's status (signed) and the summary sheet.
    const before = await snapshotOf(page);
    const activities = sheetIn(before, "Aktiviteter")!;
    const visaRow = activities.cells.find((c) => c.column === 1 && oneLine(c.value) === VISA)!.row;
    expect(cellIn(activities, visaRow, 6)?.value).toBe("! Försenad");
    expect(cellIn(activities, visaRow, 8)?.value).toBe("Bilaga (regel)");
    expect(cellIn(sheetIn(before, "Aktivitetsuppföljning")!, 0, 0)?.value).toBe("Aktivitetsuppföljning");

    await page.getByLabel("Aktivitet", { exact: true }).selectOption({ label: `Medborgare: ${VISA}` });
    await page.getByLabel("Aktivitetens status").selectOption("done");
    await page.getByLabel("Kommentar", { exact: true }).fill("=Klart i augusti");
    await page.getByLabel("Satt av", { exact: true }).fill("Enhetschef JKT");
    await page.getByRole("button", { name: "Spara aktivitetens status" }).click();
    await expectVisible(page.getByText(/^Statusen för "Följa och ta tillvara kunskap från projektet VISA/));

    const after = await snapshotOf(page);
    const [write, reread, ...more] = after.runs.slice(before.runs.length);
    expect(more).toEqual([]);
    expect(write?.syncs).toBe(1);
    expect(reread?.syncs).toBeLessThanOrEqual(2);
    const written = sheetIn(after, "Aktiviteter")!;
    expect(cellIn(written, visaRow, 6)?.value).toBe("✓ Genomförd");
    expect(cellIn(written, visaRow, 7)).toMatchObject({ value: "=Klart i augusti" });
    expect(cellIn(written, visaRow, 7)?.formula).toBeUndefined();
    expect(cellIn(written, visaRow, 8)?.value).toBe("Enhetschef JKT");
    // The pane now counts it as done: it is no longer among the late ones.
    await page.locator("li", { hasText: VISA }).waitFor({ state: "detached" });
    expect(pane.errors).toEqual([]);
  });
});

describeInChromium("the task pane with a sheet Manuella värden and a saved Kolada response, for the year 2019", () => {
  let pane: OpenedPane;
  let dir: string;
  const KOLADA = path.join(ROOT, "samples", "kolada", "N00011-0580.json");

  beforeAll(async () => {
    // The sample workbook with the controller's own sheet of entered values.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bilaga-e2e-yearly-"));
    const book = path.join(dir, "plan.xlsx");
    const rows = [
      ["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"],
      ["avi", "", "2019", "113", "Medarbetarenkät 2019 (test)", "CD", "2020-02-01"],
      ["chefer-utomnordisk", "", "2019", "0,21", "HR-avdelningens årsuppföljning 2019 (test)", "AB", "2020-01-20"],
    ];
    const writes = rows.flatMap((cells, row) => cells.map((value, column) => ({ row, column, value, asText: true })));
    fs.writeFileSync(book, await applyPatch(await openWorkbook(WORKBOOK), { sheets: [{ sheet: "Manuella värden", replaceWhole: true, writes }] }));
    pane = await openPane(await seedFromWorkbook(book));
  });
  afterAll(async () => {
    await pane?.page.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes the Kolada file beside the sheet's values, credits Kolada, and writes the year's outcomes", async () => {
    const { page } = pane;
    const period = page.getByLabel(/^Period/);
    await period.fill("2019");
    await period.press("Enter");
    await page.locator('input[type="file"]').setInputFiles([KOLADA]);
    await expectVisible(page.getByText("N00011-0580.json: Kolada, 3 värden, 1 saknas hos Kolada (visas som saknade, inte 0). Källa: Kolada."));

    const shown = async (name: string): Promise<string> => {
      const row = page.locator("table.preview tr", { has: page.getByText(name, { exact: true }) });
      return oneLine((await row.locator("td").nth(1).textContent())?.replace(/\u00a0/g, " "));
    };
    expect(await shown("Attraktiv arbetsgivarindex (AVI)")).toBe("113");
    expect(await shown("Chefer med utomnordisk bakgrund")).toBe("0,21");

    await page.getByRole("button", { name: "Skriv till arbetsboken" }).click();
    await expectVisible(page.getByText(/^Klart: \d+ celler skrevs\./));
    const snapshot = await snapshotOf(page);
    const bilaga = sheetIn(snapshot, "Bilaga")!;
    const header = bilaga.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Utfall "))!;
    expect(cellIn(bilaga, rowOf(bilaga, "Attraktiv arbetsgivarindex"), header.column)?.value).toBe(113);
    const koladaRow = rowOf(bilaga, "Barn i befolkningen");
    expect(cellIn(bilaga, koladaRow, header.column)?.value).toBeCloseTo(4.3, 9);
    expect(snapshot.notes.some(([, text]) => text.includes("Källa: Kolada (nyckeltal N00011, kommun 0580, år 2019)"))).toBe(true);
    const monthly = sheetIn(snapshot, "Månadsdata")!;
    expect(monthly.cells.some((c) => c.value === "kolada")).toBe(true);
    expect(monthly.cells.some((c) => c.value === "manuell")).toBe(true);
    // The controller's sheet is never written.
    expect(snapshot.runs.filter((r) => r.error !== undefined)).toEqual([]);
    expect(sheetIn(snapshot, "Manuella värden")!.cells.find((c) => c.row === 1 && c.column === 3)?.value).toBe("113");
    expect(pane.refused).toEqual([]);
    expect(pane.errors).toEqual([]);
  });

  it("enters a manual value in the pane as a new row of the sheet, refusing one that is not a number", async () => {
    const { page } = pane;
    const rowsBefore = sheetIn(await snapshotOf(page), "Manuella värden")!.cells.filter((c) => c.column === 0).length;
    await page.getByLabel("Indikator för värdet").selectOption({ label: "Hållbart medarbetarengagemang (HME) – Kvinnor" });
    await page.getByLabel("Värde", { exact: true }).fill("ca 80");
    await page.getByLabel("Källa", { exact: true }).fill("Medarbetarenkät 2019 (test)");
    await page.getByLabel("Inmatat av", { exact: true }).fill("EF");
    await page.getByRole("button", { name: "Spara värdet" }).click();
    await expectVisible(page.getByText(/^Värdet sparades inte\. Värde: .*väntade ett tal/));
    expect(sheetIn(await snapshotOf(page), "Manuella värden")!.cells.filter((c) => c.column === 0)).toHaveLength(rowsBefore);

    await page.getByLabel("Värde", { exact: true }).fill("81");
    await page.getByRole("button", { name: "Spara värdet" }).click();
    await expectVisible(page.getByText(/^Värdet 81 för hme \(Kvinnor\) 2019 sparades på bladet "Manuella värden" \(EF, \d{4}-\d\d-\d\d\)/));
    const sheet = sheetIn(await snapshotOf(page), "Manuella värden")!;
    const added = sheet.cells.filter((c) => c.row === rowsBefore).sort((a, b) => a.column - b.column).map((c) => c.value);
    expect(added.slice(0, 6)).toEqual(["hme", "Kvinnor", 2019, 81, "Medarbetarenkät 2019 (test)", "EF"]);
    expect(sheet.cells.find((c) => c.row === 1 && c.column === 3)?.value).toBe("113"); // earlier entries untouched
    const hme = page.locator("table.preview tr", { has: page.getByText("Hållbart medarbetarengagemang (HME) – Kvinnor", { exact: true }) });
    expect(oneLine(await hme.locator("td").nth(1).textContent())).toBe("81");
    expect(pane.errors).toEqual([]);
  });
});

describeInChromium("the task pane outside Excel", () => {
  it("says in Swedish to open it in Excel when office.js runs in a plain browser (no Office host)", async () => {
    const pane = await openPane({ host: null, sheets: [], activeSheet: "Blad1", excelApi: "1.18" });
    try {
      await expectVisible(pane.page.getByText(/^Öppna Bilaga i Excel/));
      expect(await pane.page.getByText("Startar ...").count()).toBe(0);
      expect(pane.errors).toEqual([]);
      expect(pane.refused).toEqual([]);
    } finally {
      await pane.page.close();
    }
  });

  it("says that office.js could not be loaded when Microsoft's CDN cannot be reached", async () => {
    const pane = await openPane("unreachable");
    try {
      await expectVisible(pane.page.getByText(/^Office\.js kunde inte laddas/));
      expect(pane.errors).toEqual([]);
    } finally {
      await pane.page.close();
    }
  });
});

/** Waits until the locator is visible (playwright-core has no expect of its own); on failure, says what the pane showed. */
async function expectVisible(locator: ReturnType<Page["getByText"]>): Promise<void> {
  try {
    await locator.first().waitFor({ state: "visible", timeout: 15_000 });
  } catch (error) {
    const shown = await locator.page().locator("#app").innerText().catch(() => "(sidan kunde inte läsas)");
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- the pane showed ---\n${shown.slice(0, 3000)}`);
  }
}
