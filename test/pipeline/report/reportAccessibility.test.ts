// The board's report in the browser: axe-core (the accessibility engine, run inside headless
// Chromium on the page `bilaga run` wrote, its activities section included) finds no violation of
// WCAG 2.1 A and AA, on screen and as printed; screenshots of the page's top and of its activities
// are saved in test-artifacts/. Skipped only when no
// Chromium is installed (.ci/run installs Debian's).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../../../pipeline/report/findChromium";
import { bilaga, REPO, requireBuild } from "../cliTestKit";

const ARTIFACTS = path.join(REPO, "test-artifacts");
const AXE = require.resolve("axe-core/axe.min.js");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const executable = findChromium();
if (!executable) console.warn("Hoppar över tillgänglighetstestet av rapporten: ingen Chromium (/usr/bin/chromium eller CHROMIUM_PATH).");
const describeInChromium = executable ? describe : describe.skip;

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

let dir: string;
let html: string;
let browser: Browser;

beforeAll(async () => {
  if (!executable) return;
  requireBuild();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bilaga-rapport-axe-"));
  const run = bilaga(dir, "run", "--period", "2019-T2", "--no-pdf");
  if (run.status !== 0) throw new Error(`bilaga run: ${run.status}\n${run.stderr}`);
  html = fs.readFileSync(path.join(dir, "utdata", "verksamhetsplan-amn-2019 rapport 2019-T2.html"), "utf8");
  browser = await chromium.launch({ executablePath: executable, headless: true, args: [...CHROMIUM_ARGS] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function openReport(media: "screen" | "print"): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "sv-SE" });
  const requests: string[] = [];
  await page.route("**/*", (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.emulateMedia({ media });
  await page.setContent(html, { waitUntil: "load" });
  await page.addScriptTag({ path: AXE });
  return { page, requests };
}

const axeViolations = (page: Page): Promise<AxeViolation[]> =>
  page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, WCAG_21_AA);

describeInChromium("the report page in Chromium", () => {
  it.each(["screen", "print"] as const)("has no WCAG 2.1 AA violation that axe-core finds (%s)", async (media) => {
    const { page, requests } = await openReport(media);
    try {
      const violations = await axeViolations(page);
      expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`)).toEqual([]);
      expect(requests).toEqual([]); // self-contained: nothing fetched
      if (media === "screen") {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, "report-html.png"), fullPage: false });
        await page.locator("section", { has: page.locator("h2", { hasText: "Aktiviteter – uppföljning" }) }).screenshot({ path: path.join(ARTIFACTS, "report-html-activities.png") });
      }
    } finally {
      await page.close();
    }
  });

  it("reads as a reader expects: Swedish, one h1, headings in order, each status as symbol and text", async () => {
    const { page } = await openReport("screen");
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("sv");
      const levels = await page.evaluate(() => [...document.querySelectorAll("h1, h2, h3, h4")].map((h) => Number(h.tagName.slice(1))));
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      levels.forEach((level, i) => {
        if (i > 0) expect(level - (levels[i - 1] ?? 1)).toBeLessThanOrEqual(1); // never skips a level going down
      });
      const statuses = await page.locator("td[data-status-row] .status").allTextContents();
      expect(statuses.length).toBeGreaterThan(25);
      for (const text of statuses) expect(text).toMatch(/^[✓◐✗○–] (Uppfyllt|Delvis uppfyllt|Ej uppfyllt|Kan ej bedömas|Ej uppföljd)( \(prognos\))?$/);
      // The activities section is in the page axe checked: every activity's status as symbol and word too.
      const activities = await page.locator("td[data-activity-status] .status").allTextContents();
      expect(activities).toHaveLength(42);
      for (const text of activities) expect(text).toMatch(/^([✓→!○–] (Genomförd|Pågår enligt plan|Försenad|Ej påbörjad|Utgår)|Ej rapporterad)$/);
      // Every data cell of an indicator table has its column header and its row header.
      const orphans = await page.evaluate(() =>
        [...document.querySelectorAll("table.indicators tbody tr")].filter((tr) => tr.querySelector('th[scope="row"]') === null).length,
      );
      expect(orphans).toBe(0);
    } finally {
      await page.close();
    }
  });
});
