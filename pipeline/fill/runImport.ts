/**
 * The import step of `bilaga run` (one board) and of the night run (many boards): the exports
 * are read into a staged copy of the ledger (stageImport, all or nothing), then the manual
 * values and Kolada's key figures into the same stage. The caller plans its fills from
 * `staged.stagePath` and then commits or discards.
 *
 * A rejected export leaves nothing staged (`rejected: true`, the ledger as it was); a rejected
 * manual or Kolada file throws a BilagaError, also with the ledger as it was.
 *
 * @example const step = await importForRun({ exports: ["samples/exports"], ledgerPath, profiles });
 *   if (!step.rejected) { …planFill from step.staged.stagePath…; step.staged.commit(); }
 */
import type { Issue } from "../../core/issues/issues";
import type { SourceProfile } from "../../core/sources/profile";
import { BilagaError, EXIT } from "../cli/errors";
import type { FileOutcome, ImportProgress, ImportReport } from "../ledger/importFiles";
import { collectKoladaFiles, importYearlyValues } from "../ledger/importYearlyValues";
import { LedgerLockedError } from "../ledger/lockLedger";
import { HashKeyError } from "../ledger/loadHashKey";
import { readDeliveries } from "./readPeriodRecords";
import type { Delivery } from "./rowProvenance";
import { stageImport, type StagedImport } from "./stageImport";

/** What `run` and the night run pass on to the import as they were given. */
export interface ImportSettings {
  readonly tolerance?: number;
  /** A CSV of manual values to store in the ledger too (none when undefined). */
  readonly manualPath?: string;
  /** A saved Kolada response (.json) or a folder of them (none when undefined). */
  readonly koladaPath?: string;
  readonly onFile?: (outcome: FileOutcome) => void;
  readonly onProgress?: (event: ImportProgress) => void;
  readonly env?: NodeJS.ProcessEnv;
}

export interface ImportStepOptions extends ImportSettings {
  /** Folders (or files) of exports; each is read once. */
  readonly exports: readonly string[];
  readonly ledgerPath: string;
  readonly profiles: readonly SourceProfile[];
}

/** The import settings of a command's options, those given only (a run's options hold more). */
export function importSettingsOf(options: ImportSettings): ImportSettings {
  return {
    ...(options.tolerance !== undefined && { tolerance: options.tolerance }),
    ...(options.manualPath !== undefined && { manualPath: options.manualPath }),
    ...(options.koladaPath !== undefined && { koladaPath: options.koladaPath }),
    ...(options.onFile && { onFile: options.onFile }),
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.env && { env: options.env }),
  };
}

export type ImportStep =
  | { readonly rejected: true; readonly report: ImportReport }
  | {
      readonly rejected: false;
      readonly report: ImportReport;
      /** The staged ledger: plan from stagePath, then commit() or discard(). */
      readonly staged: StagedImport;
      /** Warnings of the manual and Kolada files. */
      readonly yearlyIssues: readonly Issue[];
      /** Which file delivered each source-month (for the rows' provenance). */
      readonly deliveries: readonly Delivery[];
    };

/** Stages the exports, manual values and Kolada files. Throws BilagaError (ledger unchanged) when no export is found or a yearly file is refused. */
export async function importForRun(options: ImportStepOptions): Promise<ImportStep> {
  let staged: StagedImport;
  try {
    staged = await stageImport(options.exports, {
      ledgerPath: options.ledgerPath,
      profiles: options.profiles,
      ...(options.tolerance !== undefined && { tolerance: options.tolerance }),
      ...(options.onFile && { onFile: options.onFile }),
      ...(options.onProgress && { onProgress: options.onProgress }),
      ...(options.env && { env: options.env }),
    });
  } catch (error) {
    if (error instanceof LedgerLockedError) throw new BilagaError(error.message, EXIT.locked);
    // A key too short, or not the ledger's (KeyMismatchError): the user mends it.
    if (error instanceof HashKeyError) throw new BilagaError(error.message, EXIT.rejected);
    throw error;
  }
  if (staged.report.files.length === 0) {
    staged.discard();
    throw new BilagaError(`Inga exporter (.csv, .txt eller .tsv) hittades i ${options.exports.join(", ")}.`, EXIT.usage);
  }
  if (staged.rejected) {
    staged.discard();
    return { rejected: true, report: staged.report };
  }
  try {
    // Manual values and Kolada's key figures go into the same staged ledger: all or nothing with the exports.
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
    return { rejected: false, report: staged.report, staged, yearlyIssues: yearly.issues, deliveries: readDeliveries(staged.stagePath) };
  } catch (error) {
    staged.discard();
    throw error;
  }
}
