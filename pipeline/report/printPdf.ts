/**
 * Prints the report's HTML to PDF with headless Chromium (driven by playwright-core): tagged
 * (a structure tree: headings, tables with their header cells, the reading order), with an
 * outline (bookmarks from the headings), the page's title and language (lang="sv") as the
 * document's, A4 landscape from the page's own @page rule, colours kept, and a footer with the
 * title and page numbers. Text stays text (selectable), and the fonts used are embedded.
 *
 * Nothing leaves the machine: the page is set from the string and every request is refused.
 * When Chromium or playwright-core is missing, PdfUnavailableError says why (in Swedish); the
 * caller decides whether that stops the command (see writeBoardReport).
 */
import { escapeHtml } from "../../core/report/escapeHtml";
import { CHROMIUM_ARGS, locateChromium } from "./findChromium";

export class PdfUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "PdfUnavailableError";
  }
}

type Playwright = typeof import("playwright-core");

/** How long Chromium may take to start, and to load and print the page. */
const TIMEOUT_MS = 60_000;

async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import("playwright-core");
  } catch {
    throw new PdfUnavailableError("paketet playwright-core saknas (installera det med npm install playwright-core)");
  }
}

/** The footer on every page: the title and "sida 2 av 5". Chromium fills pageNumber and totalPages. */
function footer(title: string): string {
  return `<div style="font-family:'DejaVu Sans',sans-serif;font-size:8px;color:#333;width:100%;padding:0 10mm;display:flex;justify-content:space-between;"><span>${escapeHtml(title)}</span><span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`;
}

export interface PrintOptions {
  readonly title: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** @example await printPdf(html, { title: "Indikatorbilaga – uppföljning tertial 2 2019 (jan–aug)" }) // Uint8Array "%PDF-1.4 …" */
export async function printPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
  const located = locateChromium(options.env);
  if ("missing" in located) throw new PdfUnavailableError(located.missing);
  const { chromium } = await loadPlaywright();
  const firstLine = (error: unknown): string => ((error as Error)?.message ?? String(error)).split("\n")[0] ?? "";
  let browser;
  try {
    browser = await chromium.launch({ executablePath: located.path, headless: true, args: [...CHROMIUM_ARGS], timeout: TIMEOUT_MS });
  } catch (error) {
    throw new PdfUnavailableError(`Chromium (${located.path}) kunde inte startas: ${firstLine(error)}`);
  }
  try {
    const page = await browser.newPage({ locale: "sv-SE" });
    page.setDefaultTimeout(TIMEOUT_MS);
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footer(options.title),
    });
    return new Uint8Array(pdf);
  } catch (error) {
    // A browser that started but could not print (crashed, timed out) is said the same way: no PDF, and why.
    throw new PdfUnavailableError(`Chromium (${located.path}) kunde inte skriva ut rapporten: ${firstLine(error)}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
