/**
 * The night run's report (JSON), one for the whole night, for a scheduler to read and alert on.
 * Change it only by adding fields; bump `format` when a field changes meaning.
 *
 * {
 *   "format": "bilaga-nattrapport/1",
 *   "status": "filled" | "boards-failed" | "rejected",   // rejected: an export was rejected; nothing read in, no board written
 *   "exitCode": 0 | 5 | 1,                                 // as the command's exit code (pipeline/cli/errors.ts EXIT)
 *   "startedAt": "…", "finishedAt": "…",
 *   "period": { "id": "2019-T2", "label": "tertial 2 2019 (jan–aug)", "months": [ … ] },
 *   "ledger": "/…/liggare.sqlite",
 *   "imports": { "files": 65, "imported": 65, "unchanged": 0, "rejected": 0, "details": [ … ] },  // each file once, as in the run report
 *   "stopped": "Nattkörningen avbröts: …" | null,           // why no board was filled (a rejected export)
 *   "issues": [ReportedIssue…],                             // the manual and Kolada files' warnings
 *   "summary": { "boards": 3, "filled": 2, "failed": 1, "notRun": 0, "failedBoards": ["Kultur- och fritidsnämnden"],
 *                "counts": { "met": …, "partly-met": …, "not-met": …, "not-assessable": …, "total": … } },   // over the filled boards
 *   "boards": [{ "name": "Arbetsmarknadsnämnden", "status": "filled" | "failed" | "not-run",
 *                "workbook": { "input": "…", "output": "…" | null },
 *                "failure": { "stage": "configuration" | "workbook" | "write", "message": "…", "issues": [ReportedIssue…] } | null,
 *                "counts": { … } | null,
 *                "report": <the board's run report (bilaga-korrapport/1) without "imports"> | null }]
 * }
 */
import type { Issue } from "../../core/issues/issues";
import type { Period } from "../../core/periods/period";
import { STATUSES, type Status } from "../../core/status/status";
import { EXIT } from "../cli/errors";
import type { ImportReport } from "../ledger/importFiles";
import { reportImports, reportIssue, type ReportedIssue, type RunReport } from "../fill/runReport";
import type { BoardOutcome, FailureStage } from "./runNight";

export const NIGHT_REPORT_FORMAT = "bilaga-nattrapport/1";

type Counts = Readonly<Record<Status, number>> & { readonly total: number };

export interface NightBoardSection {
  readonly name: string;
  readonly status: BoardOutcome["status"];
  readonly workbook: { readonly input: string; readonly output: string | null };
  readonly failure: { readonly stage: FailureStage; readonly message: string; readonly issues: readonly ReportedIssue[] } | null;
  readonly counts: Counts | null;
  readonly report: RunReport | null;
}

export interface NightReport {
  readonly format: typeof NIGHT_REPORT_FORMAT;
  readonly status: "filled" | "boards-failed" | "rejected";
  readonly exitCode: number;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly period: { readonly id: string; readonly label: string; readonly months: readonly string[] };
  readonly ledger: string;
  readonly imports: ReturnType<typeof reportImports>;
  readonly stopped: string | null;
  readonly issues: readonly ReportedIssue[];
  readonly summary: {
    readonly boards: number;
    readonly filled: number;
    readonly failed: number;
    readonly notRun: number;
    readonly failedBoards: readonly string[];
    readonly counts: Counts;
  };
  readonly boards: readonly NightBoardSection[];
}

/** Why no board was filled when an export is rejected (the terminal and the report say the same). */
export const STOPPED_BY_EXPORT =
  "Nattkörningen avbröts: en export avvisades. Liggaren är oförändrad (ingen fil lästes in, för någon nämnd) och ingen nämnds arbetsbok skrevs.";

export interface NightReportInput {
  readonly startedAt: Date;
  readonly period: Period;
  readonly ledger: string;
  readonly imports: ImportReport;
  readonly boards: readonly BoardOutcome[];
  readonly issues: readonly Issue[];
}

function section(outcome: BoardOutcome): NightBoardSection {
  const report = outcome.report;
  // The imports are the night's, reported once at the top, not once per board.
  const own: RunReport | null = report === undefined ? null : { ...report, imports: null };
  return {
    name: outcome.board.name,
    status: outcome.status,
    workbook: { input: outcome.board.workbook, output: report?.workbook.output ?? null },
    failure:
      outcome.failure === undefined
        ? null
        : { stage: outcome.failure.stage, message: outcome.failure.message, issues: outcome.failure.issues.map(reportIssue) },
    counts: report?.counts ?? null,
    report: own,
  };
}

/** Builds the night's report from the import and the boards' outcomes. */
export function buildNightReport(input: NightReportInput): NightReport {
  const imports = reportImports(input.imports);
  const rejected = imports.rejected > 0;
  const boards = input.boards.map(section);
  const failed = boards.filter((b) => b.status === "failed");
  const counts = Object.fromEntries(STATUSES.map((s) => [s, boards.reduce((sum, b) => sum + (b.counts?.[s] ?? 0), 0)])) as Record<Status, number>;
  const status = rejected ? "rejected" : failed.length > 0 ? "boards-failed" : "filled";
  return {
    format: NIGHT_REPORT_FORMAT,
    status,
    exitCode: status === "rejected" ? EXIT.rejected : status === "boards-failed" ? EXIT.boardsFailed : EXIT.ok,
    startedAt: input.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    period: { id: input.period.id, label: input.period.label, months: input.period.months },
    ledger: input.ledger,
    imports,
    stopped: rejected ? STOPPED_BY_EXPORT : null,
    issues: input.issues.map(reportIssue),
    summary: {
      boards: boards.length,
      filled: boards.filter((b) => b.status === "filled").length,
      failed: failed.length,
      notRun: boards.filter((b) => b.status === "not-run").length,
      failedBoards: failed.map((b) => b.name),
      counts: { ...counts, total: boards.reduce((sum, b) => sum + (b.counts?.total ?? 0), 0) },
    },
    boards,
  };
}
