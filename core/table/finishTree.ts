/**
 * Turns the tree read from the rows into the readonly model: each indicator gets its unit,
 * polarity, footnote markers and id, in reading order (a goal's own indicators before those of
 * its board goals), so ids and doubts come out the same on every read.
 */
import { issue, type Issue } from "../issues/issues";
import type { FocusArea, Indicator } from "../model";
import { distinctMarkers, markersOf, type MarkerAt } from "./footnoteMarkers";
import { idAssigner } from "./indicatorIds";
import type { IssuePosition } from "./issuePosition";
import type { FocusAreaBuilder, IndicatorBuilder } from "./treeBuilder";
import { settlePolarity, settleUnit } from "./unitAndPolarity";

export interface FinishedTree {
  readonly focusAreas: FocusArea[];
  /** Every footnote marker used, with its cell, in reading order. */
  readonly markers: MarkerAt[];
  readonly issues: Issue[];
}

/**
 * @example finishTree(areas, 3, position)
 *   // { focusAreas: [{ name: "Samhälle", municipalGoals: [{ indicators: [{ id: "antal-hushall-...", unit: "count", ... }] }] }],
 *   //   markers: [{ marker: "*", cell: "E12" }], issues: [table/polarity-guessed at D6, ...] }
 */
export function finishTree(areas: readonly FocusAreaBuilder[], indicatorColumn: number, position: IssuePosition): FinishedTree {
  const nextId = idAssigner();
  const markers: MarkerAt[] = [];
  const issues: Issue[] = [];

  const finish = (b: IndicatorBuilder): Indicator => {
    const at = position.at(b.row, indicatorColumn);
    const settled = settleUnit(b, at);
    const { inferred, issues: polarityIssues } = settlePolarity(b.name, settled.outcomes, settled.targets, at);
    const marks = markersOf(b, settled.outcomes, settled.targets, settled.breakdowns);
    markers.push(...marks);
    const { id, repeatedName } = nextId(b.name);
    issues.push(...settled.issues, ...polarityIssues);
    if (repeatedName) issues.push(issue("table/duplicate-indicator", "warning", { ...at, raw: b.name, params: { id } }));
    return {
      id,
      name: b.name,
      row: b.row,
      cell: b.cell,
      unit: settled.unit,
      polarity: inferred.polarity,
      polaritySource: inferred.source,
      outcomes: settled.outcomes,
      targets: settled.targets,
      breakdowns: settled.breakdowns,
      notes: b.notes,
      ...(settled.baseline === undefined ? {} : { baseline: settled.baseline }),
      footnotes: distinctMarkers(marks),
      extra: b.extra,
    };
  };

  const focusAreas = areas.map((a) => ({
    name: a.name,
    cell: a.cell,
    municipalGoals: a.municipalGoals.map((g) => ({
      text: g.text,
      cell: g.cell,
      indicators: g.indicators.map(finish),
      boardGoals: g.boardGoals.map((bg) => ({
        text: bg.text,
        ...(bg.number === undefined ? {} : { number: bg.number }),
        cell: bg.cell,
        indicators: bg.indicators.map(finish),
      })),
    })),
  }));
  return { focusAreas, markers, issues };
}
