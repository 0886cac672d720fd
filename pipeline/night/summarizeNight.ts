/**
 * The Swedish terminal summary of the night run: a section per board (the same summary as
 * `bilaga run` prints, or why the board failed) and one for the whole night (the import, each
 * board on one line, the total, which boards failed, where the night report went).
 *
 * @example summarizeNight(report, { reportPath })
 *   // "== Arbetsmarknadsnämnden ==\nMåluppfyllelse, 38 rader …\n…\n== Hela natten ==\nPeriod: tertial 2 2019 (jan–aug)\n
 *   //  Inläsning: 65 filer: 65 inlästa, 0 redan inlästa, 0 avvisade (varje fil en gång, för alla nämnder).\n
 *   //  ✓ Arbetsmarknadsnämnden: ifylld – 38 rader: 12 ✓, 9 ◐, 8 ✗, 9 ○\n  ✗ Kultur- och fritidsnämnden: INTE IFYLLD – …"
 */
import { STATUS_LOOKS } from "../../core/status/statusLabels";
import { STATUSES } from "../../core/status/status";
import { shownPath, summarizeRun } from "../fill/summarizeRun";
import type { NightBoardSection, NightReport } from "./nightReport";

/** Issues listed under a failed board; the night report has them all. */
const ISSUES_SHOWN = 5;

const STAGE_SV = {
  configuration: "kopplingarna eller arbetsboken kunde inte läsas",
  workbook: "arbetsboken kunde inte fyllas i",
  write: "den ifyllda arbetsboken kunde inte skrivas",
} as const;

function countsText(counts: NonNullable<NightBoardSection["counts"]>): string {
  return `${counts.total} ${counts.total === 1 ? "rad" : "rader"}: ${STATUSES.map((s) => `${counts[s]} ${STATUS_LOOKS[s].symbol}`).join(", ")}`;
}

/** One board's section: the run summary of a filled board, or why it failed. */
export function summarizeBoard(board: NightBoardSection, cwd = process.cwd()): string {
  const head = `== ${board.name} ==\n`;
  if (board.status === "filled" && board.report) return head + summarizeRun(board.report, { cwd }).replace(/^Period: .*\n/, "");
  if (board.status === "not-run") return `${head}Inte ifylld: nattkörningen avbröts innan nämnderna fylldes i (se nedan).\n`;
  const failure = board.failure;
  const lines = [`INTE IFYLLD – ${failure ? STAGE_SV[failure.stage] : "okänt fel"}. Ingen arbetsbok skrevs för nämnden; originalet är orört.`];
  if (failure) {
    lines.push(`  ${failure.message}`);
    for (const found of failure.issues.slice(0, ISSUES_SHOWN)) lines.push(`  ${found.message}`);
    if (failure.issues.length > ISSUES_SHOWN) lines.push(`  … och ${failure.issues.length - ISSUES_SHOWN} till (se nattrapporten).`);
  }
  return `${head}${lines.join("\n")}\n`;
}

/** A failed board's reason on one line: its first issue (the cell or key at fault) when it has one. */
function firstReason(board: NightBoardSection): string {
  const failure = board.failure;
  if (failure === undefined || failure === null) return "";
  return (failure.issues[0]?.message ?? failure.message).split("\n")[0] ?? "";
}

export function summarizeNight(report: NightReport, options: { readonly reportPath?: string; readonly cwd?: string } = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const parts = report.boards.map((board) => summarizeBoard(board, cwd));
  const imports = report.imports;
  const lines = [
    "== Hela natten ==",
    `Period: ${report.period.label}`,
    `Inläsning: ${imports.files} ${imports.files === 1 ? "fil" : "filer"}: ${imports.imported} inlästa, ${imports.unchanged} redan inlästa, ${imports.rejected} avvisade ` +
      "(varje fil en gång, för alla nämnder).",
  ];
  if (report.stopped) lines.push(report.stopped);
  const summary = report.summary;
  lines.push(`Nämnder: ${summary.boards}: ${summary.filled} ifyllda, ${summary.failed} ${summary.failed === 1 ? "misslyckad" : "misslyckade"}${summary.notRun > 0 ? `, ${summary.notRun} inte körda` : ""}.`);
  for (const board of report.boards) {
    if (board.status === "filled" && board.counts) lines.push(`  ✓ ${board.name}: ifylld – ${countsText(board.counts)}`);
    else if (board.status === "failed") lines.push(`  ✗ ${board.name}: INTE IFYLLD – ${firstReason(board)}`);
    else lines.push(`  – ${board.name}: inte körd`);
  }
  if (summary.filled > 0) lines.push(`Måluppfyllelse, alla ifyllda nämnder: ${countsText(summary.counts)}`);
  lines.push(`Liggare: ${shownPath(report.ledger, cwd)}`);
  if (options.reportPath) lines.push(`Nattrapport: ${shownPath(options.reportPath, cwd)}`);
  lines.push(`Slutkod: ${report.exitCode}${report.exitCode === 0 ? " (allt klart)" : report.status === "boards-failed" ? " (en eller flera nämnder misslyckades; de andra skrevs)" : " (en export avvisades; ingenting skrevs)"}`);
  return `${parts.join("\n")}\n${lines.join("\n")}\n`;
}
