/**
 * Writes the board's report of a planned fill: one self-contained HTML file and, printed from
 * it by headless Chromium, a PDF beside it (same name, .pdf). Both come from the same plan as
 * the workbook, so every figure is the workbook's.
 *
 * Without Chromium (or playwright-core) the PDF cannot be made. What happens then is chosen:
 * - "auto" (the default): the HTML is written and the result carries a report/pdf-unavailable
 *   warning (a Swedish sentence saying why and what to install), which the commands print and
 *   the run report keeps; a PDF of an earlier run with the same name is removed (and that is
 *   said), so an old PDF is never taken for this period's. Never a silent skip.
 * - "required" (--pdf): nothing is written and a BilagaError (exit 4, the environment) says why.
 * - "off" (--no-pdf): only the HTML, no warning; a PDF of an earlier run with the same name is
 *   removed here too, and that is said (report/old-pdf-removed).
 * Each file is written atomically (temporary file, fsync, rename).
 */
import { mkdir, rm, stat } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { issue, type Issue } from "../../core/issues/issues";
import { buildReport } from "../../core/report/buildReport";
import type { Report, ReportSection } from "../../core/report/reportModel";
import { renderReportHtml } from "../../core/report/renderReportHtml";
import { BilagaError, EXIT } from "../cli/errors";
import type { PlannedFill } from "../fill/fillWorkbook";
import { writeFileAtomically } from "../xlsx";
import { PdfUnavailableError, printPdf } from "./printPdf";

export type PdfChoice = "auto" | "required" | "off";

export interface BoardReportOptions {
  /** Where the HTML goes; the PDF goes beside it with the extension .pdf. */
  readonly htmlPath: string;
  readonly pdf?: PdfChoice;
  readonly title?: string;
  /** Source profile id -> name, for "Källa: …". */
  readonly sourceNames?: Readonly<Record<string, string>>;
  readonly madeAt?: Date;
  readonly sections?: readonly ReportSection[];
  readonly env?: NodeJS.ProcessEnv;
}

export interface WrittenBoardReport {
  readonly report: Report;
  readonly html: string;
  /** Absent when no PDF was written (then `pdfIssue` says why, unless the PDF was turned off). */
  readonly pdf?: string;
  readonly pdfIssue?: Issue;
  /** With the PDF turned off: the older PDF of the same name that was removed. */
  readonly oldPdfRemoved?: Issue;
}

/** What a written report has to say to the user: why there is no PDF, or that an old one was removed. */
export function boardReportIssues(written: WrittenBoardReport | undefined): Issue[] {
  return [written?.pdfIssue, written?.oldPdfRemoved].filter((found): found is Issue => found !== undefined);
}

/** "plan rapport 2019-T2.html" -> "plan rapport 2019-T2.pdf". */
export function pdfPathFor(htmlPath: string): string {
  const ext = extname(htmlPath);
  return `${ext.toLowerCase() === ".html" || ext.toLowerCase() === ".htm" ? htmlPath.slice(0, -ext.length) : htmlPath}.pdf`;
}

/** The report model and its HTML, in memory. */
export function planBoardReport(plan: PlannedFill, options: Omit<BoardReportOptions, "htmlPath" | "pdf" | "env"> = {}): { report: Report; html: string } {
  const report = buildReport({
    appendix: plan.appendix,
    assessment: plan.assessment,
    records: plan.seriesRecords,
    period: plan.period,
    file: basename(plan.input),
    ...(plan.activities !== undefined && { activities: plan.activities }),
    madeAt: (options.madeAt ?? new Date()).toISOString(),
    ...(options.title !== undefined && { title: options.title }),
    ...(options.sourceNames !== undefined && { sourceNames: options.sourceNames }),
    ...(options.sections !== undefined && { sections: options.sections }),
  });
  return { report, html: renderReportHtml(report) };
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** The report made in memory, PDF included, ready to be written. */
export interface PreparedBoardReport {
  readonly report: Report;
  readonly html: string;
  readonly pdfBytes?: Uint8Array;
  /** Why there is no PDF, when one was wanted and could not be made. */
  readonly pdfMissing?: string;
}

/**
 * Makes the report and prints the PDF, writing nothing; throws a BilagaError (exit 4) when the
 * PDF is required and cannot be made, so a command can stop before its first write.
 */
export async function prepareBoardReport(plan: PlannedFill, options: Omit<BoardReportOptions, "htmlPath">): Promise<PreparedBoardReport> {
  const choice = options.pdf ?? "auto";
  const { report, html } = planBoardReport(plan, options);
  if (choice === "off") return { report, html };
  try {
    const pdfBytes = await printPdf(html, { title: report.title, ...(options.env !== undefined && { env: options.env }) });
    return { report, html, pdfBytes };
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    if (choice === "required") {
      throw new BilagaError(
        `PDF-versionen av rapporten kan inte göras: ${error.reason}. Ingenting skrevs. Installera Chromium (Debian/Ubuntu: apt-get install chromium fonts-dejavu-core) eller ange sökvägen till den i CHROMIUM_PATH; utan --pdf skrivs HTML ändå.`,
        EXIT.environment,
      );
    }
    return { report, html, pdfMissing: error.reason };
  }
}

/** Writes a prepared report: the HTML, and the PDF beside it or the warning why there is none. */
export async function saveBoardReport(prepared: PreparedBoardReport, htmlPath: string): Promise<WrittenBoardReport> {
  const { report } = prepared;
  const pdfPath = pdfPathFor(htmlPath);
  await mkdir(dirname(resolve(htmlPath)), { recursive: true });
  await writeFileAtomically(htmlPath, new TextEncoder().encode(prepared.html));
  if (prepared.pdfBytes !== undefined) {
    await writeFileAtomically(pdfPath, prepared.pdfBytes);
    return { report, html: htmlPath, pdf: pdfPath };
  }
  // No PDF this time: one of an earlier run with the same name must not be taken for this period's.
  const stale = await exists(pdfPath);
  if (stale) await rm(pdfPath, { force: true });
  if (prepared.pdfMissing === undefined) {
    return stale ? { report, html: htmlPath, oldPdfRemoved: issue("report/old-pdf-removed", "info", { params: { removed: pdfPath } }) } : { report, html: htmlPath };
  }
  const pdfIssue = issue("report/pdf-unavailable", "warning", { params: { reason: prepared.pdfMissing, ...(stale && { removed: pdfPath }) } });
  return { report, html: htmlPath, pdfIssue };
}

/** @example await writeBoardReport(plan, { htmlPath: "utdata/plan rapport 2019-T2.html" }) // { html: "…html", pdf: "…pdf" } */
export async function writeBoardReport(plan: PlannedFill, options: BoardReportOptions): Promise<WrittenBoardReport> {
  return saveBoardReport(await prepareBoardReport(plan, options), options.htmlPath);
}
