/**
 * Quantities and targets written for people, in Swedish: the inverse of parseValue.ts, so
 * parseQuantity(formatQuantity(q)) gives q's value back (and its unit, for percent, days,
 * kr and mnkr). A no-break space (U+00A0) joins a number to its unit so it never wraps.
 */
import { formatSwedishNumber } from "./formatNumber";
import type { Direction, Quantity, Target } from "../model";

const NBSP = "\u00a0";

/**
 * @example formatQuantity({ value: 4.8, unit: "percent" })   // "4,8 %"
 * @example formatQuantity({ value: 2509, unit: "count" })     // "2 509"
 * @example formatQuantity({ value: 21, unit: "days" })        // "21 dagar"
 * @example formatQuantity({ value: 2.4, unit: "percentage-points" }) // "2,4 procentenheter"
 * @example formatQuantity({ value: 125000, unit: "kr" })      // "125 000 kr"
 */
export function formatQuantity(q: Quantity, decimals = 2): string {
  const number = formatSwedishNumber(q.value, decimals);
  switch (q.unit) {
    case "percent":
      return `${number}${NBSP}%`;
    case "percentage-points":
      return `${number}${NBSP}${Math.abs(q.value) === 1 ? "procentenhet" : "procentenheter"}`;
    case "days":
      return `${number}${NBSP}${q.value === 1 ? "dag" : "dagar"}`;
    case "kr":
      return `${number}${NBSP}kr`;
    case "mnkr":
      return `${number}${NBSP}mnkr`;
    case "count":
    case "index":
    case "ratio":
    case "number":
      return number;
  }
}

const DIRECTION_SV: Record<Direction, string> = {
  increase: "Ska öka",
  decrease: "Ska minska",
  "not-increase": "Ska inte öka",
  "not-decrease": "Ska inte minska",
};

/**
 * A target as the table would show it. Bounds on percentages use the signs the tables use
 * ("≥ 0 %"); other bounds the words ("minst 677", "högst 125 000 kr").
 *
 * @example formatTarget({ kind: "at-least", quantity: { value: 677, unit: "count" } })  // "minst 677"
 * @example formatTarget({ kind: "at-least", quantity: { value: 0, unit: "percent" } })  // "≥ 0 %"
 * @example formatTarget({ kind: "direction", direction: "not-increase" })               // "Ska inte öka"
 */
export function formatTarget(t: Target): string {
  switch (t.kind) {
    case "value":
      return formatQuantity(t.quantity);
    case "at-least":
      return t.quantity.unit === "percent" ? `≥${NBSP}${formatQuantity(t.quantity)}` : `minst ${formatQuantity(t.quantity)}`;
    case "at-most":
      return t.quantity.unit === "percent" ? `≤${NBSP}${formatQuantity(t.quantity)}` : `högst ${formatQuantity(t.quantity)}`;
    case "direction":
      return DIRECTION_SV[t.direction];
    case "text":
      return t.text;
    case "missing":
      return "Saknas";
  }
}
