/**
 * `bilaga run` in process: check the configuration, import a folder of exports into the
 * ledger (all or nothing: runImport's importForRun), plan the fill from the staged ledger
 * (runBoard's planBoard), commit the import, write the workbook (writeBoard), and build the
 * run report. The night run (pipeline/night) composes the same two steps over many boards.
 *
 * Order matters for "nothing half-written": every check and the whole fill plan (which may
 * refuse the workbook) come before the first write. A rejected file stops the run before
 * filling: the ledger stays as it was and no workbook is written (status "rejected", exit 1);
 * the run report is still written, so a scheduler can read why.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { checkMeasures } from "../../core/outcomes/bindings";
import type { Issue } from "../../core/issues/issues";
import type { Period } from "../../core/periods/period";
import type { SourceProfile } from "../../core/sources/profile";
import { BilagaError, EXIT } from "../cli/errors";
import { loadProfiles } from "../ledger/loadProfiles";
import { writeFileAtomically, type WriteResult } from "../xlsx";
import type { PdfChoice, WrittenBoardReport } from "../report/writeBoardReport";
import type { PlannedFill } from "./fillWorkbook";
import { loadBindings } from "./loadBindings";
import { buildRunReport, type RunReport } from "./runReport";
import { keepSheetManualValues, planBoard, writeBoard, type BoardFill, type PlannedBoard } from "./runBoard";
import { importForRun, importSettingsOf, type ImportSettings } from "./runImport";

export interface RunOptions extends ImportSettings {
  readonly exports: string;
  readonly workbook: string;
  readonly period: Period;
  readonly ledgerPath: string;
  readonly bindingsPath: string;
  readonly profilesDir: string;
  readonly output: string;
  /** Where the JSON run report goes; none when undefined. */
  readonly reportPath?: string;
  readonly sheet?: string;
  /**
   * The board's report beside the filled workbook ("<namn> rapport <period>.html" and .pdf):
   * the PDF when Chromium is there ("auto", the default), required, or left out; or no report at all.
   */
  readonly boardReport?: { readonly pdf?: PdfChoice; readonly title?: string } | false;
}

export interface RunResult {
  readonly report: RunReport;
  readonly plan?: PlannedFill;
  readonly written?: WriteResult;
  readonly boardReport?: WrittenBoardReport;
}

/** Loads the source profiles or throws a Swedish BilagaError (as `bilaga import` does). */
export function loadProfilesOrThrow(dir: string): readonly SourceProfile[] {
  let loaded;
  try {
    loaded = loadProfiles(dir);
  } catch (error) {
    throw new BilagaError(`Mappen med källprofiler ${dir} kunde inte läsas: ${(error as Error).message}`, EXIT.environment);
  }
  if (loaded.issues.length > 0) throw new BilagaError(`Rätta källprofilerna i ${dir} och kör igen.`, EXIT.rejected, loaded.issues);
  if (loaded.profiles.length === 0) throw new BilagaError(`Det finns inga källprofiler (*.json) i ${dir}. Ange mappen med --profiles.`, EXIT.usage);
  return loaded.profiles;
}

/** Runs the month's batch. Throws BilagaError for bad configuration or a workbook that cannot be filled (nothing written then). */
export async function runBatch(options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  if (resolve(options.output) === resolve(options.workbook)) {
    throw new BilagaError(`Utfilen ${options.output} är samma fil som bilagan; bilaga run skriver aldrig över den. Ange en annan utfil med --out.`, EXIT.usage);
  }
  if (!existsSync(options.workbook)) {
    throw new BilagaError(`Filen "${options.workbook}" finns inte. Ange bilagans arbetsbok med --workbook.`, EXIT.environment);
  }
  if (!existsSync(options.exports)) {
    throw new BilagaError(`Mappen med exporter "${options.exports}" finns inte. Ange den med --exports.`, EXIT.environment);
  }
  const bindings = await loadBindings(options.bindingsPath);
  const profiles = loadProfilesOrThrow(options.profilesDir);
  const unknown: Issue[] = checkMeasures(bindings, profiles);
  if (unknown.length > 0) {
    throw new BilagaError(`Kopplingarna i ${options.bindingsPath} nämner mått som ingen källprofil har. Rätta dem och kör igen; ingenting lästes in.`, EXIT.rejected, unknown);
  }

  const step = await importForRun({
    exports: [options.exports],
    ledgerPath: options.ledgerPath,
    profiles,
    ...importSettingsOf(options),
  });
  const base = { startedAt, period: options.period, workbook: resolve(options.workbook), ledger: options.ledgerPath, imports: step.report };
  if (step.rejected) {
    const report = buildRunReport(base);
    if (options.reportPath) await writeRunReport(options.reportPath, report);
    return { report };
  }

  const board: BoardFill = {
    workbook: options.workbook,
    bindings,
    output: options.output,
    ...(options.sheet !== undefined && { sheet: options.sheet }),
    ...(options.boardReport !== undefined && { boardReport: options.boardReport }),
  };
  let planned: PlannedBoard;
  const issues: Issue[] = [...step.yearlyIssues];
  try {
    planned = await planBoard(step.staged.stagePath, board, { period: options.period, profiles, ...(options.env !== undefined && { env: options.env }) });
    issues.push(...keepSheetManualValues(step.staged, planned));
  } catch (error) {
    step.staged.discard();
    throw error;
  }
  step.staged.commit();
  const { written, boardReport } = await writeBoard(planned, { ledgerPath: options.ledgerPath, period: options.period });
  const plan = planned.plan;
  const report = buildRunReport({ ...base, plan, written, deliveries: step.deliveries, issues, ...(boardReport !== undefined && { boardReport }) });
  if (options.reportPath) await writeRunReport(options.reportPath, report);
  return { report, plan, written, ...(boardReport !== undefined && { boardReport }) };
}

/** Writes a JSON report atomically (its folder made when missing). */
export async function writeRunReport(path: string, report: unknown): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFileAtomically(path, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
}
