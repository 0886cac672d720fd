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
 * - "off" (--no-pdf): only the HTML, no warning.
 * Each file is written atomically (temporary file, fsync, rename).
 */
import { rm, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
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
}

/** "plan utfall 2019-T2.html" -> "plan utfall 2019-T2.pdf". */
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
    madeAt: (options.madeAt ?? new Date()).toISOString(),
    ...(options.title !== undefined && { title: options.title }),
    ...(options.sourceNames !== undefined && { sourceNames: options.sourceNames }),
    ...(options.sections !== undefined && { sections: options.sections }),
  });
  return { report, html: renderReportHtml(report) };
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** @example await writeBoardReport(plan, { htmlPath: "utdata/plan rapport 2019-T2.html" }) // { html: "…html", pdf: "…pdf" } */
export async function writeBoardReport(plan: PlannedFill, options: BoardReportOptions): Promise<WrittenBoardReport> {
  const choice = options.pdf ?? "auto";
  const { report, html } = planBoardReport(plan, options);
  const pdfPath = pdfPathFor(options.htmlPath);
  let pdfBytes: Uint8Array | undefined;
  let reason: string | undefined;
  if (choice !== "off") {
    try {
      pdfBytes = await printPdf(html, { title: report.title, ...(options.env !== undefined && { env: options.env }) });
    } catch (error) {
      if (!(error instanceof PdfUnavailableError)) throw error;
      reason = error.reason;
    }
  }
  if (reason !== undefined && choice === "required") {
    throw new BilagaError(
      `PDF-versionen av rapporten kan inte göras: ${reason}. Ingenting skrevs. Installera Chromium (Debian/Ubuntu: apt-get install chromium fonts-dejavu-core) eller ange sökvägen till den i CHROMIUM_PATH; utan --pdf skrivs HTML ändå.`,
      EXIT.environment,
    );
  }
  const encoded = new TextEncoder().encode(html);
  await writeFileAtomically(options.htmlPath, encoded);
  if (pdfBytes !== undefined) {
    await writeFileAtomically(pdfPath, pdfBytes);
    return { report, html: options.htmlPath, pdf: pdfPath };
  }
  if (reason === undefined) return { report, html: options.htmlPath };
  const stale = await exists(pdfPath);
  if (stale) await rm(pdfPath, { force: true });
  const pdfIssue = issue("report/pdf-unavailable", "warning", { params: { reason, ...(stale && { removed: pdfPath }) } });
  return { report, html: options.htmlPath, pdfIssue };
}
