/**
 * The appendix model: the indicator table of an operational plan as typed, plain data.
 * Readonly discriminated unions that cross JSON unchanged between the add-in, the
 * pipeline and the tests. See GLOSSARY.md for the Swedish words behind each name.
 */
import type { Issue } from "./issues/issues";

/**
 * The unit of a quantity. A percentage is always { unit: "percent", value: 4.8 }; a difference
 * of two percentages is "percentage-points" ("2,4 procentenheter"), never written "%".
 */
export type Unit = "count" | "percent" | "percentage-points" | "days" | "kr" | "mnkr" | "index" | "ratio" | "number";

export interface Quantity {
  readonly value: number;
  readonly unit: Unit;
}

/**
 * One parsed cell text (an outcome, a breakdown value).
 * - number: "2 996", "4,80%", "21 dagar", "11%*", "88,3, tertial 1"
 * - labelled: "JKT: 2,1" (a value for one unit), "4 arbete" (an outcome kind)
 * - missing: "Saknas", "-", "–", empty
 * - text: anything else ("Vissa smärre skillnader kan utläsas.")
 */
export type CellValue =
  | {
      readonly kind: "number";
      readonly quantity: Quantity;
      /** Footnote markers after the value: ["*"], ["**"]. */
      readonly footnotes: readonly string[];
      /** What followed the number, e.g. "tertial 1" in "88,3, tertial 1". */
      readonly annotation?: string;
    }
  | {
      readonly kind: "labelled";
      /** "JKT" in "JKT: 2,1"; "arbete" in "4 arbete". */
      readonly label: string;
      readonly labelPosition: "before" | "after";
      readonly quantity: Quantity;
      readonly footnotes: readonly string[];
    }
  | { readonly kind: "missing"; readonly raw: string }
  | { readonly kind: "text"; readonly text: string; readonly footnotes: readonly string[] };

export type Direction = "increase" | "decrease" | "not-increase" | "not-decrease";

/**
 * A target value for one year.
 * "2 800" value; "minst 677", "≥0" at-least; "Högst 125 000 kr" at-most;
 * "Ska öka" / "Ska minska" / "Ska inte öka" direction; "Inga signifikanta skillnader" text.
 */
export type Target =
  | { readonly kind: "value"; readonly quantity: Quantity }
  | { readonly kind: "at-least"; readonly quantity: Quantity }
  | { readonly kind: "at-most"; readonly quantity: Quantity }
  | { readonly kind: "direction"; readonly direction: Direction }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing"; readonly raw: string };

/** Is a higher outcome better, a lower one, or is a point aimed at (Balanstal chefer: 1)? */
export type Polarity =
  | { readonly kind: "higher-better" }
  | { readonly kind: "lower-better" }
  | { readonly kind: "point"; readonly point: number };

/** Where a polarity came from, shown to the controller so a guess can be checked. */
export type PolaritySource = "wording" | "targets" | "configured" | "inherited" | "unknown";

export interface YearOutcome {
  readonly year: number;
  /** A1 address of the cell. */
  readonly cell: string;
  readonly raw: string;
  readonly value: CellValue;
}

export interface YearTarget {
  readonly year: number;
  readonly cell: string;
  readonly raw: string;
  readonly target: Target;
  readonly footnotes: readonly string[];
}

/** A note row under an indicator: "Basvärde 2018 = 299 personer", "Basvärde saknas!". */
export interface Note {
  readonly cell: string;
  readonly text: string;
}

export type Baseline =
  | { readonly kind: "value"; readonly year?: number; readonly quantity: Quantity; readonly text: string }
  | { readonly kind: "missing"; readonly text: string };

/** A cell of a column the reader does not know (e.g. "Kommentar"): kept, not lost. */
export interface ExtraCell {
  readonly header: string;
  readonly cell: string;
  readonly text: string;
}

export type BreakdownKind = "gender" | "unit" | "outcome-kind";

/** A sub-row of an indicator: Män/Kvinnor, Flickor/Pojkar, a unit (JKT), an outcome kind. */
export interface Breakdown {
  readonly kind: BreakdownKind;
  /** "Kvinnor", "Män", "Flickor", "Pojkar", "JKT", "arbete". */
  readonly label: string;
  /** Zero-based sheet row of the breakdown's values. */
  readonly row: number;
  /** A1 address of the cell that names the breakdown. */
  readonly cell: string;
  readonly outcomes: readonly YearOutcome[];
  readonly targets: readonly YearTarget[];
  readonly extra: readonly ExtraCell[];
}

export interface Indicator {
  /** Stable id from the name (slug), unique within the appendix. */
  readonly id: string;
  readonly name: string;
  /** Zero-based sheet row of the indicator's own values. */
  readonly row: number;
  /** A1 address of the cell holding the name. */
  readonly cell: string;
  readonly unit: Unit;
  readonly polarity: Polarity;
  readonly polaritySource: PolaritySource;
  readonly outcomes: readonly YearOutcome[];
  readonly targets: readonly YearTarget[];
  readonly breakdowns: readonly Breakdown[];
  readonly notes: readonly Note[];
  readonly baseline?: Baseline;
  /** Footnote markers on the name or any value of the row ("*", "**"). */
  readonly footnotes: readonly string[];
  readonly extra: readonly ExtraCell[];
}

export interface BoardGoal {
  readonly text: string;
  /** "1" in "1 Fler deltagare ...", when the goal is numbered. */
  readonly number?: string;
  readonly cell: string;
  readonly indicators: readonly Indicator[];
}

export interface MunicipalGoal {
  readonly text: string;
  readonly cell: string;
  readonly boardGoals: readonly BoardGoal[];
  /** Indicators placed directly under the municipal goal, with no board goal. */
  readonly indicators: readonly Indicator[];
}

export interface FocusArea {
  readonly name: string;
  readonly cell: string;
  readonly municipalGoals: readonly MunicipalGoal[];
}

export interface Footnote {
  /** "*", "**". */
  readonly marker: string;
  readonly text: string;
  readonly cell: string;
  /** The last cell of its text when the text goes on in the rows under `cell` ("A62"). */
  readonly continuedTo?: string;
}

export type ColumnRole =
  | "focus-area"
  | "municipal-goal"
  | "board-goal"
  | "indicator"
  | "outcome"
  | "target"
  | "extra";

export interface TableColumn {
  readonly role: ColumnRole;
  /** Zero-based sheet column. */
  readonly column: number;
  readonly header: string;
  /** For outcome and target columns: the year the header names. */
  readonly year?: number;
}

export interface Appendix {
  readonly sheet: string;
  /** Zero-based row of the header, and the first and last row of the table body. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: readonly TableColumn[];
  readonly focusAreas: readonly FocusArea[];
  readonly footnotes: readonly Footnote[];
  readonly issues: readonly Issue[];
}

/** Every indicator of the appendix, in table order. */
export function allIndicators(appendix: Appendix): Indicator[] {
  return appendix.focusAreas.flatMap((area) =>
    area.municipalGoals.flatMap((goal) => [
      ...goal.indicators,
      ...goal.boardGoals.flatMap((boardGoal) => boardGoal.indicators),
    ]),
  );
}
