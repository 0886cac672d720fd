/**
 * The fill, in process: the workbook, the period, the records and the bindings go in; the
 * appendix as read, the assessment (outcome and status per bound row), what is missing and
 * the new package bytes come out (planFill). Nothing is written until writeFill, so `run` can
 * plan the fill before it commits its import, and a refusal leaves every file as it was.
 *
 * It only composes what exists: inspectWorkbook (which sheet holds the table), the core's
 * assessAppendix, planWrites (given the sheet's Grid, so its columns keep clear of what the
 * sheet holds right of the table, formulas included) and planMonthlySheet, and the xlsx layer's applyPatch and writeWorkbookAtomically.
 * The outcomes use the period's records; the Månadsdata sheet lists the whole series the ledger
 * holds for the bound measures (all months, not only the period's), so re-filling a workbook
 * with an earlier period never shrinks the sheet. A sheet named Månadsdata that Bilaga did not
 * write is refused by applyPatch (nothing written).
 *
 * @example
 * const plan = await planFill({ workbook: "plan.xlsx", period, records, bindings });
 * plan.assessment.counts // { met: 2, "partly-met": 1, "not-met": 3, "not-assessable": 2 }
 * await writeFill(plan, { output: "plan utfall 2019-T2.xlsx" });
 */
import type { Bindings } from "../../core/bindings";
import type { Issue } from "../../core/issues";
import type { Appendix } from "../../core/model";
import { MONTHLY_SHEET, planMonthlySheet } from "../../core/monthlySheet";
import type { Patch } from "../../core/patch";
import type { Period } from "../../core/period";
import { planWrites } from "../../core/planWrites";
import type { MonthlyRecord } from "../../core/records";
import { assessAppendix, type Assessment } from "../../core/status/assessAppendix";
import { inspectWorkbook } from "../inspect/inspectWorkbook";
import { applyPatch, openWorkbook, writeWorkbookAtomically, type WriteResult } from "../xlsx";
import { findMissing, type MissingReport } from "./findMissing";

export interface FillOptions {
  /** The appendix workbook (.xlsx); never changed by planFill. */
  readonly workbook: string;
  readonly period: Period;
  /** The monthly records (the ledger's, for the bound measures). */
  readonly records: readonly MonthlyRecord[];
  /**
   * The records the Månadsdata sheet lists: every month the ledger holds for the bound measures
   * (readBoundSeries), so a re-fill with a shorter or earlier period keeps the months already
   * listed. Without it the sheet lists `records`.
   */
  readonly series?: readonly MonthlyRecord[];
  readonly bindings: Bindings;
  /** The sheet with the table; without it the sheet holding the table is found. */
  readonly sheet?: string;
}

export interface PlannedFill {
  readonly input: string;
  readonly period: Period;
  readonly appendix: Appendix;
  readonly assessment: Assessment;
  /** Months, bindings and indicators the run lacks, by name. */
  readonly missing: MissingReport;
  /** The table's own doubts (cells it could not read), for the run report. */
  readonly tableIssues: readonly Issue[];
  readonly patch: Patch;
  /** The filled workbook's package. */
  readonly bytes: Uint8Array;
}

/** Plans the filled workbook in memory. Throws a BilagaError (nothing written) when the workbook cannot be kept whole. */
export async function planFill(options: FillOptions): Promise<PlannedFill> {
  const inspected = await inspectWorkbook(options.workbook, options.sheet === undefined ? {} : { sheet: options.sheet });
  const appendix = inspected.appendix;
  const assessment = assessAppendix(appendix, options.bindings, options.records, options.period);
  const workbook = await openWorkbook(options.workbook);
  const columns = planWrites(appendix, assessment.rows, options.period, { grid: workbook.readGrid(appendix.sheet) });
  const monthly = planMonthlySheet(options.series ?? options.records, { rows: assessment.bound, sheet: MONTHLY_SHEET, onlyBound: true });
  const patch: Patch = { sheets: [...columns.sheets, monthly] };
  const bytes = await applyPatch(workbook, patch);
  return {
    input: options.workbook,
    period: options.period,
    appendix,
    assessment,
    missing: findMissing(assessment.issues),
    tableIssues: appendix.issues,
    patch,
    bytes,
  };
}

export interface FillTarget {
  readonly output: string;
  /** Write over the input (atomically, after keeping a backup). */
  readonly overwrite?: boolean;
}

/** Writes the planned workbook atomically; over the input only with `overwrite` (then with a backup). */
export async function writeFill(plan: PlannedFill, target: FillTarget): Promise<WriteResult> {
  return writeWorkbookAtomically(plan.bytes, { input: plan.input, output: target.output, inPlace: target.overwrite === true });
}

/** planFill then writeFill. */
export async function fillWorkbook(options: FillOptions & FillTarget): Promise<PlannedFill & { readonly written: WriteResult }> {
  const plan = await planFill(options);
  const written = await writeFill(plan, options);
  return { ...plan, written };
}
