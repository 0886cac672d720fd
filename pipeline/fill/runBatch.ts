/**
 * `bilaga run` in process: check the configuration, import a folder of exports into the
 * ledger (all or nothing: stageImport), plan the fill from the staged ledger, commit the
 * import, write the workbook, and build the run report.
 *
 * Order matters for "nothing half-written": every check and the whole fill plan (which may
 * refuse the workbook) come before the first write. A rejected file stops the run before
 * filling: the ledger stays as it was and no workbook is written (status "rejected", exit 1);
 * the run report is still written, so a scheduler can read why.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { checkMeasures } from "../../core/outcomes/bindings";
import type { Issue } from "../../core/issues/issues";
import type { Period } from "../../core/periods/period";
import type { SourceProfile } from "../../core/sources/profile";
import { BilagaError, EXIT } from "../cli/errors";
import type { FileOutcome, ImportProgress } from "../ledger/importFiles";
import { loadProfiles } from "../ledger/loadProfiles";
import { LedgerLockedError } from "../ledger/lockLedger";
import { KeyMismatchError } from "../ledger/writeBatch";
import { writeFileAtomically, type WriteResult } from "../xlsx";
import { reportBeside } from "../report/reportPaths";
import { prepareBoardReport, saveBoardReport, type PdfChoice, type PreparedBoardReport, type WrittenBoardReport } from "../report/writeBoardReport";
import { planFill, writeFill, type PlannedFill } from "./fillWorkbook";
import { recordActivityFollowUps } from "../ledger/recordActivityFollowUps";
import { loadBindings } from "./loadBindings";
import { readDeliveries, readLedgerForFill } from "./readPeriodRecords";
import { collectKoladaFiles, importYearlyValues } from "../ledger/importYearlyValues";
import { MANUAL_SHEET } from "../../core/manual/readManualValues";
import { buildRunReport, type RunReport } from "./runReport";
import type { Delivery } from "./rowProvenance";
import { stageImport } from "./stageImport";

export interface RunOptions {
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
  readonly tolerance?: number;
  /** A CSV of manual values to store in the ledger first (none when undefined). */
  readonly manualPath?: string;
  /** A saved Kolada response (.json) or a folder of them, to store in the ledger first (none when undefined). */
  readonly koladaPath?: string;
  readonly onFile?: (outcome: FileOutcome) => void;
  readonly onProgress?: (event: ImportProgress) => void;
  readonly env?: NodeJS.ProcessEnv;
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

  let staged;
  try {
    staged = await stageImport([options.exports], {
      ledgerPath: options.ledgerPath,
      profiles,
      ...(options.tolerance !== undefined && { tolerance: options.tolerance }),
      ...(options.onFile && { onFile: options.onFile }),
      ...(options.onProgress && { onProgress: options.onProgress }),
      ...(options.env && { env: options.env }),
    });
  } catch (error) {
    if (error instanceof LedgerLockedError) throw new BilagaError(error.message, EXIT.locked);
    if (error instanceof KeyMismatchError) throw new BilagaError(error.message, EXIT.rejected);
    throw error;
  }
  if (staged.report.files.length === 0) {
    staged.discard();
    throw new BilagaError(`Inga exporter (.csv, .txt eller .tsv) hittades i ${options.exports}.`, EXIT.usage);
  }
  const base = { startedAt, period: options.period, workbook: resolve(options.workbook), ledger: options.ledgerPath, imports: staged.report };

  if (staged.rejected) {
    staged.discard();
    const report = buildRunReport(base);
    if (options.reportPath) await writeReport(options.reportPath, report);
    return { report };
  }

  // Manual values and Kolada's key figures go into the same staged ledger: all or nothing with the exports.
  const yearlyIssues: Issue[] = [];
  let plan: PlannedFill;
  let deliveries: Delivery[];
  try {
    const yearly = importYearlyValues(staged.stagePath, {
      manualFiles: options.manualPath === undefined ? [] : [options.manualPath],
      koladaFiles: options.koladaPath === undefined ? [] : collectKoladaFiles(options.koladaPath),
    });
    if (yearly.rejected) {
      throw new BilagaError(
        "Körningen avbröts: en fil med manuella värden eller Kolada-värden avvisades. Liggaren är oförändrad och ingen arbetsbok skrevs.",
        EXIT.rejected,
        yearly.issues.filter((i) => i.severity === "error"),
      );
    }
    if (yearly.changed) staged.markChanged();
    yearlyIssues.push(...yearly.issues);
    deliveries = readDeliveries(staged.stagePath);
    plan = await planFill({
      workbook: options.workbook,
      period: options.period,
      bindings,
      ...readLedgerForFill(staged.stagePath, bindings, options.period),
      ...(options.sheet !== undefined && { sheet: options.sheet }),
    });
    // The workbook's own sheet "Manuella värden" is kept in the ledger too, with its history.
    if (plan.sheetManualValues.length > 0) {
      const fromSheet = importYearlyValues(staged.stagePath, { manualValues: [{ origin: `${resolve(options.workbook)} (${MANUAL_SHEET})`, values: plan.sheetManualValues }] });
      if (fromSheet.changed) staged.markChanged();
      yearlyIssues.push(...fromSheet.issues);
    }
  } catch (error) {
    staged.discard();
    throw error;
  }
  // The board's report (and its PDF) is made before anything is written: a required PDF that
  // cannot be made stops the run here, with the ledger and the workbook as they were.
  let prepared: PreparedBoardReport | undefined;
  try {
    await mkdir(dirname(resolve(options.output)), { recursive: true });
    if (options.boardReport !== false) {
      const names = Object.fromEntries(profiles.map((p) => [p.id, p.name]));
      const wanted = options.boardReport ?? {};
      prepared = await prepareBoardReport(plan, {
        sourceNames: names,
        ...(wanted.pdf !== undefined && { pdf: wanted.pdf }),
        ...(wanted.title !== undefined && { title: wanted.title }),
        ...(options.env !== undefined && { env: options.env }),
      });
    }
  } catch (error) {
    staged.discard();
    throw error;
  }
  staged.commit();
  const written = await writeFill(plan, { output: options.output });
  if (plan.activities?.period && plan.activities.sheets.length > 0) recordActivityFollowUps(options.ledgerPath, basename(options.workbook), plan.activities, plan.activities.period);
  const boardReport = prepared === undefined ? undefined : await saveBoardReport(prepared, reportBeside(written.path, options.workbook, options.period));
  const report = buildRunReport({ ...base, plan, written, deliveries, issues: yearlyIssues, ...(boardReport !== undefined && { boardReport }) });
  if (options.reportPath) await writeReport(options.reportPath, report);
  return { report, plan, written, ...(boardReport !== undefined && { boardReport }) };
}

async function writeReport(path: string, report: RunReport): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFileAtomically(path, new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
}
