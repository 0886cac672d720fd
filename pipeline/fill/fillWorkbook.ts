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
 * write is refused by applyPatch (nothing written). When the workbook already has Bilaga's own
 * Månadsdata (the task pane keeps its imported months there), its records are combined with the
 * ledger's by core/records/mergeSheetMonths.ts: a source-month the ledger holds takes the ledger's
 * records; one only the sheet holds is kept, listed again and used for the outcomes
 * (PlannedFill.fromWorkbook names them).
 *
 * The activities (issue 11): when a sheet of the workbook has activity tables, the period's
 * follow-up is planned with them (core/activities/followUpActivities): the period's Status,
 * Kommentar and Satt av columns (only what the Försenad rule decides, never over a person's
 * status) and the Aktivitetsuppföljning sheet. A controller's own sheet of that name is refused
 * before anything is written.
 *
 * @example
 * const plan = await planFill({ workbook: "plan.xlsx", period, records, bindings });
 * plan.assessment.counts // { met: 2, "partly-met": 1, "not-met": 3, "not-assessable": 2 }
 * await writeFill(plan, { output: "plan utfall 2019-T2.xlsx" });
 */
import type { Bindings } from "../../core/outcomes/bindings";
import type { Issue } from "../../core/issues/issues";
import { mergeSheetMonths, type SourceMonth } from "../../core/records/mergeSheetMonths";
import type { Appendix } from "../../core/model";
import { feedsBoundRow, isMonthlySheet, MONTHLY_SHEET, planMonthlySheet, readMonthlySheetWithIssues } from "../../core/records/monthlySheet";
import type { Patch } from "../../core/workbook/patch";
import type { Period } from "../../core/periods/period";
import { planWrites } from "../../core/workbook/planWrites";
import type { MonthlyRecord } from "../../core/records/records";
import { assessAppendix, type Assessment } from "../../core/status/assessAppendix";
import { inspectWorkbook } from "../inspect/inspectWorkbook";
import { applyPatch, openWorkbook, writeWorkbookAtomically, type WriteResult, type XlsxWorkbook } from "../xlsx";
import { findMissing, type MissingReport } from "./findMissing";
import { isValueRecord, mergeValueRecords } from "../../core/records/mergeValueRecords";
import { currentManualValues, manualRecords, type ManualValue } from "../../core/manual/manualValue";
import { MANUAL_SHEET, readManualValues } from "../../core/manual/readManualValues";
import { followUpActivities, type ActivityFollowUp } from "../../core/activities/followUpActivities";
import { ACTIVITY_SUMMARY_SHEET } from "../../core/activities/planActivitySummary";
import { findActivitySheet } from "../inspect/findActivitySheet";
import { BilagaError, EXIT } from "../cli/errors";
import { formatIssue } from "../../core/issues/messages.sv";

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
  /**
   * The source-months the ledger holds (readHeldMonths), any measure: their records in the
   * workbook's Månadsdata give way to the ledger's. The months of `series` and `records` count as held too.
   */
  readonly held?: readonly SourceMonth[];
  readonly bindings: Bindings;
  /** The sheet with the table; without it the sheet holding the table is found. */
  readonly sheet?: string;
  /**
   * The manual values the ledger holds (readLedgerManualValues). The workbook's own sheet
   * "Manuella värden" is read too; per measure, breakdown and year the newest entry counts.
   */
  readonly manualValues?: readonly ManualValue[];
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
  /** Source-months taken from the workbook's own Månadsdata because the ledger lacks them. */
  readonly fromWorkbook: readonly SourceMonth[];
  /** Rows of the workbook's Månadsdata that could not be read (monthly/unreadable-row); they are not kept. */
  readonly monthlyIssues: readonly Issue[];
  /** The manual values used (ledger and the workbook's sheet "Manuella värden", the newest per key). */
  readonly manualValues: readonly ManualValue[];
  /** Warnings about the workbook's sheet "Manuella värden"; a sheet with an error (manual/bad-row) is refused by planFill instead. */
  readonly manualIssues: readonly Issue[];
  /** The values of the workbook's own sheet "Manuella värden" as read (run stores them in the ledger). */
  readonly sheetManualValues: readonly ManualValue[];
  /** The activities' follow-up for the period, when the workbook has activity tables. */
  readonly activities?: ActivityFollowUp;
  readonly patch: Patch;
  /** Every monthly record held for the bound measures (ledger and workbook merged, all months): the board report's trends. */
  readonly seriesRecords: readonly MonthlyRecord[];
  /** The filled workbook's package. */
  readonly bytes: Uint8Array;
}

/** Plans the filled workbook in memory. Throws a BilagaError (nothing written) when the workbook cannot be kept whole. */
export async function planFill(options: FillOptions): Promise<PlannedFill> {
  const inspected = await inspectWorkbook(options.workbook, options.sheet === undefined ? {} : { sheet: options.sheet });
  const appendix = inspected.appendix;
  const workbook = await openWorkbook(options.workbook);
  const kept = readOwnMonthlySheet(workbook);
  const ledgerSeries = options.series ?? options.records;
  const held: SourceMonth[] = [...(options.held ?? []), ...ledgerSeries.map((r) => ({ source: r.source, month: r.month }))];
  // Yearly values (Kolada, manual) are merged per record, not per source-month: the ledger's or
  // the workbook's newest win, and a value only the sheet keeps is never dropped (mergeValueRecords).
  const sheetManual = readWorkbookManualValues(workbook);
  const manualValues = currentManualValues([...(options.manualValues ?? []), ...sheetManual.values]);
  const fresh = (records: readonly MonthlyRecord[]): MonthlyRecord[] => [...records.filter(isValueRecord), ...manualRecords(manualValues)];
  const keptOther = kept.records.filter((r) => !isValueRecord(r));
  const keptValues = kept.records.filter(isValueRecord);
  const merge = (records: readonly MonthlyRecord[]): { records: MonthlyRecord[]; fromSheet: SourceMonth[] } => {
    const months = mergeSheetMonths(keptOther, { records: records.filter((r) => !isValueRecord(r)), held });
    return { records: mergeValueRecords([...months.records, ...keptValues], fresh(records)), fromSheet: months.fromSheet };
  };
  const series = merge(ledgerSeries);
  const records = merge(options.records).records;
  const assessment = assessAppendix(appendix, options.bindings, records, options.period, { manualValues });
  const columns = planWrites(appendix, assessment.rows, options.period, { grid: workbook.readGrid(appendix.sheet) });
  // The ledger's records are listed for the bound rows, as before; a month only the workbook
  // holds is listed whole (bound or not), since the sheet is the only place that keeps it.
  const feeds = feedsBoundRow(assessment.bound);
  const fromWorkbook = new Set(series.fromSheet.map((m) => `${m.source}\u0000${m.month}`));
  const listed = series.records.filter((r) => feeds(r) || isValueRecord(r) || fromWorkbook.has(`${r.source}\u0000${r.month}`));
  const monthly = planMonthlySheet(listed, { rows: assessment.bound, sheet: MONTHLY_SHEET });
  const activities = planActivities(workbook, options.period);
  const patch: Patch = { sheets: [...columns.sheets, monthly, ...(activities?.sheets ?? [])] };
  const bytes = await applyPatch(workbook, patch);
  return {
    input: options.workbook,
    period: options.period,
    appendix,
    assessment,
    missing: findMissing(assessment.issues),
    tableIssues: appendix.issues,
    fromWorkbook: series.fromSheet,
    monthlyIssues: kept.issues,
    manualValues,
    manualIssues: sheetManual.issues,
    sheetManualValues: sheetManual.values,
    ...(activities === undefined ? {} : { activities }),
    patch,
    seriesRecords: series.records,
    bytes,
  };
}

/** The activities' follow-up, or undefined without activity tables; throws (nothing written) on a foreign summary sheet. */
function planActivities(workbook: XlsxWorkbook, period: Period): ActivityFollowUp | undefined {
  const plan = findActivitySheet(workbook);
  if (!plan) return undefined;
  const wanted = ACTIVITY_SUMMARY_SHEET.toLocaleLowerCase("sv-SE");
  const summaryInfo = workbook.sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === wanted && s.kind === "worksheet");
  const followUp = followUpActivities(workbook.readGrid(plan.sheet), period, {
    file: workbook.file,
    ...(summaryInfo === undefined ? {} : { summaryGrid: workbook.readGrid(summaryInfo.name) }),
  });
  const refused = followUp.issues.filter((i) => i.severity === "error");
  if (refused.length > 0) throw new BilagaError(refused.map(formatIssue).join("\n"), EXIT.rejected, refused);
  return followUp;
}

/**
 * The records of the workbook's Månadsdata when it is Bilaga's own sheet (isMonthlySheet); none
 * when there is no such sheet, it is blank, or it is a controller's own (applyPatch refuses that).
 */
function readOwnMonthlySheet(workbook: XlsxWorkbook): { records: MonthlyRecord[]; issues: Issue[] } {
  const wanted = MONTHLY_SHEET.toLocaleLowerCase("sv-SE");
  const info = workbook.sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === wanted && s.kind === "worksheet");
  if (info === undefined) return { records: [], issues: [] };
  const grid = workbook.readGrid(info.name);
  if (!isMonthlySheet(grid)) return { records: [], issues: [] };
  const read = readMonthlySheetWithIssues(grid);
  return { records: read.records, issues: read.issues.map((found) => ({ ...found, file: workbook.file })) };
}

/**
 * The values of the workbook's own sheet "Manuella värden" (the controller's; never written by Bilaga).
 * A sheet with a bad row is refused whole, as `bilaga manual` refuses it: its good rows are neither
 * stored nor filled in, so nothing is half-written (throws BilagaError, nothing written).
 */
function readWorkbookManualValues(workbook: XlsxWorkbook): { values: ManualValue[]; issues: Issue[] } {
  const wanted = MANUAL_SHEET.toLocaleLowerCase("sv-SE");
  const info = workbook.sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === wanted && s.kind === "worksheet");
  if (info === undefined) return { values: [], issues: [] };
  const read = readManualValues(workbook.readGrid(info.name), { file: workbook.file });
  if (read.issues.some((i) => i.severity === "error")) {
    throw new BilagaError(`Rätta bladet "${info.name}" i ${workbook.file}; inget sparades och ingen arbetsbok skrevs.`, EXIT.rejected, read.issues);
  }
  return read;
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
