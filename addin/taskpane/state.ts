/**
 * The pane's state and how it changes. One mutable PaneState lives for the session: the
 * workbook as last read, the configuration (parsed, and as stored JSON), the month's files,
 * the period and the notice on top. The analysis is not kept: currentAnalysis derives it from
 * the state on every render (analyse.ts, core only), and until the controller types a period
 * the period follows the latest month with data. No DOM and no Excel here.
 */
import type { KeyHasher } from "../../core/privacy/keyHasher";
import { formatIssue } from "../../core/issues/messages.sv";
import { parsePeriod, type Period } from "../../core/periods/period";
import type { WorkbookSnapshot } from "../excel/readWorkbook";
import type { ExcelCapabilities } from "../excel/requirements";
import { analyse, type Analysis, type Configuration, type FileImport, type KoladaFile } from "./analyse";
import { monthlyGridOf, monthsInWorkbook, suggestPeriod, tableGridOf } from "./controller";
import { MANUAL_SHEET } from "../../core/manual/readManualValues";
import { isValueRecord } from "../../core/records/mergeValueRecords";
import type { ManualValueEntry } from "./saveManualValue";
import { createSessionHasher } from "./webCryptoHasher";
import { activityGridOf, activitySummaryGridOf } from "./activityGrids";

/** The notice at the top of the pane, after an action. */
export interface PaneMessage {
  text: string;
  kind: "error" | "warning" | "success";
}

/** The configuration in use, parsed and as stored (see workbookConfiguration.ts). */
export interface StoredConfiguration {
  configuration: Configuration;
  /** Where it came from, for the pane: the workbook's own settings or the sample configuration. */
  configurationSource: string;
  /** The configuration as JSON, as stored (edited by "Status för hand"). */
  rawProfiles: { file: string; json: unknown }[];
  rawBindings: unknown;
}

export interface PaneState extends StoredConfiguration {
  capabilities: ExcelCapabilities;
  snapshot: WorkbookSnapshot;
  /** The month's files, each measured once when it was given (ids hashed with hashKey). */
  files: FileImport[];
  /** Saved Kolada responses given this session; written to Månadsdata with the next write. */
  koladaFiles: KoladaFile[];
  periodText: string;
  /** Until the controller types a period, it follows the latest month with data. */
  periodEdited: boolean;
  /** What the form for manual values holds, kept across renders until it is saved. */
  manualDraft?: ManualValueEntry;
  /** Ids are hashed with a key that lives only in this session: the sheet never keeps hashes. */
  hashKey: KeyHasher;
  message?: PaneMessage;
  /** The sheet row (zero-based) of the indicator whose trend is shown; by default the first filled row. */
  trendRow?: number;
}

/** The state after the first read: no files yet, the period proposed from Månadsdata. */
export function createPaneState(capabilities: ExcelCapabilities, snapshot: WorkbookSnapshot, stored: StoredConfiguration): PaneState {
  return {
    capabilities,
    snapshot,
    ...stored,
    files: [],
    koladaFiles: [],
    periodText: suggestPeriod(monthsInWorkbook(snapshot), new Date()),
    periodEdited: false,
    hashKey: createSessionHasher(),
  };
}

/** The controller typed a period: from now on it no longer follows the data. */
export function choosePeriod(state: PaneState, text: string): void {
  state.periodText = text.trim();
  state.periodEdited = true;
  delete state.message;
}

/** The controller chose which row's trend to see. */
export function focusTrend(state: PaneState, row: number): void {
  state.trendRow = row;
}

/** Adds files read and measured from a drop or the picker; a file of the same name replaces the one given before. */
export function addReadFiles(state: PaneState, read: readonly FileImport[]): void {
  const names = new Set(read.map((f) => f.file));
  state.files = [...state.files.filter((f) => !names.has(f.file)), ...read];
  delete state.message;
}

/** Adds saved Kolada responses; a file of the same name replaces the one given before. */
export function addKoladaFiles(state: PaneState, read: readonly KoladaFile[]): void {
  const names = new Set(read.map((f) => f.file));
  state.koladaFiles = [...state.koladaFiles.filter((f) => !names.has(f.file)), ...read];
  delete state.message;
}

/** The workbook was read again; after a write (with its message) the files are in Månadsdata and are dropped. */
export function replaceSnapshot(state: PaneState, snapshot: WorkbookSnapshot, message?: PaneMessage): void {
  state.snapshot = snapshot;
  state.files = message ? [] : state.files;
  state.koladaFiles = message ? [] : state.koladaFiles;
  if (message) state.message = message;
  else delete state.message;
}

export interface PaneAnalysis {
  /** Absent when the workbook has no table sheet or the period cannot be read. */
  readonly analysis?: Analysis;
  readonly period?: Period;
  /** The Swedish message when the period text cannot be read. */
  readonly periodError?: string;
}

/** The analysis for the state as it is; an unedited period moves to the tertial of the latest month with data. */
export function currentAnalysis(state: PaneState): PaneAnalysis {
  const first = analyseWithPeriod(state);
  if (state.periodEdited || !first.analysis) return first;
  // Yearly values (Kolada, manual) sit on December and do not move the period.
  const suggested = suggestPeriod(first.analysis.records.filter((r) => !isValueRecord(r)).map((r) => r.month), new Date());
  if (suggested === state.periodText) return first;
  state.periodText = suggested;
  return analyseWithPeriod(state);
}

function analyseWithPeriod(state: PaneState): PaneAnalysis {
  const table = tableGridOf(state.snapshot);
  if (!table) return {};
  const period = parsePeriod(state.periodText);
  if (!period.ok) return { periodError: formatIssue(period.issue) };
  const monthly = monthlyGridOf(state.snapshot);
  const manual = state.snapshot.activeSheet === MANUAL_SHEET ? undefined : state.snapshot.grids.get(MANUAL_SHEET);
  const activities = activityGridOf(state.snapshot);
  const activitySummary = activitySummaryGridOf(state.snapshot);
  const analysis = analyse({
    ...(activities ? { activities } : {}),
    ...(activitySummary ? { activitySummary } : {}),
    table,
    ...(monthly ? { monthly } : {}),
    ...(manual ? { manual } : {}),
    files: state.files,
    kolada: state.koladaFiles,
    configuration: state.configuration,
    period: period.value,
  });
  return { analysis, period: period.value };
}
