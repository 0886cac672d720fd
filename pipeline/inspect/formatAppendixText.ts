/**
 * The appendix as Swedish text for the terminal: the tree (målområden > kommunövergripande
 * mål > nämndmål > indikatorer with earlier outcomes, targets, unit, polarity and why,
 * breakdowns, notes, footnotes, kept columns), the counts, and every issue with its cell.
 */
import { columnLetters } from "../../core/workbook/address";
import { formatQuantity, formatTarget } from "../../core/values/formatValue";
import { formatIssue } from "../../core/issues/messages.sv";
import type {
  Appendix,
  Breakdown,
  BreakdownKind,
  CellValue,
  ExtraCell,
  Indicator,
  Polarity,
  PolaritySource,
  Unit,
  YearOutcome,
  YearTarget,
} from "../../core/model";
import { countAppendix, type AppendixCounts } from "./countAppendix";
import { UNIT_NAMES_SV as UNIT_SV } from "../../core/issues/messages.sv";

export interface TextContext {
  readonly file: string;
  readonly sheetNames: readonly string[];
  /** true when the sheet was found by trying each (no --sheet). */
  readonly sheetFound: boolean;
}


const SOURCE_SV: Record<PolaritySource, string> = {
  wording: "utifrån formuleringen",
  targets: "utifrån målvärden och utfall",
  configured: "enligt konfigurationen",
  inherited: "ärvd från indikatorn",
  unknown: "okänd",
};

const BREAKDOWN_SV: Record<BreakdownKind, string> = {
  gender: "kön",
  unit: "enhet",
  "outcome-kind": "utfallsslag",
};

function polaritySv(polarity: Polarity): string {
  switch (polarity.kind) {
    case "higher-better":
      return "högre är bättre";
    case "lower-better":
      return "lägre är bättre";
    case "point":
      return `närmare ${formatQuantity({ value: polarity.point, unit: "number" })} är bättre`;
  }
}

function cellValueSv(value: CellValue, raw: string): string {
  switch (value.kind) {
    case "number": {
      const annotation = value.annotation ? `, ${value.annotation}` : "";
      return `${formatQuantity(value.quantity)}${value.footnotes.join("")}${annotation}`;
    }
    case "labelled": {
      const quantity = `${formatQuantity(value.quantity)}${value.footnotes.join("")}`;
      return value.labelPosition === "before" ? `${value.label}: ${quantity}` : `${quantity} ${value.label}`;
    }
    case "missing":
      if (raw.trim() === "") return "(tom)";
      return raw.trim().toLocaleLowerCase("sv-SE") === "saknas" ? "saknas" : `saknas (${raw.trim()})`;
    case "text":
      return `"${value.text}"${value.footnotes.join("")}`;
  }
}

function outcomesSv(outcomes: readonly YearOutcome[]): string {
  return outcomes.map((o) => `${o.year}: ${cellValueSv(o.value, o.raw)}`).join(" · ");
}

function targetsSv(targets: readonly YearTarget[]): string {
  return targets
    .map((t) => {
      const text = t.target.kind === "missing" && t.raw.trim() === "" ? "(tom)" : formatTarget(t.target);
      return `${t.year}: ${text}${t.footnotes.join("")}`;
    })
    .join(" · ");
}

function extraLines(extra: readonly ExtraCell[], indent: string): string[] {
  return extra.map((e) => `${indent}${e.header} (${e.cell}): ${e.text}`);
}

function breakdownLines(breakdown: Breakdown, indent: string): string[] {
  const lines = [`${indent}Uppdelning ${breakdown.label} (${BREAKDOWN_SV[breakdown.kind]}, ${breakdown.cell})`];
  const inner = `${indent}  `;
  // A breakdown row often has values in some columns only: leave out what is empty.
  const outcomes = breakdown.outcomes.filter((o) => o.raw.trim() !== "");
  const targets = breakdown.targets.filter((t) => t.raw.trim() !== "");
  if (outcomes.length > 0) lines.push(`${inner}Utfall: ${outcomesSv(outcomes)}`);
  if (targets.length > 0) lines.push(`${inner}Målvärden: ${targetsSv(targets)}`);
  lines.push(...extraLines(breakdown.extra, inner));
  if (outcomes.length + targets.length + breakdown.extra.length === 0) lines.push(`${inner}(inga värden ifyllda)`);
  return lines;
}

function indicatorLines(indicator: Indicator, indent: string): string[] {
  const inner = `${indent}  `;
  const lines = [
    `${indent}Indikator: ${indicator.name} (${indicator.cell})`,
    `${inner}Enhet: ${UNIT_SV[indicator.unit]} · ${polaritySv(indicator.polarity)} (${SOURCE_SV[indicator.polaritySource]})`,
    `${inner}Utfall: ${outcomesSv(indicator.outcomes)}`,
    `${inner}Målvärden: ${targetsSv(indicator.targets)}`,
  ];
  if (indicator.footnotes.length > 0) lines.push(`${inner}Fotnoter: ${indicator.footnotes.join(", ")}`);
  for (const note of indicator.notes) lines.push(`${inner}Anteckning (${note.cell}): ${note.text}`);
  if (indicator.baseline) {
    const baseline = indicator.baseline;
    lines.push(
      baseline.kind === "value"
        ? `${inner}Basvärde${baseline.year === undefined ? "" : ` ${baseline.year}`}: ${formatQuantity(baseline.quantity)}`
        : `${inner}Basvärde: saknas`,
    );
  }
  lines.push(...extraLines(indicator.extra, inner));
  for (const breakdown of indicator.breakdowns) lines.push(...breakdownLines(breakdown, inner));
  return lines;
}

/** A placeholder for a level the sheet leaves empty (an indicator with no goal above it). */
function orNone(text: string, none: string): string {
  return text.trim() === "" ? none : text;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "5 målområden, 19 kommunövergripande mål, 13 nämndmål, 25 indikatorer, 8 uppdelningar" */
export function formatCountsSv(counts: AppendixCounts): string {
  return [
    plural(counts.focusAreas, "målområde", "målområden"),
    `${counts.municipalGoals} kommunövergripande mål`,
    `${counts.boardGoals} nämndmål`,
    plural(counts.indicators, "indikator", "indikatorer"),
    plural(counts.breakdowns, "uppdelning", "uppdelningar"),
  ].join(", ");
}

/** "Rubrikrad 4", or "Rubrikrader 4–5" for a header over two rows (the years on the second). */
function headerRowsSv(appendix: Appendix): string {
  const first = appendix.headerRow + 1;
  const last = appendix.firstRow; // the row before the table, 1-based
  return last > first ? `Rubrikrader ${first}–${last}` : `Rubrikrad ${first}`;
}

function columnsSv(appendix: Appendix): string {
  const byRole = (role: string): string[] =>
    appendix.columns.filter((c) => c.role === role).map((c) => `${c.header.replace(/\s+/g, " ").trim()} (${columnLetters(c.column)})`);
  const parts = [`utfall ${byRole("outcome").join(", ") || "inga"}`, `målvärden ${byRole("target").join(", ") || "inga"}`];
  const extra = byRole("extra");
  if (extra.length > 0) parts.push(`övriga kolumner som behålls ${extra.join(", ")}`);
  return parts.join("; ");
}

/** The whole Swedish report, one string ending in a line break. */
export function formatAppendixText(appendix: Appendix, context: TextContext): string {
  const sheets = context.sheetNames.map((name) => `"${name}"`).join(", ");
  const how = context.sheetFound
    ? `hittat bland arbetsbokens blad (${sheets}): det blad som har indikatortabellen`
    : "angivet med --sheet";
  const lines: string[] = [
    `Indikatorbilaga i ${context.file}, blad "${appendix.sheet}" (${how}).`,
    `${headerRowsSv(appendix)}, tabellen på rad ${appendix.firstRow + 1}–${appendix.lastRow + 1}; ${columnsSv(appendix)}.`,
    "",
  ];

  for (const area of appendix.focusAreas) {
    lines.push(`Målområde: ${orNone(area.name, "(utan målområde)")} (${area.cell})`);
    for (const goal of area.municipalGoals) {
      const empty = goal.boardGoals.length === 0 && goal.indicators.length === 0 ? " – inga nämndmål eller indikatorer" : "";
      lines.push(`  Kommunövergripande mål: ${orNone(goal.text, "(inget angivet)")} (${goal.cell})${empty}`);
      for (const indicator of goal.indicators) lines.push(...indicatorLines(indicator, "    "));
      for (const board of goal.boardGoals) {
        const empty = board.indicators.length === 0 ? " – inga indikatorer" : "";
        lines.push(`    Nämndmål: ${orNone(board.text.replace(/\s*\n\s*/g, " / "), "(inget angivet)")} (${board.cell})${empty}`);
        for (const indicator of board.indicators) lines.push(...indicatorLines(indicator, "      "));
      }
    }
  }

  if (appendix.footnotes.length > 0) {
    lines.push("", "Fotnoter under tabellen:");
    for (const footnote of appendix.footnotes) lines.push(`  ${footnote.marker} ${footnote.text} (${footnote.cell})`);
  }

  lines.push("", `Sammanfattning: ${formatCountsSv(countAppendix(appendix))}.`);
  if (appendix.issues.length === 0) {
    lines.push("Inga problem hittades.");
  } else {
    lines.push(`Problem och tveksamheter (${appendix.issues.length}):`);
    for (const found of appendix.issues) lines.push(`  ${formatIssue(found)}`);
  }
  return `${lines.join("\n")}\n`;
}
