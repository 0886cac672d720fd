/**
 * Status types: how well an indicator row meets its target for a period, as the report
 * shows it (Uppfyllt / Delvis uppfyllt / Ej uppfyllt / Kan ej bedömas), with a symbol so
 * that colour is never the only signal, and a one-line Swedish explanation.
 */
import type { Issue } from "../issues/issues";
import type { Polarity, Quantity, Target } from "../model";

export type Status = "met" | "partly-met" | "not-met" | "not-assessable";

export const STATUSES = ["met", "partly-met", "not-met", "not-assessable"] as const satisfies readonly Status[];

/** What a status is judged against, when it is judged against an earlier value. */
export interface Reference {
  readonly value: number;
  /** "outcome": the latest earlier outcome; "baseline": the Basvärde note; "configured": set in the bindings. */
  readonly source: "outcome" | "baseline" | "configured";
  readonly year?: number;
}

/** Per-indicator changes to the default rules (from the bindings configuration). */
export interface StatusOverrides {
  readonly polarity?: Polarity;
  /** How near counts as "unchanged" (direction targets) or "at the point", in the outcome's unit. */
  readonly tolerance?: number;
  /** A fixed reference value, or the outcome of a given year of the table. */
  readonly reference?: { readonly value: number } | { readonly year: number };
  /** The yearly target is cumulative ("minst 677 under 2019"): judge part of a year on a forecast. */
  readonly cumulative?: boolean;
  /** A status set by hand, with the reason shown in the explanation. */
  readonly manual?: { readonly status: Status; readonly reason: string };
}

export interface StatusResult {
  readonly status: Status;
  /** "Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Kan ej bedömas". */
  readonly label: string;
  /** "✓", "◐", "✗", "○": never colour alone. */
  readonly symbol: string;
  /** Fill colour RRGGBB. */
  readonly fill: string;
  /** Font colour RRGGBB, readable on the fill. */
  readonly fontColor: string;
  /** One Swedish line: "Utfall 2 509 mot målvärde 2 800 – uppfyllt". */
  readonly explanation: string;
  /** True when judged on a forecast for the year ("prognos"). */
  readonly forecast: boolean;
  /** The forecast judged, when forecast is true. */
  readonly forecastQuantity?: Quantity;
  /** True when the status was set by hand in the configuration. */
  readonly manual: boolean;
  readonly target?: Target;
  readonly reference?: Reference;
  readonly issues: readonly Issue[];
}
