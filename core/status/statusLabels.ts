/**
 * How each status looks in the report: Swedish label, symbol (never colour alone, WCAG
 * 1.4.1) and fill and font colours (Excel's own Good / Neutral / Bad styles, and grey).
 *
 * @example STATUS_LOOKS["met"] // { label: "Uppfyllt", symbol: "✓", fill: "C6EFCE", fontColor: "006100" }
 * @example statusText("met", true) // "✓ Uppfyllt (prognos)"
 */
import type { Status } from "./status";

export interface StatusLook {
  readonly label: string;
  readonly symbol: string;
  readonly fill: string;
  readonly fontColor: string;
  /** The colour's name in Swedish, for the legend. */
  readonly colourName: string;
  /** What the status means, for the legend. */
  readonly meaning: string;
}

export const STATUS_LOOKS: Readonly<Record<Status, StatusLook>> = {
  met: {
    label: "Uppfyllt",
    symbol: "✓",
    fill: "C6EFCE",
    fontColor: "006100",
    colourName: "grön",
    meaning: "målvärdet är nått, eller utvecklingen gick åt rätt håll",
  },
  "partly-met": {
    label: "Delvis uppfyllt",
    symbol: "◐",
    fill: "FFEB9C",
    fontColor: "9C5700",
    colourName: "gul",
    meaning: "målvärdet är inte nått men utfallet är bättre än referensvärdet, eller oförändrat",
  },
  "not-met": {
    label: "Ej uppfyllt",
    symbol: "✗",
    fill: "FFC7CE",
    fontColor: "9C0006",
    colourName: "röd",
    meaning: "målvärdet är inte nått och utfallet är inte bättre än referensvärdet, eller utvecklingen gick åt fel håll",
  },
  "not-assessable": {
    label: "Kan ej bedömas",
    symbol: "○",
    fill: "D9D9D9",
    fontColor: "262626",
    colourName: "grå",
    meaning: "utfall, målvärde eller referensvärde saknas, eller målvärdet är en text",
  },
};

/** The status cell's text: symbol and label, "(prognos)" when judged on a forecast. */
export function statusText(status: Status, forecast = false): string {
  const look = STATUS_LOOKS[status];
  return `${look.symbol} ${look.label}${forecast ? " (prognos)" : ""}`;
}
