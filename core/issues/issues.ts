/**
 * Issues: every doubt and every error about user data, as a stable English code with
 * a position and the raw input. The Swedish sentence for each code is in messages.sv.ts.
 *
 * Positions: `row` and `column` are 1-based as a user reads them (line 3, column 2 of a
 * CSV; row 12 of a sheet); `cell` is the A1 address when the issue is about a sheet cell.
 */

/** Every issue code the product emits. Add a code here and its sentence in messages.sv.ts. */
export const ISSUE_CODES = [
  // Swedish value parsing (cell texts)
  "value/unparseable-number",
  "value/dot-decimal",
  "value/ambiguous-separator",
  "value/unparseable-target",
  // Reading the indicator table from a grid
  "table/header-not-found",
  "table/year-column-missing",
  "table/unknown-column",
  "table/indicator-without-goal",
  "table/orphan-breakdown",
  "table/unparseable-outcome",
  "table/unparseable-target",
  "table/footnote-without-text",
  "table/polarity-guessed",
  "table/unit-guessed",
  "table/duplicate-indicator",
  "table/unexpected-text",
  "table/percent-as-fraction",
  // Configuration files (source profiles, bindings)
  "config/invalid",
  // CSV files and measures
  "csv/empty-file",
  "csv/undecodable",
  "csv/missing-column",
  "csv/unparseable-number",
  "csv/unparseable-date",
  "csv/unparseable-month",
  "csv/month-outside-file",
  "csv/truncated-row",
  "csv/unknown-source",
  "csv/malformed-quotes",
  "csv/too-many-fields",
  "csv/mixed-months",
  "csv/end-before-start",
  "csv/stray-quote",
  "csv/no-rows",
  "csv/rows-rejected",
  "csv/changed-while-read",
  // Deliveries: how a file combines with what is held already (issue 9)
  "delivery/overlap",
  "delivery/part-overlap",
  "delivery/missing-row-key",
  "delivery/not-in-addin",
  "delivery/mixed-modes",
  // Periods, outcomes, bindings
  "period/unparseable",
  "period/missing-month",
  "binding/row-not-found",
  "binding/indicator-unbound",
  "binding/measure-missing",
  "binding/breakdown-on-indicator-row",
  "outcome/no-data",
  "outcome/formula-undefined",
  "monthly/unreadable-row",
  "monthly/unreadable-rows-kept",
  // Status
  "status/manual",
  // Workbooks the pipeline reads and writes (pipeline/xlsx)
  "workbook/encrypted",
  "workbook/legacy-xls",
  "workbook/binary-xlsb",
  "workbook/not-xlsx",
  "workbook/strict-ooxml",
  "workbook/sheet-not-found",
  "workbook/sheet-protected",
  "workbook/not-a-worksheet",
  "workbook/structure-protected",
  "workbook/invalid-sheet-name",
  "workbook/sheet-has-objects",
  "workbook/foreign-monthly-sheet",
  "workbook/shared-formula",
  "workbook/threaded-comment",
  // Activities and their follow-up (core/activities, issue 11)
  "activity/table-not-found",
  "activity/missing-deadline",
  "activity/unknown-deadline",
  "activity/deadline-without-activity",
  "activity/without-perspective",
  "activity/without-goal",
  "activity/duplicate",
  "activity/unknown-status",
  "activity/comment-without-status",
  "activity/rule-status-edited",
  "activity/follow-up-without-period",
  "activity/follow-up-without-status",
  "activity/rule-late",
  "activity/foreign-summary-sheet",
  "activity/unknown-activity",
  "activity/cell-has-formula",
  "activity/not-a-tertial",
  // Kolada, manual values and yearly indicators (issue 13)
  "kolada/invalid-file",
  "kolada/missing-value",
  "kolada/changed",
  "kolada/missing-kept",
  "manual/missing-column",
  "manual/bad-row",
  "manual/changed",
  "outcome/measured-per-year",
  "outcome/no-yearly-value",
  // The board's report (issue 10)
  "report/pdf-unavailable",
  "report/old-pdf-removed",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export type Severity = "error" | "warning" | "info";

export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  /** The file the issue is in, when there is one (CSV name, workbook name, config file). */
  readonly file?: string;
  /** Sheet name, for issues about a workbook cell. */
  readonly sheet?: string;
  /** A1 address of the cell, for issues about a workbook cell. */
  readonly cell?: string;
  /** 1-based line (CSV) or row (sheet). */
  readonly row?: number;
  /** 1-based column. */
  readonly column?: number;
  /** Column header name, when known. */
  readonly columnName?: string;
  /** The raw text the issue is about, quoted in the message. */
  readonly raw?: string;
  /** Extra named values the message uses (expected header, year, measure name ...). */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Builds an issue, leaving out the position fields that are not given. */
export function issue(
  code: IssueCode,
  severity: Severity,
  fields: Omit<Issue, "code" | "severity"> = {},
): Issue {
  return { code, severity, ...fields };
}

/** Adds position fields (file, sheet ...) to an issue made without them. */
export function locate(found: Issue, where: Omit<Issue, "code" | "severity">): Issue {
  return { ...found, ...where };
}
