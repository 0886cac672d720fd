/**
 * The follow-up report's content model: what the board reads, as plain data. Built from the
 * appendix, the assessment of a period and the monthly records (buildReport); rendered to one
 * self-contained HTML page (renderReportHtml), which the pipeline prints to PDF. The table's
 * structure is kept (focus areas > municipal goals > board goals > indicators and their
 * breakdowns); every figure carries the workbook cell it comes from, so it can be traced.
 *
 * Extending it: a new kind of content (e.g. the activities of issue 11) is a new member of
 * ReportSection, rendered in renderReportHtml's switch; the compiler then asks for it there.
 */
import type { FollowUpStatus } from "../activities/activity";
import type { FollowUpOrigin } from "../activities/assessActivities";
import type { SummaryKey } from "../activities/summarizeActivities";
import type { Status } from "../status/status";
import type { Trend } from "./computeTrend";

/** A figure from the table: an earlier outcome or a target, as the cell shows it. */
export interface ReportFigure {
  readonly year: number;
  /** The cell's text as the workbook shows it ("3 130", "11%*", "Ska minska"); "" for an empty cell. */
  readonly text: string;
  /** The workbook cell ("F21"); absent when the row has no value for that year. */
  readonly cell?: string;
}

export interface ReportOutcome {
  /** As the filled workbook shows it: "2 509", "5,4 %", "14,3 dagar". */
  readonly text: string;
  readonly value: number;
  /** "jan–aug 2019"; the months the outcome rests on. */
  readonly months: string;
  /** Months of the period without data, named ("mars 2019"). */
  readonly missingMonths: readonly string[];
}

export interface ReportStatus {
  readonly status: Status;
  readonly symbol: string;
  /** "Uppfyllt", "Delvis uppfyllt", … */
  readonly label: string;
  /** Symbol and label, "(prognos)" when judged on a forecast: as the workbook's Status cell. */
  readonly text: string;
  /** The one-line explanation (the Status cell's note). */
  readonly explanation: string;
  readonly forecast: boolean;
  /** The forecast for the year, as shown ("468"), when judged on one. */
  readonly forecastText?: string;
  readonly manual: boolean;
}

export interface ReportRow {
  readonly kind: "indicator" | "breakdown";
  /** The indicator's name (for a breakdown, its parent's). */
  readonly indicator: string;
  /** The breakdown's label ("Kvinnor"); absent for an indicator's own row. */
  readonly breakdown?: string;
  /** "Total sjukfrånvaro (%) – Kvinnor". */
  readonly name: string;
  /** One-based sheet row, as Excel numbers it. */
  readonly sheetRow: number;
  /** Earlier outcomes, one per outcome column of the table (in column order). */
  readonly earlier: readonly ReportFigure[];
  /** Targets, one per target column of the table (in column order). */
  readonly targets: readonly ReportFigure[];
  /** True when the period's outcome and status are given for the row (it is bound). */
  readonly followed: boolean;
  /** True when a measure feeds the row; false for a status set by hand with no outcome (its outcome cell stays empty). */
  readonly measured: boolean;
  /** The period's outcome; absent when not followed or when no month had data. */
  readonly outcome?: ReportOutcome;
  /** A measured row without an outcome: what its cell says ("Saknas", "Mäts per år") and why, as the workbook writes it. */
  readonly noOutcome?: { readonly text: string; readonly note: string };
  readonly status?: ReportStatus;
  /** Notes under the indicator ("Basvärde 2018 = 299 personer") and other columns' texts ("Kommentar: …"). */
  readonly notes: readonly string[];
  /** Footnote markers used on the row ("*"). */
  readonly footnotes: readonly string[];
  /** "Källa: Kolada", "Källa: Sjukfrånvaro per enhet, kön och åldersgrupp (export)". */
  readonly source?: string;
  readonly trend: Trend;
  /** The trend in words (the picture's text alternative). */
  readonly trendText: string;
}

export interface ReportBoardGoal {
  readonly text: string;
  readonly number?: string;
  readonly rows: readonly ReportRow[];
}

export interface ReportMunicipalGoal {
  readonly text: string;
  /** Rows of indicators placed directly under the municipal goal. */
  readonly rows: readonly ReportRow[];
  readonly boardGoals: readonly ReportBoardGoal[];
}

/** How many followed rows got each status, and how many indicators are not followed this period. */
export type StatusCounts = Readonly<Record<Status, number>> & { readonly notFollowed: number; readonly followed: number };

export interface ReportFocusArea {
  readonly name: string;
  readonly municipalGoals: readonly ReportMunicipalGoal[];
  readonly counts: StatusCounts;
}

/** One activity's follow-up for the period, as the activity sheet's status column shows it. */
export interface ReportActivity {
  readonly name: string;
  /** The activity's name cell in the activity sheet ("B12"). */
  readonly cell: string;
  /** "Q1 (senast mars)", "Kontinuerligt", "Inget slutdatum". */
  readonly deadline: string;
  /** Absent when not reported. */
  readonly status?: FollowUpStatus;
  /** Symbol and word, as the status cell shows it ("! Försenad"); "Ej rapporterad" when not reported. */
  readonly statusText: string;
  readonly origin: FollowUpOrigin;
  readonly comment: string;
  readonly setBy: string;
  /** Why, when the rule ("Enligt regeln: slutdatumet Q1 …") or an earlier tertial decided the status. */
  readonly reason?: string;
}

/** The activities listed under one board goal cell (one or several goals named together). */
export interface ReportActivityGoal {
  /** The goals, [] when the activity names none. */
  readonly boardGoals: readonly string[];
  readonly activities: readonly ReportActivity[];
}

/** Counts per follow-up status (and not reported), with their total. */
export interface ReportActivityCounts {
  readonly total: number;
  readonly counts: Readonly<Record<SummaryKey, number>>;
}

export interface ReportActivityPerspective extends ReportActivityCounts {
  readonly perspective: string;
  readonly goals: readonly ReportActivityGoal[];
}

/** The activities of the plan and their follow-up for the period's tertial (issue 11). */
export interface ReportActivitiesSection {
  readonly kind: "activities";
  readonly heading: string;
  /** The activity sheet's name. */
  readonly sheet: string;
  /** The tertial followed up ("tertial 2 2019 (jan–aug)"); absent for a month or half-year, which has no follow-up. */
  readonly followUp?: { readonly id: string; readonly label: string };
  /** Said when there is no follow-up for the period, instead of the tables. */
  readonly note?: string;
  readonly perspectives: readonly ReportActivityPerspective[];
  readonly total: ReportActivityCounts;
}

/** Extra content after the focus areas. Add a member for a new kind (and render it). */
export type ReportSection =
  | {
      readonly kind: "paragraphs";
      readonly heading: string;
      readonly paragraphs: readonly string[];
    }
  | ReportActivitiesSection;

export interface Report {
  /** The page's and the PDF's title: "Indikatorbilaga – uppföljning tertial 2 2019 (jan–aug)". */
  readonly title: string;
  readonly period: { readonly id: string; readonly label: string; readonly year: number };
  /** Where the table was read: the workbook's file name and sheet. */
  readonly workbook: { readonly file?: string; readonly sheet: string };
  /** When the report was made (ISO 8601), shown as the date. */
  readonly madeAt?: string;
  /** Years of the table's outcome and target columns, in column order. */
  readonly columns: { readonly earlier: readonly number[]; readonly targets: readonly number[] };
  readonly focusAreas: readonly ReportFocusArea[];
  readonly totals: StatusCounts;
  readonly footnotes: readonly { readonly marker: string; readonly text: string }[];
  /** Every source the figures come from, once each ("Sjukfrånvaro per enhet, … : jan–aug 2019"). */
  readonly sources: readonly string[];
  readonly sections: readonly ReportSection[];
}
