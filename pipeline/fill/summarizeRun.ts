/**
 * The Swedish summary a controller reads after `bilaga run` or `bilaga fill`: how many rows
 * met, partly met, did not meet or could not be assessed, what was missing (months, bindings,
 * indicators, by name), which source-months came from the workbook's own Månadsdata rather
 * than the ledger, and where the workbook and the run report went.
 *
 * @example summarizeRun(report)
 *   // "Period: tertial 2 2019 (jan–aug)\nInläsning: 24 filer: 24 inlästa, 0 redan inlästa, 0 avvisade.\n…
 *   //  Måluppfyllelse, 8 rader:\n  ✓ Uppfyllt            2\n …"
 */
import { relative, isAbsolute } from "node:path";
import { STATUS_LOOKS } from "../../core/status/statusLabels";
import { STATUSES } from "../../core/status/status";
import { describeDeliveryChanges } from "../ledger/describeDeliveryChanges";
import type { RunReport } from "./runReport";
import { provenanceText } from "../../core/outcomes/provenance";
import { followUpText } from "../../core/activities/followUpStatus";
import { ACTIVITY_SUMMARY_SHEET } from "../../core/activities/planActivitySummary";
import { SUMMARY_KEYS } from "../../core/activities/summarizeActivities";

/** Names listed per kind of gap; the rest are counted (the run report has them all). */
const NAMES_SHOWN = 8;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** A path as the user typed it: relative to the working folder when inside it. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}

function listNames(names: readonly string[]): string[] {
  const shown = names.slice(0, NAMES_SHOWN).map((name) => `    – ${name}`);
  if (names.length > NAMES_SHOWN) shown.push(`    … och ${names.length - NAMES_SHOWN} till (se körrapporten).`);
  return shown;
}

export function summarizeRun(report: RunReport, options: { readonly reportPath?: string; readonly cwd?: string } = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const lines: string[] = [`Period: ${report.period.label}`];
  const imports = report.imports;
  if (imports) {
    lines.push(
      `Inläsning: ${plural(imports.files, "fil", "filer")}: ${imports.imported} ${imports.imported === 1 ? "inläst" : "inlästa"}, ` +
        `${imports.unchanged} redan ${imports.unchanged === 1 ? "inläst" : "inlästa"}, ${imports.rejected} ${imports.rejected === 1 ? "avvisad" : "avvisade"}.`,
    );
  }
  if (report.status === "rejected") {
    const rejected = imports?.details.filter((f) => f.kind === "rejected").map((f) => f.file) ?? [];
    lines.push(
      `Avbrutet: ${plural(rejected.length, "fil avvisades", "filer avvisades")} (${rejected.join(", ")}). ` +
        "Ingenting lästes in i liggaren och ingen arbetsbok skrevs. Rätta felen ovan och kör igen.",
    );
    if (options.reportPath) lines.push(`Körrapport: ${shownPath(options.reportPath, cwd)}`);
    return `${lines.join("\n")}\n`;
  }

  // Replacing data is never silent: which delivery replaced which months or rows, with counts.
  const changes = (imports?.details ?? []).flatMap((f) =>
    f.kind === "imported"
      ? describeDeliveryChanges({ replaced: f.replaced ?? [], superseded: f.superseded ?? [], addedTo: f.addedTo ?? [], replacedRows: f.replacedRows ?? [], repeatedKeys: f.repeatedKeys ?? 0 }).map(
          (line) => `    – ${f.file}: ${line}`,
        )
      : [],
  );
  if (changes.length > 0) lines.push("Leveranser som ersatte eller lades till tidigare inläst data:", ...changes);

  const counts = report.counts;
  lines.push(`Måluppfyllelse, ${plural(counts.total, "rad", "rader")} (indikatorer och uppdelningar med koppling):`);
  const width = Math.max(...STATUSES.map((s) => STATUS_LOOKS[s].label.length));
  for (const status of STATUSES) {
    const look = STATUS_LOOKS[status];
    lines.push(`  ${look.symbol} ${look.label.padEnd(width)}  ${String(counts[status]).padStart(3)}`);
  }
  const forecasts = report.rows.filter((r) => r.forecast).length;
  if (forecasts > 0) lines.push(`  (varav ${forecasts} bedömda på prognos för helåret)`);
  const perYear = report.rows.filter((r) => r.explanation.startsWith("Mäts per år")).length;
  if (perYear > 0) lines.push(`  (varav ${plural(perYear, "rad som mäts", "rader som mäts")} per år och bedöms för helåret ${report.period.id.slice(0, 4)})`);
  const entered = (row: RunReport["rows"][number]) => row.provenance.filter((p) => p.kind === "kolada" || p.kind === "manual");
  const sourced = report.rows.filter((r) => r.outcome !== null && entered(r).length > 0);
  if (sourced.length > 0) {
    lines.push("Värden från Kolada och inmatade värden:");
    for (const row of sourced.slice(0, NAMES_SHOWN)) lines.push(`    – ${row.name.replace(/\.$/, "")}: ${row.outcome?.text ?? ""}. ${entered(row).map(provenanceText).join(" ")}`);
    if (sourced.length > NAMES_SHOWN) lines.push(`    … och ${sourced.length - NAMES_SHOWN} till (se körrapporten).`);
  }

  const missing = report.missing;
  const gaps: string[] = [];
  if (missing.months.length > 0) {
    const byMeasure = new Map<string, string[]>();
    for (const m of missing.months) byMeasure.set(m.measure, [...(byMeasure.get(m.measure) ?? []), m.month]);
    gaps.push(`  Månader utan data i perioden (utfallen räknas på de månader som finns):`);
    for (const [measure, months] of byMeasure) gaps.push(`    – ${measure}: ${months.join(", ")}`);
  }
  if (missing.noData.length > 0) {
    gaps.push(`  Utfall som inte kunde räknas (${missing.noData.length}):`, ...listNames(missing.noData));
  }
  if (missing.bindingsWithoutRow.length > 0) {
    gaps.push(`  Kopplingar som inte hittar någon rad i tabellen (${missing.bindingsWithoutRow.length}):`, ...listNames(missing.bindingsWithoutRow));
  }
  if (missing.unknownMeasures.length > 0) {
    gaps.push(`  Mått som ingen källprofil har (${missing.unknownMeasures.length}):`, ...listNames(missing.unknownMeasures));
  }
  if (missing.unboundIndicators.length > 0) {
    gaps.push(`  Indikatorer utan koppling, lämnas tomma (${missing.unboundIndicators.length}):`, ...listNames(missing.unboundIndicators));
  }
  lines.push(gaps.length > 0 ? "Saknas:" : "Saknas: inget.", ...gaps);

  if (report.fromWorkbook.length > 0) {
    const bySource = new Map<string, string[]>();
    for (const m of report.fromWorkbook) bySource.set(m.source, [...(bySource.get(m.source) ?? []), m.month]);
    lines.push("Från arbetsbokens blad Månadsdata (finns inte i liggaren; behålls och räknas med):");
    for (const [source, months] of bySource) lines.push(`    – ${source}: ${months.join(", ")}`);
  }
  const unreadable = report.issues.filter((found) => found.code === "monthly/unreadable-row").length;
  if (unreadable > 0) {
    lines.push(`Månadsdata: ${plural(unreadable, "rad", "rader")} i arbetsbokens blad kunde inte läsas och behölls inte (se körrapporten).`);
  }

  const activities = report.activities;
  if (activities?.issues.some((found) => found.code === "activity/not-a-tertial")) {
    lines.push(`Aktiviteter: följs upp per tertial; ingen aktivitetsstatus skrevs för ${report.period.label}.`);
  } else if (activities) {
    lines.push(`Aktiviteter, ${plural(activities.total, "aktivitet", "aktiviteter")} (bladet "${activities.sheet}"; sammanfattning i bladet "${ACTIVITY_SUMMARY_SHEET}"):`);
    const labels = SUMMARY_KEYS.map((key) => (key === "not-reported" ? "Ej rapporterad" : followUpText(key)));
    const width = Math.max(...labels.map((label) => label.length));
    SUMMARY_KEYS.forEach((key, i) => lines.push(`  ${(labels[i] ?? "").padEnd(width)}  ${String(activities.counts[key]).padStart(3)}`));
    const byRule = activities.late.filter((late) => late.byRule);
    if (byRule.length > 0) lines.push(`  Försenade enligt regeln (slutdatumet har passerat, ingen status satt):`, ...listNames(byRule.map((late) => late.name)));
  }

  if (report.workbook.output) {
    lines.push(`Arbetsbok: ${shownPath(report.workbook.output, cwd)}${report.workbook.sheet ? ` (bladet "${report.workbook.sheet}" och "Månadsdata")` : ""}`);
  }
  if (report.workbook.backup) lines.push(`Säkerhetskopia av originalet: ${shownPath(report.workbook.backup, cwd)}`);
  if (report.boardReport) {
    lines.push(`Rapport (HTML): ${shownPath(report.boardReport.html, cwd)}`);
    const { pdf, pdfMissing } = report.boardReport;
    // Neither a PDF nor a reason why not: it was left out (--no-pdf, or "pdf": "off" in a night).
    lines.push(pdf ? `Rapport (PDF): ${shownPath(pdf, cwd)}` : pdfMissing ? `Rapport (PDF): skrevs inte – ${pdfMissing}.` : "Rapport (PDF): skrevs inte, PDF valdes bort.");
  }
  if (report.ledger) lines.push(`Liggare: ${shownPath(report.ledger, cwd)}`);
  if (options.reportPath) lines.push(`Körrapport: ${shownPath(options.reportPath, cwd)}`);
  return `${lines.join("\n")}\n`;
}
