/**
 * The per-board step of `bilaga run` and of the night run: plan one board's filled workbook
 * (and its report to the board) from a staged ledger, and, after the import is committed,
 * write them. Planning writes nothing but the workbook's own sheet "Manuella värden" into
 * the stage (keepSheetManualValues); a board that cannot be planned leaves every file as it was.
 *
 * @example const planned = await planBoard(step.staged.stagePath, { workbook, bindings, output }, { period, profiles });
 *   keepSheetManualValues(step.staged, planned); step.staged.commit();
 *   const done = await writeBoard(planned, { ledgerPath, period }); // done.written.path: "utdata/plan utfall 2019-T2.xlsx"
 */
import { mkdir } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import type { Issue } from "../../core/issues/issues";
import { MANUAL_SHEET } from "../../core/manual/readManualValues";
import type { Bindings } from "../../core/outcomes/bindings";
import type { Period } from "../../core/periods/period";
import type { SourceProfile } from "../../core/sources/profile";
import { importYearlyValues } from "../ledger/importYearlyValues";
import { recordActivityFollowUps } from "../ledger/recordActivityFollowUps";
import { reportBeside } from "../report/reportPaths";
import { prepareBoardReport, saveBoardReport, type PdfChoice, type PreparedBoardReport, type WrittenBoardReport } from "../report/writeBoardReport";
import type { WriteResult } from "../xlsx";
import { planFill, writeFill, type PlannedFill } from "./fillWorkbook";
import { readLedgerForFill } from "./readPeriodRecords";
import type { StagedImport } from "./stageImport";

export interface BoardFill {
  /** The board's appendix workbook; never written. */
  readonly workbook: string;
  readonly bindings: Bindings;
  readonly sheet?: string;
  /** The filled workbook. */
  readonly output: string;
  /** The board's report beside the output: the PDF "auto" (default), required or off; or none at all. */
  readonly boardReport?: { readonly pdf?: PdfChoice; readonly title?: string } | false;
}

export interface PlannedBoard {
  readonly board: BoardFill;
  readonly plan: PlannedFill;
  readonly prepared?: PreparedBoardReport;
}

export interface BoardContext {
  readonly period: Period;
  readonly profiles: readonly SourceProfile[];
  readonly env?: NodeJS.ProcessEnv;
}

/** Plans the board's workbook and report from the (staged) ledger. Throws BilagaError when the workbook is refused; nothing is written then. */
export async function planBoard(ledgerPath: string, board: BoardFill, context: BoardContext): Promise<PlannedBoard> {
  const plan = await planFill({
    workbook: board.workbook,
    period: context.period,
    bindings: board.bindings,
    ...readLedgerForFill(ledgerPath, board.bindings, context.period),
    ...(board.sheet !== undefined && { sheet: board.sheet }),
  });
  // The output's folder is made here, before the import is committed: a folder that cannot be made stops the run with the ledger as it was.
  await mkdir(dirname(resolve(board.output)), { recursive: true });
  // The board's report (and its PDF) is made before anything is written: a required PDF that
  // cannot be made stops here, with the ledger and the workbook as they were.
  if (board.boardReport === false) return { board, plan };
  const names = Object.fromEntries(context.profiles.map((p) => [p.id, p.name]));
  const wanted = board.boardReport ?? {};
  const prepared = await prepareBoardReport(plan, {
    sourceNames: names,
    ...(wanted.pdf !== undefined && { pdf: wanted.pdf }),
    ...(wanted.title !== undefined && { title: wanted.title }),
    ...(context.env !== undefined && { env: context.env }),
  });
  return { board, plan, prepared };
}

/** Stores the workbook's own sheet "Manuella värden" in the staged ledger, with its history; returns its warnings. */
export function keepSheetManualValues(staged: StagedImport, planned: PlannedBoard): readonly Issue[] {
  const plan = planned.plan;
  if (plan.sheetManualValues.length === 0) return [];
  const fromSheet = importYearlyValues(staged.stagePath, { manualValues: [{ origin: `${resolve(plan.input)} (${MANUAL_SHEET})`, values: plan.sheetManualValues }] });
  if (fromSheet.changed) staged.markChanged();
  return fromSheet.issues;
}

export interface WrittenBoard {
  readonly written: WriteResult;
  readonly boardReport?: WrittenBoardReport;
}

/** Writes the planned workbook (atomically), records the activities' follow-up in the (committed) ledger and saves the board's report. */
export async function writeBoard(planned: PlannedBoard, context: { readonly ledgerPath: string; readonly period: Period }): Promise<WrittenBoard> {
  const { board, plan } = planned;
  const written = await writeFill(plan, { output: board.output });
  if (plan.activities?.period && plan.activities.sheets.length > 0) recordActivityFollowUps(context.ledgerPath, basename(board.workbook), plan.activities, plan.activities.period);
  if (planned.prepared === undefined) return { written };
  const boardReport = await saveBoardReport(planned.prepared, reportBeside(written.path, board.workbook, context.period));
  return { written, boardReport };
}
