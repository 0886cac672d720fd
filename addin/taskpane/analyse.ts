/**
 * The month's job in the task pane, as plain data in and out (no DOM, no Excel): the table
 * grid, the records already in the Månadsdata sheet, the month's CSV files (already split by
 * readCsvFile), the configuration and the period go in; the table as understood, what each
 * file gave, the outcomes and statuses to preview and the Patch to write come out.
 *
 * It only composes the core (readTable, recogniseSource, startMeasure, replaceDeliveredMonths,
 * assessAppendix, planWrites, planMonthlySheet, followUpActivities), so the add-in computes what
 * the pipeline computes. With an activity sheet, the period's activity follow-up (the rule's
 * Försenad, the Aktivitetsuppföljning sheet) goes into the same Patch, as `bilaga fill` writes it.
 * It also says when writing must be refused (writeRefusals): the pane then writes nothing.
 */
import { parseBindings, type Bindings } from "../../core/outcomes/bindings";
import { issue, locate, type Issue } from "../../core/issues/issues";
import { startMeasure } from "../../core/measures/measure";
import type { KeyHasher } from "../../core/privacy/keyHasher";
import { allIndicators, type Appendix } from "../../core/model";
import { MONTHLY_SHEET, mayReplaceMonthlySheet, planMonthlySheet, readMonthlySheetWithIssues } from "../../core/records/monthlySheet";
import { replaceDeliveredMonths, type DeliveryKept, type DeliveryReplacement } from "../../core/records/replaceDeliveredMonths";
import type { Grid } from "../../core/workbook/grid";
import type { Patch } from "../../core/workbook/patch";
import type { Period } from "../../core/periods/period";
import { planWrites } from "../../core/workbook/planWrites";
import { parseProfile, type DeliveryMode, type SourceProfile } from "../../core/sources/profile";
import { readTable } from "../../core/table/readTable";
import { recogniseSource } from "../../core/sources/recogniseSource";
import { reportUnknownSource } from "../../core/sources/reportUnknownSource";
import type { Month, MonthlyRecord } from "../../core/records/records";
import { assessAppendix, type Assessment } from "../../core/status/assessAppendix";
import type { CsvFileRows } from "./readCsvFile";
import { koladaRecords } from "../../core/sources/koladaValues";
import { readKoladaJson, type KoladaJson } from "../../core/sources/readKoladaText";
import { manualRecords, type ManualValue } from "../../core/manual/manualValue";
import { readManualValues } from "../../core/manual/readManualValues";
import { mergeValueRecords } from "../../core/records/mergeValueRecords";
import { followUpActivities, type ActivityFollowUp } from "../../core/activities/followUpActivities";

export interface Configuration {
  readonly profiles: readonly SourceProfile[];
  readonly bindings: Bindings | undefined;
  /** config/invalid issues, one per broken file or key. */
  readonly issues: readonly Issue[];
}

/** Validates stored JSON (document settings or the built-in sample configuration) with the core's parsers. */
export function loadConfiguration(profilesJson: readonly { file: string; json: unknown }[], bindingsJson: { file: string; json: unknown } | undefined): Configuration {
  const issues: Issue[] = [];
  const profiles: SourceProfile[] = [];
  for (const { file, json } of profilesJson) {
    const parsed = parseProfile(json, file);
    if (parsed.ok) profiles.push(parsed.value);
    else issues.push(parsed.issue);
  }
  let bindings: Bindings | undefined;
  if (bindingsJson) {
    const parsed = parseBindings(bindingsJson.json, bindingsJson.file);
    if (parsed.ok) bindings = parsed.value;
    else issues.push(parsed.issue);
  }
  return { profiles, bindings, issues };
}

export interface FileImport {
  readonly file: string;
  /** The recognised source profile id, when one matched the header. */
  readonly source?: string;
  readonly months: readonly Month[];
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /**
   * True when the file had an error: as in the pipeline, a file is taken whole or not at all,
   * so a rejected file gives no records and replaces no month.
   */
  readonly rejected: boolean;
  readonly records: readonly MonthlyRecord[];
  readonly issues: readonly Issue[];
  /** The source profile's delivery mode: how the file combines with Månadsdata (replaceDeliveredMonths). */
  readonly mode?: DeliveryMode;
}

/** Measures one file as its profile says (same core measurer as the pipeline); ids leave it hashed. */
export async function measureFile(csv: CsvFileRows, profiles: readonly SourceProfile[], hashKey: KeyHasher): Promise<FileImport> {
  const empty = { file: csv.file, months: [], rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, rejected: true, records: [] };
  if (csv.header.length === 0) return { ...empty, issues: [issue("csv/empty-file", "error", { file: csv.file })] };
  const profile = recogniseSource(profiles, csv.header);
  if (!profile) {
    return { ...empty, issues: [reportUnknownSource(profiles, csv.header, { file: csv.file, row: 1 })] };
  }
  const started = startMeasure(profile, csv.header, { file: csv.file, hashKey });
  if (!started.ok) return { ...empty, source: profile.id, issues: [locate(started.issue, { file: csv.file })] };
  const quoteIssues = csv.problems.map((p) => issue("csv/malformed-quotes", "error", { file: csv.file, row: p.line }));
  for (const row of csv.rows) started.value.push(row.fields, row.line);
  const result = await started.value.finish();
  const rejected = quoteIssues.length > 0 || result.rowsRejected > 0;
  return {
    file: csv.file,
    source: profile.id,
    mode: profile.delivery,
    months: rejected ? [] : result.months,
    rowsRead: result.rowsRead,
    rowsAccepted: result.rowsAccepted,
    rowsRejected: result.rowsRejected,
    rejected,
    records: rejected ? [] : result.records,
    issues: [...quoteIssues, ...result.issues.map((found) => (found.file === undefined ? { ...found, file: csv.file } : found))],
  };
}

/** Measures the files given together, in their order. */
export function measureFiles(files: readonly CsvFileRows[], profiles: readonly SourceProfile[], hashKey: KeyHasher): Promise<FileImport[]> {
  return Promise.all(files.map((file) => measureFile(file, profiles, hashKey)));
}

/** A saved Kolada response (JSON) the controller gave the pane. */
/** A saved Kolada response given to the pane: its name, and its text as JSON or why it is not (parseKoladaText). */
export interface KoladaFile extends KoladaJson {
  readonly file: string;
}

/** What one Kolada file gave: its values, and how many of them Kolada lacks (shown as missing, never 0). */
export interface KoladaImport {
  readonly file: string;
  readonly rejected: boolean;
  readonly values: number;
  readonly missing: number;
}

export interface AnalyseInput {
  readonly table: Grid;
  readonly monthly?: Grid;
  /** The controller's sheet "Manuella värden", when the workbook has one. */
  readonly manual?: Grid;
  /** Saved Kolada responses given this session. */
  readonly kolada?: readonly KoladaFile[];
  /** The month's files, measured (measureFiles). */
  readonly files: readonly FileImport[];
  readonly configuration: Configuration;
  readonly period: Period;
  /** The sheet with the activity tables, when the workbook has one. */
  readonly activities?: Grid;
  /** The Aktivitetsuppföljning sheet, when the workbook has one. */
  readonly activitySummary?: Grid;
}

export interface Analysis {
  readonly appendix: Appendix;
  readonly indicatorCount: number;
  readonly imports: readonly FileImport[];
  /** What each saved Kolada response gave. */
  readonly koladaImports: readonly KoladaImport[];
  /** The entries of the sheet "Manuella värden", as read (history included; the newest per key counts). */
  readonly manualValues: readonly ManualValue[];
  readonly records: readonly MonthlyRecord[];
  /** Undefined without bindings (nothing can be computed). */
  readonly assessment?: Assessment;
  /** What "Skriv" writes: the outcome and status columns, and the Månadsdata sheet whole. Absent when writeRefusals is not empty. */
  readonly patch?: Patch;
  /** Every doubt: table, configuration, Månadsdata, files, outcomes. */
  readonly issues: readonly Issue[];
  /** Files of the batch that replaced an earlier file of the batch for the same source and month. */
  readonly replacements: readonly DeliveryReplacement[];
  /** Months of cumulative files that a newer delivery keeps (the file's data for them is not used). */
  readonly kept: readonly DeliveryKept[];
  /**
   * Why "Skriv" must not write (errors; empty when it may): a Månadsdata sheet Bilaga did not
   * write (workbook/foreign-monthly-sheet), or one with rows it cannot read, which the
   * rewritten sheet would lose (monthly/unreadable-rows-kept).
   */
  readonly writeRefusals: readonly Issue[];
  /** The activities' follow-up for the period, when the workbook has an activity sheet. */
  readonly activities?: ActivityFollowUp;
}

/** The reasons the Månadsdata sheet must not be replaced, from the sheet as read. */
export function monthlyWriteRefusals(monthly: Grid | undefined, unreadable: readonly Issue[]): Issue[] {
  if (monthly === undefined) return [];
  if (!mayReplaceMonthlySheet(monthly)) return [issue("workbook/foreign-monthly-sheet", "error", { sheet: monthly.sheet })];
  const rows = unreadable.filter((found) => found.code === "monthly/unreadable-row").map((found) => found.row);
  if (rows.length === 0) return [];
  return [issue("monthly/unreadable-rows-kept", "error", { sheet: monthly.sheet, params: { rows: rows.join(", ") } })];
}

export function analyse(input: AnalyseInput): Analysis {
  const appendix = readTable(input.table);
  const monthly = input.monthly ? readMonthlySheetWithIssues(input.monthly) : { records: [], issues: [] };
  const merged = replaceDeliveredMonths(monthly.records, input.files);
  // A file its profile's delivery mode refuses (an overlap the profile gives no rule for, a mode
  // the sheet cannot follow) is shown as rejected, with the reason, and gave nothing.
  const imports = input.files.map((file): FileImport => {
    const refusal = merged.refused.find((refused) => refused.file === file.file);
    return refusal ? { ...file, rejected: true, months: [], records: [], issues: [...file.issues, refusal.issue] } : file;
  });
  // Yearly values: the sheet "Manuella värden" and Kolada files win over what Månadsdata keeps, per record.
  const manual = input.manual ? readManualValues(input.manual) : { values: [] as ManualValue[], issues: [] };
  const kolada = (input.kolada ?? []).map((f) => readKoladaJson(f, f.file));
  const koladaIssues = kolada.flatMap((k) => k.issues);
  const koladaImports: KoladaImport[] = kolada.map((k, i) => ({
    file: input.kolada?.[i]?.file ?? "",
    rejected: k.rejected,
    values: k.values.filter((v) => v.value !== null).length,
    missing: k.values.filter((v) => v.value === null).length,
  }));
  // Each Kolada record remembers its file, so two files that disagree are named (kolada/changed).
  const origins = new Map<MonthlyRecord, string>();
  const koladaFresh = kolada.flatMap((k, i) => {
    const read = koladaRecords(k.values);
    for (const record of read) origins.set(record, input.kolada?.[i]?.file ?? "");
    return read;
  });
  const replacedValues: Issue[] = [];
  const records = mergeValueRecords(merged.records, [...koladaFresh, ...manualRecords(manual.values)], {
    originOf: (record) => origins.get(record),
    issues: replacedValues,
  });
  const activities = input.activities
    ? followUpActivities(input.activities, input.period, input.activitySummary ? { summaryGrid: input.activitySummary } : {})
    : undefined;
  const writeRefusals = [...monthlyWriteRefusals(input.monthly, monthly.issues), ...(activities?.issues.filter((i) => i.severity === "error") ?? [])];
  const base = {
    appendix,
    indicatorCount: allIndicators(appendix).length,
    imports,
    koladaImports,
    manualValues: manual.values,
    records,
    replacements: merged.replacements,
    kept: merged.kept,
    writeRefusals,
    ...(activities === undefined ? {} : { activities }),
  };
  const activityDoubts = activities?.issues.filter((i) => i.severity !== "error") ?? [];
  const issues = [...appendix.issues, ...input.configuration.issues, ...monthly.issues, ...writeRefusals, ...imports.flatMap((f) => f.issues), ...manual.issues, ...koladaIssues, ...replacedValues, ...activityDoubts];
  const bindings = input.configuration.bindings;
  if (!bindings || appendix.focusAreas.length === 0) return { ...base, issues };
  const assessed = assessAppendix(appendix, bindings, records, input.period, { manualValues: manual.values });
  // Before the first import every month is missing: that is no news, the pane says "no data yet".
  const assessment: Assessment =
    records.length === 0 ? { ...assessed, issues: assessed.issues.filter((found) => found.code !== "period/missing-month") } : assessed;
  // The table's grid goes along so the columns keep clear of what the sheet holds right of the table.
  const written = planWrites(appendix, assessment.rows, input.period, { grid: input.table });
  const patch: Patch = {
    sheets: [...written.sheets, planMonthlySheet(records, { rows: assessment.bound, sheet: MONTHLY_SHEET }), ...(activities?.sheets ?? [])],
  };
  // A refused write has no patch: the pane shows the reasons instead of "Skriv till arbetsboken".
  return { ...base, assessment, ...(writeRefusals.length === 0 ? { patch } : {}), issues: [...issues, ...assessment.issues] };
}
