/**
 * Builds the report model from what a fill computed: the appendix as read, the assessment of
 * the period (outcome and status per bound row, assessAppendix) and the monthly records (for
 * the trend pictures). It computes nothing new about outcomes or statuses: each figure is the
 * one the workbook gets, formatted as the workbook's number format shows it (formatFigure with
 * the row's decimals), so the report and the workbook print the same numbers.
 *
 * Every indicator of the table is in the report, in table order; a row that no binding fills
 * is "not followed" this period (its earlier outcomes and targets are still shown). The summary
 * per focus area counts the followed rows' statuses (indicators and breakdowns, as the run
 * summary does) and the indicators with no followed row.
 */
import type { ActivityFollowUp } from "../activities/followUpActivities";
import type { BoundRow } from "../outcomes/bindings";
import type { Appendix, Breakdown, FocusArea, Indicator } from "../model";
import type { Outcome } from "../outcomes/outcome";
import { monthLabel, monthsLabel, type Period } from "../periods/period";
import type { MonthlyRecord } from "../records/records";
import { defaultDecimals } from "../status/evaluateStatus";
import { STATUSES, type Status } from "../status/status";
import { statusText } from "../status/statusLabels";
import type { RowResult } from "../workbook/planWrites";
import { activitySection } from "./activitySection";
import { trendOfRow } from "./computeTrend";
import { describeTrend } from "./describeTrend";
import { formatFigure } from "./formatFigure";
import type { Report, ReportFigure, ReportFocusArea, ReportOutcome, ReportRow, ReportSection, StatusCounts } from "./reportModel";
import { rowSource } from "./rowSource";

export interface ReportInput {
  readonly appendix: Appendix;
  /** assessAppendix's result: rows and the bound rows behind them, in the same order. */
  readonly assessment: { readonly rows: readonly RowResult[]; readonly bound: readonly BoundRow[] };
  /** Monthly records for the trend pictures: the months from January of the period's year to its end are used. */
  readonly records: readonly MonthlyRecord[];
  readonly period: Period;
  /** The workbook's file name, shown under the title. */
  readonly file?: string;
  /** When the report is made (ISO 8601); shown as a date. */
  readonly madeAt?: string;
  /** The title; by default "Indikatorbilaga – uppföljning <period>". */
  readonly title?: string;
  /** Source profile id -> its name, for "Källa: …". */
  readonly sourceNames?: Readonly<Record<string, string>>;
  /** More content after the focus areas. */
  readonly sections?: readonly ReportSection[];
  /** The activities' follow-up the fill wrote (followUpActivities), when the workbook has activity tables: a section of its own. */
  readonly activities?: ActivityFollowUp;
}

interface Found {
  readonly result: RowResult;
  readonly bound: BoundRow;
}

const figures = (values: readonly { year: number; raw: string; cell: string }[], years: readonly number[]): ReportFigure[] =>
  years.map((year) => {
    const found = values.find((v) => v.year === year);
    return found === undefined ? { year, text: "" } : { year, text: found.raw.trim(), cell: found.cell };
  });

function outcomeOf(outcome: Outcome, decimals: number): ReportOutcome {
  return {
    text: formatFigure(outcome.quantity, decimals),
    value: outcome.quantity.value,
    months: monthsLabel(outcome.monthsUsed),
    missingMonths: outcome.missingMonths.map(monthLabel),
  };
}

function buildRow(
  input: ReportInput,
  years: Report["columns"],
  indicator: Indicator,
  breakdown: Breakdown | undefined,
  found: Found | undefined,
): ReportRow {
  const own = breakdown ?? indicator;
  const name = breakdown === undefined ? indicator.name : `${indicator.name} – ${breakdown.label}`;
  const result = found?.result;
  const unit = result?.outcome?.quantity.unit ?? result?.unit ?? indicator.unit;
  const decimals = result?.decimals ?? defaultDecimals(unit);
  const status = result?.status;
  const binding = found?.bound.binding;
  const trend = trendOfRow(indicator, breakdown, found, input.records, input.period);
  const notes = breakdown === undefined ? indicator.notes.map((n) => n.text) : [];
  const extra = own.extra.map((e) => `${e.header}: ${e.text}`);
  const footnotes = breakdown === undefined ? indicator.footnotes : [];
  const source = result === undefined ? undefined : rowSource(result, binding, input.sourceNames);
  return {
    kind: breakdown === undefined ? "indicator" : "breakdown",
    indicator: indicator.name,
    ...(breakdown !== undefined && { breakdown: breakdown.label }),
    name,
    sheetRow: own.row + 1,
    earlier: figures(own.outcomes, years.earlier),
    targets: figures(own.targets, years.targets),
    followed: result !== undefined,
    measured: result?.measured === true,
    ...(result?.outcome !== undefined && { outcome: outcomeOf(result.outcome, decimals) }),
    ...(result !== undefined &&
      result.measured &&
      result.outcome === undefined && {
        noOutcome: { text: result.placeholder ?? "Saknas", note: result.outcomeNote ?? `Inga månadsvärden för ${input.period.label}.` },
      }),
    ...(status !== undefined && {
      status: {
        status: status.status,
        symbol: status.symbol,
        label: status.label,
        text: statusText(status.status, status.forecast),
        explanation: status.explanation,
        forecast: status.forecast,
        ...(status.forecastQuantity !== undefined && { forecastText: formatFigure(status.forecastQuantity, decimals) }),
        manual: status.manual,
      },
    }),
    notes: [...notes, ...extra],
    footnotes,
    ...(source !== undefined && { source }),
    trend,
    trendText: describeTrend(trend),
  };
}

function emptyCounts(): Record<Status | "notFollowed" | "followed", number> {
  return { ...(Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>), notFollowed: 0, followed: 0 };
}

/** Counts the followed rows' statuses and the indicators with no followed row (own or breakdown). */
function countRows(rows: readonly ReportRow[]): StatusCounts {
  const counts = emptyCounts();
  const indicators: ReportRow[] = [];
  const followed = new Set<ReportRow>();
  let owner: ReportRow | undefined;
  for (const row of rows) {
    if (row.kind === "indicator") {
      owner = row;
      indicators.push(row);
    }
    if (row.status === undefined) continue;
    counts[row.status.status] += 1;
    counts.followed += 1;
    if (owner !== undefined) followed.add(owner);
  }
  counts.notFollowed = indicators.filter((row) => !followed.has(row)).length;
  return counts;
}

function sumCounts(all: readonly StatusCounts[]): StatusCounts {
  const total = emptyCounts();
  for (const counts of all) {
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += counts[key];
  }
  return total;
}

/** The sources of the followed rows, once each: "Källa: … (månadsexport)", "Källa: Kolada". */
function sourcesOf(rows: readonly ReportRow[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.source === undefined ? [] : [row.source.replace(/^Källa: /, "")])))];
}

function activitySections(input: ReportInput): ReportSection[] {
  const section = input.activities === undefined ? undefined : activitySection(input.activities, input.period);
  return section === undefined ? [] : [section];
}

/**
 * @example buildReport({ appendix, assessment, records, period: parsePeriod("2019-T2").value, file: "verksamhetsplan-amn-2019.xlsx" })
 *   // { title: "Indikatorbilaga – uppföljning tertial 2 2019 (jan–aug)",
 *   //   focusAreas: [{ name: "Samhälle", … }, { name: "Medborgare", counts: { met: 1, "partly-met": 0, …, notFollowed: 6 }, … }, …],
 *   //   totals: { met: 0, "partly-met": 4, "not-met": 2, "not-assessable": 1, followed: 7, notFollowed: 19 } }
 */
export function buildReport(input: ReportInput): Report {
  const { appendix, assessment, period } = input;
  // By the cells that name the row, not by sheet row: a breakdown may share its indicator's row
  // ("4 arbete" beside the indicator's name), and only the bound one of the two is followed.
  const key = (indicator: Indicator, breakdown: Breakdown | undefined): string => `${indicator.cell}\u0000${breakdown?.cell ?? ""}`;
  const byRow = new Map<string, Found>();
  assessment.rows.forEach((result, index) => {
    const bound = assessment.bound[index];
    if (bound !== undefined) byRow.set(key(bound.indicator, bound.breakdown), { result, bound });
  });
  const years = {
    earlier: appendix.columns.filter((c) => c.role === "outcome" && c.year !== undefined && c.year < period.year).map((c) => c.year ?? 0),
    targets: appendix.columns.filter((c) => c.role === "target" && c.year !== undefined).map((c) => c.year ?? 0),
  };
  const rowsOf = (indicators: readonly Indicator[]): ReportRow[] =>
    indicators.flatMap((indicator) => [
      buildRow(input, years, indicator, undefined, byRow.get(key(indicator, undefined))),
      ...indicator.breakdowns.map((breakdown) => buildRow(input, years, indicator, breakdown, byRow.get(key(indicator, breakdown)))),
    ]);
  const focusAreas: ReportFocusArea[] = appendix.focusAreas.map((area: FocusArea) => {
    const municipalGoals = area.municipalGoals.map((goal) => ({
      text: goal.text,
      rows: rowsOf(goal.indicators),
      boardGoals: goal.boardGoals.map((board) => ({
        text: board.text,
        ...(board.number !== undefined && { number: board.number }),
        rows: rowsOf(board.indicators),
      })),
    }));
    const rows = municipalGoals.flatMap((g) => [...g.rows, ...g.boardGoals.flatMap((b) => b.rows)]);
    return { name: area.name, municipalGoals, counts: countRows(rows) };
  });
  const allRows = focusAreas.flatMap((a) => a.municipalGoals.flatMap((g) => [...g.rows, ...g.boardGoals.flatMap((b) => b.rows)]));
  return {
    title: input.title ?? `Indikatorbilaga – uppföljning ${period.label}`,
    period: { id: period.id, label: period.label, year: period.year },
    workbook: { ...(input.file !== undefined && { file: input.file }), sheet: appendix.sheet },
    ...(input.madeAt !== undefined && { madeAt: input.madeAt }),
    columns: years,
    focusAreas,
    totals: sumCounts(focusAreas.map((a) => a.counts)),
    footnotes: appendix.footnotes.map((f) => ({ marker: f.marker, text: f.text })),
    sources: sourcesOf(allRows),
    sections: [...activitySections(input), ...(input.sections ?? [])],
  };
}
