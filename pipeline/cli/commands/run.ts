/**
 * `bilaga run --period P [--exports MAPP] [--workbook FIL] [--out FIL] [--report FIL]`: the
 * month's batch in one command: read a folder of exports into the ledger, fill the appendix
 * for the period, print a Swedish summary and write a JSON run report.
 *
 * Without options it runs on the samples: samples/exports, samples/verksamhetsplan-amn-2019.xlsx,
 * samples/config; the ledger ./bilaga-data/liggare.sqlite; the workbook and the report in ./utdata/.
 * A rejected export stops the run before filling: the ledger is unchanged, no workbook is
 * written, exit code 1 (the run report says why). Exit codes otherwise as `bilaga import`/`fill`.
 * The board's report (HTML, and PDF when Chromium is there; --pdf requires it, --no-pdf leaves
 * it out) is written beside the workbook: "<namn> rapport <period>.html" (see `bilaga report`).
 *
 * `bilaga run --boards natt.json [--period P]` is the night run over many boards (runNight.ts in
 * this folder): one import for all, a workbook per board, one night report; exit code 5 when a
 * board failed and the others were written.
 */
import type { Command } from "commander";
import type { Issue } from "../../../core/issues/issues";
import { formatIssue } from "../../../core/issues/messages.sv";
import { defaultExportsDir, defaultKoladaPath, defaultManualPath, defaultReportPath, defaultRunOutput, defaultWorkbookPath, resolveBindingsPath } from "../../fill/fillPaths";
import { existsSync } from "node:fs";
import { runBatch } from "../../fill/runBatch";
import { boardReportIssues } from "../../report/writeBoardReport";
import { summarizeRun } from "../../fill/summarizeRun";
import type { FileOutcome } from "../../ledger/importFiles";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import { resolveProfilesDir } from "../../ledger/loadProfiles";
import { BilagaError, EXIT } from "../errors";
import { periodOption } from "./fill";
import { parseTolerance } from "./import";
import { pdfChoice } from "./report";

export interface RunCommandOptions {
  readonly period?: string;
  readonly boards?: string;
  readonly exports?: string;
  readonly workbook?: string;
  readonly out?: string;
  readonly report?: string;
  readonly ledger?: string;
  readonly bindings?: string;
  readonly profiles?: string;
  readonly sheet?: string;
  readonly tolerans?: string;
  readonly manuella?: string;
  readonly kolada?: string;
  /** true with --pdf, false with --no-pdf. */
  readonly pdf?: boolean;
}

/** Issues printed per rejected file; the run report has them all. */
const ISSUES_SHOWN = 20;

export function register(program: Command): void {
  program
    .command("run")
    .description("månadens körning: läs in exporterna, fyll i bilagan för perioden, skriv en sammanfattning och en körrapport (JSON)")
    .option("--period <period>", "perioden: 2019-06, 2019-T1, 2019-T2, 2019-H1, 2019 eller 2019-01..2019-05 (måste anges, utom när nattfilen har den)")
    .option("--boards <fil>", "nattkörning för flera nämnder: konfigurationsfilen (JSON) med nämnderna, exporterna och liggaren (se README, Nattkörningen)")
    .option("--exports <mapp>", "mappen med månadens exporter (standard: samples/exports)")
    .option("--workbook <fil>", "bilagans arbetsbok (standard: samples/verksamhetsplan-amn-2019.xlsx)")
    .option("--out <fil>", 'den ifyllda arbetsboken (standard: ./utdata/"<namn> utfall <period>.xlsx")')
    .option("--report <fil>", "körrapporten (JSON) (standard: ./utdata/korrapport-<period>.json)")
    .option("--ledger <fil>", "liggarens fil (standard: $BILAGA_LEDGER eller ./bilaga-data/liggare.sqlite)")
    .option("--bindings <fil>", "kopplingar (JSON) (standard: $BILAGA_BINDINGS eller samples/config/bindings.json)")
    .option("--profiles <mapp>", "mapp med källprofiler (*.json) (standard: $BILAGA_PROFILES eller samples/config/profiles)")
    .option("--sheet <namn>", "bladet med tabellen (annars väljs det blad som har tabellen)")
    .option("--manuella <fil>", "CSV med manuella värden (standard med exemplens exporter: samples/manual/manuella-varden.csv)")
    .option("--kolada <fil eller mapp>", "sparade svar från Kolada (.json) (standard med exemplens exporter: samples/kolada)")
    .option("--tolerans <andel>", "andel felaktiga rader som får hoppas över utan att filen avvisas, t.ex. 0,01 eller 1 %", "0")
    .option("--pdf", "kräv rapporten som PDF: avbryt innan något skrivs om Chromium saknas")
    .option("--no-pdf", "skriv rapporten bara som HTML")
    .action(async (options: RunCommandOptions, command: Command) => {
      if (options.boards !== undefined) {
        await (await import("./runNight")).runNightCommand(options, command);
        return;
      }
      await runCommand(options);
    });
}

async function runCommand(options: RunCommandOptions): Promise<void> {
  if (options.period === undefined) throw new BilagaError("Fel: alternativet '--period <period>' måste anges.", EXIT.usage);
  const period = periodOption(options.period);
  const tolerance = parseTolerance(options.tolerans ?? "0");
  const workbook = options.workbook ?? defaultWorkbookPath();
  const reportPath = options.report ?? defaultReportPath(period);
  // The sample manual values and Kolada file are used only with the sample exports: invented
  // figures must never reach a ledger that holds a municipality's own exports.
  const onSamples = options.exports === undefined;
  const given = (path: string | undefined, fallback: string, what: string): string | undefined => {
    if (path === undefined) return onSamples && existsSync(fallback) ? fallback : undefined;
    if (!existsSync(path)) throw new BilagaError(`${what} "${path}" finns inte.`, EXIT.environment);
    return path;
  };
  const manualPath = given(options.manuella, defaultManualPath(), "Filen med manuella värden");
  const koladaPath = given(options.kolada, defaultKoladaPath(), "Kolada-filen eller mappen");
  const result = await runBatch({
    exports: options.exports ?? defaultExportsDir(),
    workbook,
    period,
    ledgerPath: resolveLedgerPath(options.ledger),
    bindingsPath: resolveBindingsPath(options.bindings),
    profilesDir: resolveProfilesDir(options.profiles),
    output: options.out ?? defaultRunOutput(workbook, period),
    reportPath,
    tolerance,
    ...(manualPath !== undefined && { manualPath }),
    ...(koladaPath !== undefined && { koladaPath }),
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    onFile: printRejected,
    boardReport: { pdf: pdfChoice(options.pdf) },
  });
  process.stdout.write(summarizeRun(result.report, { reportPath }));
  for (const found of boardReportIssues(result.boardReport)) process.stderr.write(`${formatIssue(found)}\n`);
  if (result.report.status === "rejected") {
    throw new BilagaError("Körningen avbröts: en export avvisades. Liggaren är oförändrad och ingen arbetsbok skrevs.", EXIT.rejected);
  }
}

/** A rejected file's issues go to stderr as the import prints them; accepted files are counted in the summary. */
export function printRejected(outcome: FileOutcome): void {
  if (outcome.kind !== "rejected") return;
  process.stderr.write(`Avvisad: ${outcome.file} – ${outcome.issueCount} ${outcome.issueCount === 1 ? "fel" : "fel och varningar"}.\n`);
  const shown: readonly Issue[] = outcome.issues.slice(0, ISSUES_SHOWN);
  for (const found of shown) process.stderr.write(`  ${formatIssue(found)}\n`);
  if (outcome.issueCount > shown.length) process.stderr.write(`  … och ${outcome.issueCount - shown.length} till.\n`);
}
