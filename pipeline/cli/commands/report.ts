/**
 * `bilaga report --period P [--workbook FIL] [--out FIL.html] [--pdf | --no-pdf] [--title TEXT]
 * [--ledger FIL] [--bindings FIL] [--profiles MAPP] [--sheet NAMN]`: the board's report of the
 * appendix for a period, from what the ledger holds (as `bilaga fill` computes it, nothing
 * written to the workbook): one self-contained HTML file and a PDF beside it.
 *
 * Without --out: ./utdata/"<namn> rapport <period>.html" (and .pdf). Without Chromium the HTML
 * is written and a Swedish warning says the PDF was not (writeBoardReport); --pdf makes the
 * PDF required (exit 4 when it cannot be made, nothing written), --no-pdf leaves it out.
 * Exit codes as `bilaga fill`: 0 written, 1 the workbook or configuration was refused, 2 wrong
 * use, 4 a file is missing or Chromium is missing with --pdf.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { formatIssue } from "../../../core/issues/messages.sv";
import { resolveBindingsPath, defaultWorkbookPath } from "../../fill/fillPaths";
import { planFill } from "../../fill/fillWorkbook";
import { loadBindings } from "../../fill/loadBindings";
import { readLedgerForFill } from "../../fill/readPeriodRecords";
import { shownPath } from "../../fill/summarizeRun";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import { resolveProfilesDir } from "../../ledger/loadProfiles";
import { defaultReportHtml } from "../../report/reportPaths";
import { sourceNames } from "../../report/sourceNames";
import { boardReportIssues, writeBoardReport, type PdfChoice } from "../../report/writeBoardReport";
import { BilagaError, EXIT } from "../errors";
import { periodOption } from "./fill";

interface ReportCommandOptions {
  readonly period: string;
  readonly workbook?: string;
  readonly out?: string;
  /** true with --pdf, false with --no-pdf, undefined otherwise. */
  readonly pdf?: boolean;
  readonly title?: string;
  readonly ledger?: string;
  readonly bindings?: string;
  readonly profiles?: string;
  readonly sheet?: string;
}

/** --pdf: required; --no-pdf: off; neither: when Chromium is there. */
export function pdfChoice(option: boolean | undefined): PdfChoice {
  return option === true ? "required" : option === false ? "off" : "auto";
}

export function register(program: Command): void {
  program
    .command("report")
    .description("rapporten till nämnden: bilagan för perioden som en tillgänglig HTML-fil och en PDF (utfall, status, trender, fotnoter, källor)")
    .requiredOption("--period <period>", "perioden: 2019-06, 2019-T1, 2019-T2, 2019-H1, 2019 eller 2019-01..2019-05")
    .option("--workbook <fil>", "bilagans arbetsbok (standard: samples/verksamhetsplan-amn-2019.xlsx)")
    .option("--out <fil>", 'HTML-filen; PDF:en hamnar bredvid med samma namn (standard: ./utdata/"<namn> rapport <period>.html")')
    .option("--pdf", "kräv PDF: avbryt utan att skriva något om Chromium saknas")
    .option("--no-pdf", "skriv bara HTML")
    .option("--title <text>", 'rapportens rubrik (standard: "Indikatorbilaga – uppföljning <period>")')
    .option("--ledger <fil>", "liggarens fil (standard: $BILAGA_LEDGER eller ./bilaga-data/liggare.sqlite)")
    .option("--bindings <fil>", "kopplingar (JSON) (standard: $BILAGA_BINDINGS eller samples/config/bindings.json)")
    .option("--profiles <mapp>", "mapp med källprofiler, för källornas namn (standard: $BILAGA_PROFILES eller samples/config/profiles)")
    .option("--sheet <namn>", "bladet med tabellen (annars väljs det blad som har tabellen)")
    .action(async (options: ReportCommandOptions) => {
      await runReport(options);
    });
}

async function runReport(options: ReportCommandOptions): Promise<void> {
  const period = periodOption(options.period);
  const workbook = options.workbook ?? defaultWorkbookPath();
  if (!existsSync(workbook)) throw new BilagaError(`Filen "${workbook}" finns inte. Ange bilagans arbetsbok med --workbook.`, EXIT.environment);
  const htmlPath = resolve(options.out ?? defaultReportHtml(workbook, period));
  if (!/\.html?$/i.test(htmlPath)) throw new BilagaError(`Utfilen ${options.out ?? htmlPath} ska sluta på .html; PDF:en skrivs bredvid den.`, EXIT.usage);
  const bindings = await loadBindings(resolveBindingsPath(options.bindings));
  const ledgerPath = resolveLedgerPath(options.ledger);
  // As `bilaga fill` reads the ledger, so the report's figures are the ones a fill writes.
  const plan = await planFill({ workbook, period, bindings, ...readLedgerForFill(ledgerPath, bindings, period), ...(options.sheet !== undefined && { sheet: options.sheet }) });
  const written = await writeBoardReport(plan, {
    htmlPath,
    pdf: pdfChoice(options.pdf),
    sourceNames: sourceNames(resolveProfilesDir(options.profiles)),
    ...(options.title !== undefined && { title: options.title }),
  });
  const totals = written.report.totals;
  const lines = [
    `Rapport för ${period.label}: ${totals.followed} uppföljda rader (✓ ${totals.met}, ◐ ${totals["partly-met"]}, ✗ ${totals["not-met"]}, ○ ${totals["not-assessable"]}), ${totals.notFollowed} indikatorer utan utfall för perioden.`,
    `HTML: ${shownPath(written.html)}`,
  ];
  if (written.pdf !== undefined) lines.push(`PDF: ${shownPath(written.pdf)}`);
  process.stdout.write(`${lines.join("\n")}\n`);
  for (const found of boardReportIssues(written)) process.stderr.write(`${formatIssue(found)}\n`);
}
