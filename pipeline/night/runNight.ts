/**
 * The night run for a whole municipality: many boards, one ledger. The exports (shared by all
 * boards, and each board's own) are imported ONCE into the one ledger, however many boards use
 * them (runImport's importForRun: all or nothing); then each board is planned from the staged
 * ledger and, after the import is committed, written (runBoard's planBoard and writeBoard).
 *
 * A board whose bindings or workbook are refused fails alone: its output is not written (its
 * workbook is never written anyway), the other boards are, and the ledger holds the same as
 * without that board. A rejected export stops the import for everyone, as `bilaga run` does:
 * the ledger is unchanged and no board's workbook is written. The night report says which
 * board failed and why (nightReport.ts); the exit code is 0, EXIT.boardsFailed or EXIT.rejected.
 *
 * @example const night = await runNight({ boards, exports: ["samples/exports"], ledgerPath, profilesDir, period });
 *   night.report.summary // { boards: 3, filled: 2, failed: 1, notRun: 0, … }
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Issue } from "../../core/issues/issues";
import { checkMeasures } from "../../core/outcomes/bindings";
import type { Period } from "../../core/periods/period";
import { BilagaError, EXIT } from "../cli/errors";
import { reportBeside } from "../report/reportPaths";
import { loadBindings } from "../fill/loadBindings";
import { buildRunReport, type RunReport } from "../fill/runReport";
import { keepSheetManualValues, planBoard, writeBoard, type BoardFill, type PlannedBoard } from "../fill/runBoard";
import { importForRun, importSettingsOf, type ImportSettings } from "../fill/runImport";
import { loadProfilesOrThrow, writeRunReport } from "../fill/runBatch";
import type { PdfChoice } from "../report/writeBoardReport";
import { buildNightReport, type NightReport } from "./nightReport";

export interface NightBoard {
  readonly name: string;
  readonly workbook: string;
  readonly bindingsPath: string;
  readonly sheet?: string;
  readonly output: string;
}

export interface NightOptions extends ImportSettings {
  readonly boards: readonly NightBoard[];
  /** Every export folder or file, shared and the boards' own; each file is read once. */
  readonly exports: readonly string[];
  readonly ledgerPath: string;
  readonly profilesDir: string;
  readonly period: Period;
  readonly reportPath?: string;
  /** Each board's report beside its workbook: the PDF "auto" (default), required or off; false: no report. */
  readonly boardReport?: { readonly pdf?: PdfChoice } | false;
  /** Told when a board is done (filled or failed), for the terminal. */
  readonly onBoard?: (outcome: BoardOutcome) => void;
}

/** Where a board failed: its bindings or workbook file before the import, its workbook's fill, or writing the output. */
export type FailureStage = "configuration" | "workbook" | "write";

export interface BoardOutcome {
  readonly board: NightBoard;
  /** not-run: an export was rejected, so no board was filled. */
  readonly status: "filled" | "failed" | "not-run";
  readonly failure?: { readonly stage: FailureStage; readonly message: string; readonly issues: readonly Issue[] };
  /** The board's run report (filled boards): its rows, counts, what is missing. */
  readonly report?: RunReport;
}

export interface NightResult {
  readonly report: NightReport;
  readonly boards: readonly BoardOutcome[];
}

/**
 * Two boards must never write the same file: the default output and the report beside it are
 * named after the workbook, and two boards' workbooks may share a name in different folders.
 */
function refuseSharedFiles(boards: readonly NightBoard[], period: Period): void {
  const taken = new Map<string, NightBoard>();
  const workbooks = new Map(boards.map((board) => [resolve(board.workbook), board]));
  for (const board of boards) {
    for (const path of [resolve(board.output), reportBeside(board.output, board.workbook, period)]) {
      const input = workbooks.get(path);
      if (input !== undefined) {
        throw new BilagaError(`Nämnden ${board.name} skulle skriva över ${input.name}s arbetsbok ${path}, som aldrig skrivs över. Ange en annan utfil ("output").`, EXIT.usage);
      }
      const other = taken.get(path);
      if (other !== undefined && other !== board) {
        throw new BilagaError(
          `Nämnderna ${other.name} och ${board.name} skulle skriva samma fil ${path}. Ge en av dem en egen utfil ("output" i nattkörningens konfiguration) i en annan mapp eller med ett annat namn.`,
          EXIT.usage,
        );
      }
      taken.set(path, board);
    }
  }
}

/** The Swedish reason of a refused board; an error that is not bilaga's own is named as unexpected. */
function failureOf(stage: FailureStage, error: unknown): NonNullable<BoardOutcome["failure"]> {
  if (error instanceof BilagaError) return { stage, message: error.message, issues: error.issues };
  return { stage, message: `Oväntat fel: ${(error as Error)?.message ?? String(error)}`, issues: [] };
}

/** Runs the night. Throws BilagaError only for what stops every board: profiles, the ledger's lock or key, a refused manual or Kolada file. */
export async function runNight(options: NightOptions): Promise<NightResult> {
  const startedAt = new Date();
  refuseSharedFiles(options.boards, options.period);
  const profiles = loadProfilesOrThrow(options.profilesDir);
  const outcomes = new Map<NightBoard, BoardOutcome>();
  const done = (outcome: BoardOutcome): void => {
    outcomes.set(outcome.board, outcome);
    options.onBoard?.(outcome);
  };

  // Each board's own files first: a missing workbook or wrong bindings fail that board only.
  const ready: { board: NightBoard; fill: BoardFill }[] = [];
  for (const board of options.boards) {
    try {
      if (!existsSync(board.workbook)) throw new BilagaError(`Arbetsboken "${board.workbook}" finns inte.`);
      const bindings = await loadBindings(board.bindingsPath);
      const unknown = checkMeasures(bindings, profiles);
      if (unknown.length > 0) throw new BilagaError(`Kopplingarna i ${board.bindingsPath} nämner mått som ingen källprofil har.`, undefined, unknown);
      ready.push({
        board,
        fill: {
          workbook: board.workbook,
          bindings,
          output: board.output,
          ...(board.sheet !== undefined && { sheet: board.sheet }),
          // Each board's report says whose it is: "Utbildningsnämnden – indikatorbilaga, uppföljning tertial 2 2019 (jan–aug)".
          boardReport: options.boardReport === false ? false : { ...options.boardReport, title: `${board.name} – indikatorbilaga, uppföljning ${options.period.label}` },
        },
      });
    } catch (error) {
      done({ board, status: "failed", failure: failureOf("configuration", error) });
    }
  }

  const step = await importForRun({
    exports: [...new Set(options.exports.map((p) => resolve(p)))],
    ledgerPath: options.ledgerPath,
    profiles,
    ...importSettingsOf(options),
  });
  const finish = async (): Promise<NightResult> => {
    const boards = options.boards.map((board) => outcomes.get(board) ?? { board, status: "not-run" as const });
    const report = buildNightReport({ startedAt, period: options.period, ledger: options.ledgerPath, imports: step.report, boards, issues: step.rejected ? [] : step.yearlyIssues });
    if (options.reportPath) await writeRunReport(options.reportPath, report);
    return { report, boards };
  };
  if (step.rejected) return finish();

  // Every board is planned from the ledger as the import left it, before any board's own
  // sheet "Manuella värden" is stored: the order of the boards never changes an outcome.
  const planned: { board: NightBoard; planned: PlannedBoard; issues: Issue[] }[] = [];
  const context = { period: options.period, profiles, ...(options.env !== undefined && { env: options.env }) };
  try {
    for (const { board, fill } of ready) {
      try {
        planned.push({ board, planned: await planBoard(step.staged.stagePath, fill, context), issues: [] });
      } catch (error) {
        done({ board, status: "failed", failure: failureOf("workbook", error) });
      }
    }
    for (const entry of planned) entry.issues.push(...keepSheetManualValues(step.staged, entry.planned));
  } catch (error) {
    step.staged.discard();
    throw error;
  }
  step.staged.commit();

  for (const { board, planned: plan, issues } of planned) {
    try {
      const { written, boardReport } = await writeBoard(plan, { ledgerPath: options.ledgerPath, period: options.period });
      const report = buildRunReport({
        startedAt,
        period: options.period,
        workbook: resolve(board.workbook),
        ledger: options.ledgerPath,
        plan: plan.plan,
        written,
        deliveries: step.deliveries,
        issues,
        ...(boardReport !== undefined && { boardReport }),
      });
      done({ board, status: "filled", report });
    } catch (error) {
      done({ board, status: "failed", failure: failureOf("write", error) });
    }
  }
  return finish();
}
