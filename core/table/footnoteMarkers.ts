/**
 * Footnote markers ("*", "**") an indicator carries on its name, outcomes and targets, and the
 * markers that no footnote under the table explains.
 */
import { issue, type Issue } from "../issues/issues";
import type { Breakdown, CellValue, Footnote, YearOutcome, YearTarget } from "../model";
import type { IssuePosition } from "./issuePosition";

export interface MarkerAt {
  readonly marker: string;
  /** A1 address of the cell that carries the marker. */
  readonly cell: string;
}

function footnotesOf(value: CellValue): readonly string[] {
  return value.kind === "missing" ? [] : value.footnotes;
}

/**
 * Every marker of an indicator and its breakdowns with its cell: name first, then outcomes, then targets.
 *
 * @example markersOf({ nameFootnotes: ["*"], cell: "D7" }, [outcome "11%*" at E7], [], [])
 *   // [{ marker: "*", cell: "D7" }, { marker: "*", cell: "E7" }]
 */
export function markersOf(
  name: { readonly nameFootnotes: readonly string[]; readonly cell: string },
  outcomes: readonly YearOutcome[],
  targets: readonly YearTarget[],
  breakdowns: readonly Breakdown[],
): MarkerAt[] {
  const at = (markers: readonly string[], cell: string): MarkerAt[] => markers.map((marker) => ({ marker, cell }));
  return [
    ...at(name.nameFootnotes, name.cell),
    ...[...outcomes, ...breakdowns.flatMap((d) => d.outcomes)].flatMap((o) => at(footnotesOf(o.value), o.cell)),
    ...[...targets, ...breakdowns.flatMap((d) => d.targets)].flatMap((t) => at(t.footnotes, t.cell)),
  ];
}

/**
 * The indicator's distinct markers, shortest first.
 *
 * @example distinctMarkers([{ marker: "**", cell: "E7" }, { marker: "*", cell: "D7" }, { marker: "*", cell: "F7" }]) // ["*", "**"]
 */
export function distinctMarkers(marks: readonly MarkerAt[]): string[] {
  return [...new Set(marks.map((m) => m.marker))].sort((a, b) => a.length - b.length);
}

/**
 * One issue per marker no footnote explains, at the first cell that uses it.
 *
 * @example footnotesWithoutText([{ marker: "**", cell: "E12" }], [{ marker: "*", text: "Eftersom ...", cell: "A59" }], position)
 *   // [table/footnote-without-text at E12, raw "**"]
 */
export function footnotesWithoutText(marks: readonly MarkerAt[], footnotes: readonly Footnote[], position: IssuePosition): Issue[] {
  const firstCell = new Map<string, string>();
  for (const { marker, cell } of marks) if (!firstCell.has(marker)) firstCell.set(marker, cell);
  return [...firstCell]
    .filter(([marker]) => !footnotes.some((f) => f.marker === marker))
    .map(([marker, cell]) => issue("table/footnote-without-text", "warning", { sheet: position.sheet, cell, raw: marker, ...position.fileField }));
}
