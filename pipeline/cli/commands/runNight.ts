/**
 * `bilaga run --boards natt.json [--period P] [--report FIL] [--tolerans ANDEL] [--pdf | --no-pdf]`:
 * the night run over many boards (pipeline/night/runNight.ts). The configuration file names the
 * boards and what they share (pipeline/night/nightConfig.ts); the single-board options
 * (--workbook, --bindings, --exports, …) belong in the file and are refused beside --boards.
 *
 * Defaults: the period from the file; the ledger from the file, else as `bilaga import`; the
 * profiles from the file, else as `bilaga import`; each board's output in the file's `outputDir`
 * (else ./utdata/) as "<namn> utfall <period>.xlsx"; the night report from the file, else
 * ./utdata/nattrapport-<period>.json.
 *
 * Exit codes: 0 every board filled; 5 one or more boards failed (the others were written; the
 * night report names them and why); 1 an export (or the manual/Kolada file) was rejected:
 * nothing was read into the ledger and no board was written; 1 also for a wrong configuration
 * file; 2 wrong use; 3 the ledger is locked; 4 a file or folder is missing.
 */
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { existsSync } from "node:fs";
import { formatIssue } from "../../../core/issues/messages.sv";
import { DEFAULT_OUTPUT_DIR, filledName } from "../../fill/fillPaths";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import { resolveProfilesDir } from "../../ledger/loadProfiles";
import { loadNightConfig } from "../../night/nightConfig";
import { runNight, type BoardOutcome, type NightBoard } from "../../night/runNight";
import { summarizeNight } from "../../night/summarizeNight";
import { BilagaError, EXIT } from "../errors";
import { periodOption } from "./fill";
import { parseTolerance } from "./import";
import { pdfChoice } from "./report";
import { printRejected, type RunCommandOptions } from "./run";

/** The options of `bilaga run` for one board; beside --boards they are refused (the file says them per board). */
const ONE_BOARD_OPTIONS = ["exports", "workbook", "out", "bindings", "sheet", "ledger", "profiles", "manuella", "kolada"] as const;

export async function runNightCommand(options: RunCommandOptions, command: Command): Promise<void> {
  const given = ONE_BOARD_OPTIONS.filter((name) => command.getOptionValueSource(name) === "cli");
  if (given.length > 0) {
    throw new BilagaError(
      `${given.map((name) => `--${name}`).join(", ")} kan inte anges med --boards: nattkörningens konfigurationsfil säger det för alla nämnder (exports, ledger, profiles, manual, kolada) eller per nämnd (workbook, bindings, sheet, output).`,
      EXIT.usage,
    );
  }
  const config = loadNightConfig(options.boards!);
  const periodText = options.period ?? config.period;
  if (periodText === undefined) throw new BilagaError(`Ange perioden med --period (t.ex. --period 2019-T2) eller som "period" i ${config.file}.`, EXIT.usage);
  const period = periodOption(periodText);
  const tolerance = parseTolerance(options.tolerans ?? "0");
  for (const path of [...config.exports, ...config.boards.flatMap((b) => b.exports)]) {
    if (!existsSync(path)) throw new BilagaError(`Mappen eller filen med exporter "${path}" (i ${config.file}) finns inte.`, EXIT.environment);
  }
  for (const [what, path] of [["Filen med manuella värden", config.manual], ["Kolada-filen eller mappen", config.kolada]] as const) {
    if (path !== undefined && !existsSync(path)) throw new BilagaError(`${what} "${path}" (i ${config.file}) finns inte.`, EXIT.environment);
  }
  const outputDir = config.outputDir ?? resolve(DEFAULT_OUTPUT_DIR);
  const boards: NightBoard[] = config.boards.map((board) => ({
    name: board.name,
    workbook: board.workbook,
    bindingsPath: board.bindings,
    output: board.output ?? join(outputDir, filledName(board.workbook, period)),
    ...(board.sheet !== undefined && { sheet: board.sheet }),
  }));
  const reportPath = options.report !== undefined ? resolve(options.report) : (config.report ?? join(outputDir, `nattrapport-${period.id}.json`));
  const pdf = command.getOptionValueSource("pdf") === "cli" ? pdfChoice(options.pdf) : (config.pdf ?? "auto");
  const result = await runNight({
    boards,
    exports: [...config.exports, ...config.boards.flatMap((b) => b.exports)],
    ledgerPath: resolveLedgerPath(config.ledger),
    profilesDir: resolveProfilesDir(config.profiles),
    period,
    reportPath,
    tolerance,
    ...(config.manual !== undefined && { manualPath: config.manual }),
    ...(config.kolada !== undefined && { koladaPath: config.kolada }),
    boardReport: { pdf },
    onFile: printRejected,
    onBoard: printFailed,
  });
  process.stdout.write(summarizeNight(result.report, { reportPath }));
  if (result.report.exitCode !== EXIT.ok) process.exitCode = result.report.exitCode;
}

/** Issues printed per failed board; the night report has them all. */
const ISSUES_SHOWN = 5;

/** A failed board is said on stderr at once, so a log shows it even if the night stops later. */
function printFailed(outcome: BoardOutcome): void {
  if (outcome.status !== "failed" || outcome.failure === undefined) return;
  const { message, issues } = outcome.failure;
  process.stderr.write(`Nämnden ${outcome.board.name} kunde inte fyllas i: ${message}\n`);
  for (const found of issues.slice(0, ISSUES_SHOWN)) process.stderr.write(`  ${formatIssue(found)}\n`);
  if (issues.length > ISSUES_SHOWN) process.stderr.write(`  … och ${issues.length - ISSUES_SHOWN} till (se nattrapporten).\n`);
}
