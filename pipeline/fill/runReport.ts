/**
 * The machine-readable run report (JSON) of `bilaga run`, and what `bilaga fill` prints from.
 * Its shape is the contract for whoever reads it (a scheduler, a dashboard); change it only
 * by adding fields, and bump `format` when a field changes meaning.
 *
 * {
 *   "format": "bilaga-korrapport/1",
 *   "status": "filled" | "rejected",          // rejected: a file was rejected; nothing filled, ledger unchanged
 *   "exitCode": 0 | 1,
 *   "startedAt": "2019-09-02T07:00:00.000Z", "finishedAt": "…",
 *   "period": { "id": "2019-T2", "label": "tertial 2 2019 (jan–aug)", "months": ["2019-01", …] },
 *   "ledger": "/…/bilaga-data/liggare.sqlite",
 *   "workbook": { "input": "…", "output": "…" | null, "backup": "…" | null, "sheet": "Bilaga" | null },
 *   "imports": { "files": 24, "imported": 24, "unchanged": 0, "rejected": 0,
 *                "details": [{ "file", "kind": "imported" | "unchanged" | "rejected", "source", "months",
 *                              "rowsRead", "rowsAccepted", "rowsRejected", "issueCount", "issues": [Issue…],
 *                              imported files also: "delivery", "replaced"/"superseded"/"addedTo": [{ "month", "batchId",
 *                              "fileName", "rows"? }], "replacedRows": [{ "batchId", "fileName", "month", "rows", "changed" }],
 *                              "repeatedKeys"? (rows left out: their key came again later in the file) }] } | null,
 *   "counts": { "met": 2, "partly-met": 1, "not-met": 3, "not-assessable": 2, "total": 8 },
 *   "rows": [{ "name", "cell": "J21", "outcome": { "value": 2509.4, "unit": "count", "text": "2 509",
 *               "monthsUsed": [...], "missingMonths": [...] } | null,
 *              "status": "met", "label": "Uppfyllt", "symbol": "✓", "forecast": false, "manual": false,
 *              "explanation": "Utfall 2 509 mot målvärde 2 800 – uppfyllt",
 *              "provenance": [{ "kind": "export", "source": "forsorjningsstod", "files": ["forsorjningsstod-2019-01.csv", …] }
 *                           | { "kind": "kolada", "kpi": "N00011", "municipality": "0580", "year": 2019, "credit": "Källa: Kolada" }
 *                           | { "kind": "manual", "enteredBy": "AB", "enteredAt": "2020-01-20", "sourceText": "Brukarenkät 2019", "year": 2019 }] }],
 *                                       // core/outcomes/provenance.ts: Provenance
 *   "fromWorkbook": [{ "source": "vantetider", "month": "2019-09" }],  // source-months taken from the workbook's
 *                                       // own Månadsdata (the ledger lacks them); [] when none or nothing filled
 *   "missing": { "months": [{ "measure": "forsorjningsstod/hushall", "month": "2019-03" }],
 *                "unboundIndicators": [...], "bindingsWithoutRow": [...], "unknownMeasures": [...], "noData": [...] },
 *   "issues": [{ "code", "severity", "message" (Swedish, with its place), "file", "sheet", "cell", "row", "column" }],
 *   "activities": { "sheet": "Aktiviteter", "total": 42,                  // null when the workbook has no activity table
 *                   "counts": { "done", "on-track", "late", "not-started", "cancelled", "not-reported" },
 *                   "perspectives": [{ "perspective": "Medborgare", "total": 21, "counts": {…} }],
 *                   "late": [{ "name", "perspective", "cell", "byRule": true, "reason" }],
 *                   "issues": [Issue…] },
 *   "boardReport": { "html": "…/plan rapport 2019-T2.html", "pdf": "…/plan rapport 2019-T2.pdf" | null,
 *                    "pdfMissing": "ingen Chromium hittades …" | null }   // run only; absent when no report was made
 * }
 */
import { basename } from "node:path";
import type { DeliveryChange, RowsReplaced } from "../ledger/writeBatch";
import { toA1 } from "../../core/workbook/address";
import { defaultDecimals } from "../../core/status/evaluateStatus";
import { formatQuantity } from "../../core/values/formatValue";
import type { Issue } from "../../core/issues/issues";
import { formatIssue } from "../../core/issues/messages.sv";
import type { Period } from "../../core/periods/period";
import type { Status } from "../../core/status/status";
import type { FileOutcome, ImportReport } from "../ledger/importFiles";
import type { WriteResult } from "../xlsx";
import { findMissing, type MissingReport } from "./findMissing";
import { exportProvenance, type Delivery, type ReportedProvenance } from "./rowProvenance";
import type { PlannedFill } from "./fillWorkbook";
import type { Provenance } from "../../core/outcomes/provenance";
import { VALUE_SOURCES } from "../../core/outcomes/yearlyOutcome";
import { boardReportIssues, type WrittenBoardReport } from "../report/writeBoardReport";
import type { SummaryKey } from "../../core/activities/summarizeActivities";
import { redactPersonalData } from "../../core/privacy/redactPersonalData";

export const RUN_REPORT_FORMAT = "bilaga-korrapport/1";

export interface ReportedIssue {
  readonly code: string;
  readonly severity: string;
  /** The Swedish sentence with its place, as the terminal shows it. */
  readonly message: string;
  readonly file?: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly row?: number;
  readonly column?: number;
}

export interface ReportedImport {
  readonly file: string;
  readonly kind: FileOutcome["kind"];
  readonly source?: string;
  readonly months?: readonly string[];
  readonly rowsRead?: number;
  readonly rowsAccepted?: number;
  readonly rowsRejected?: number;
  readonly issueCount?: number;
  readonly issues: readonly ReportedIssue[];
  /** The profile's delivery mode, and what the file did to what the ledger held (imported files only). */
  readonly delivery?: string;
  readonly replaced?: readonly DeliveryChange[];
  readonly superseded?: readonly DeliveryChange[];
  readonly addedTo?: readonly DeliveryChange[];
  readonly replacedRows?: readonly RowsReplaced[];
  readonly repeatedKeys?: number;
}

export interface ReportedRow {
  readonly name: string;
  /** The outcome cell ("J21"). */
  readonly cell: string;
  readonly outcome: {
    readonly value: number;
    readonly unit: string;
    /** As the workbook shows it: "2 509", "6,0 %", "17,1 dagar". */
    readonly text: string;
    readonly monthsUsed: readonly string[];
    readonly missingMonths: readonly string[];
  } | null;
  readonly status: Status;
  readonly label: string;
  readonly symbol: string;
  readonly forecast: boolean;
  readonly manual: boolean;
  readonly explanation: string;
  /**
   * Where the value came from, one entry per source: the export files behind the months used,
   * Kolada's key figure, or the entry made by hand; [] for a status set by hand.
   */
  readonly provenance: readonly (ReportedProvenance | Provenance)[];
}

export interface RunReport {
  readonly format: typeof RUN_REPORT_FORMAT;
  readonly status: "filled" | "rejected";
  readonly exitCode: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly period: { readonly id: string; readonly label: string; readonly months: readonly string[] };
  readonly ledger: string | null;
  readonly workbook: { readonly input: string; readonly output: string | null; readonly backup: string | null; readonly sheet: string | null };
  readonly imports: {
    readonly files: number;
    readonly imported: number;
    readonly unchanged: number;
    readonly rejected: number;
    readonly details: readonly ReportedImport[];
  } | null;
  readonly counts: Readonly<Record<Status, number>> & { readonly total: number };
  readonly rows: readonly ReportedRow[];
  /** Source-months whose records came from the workbook's own Månadsdata, not the ledger (it lacks them). */
  readonly fromWorkbook: readonly { readonly source: string; readonly month: string }[];
  readonly missing: MissingReport;
  readonly issues: readonly ReportedIssue[];
  /** The board's report written beside the workbook (run): the PDF's path, or why there is none. */
  readonly boardReport?: { readonly html: string; readonly pdf: string | null; readonly pdfMissing: string | null };
  /** The activities' follow-up (issue 11); null when the workbook has no activity table or nothing was filled. */
  readonly activities?: ReportedActivities | null;
}

export interface ReportedActivities {
  readonly sheet: string;
  readonly total: number;
  readonly counts: Readonly<Record<SummaryKey, number>>;
  readonly perspectives: ReadonlyArray<{ readonly perspective: string; readonly total: number; readonly counts: Readonly<Record<SummaryKey, number>> }>;
  readonly late: ReadonlyArray<{ readonly name: string; readonly perspective: string; readonly cell: string; readonly byRule: boolean; readonly reason: string }>;
  readonly issues: readonly ReportedIssue[];
}

function reportActivities(plan: PlannedFill | undefined): ReportedActivities | null {
  const followUp = plan?.activities;
  if (!followUp) return null;
  return {
    sheet: followUp.plan.sheet,
    total: followUp.summary.total.total,
    counts: followUp.summary.total.counts,
    perspectives: followUp.summary.perspectives.map((p) => ({ perspective: p.perspective, total: p.total, counts: p.counts })),
    late: followUp.assessments
      .filter((a) => a.status === "late")
      .map((a) => ({ name: a.activity.name, perspective: a.activity.perspective, cell: a.activity.cell, byRule: a.origin === "rule", reason: redactPersonalData(a.origin === "rule" ? (a.reason ?? "") : a.comment) })),
    issues: followUp.issues.map(reportIssue),
  };
}

/**
 * An issue as the report keeps it: formatIssue's Swedish sentence (identity numbers masked
 * there, core/issues/messages.sv.ts) and its position, never `raw` or `params`, which can hold a
 * cell of the user's file in clear.
 */
export function reportIssue(found: Issue): ReportedIssue {
  return {
    code: found.code,
    severity: found.severity,
    message: formatIssue(found),
    ...(found.file !== undefined && { file: found.file }),
    ...(found.sheet !== undefined && { sheet: found.sheet }),
    ...(found.cell !== undefined && { cell: found.cell }),
    ...(found.row !== undefined && { row: found.row }),
    ...(found.column !== undefined && { column: found.column }),
  };
}

export function reportImports(imports: ImportReport): NonNullable<RunReport["imports"]> {
  const count = (kind: FileOutcome["kind"]): number => imports.files.filter((f) => f.kind === kind).length;
  return {
    files: imports.files.length,
    imported: count("imported"),
    unchanged: count("unchanged"),
    rejected: count("rejected"),
    details: imports.files.map((f): ReportedImport => {
      switch (f.kind) {
        case "imported":
          return {
            file: f.file,
            kind: f.kind,
            source: f.source,
            months: f.months,
            rowsRead: f.rowsRead,
            rowsAccepted: f.rowsAccepted,
            rowsRejected: f.rowsRejected,
            issueCount: f.issueCount,
            issues: f.issues.map(reportIssue),
            delivery: f.delivery,
            replaced: f.replaced,
            superseded: f.superseded,
            addedTo: f.addedTo,
            replacedRows: f.replacedRows,
            ...(f.repeatedKeys > 0 && { repeatedKeys: f.repeatedKeys }),
          };
        case "unchanged":
          return { file: f.file, kind: f.kind, issues: [] };
        case "rejected":
          return {
            file: f.file,
            kind: f.kind,
            ...(f.source !== undefined && { source: f.source }),
            rowsRead: f.rowsRead,
            rowsRejected: f.rowsRejected,
            issueCount: f.issueCount,
            issues: f.issues.map(reportIssue),
          };
      }
    }),
  };
}

export interface ReportInput {
  readonly startedAt: Date;
  readonly period: Period;
  readonly workbook: string;
  readonly ledger?: string;
  readonly imports?: ImportReport;
  /** Absent when the run stopped before filling. */
  readonly plan?: PlannedFill;
  readonly written?: WriteResult;
  /** Issues outside the fill (configuration). */
  readonly issues?: readonly Issue[];
  /** The board's report, when one was written. */
  readonly boardReport?: WrittenBoardReport;
  /** Which file delivered each source-month in the ledger (readDeliveries), for the rows' provenance. */
  readonly deliveries?: readonly Delivery[];
}

/** Builds the run report from what the run did. */
export function buildRunReport(input: ReportInput): RunReport {
  const plan = input.plan;
  const rejected = input.imports?.files.some((f) => f.kind === "rejected") === true || plan === undefined;
  const outcomeColumn = plan?.patch.sheets[0]?.writes[0]?.column ?? 0;
  const counts = plan?.assessment.counts ?? { met: 0, "partly-met": 0, "not-met": 0, "not-assessable": 0 };
  // A month only the workbook's own Månadsdata held is delivered by that sheet.
  const fromSheet = (plan?.fromWorkbook ?? []).map((m) => ({ source: m.source, month: m.month, file: `${basename(input.workbook)} (bladet Månadsdata)` }));
  const deliveries = [...(input.deliveries ?? []), ...fromSheet];
  const rows: ReportedRow[] = (plan?.assessment.rows ?? []).map((row, index) => {
    const decimals = row.decimals ?? defaultDecimals(row.unit);
    const outcome = row.outcome;
    return {
      name: row.name,
      cell: toA1({ row: row.row, column: outcomeColumn }),
      outcome:
        outcome === undefined
          ? null
          : {
              value: outcome.quantity.value,
              unit: outcome.quantity.unit,
              text: formatQuantity(outcome.quantity, decimals),
              monthsUsed: outcome.monthsUsed,
              missingMonths: outcome.missingMonths,
            },
      status: row.status.status,
      label: row.status.label,
      symbol: row.status.symbol,
      forecast: row.status.forecast,
      manual: row.status.manual,
      explanation: row.status.explanation,
      // Kolada's and manual values are not exports: their provenance is the row's own (yearlyOutcome.ts provenanceFor).
      provenance: [
        ...exportProvenance(plan?.assessment.bound[index]?.binding, outcome?.monthsUsed ?? [], deliveries).filter((p) => !VALUE_SOURCES.includes(p.source)),
        ...(row.provenance === undefined ? [] : [row.provenance]),
      ],
    };
  });
  const extra = [...(input.issues ?? []), ...boardReportIssues(input.boardReport)];
  const issues = [...extra, ...(plan ? [...plan.tableIssues, ...plan.monthlyIssues, ...plan.manualIssues, ...plan.assessment.issues] : [])];
  return {
    format: RUN_REPORT_FORMAT,
    status: rejected ? "rejected" : "filled",
    exitCode: rejected ? 1 : 0,
    startedAt: input.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    period: { id: input.period.id, label: input.period.label, months: input.period.months },
    ledger: input.ledger ?? null,
    workbook: {
      input: input.workbook,
      output: input.written?.path ?? null,
      backup: input.written?.backupPath ?? null,
      sheet: plan?.appendix.sheet ?? null,
    },
    imports: input.imports ? reportImports(input.imports) : null,
    counts: { ...counts, total: rows.length },
    rows,
    fromWorkbook: (plan?.fromWorkbook ?? []).map((m) => ({ source: m.source, month: m.month })),
    missing: findMissing([...extra, ...(plan?.assessment.issues ?? [])]),
    issues: issues.map(reportIssue),
    activities: rejected ? null : reportActivities(plan),
    ...(input.boardReport !== undefined && {
      boardReport: {
        html: input.boardReport.html,
        pdf: input.boardReport.pdf ?? null,
        pdfMissing: input.boardReport.pdfIssue === undefined ? null : String(input.boardReport.pdfIssue.params?.["reason"] ?? ""),
      },
    }),
  };
}
