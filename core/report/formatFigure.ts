/**
 * A figure as the filled workbook shows it: the outcome with the decimals of its number format
 * ("#,##0.0" %" shows 5 as "5,0 %"), so the report and the workbook print the same figure.
 * Swedish separators (U+00A0 between thousands, U+2212 for minus); a no-break space joins the
 * unit. planWrites' numberFormatFor is the workbook side of the same rule.
 *
 * @example formatFigure({ value: 2509.375, unit: "count" }, 0)  // "2 509"
 * @example formatFigure({ value: 5, unit: "percent" }, 1)        // "5,0 %"
 * @example formatFigure({ value: 14.25, unit: "days" }, 1)       // "14,3 dagar"
 */
import type { Quantity, Unit } from "../model";

const NBSP = "\u00a0";

const UNIT_TEXT: Readonly<Record<Unit, string>> = {
  count: "",
  percent: "%",
  "percentage-points": "procentenheter",
  days: "dagar",
  kr: "kr",
  mnkr: "mnkr",
  index: "",
  ratio: "",
  number: "",
};

const formatters = new Map<number, Intl.NumberFormat>();

/** The number alone, with exactly `decimals` decimals: "2 509", "5,0". */
export function formatFixed(value: number, decimals: number): string {
  let formatter = formatters.get(decimals);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: true });
    formatters.set(decimals, formatter);
  }
  return formatter.format(value);
}

export function formatFigure(quantity: Quantity, decimals: number): string {
  const unit = UNIT_TEXT[quantity.unit];
  const number = formatFixed(quantity.value, decimals);
  return unit === "" ? number : `${number}${NBSP}${unit}`;
}
