/**
 * The follow-up statuses in words and symbols (never colour alone, WCAG 1.4.1), and reading a
 * status a controller typed in the workbook's status column, with or without its symbol.
 *
 * @example FOLLOW_UP_LOOKS["late"].label        // "Försenad"
 * @example followUpText("on-track")             // "→ Pågår enligt plan"
 * @example parseFollowUpStatus("✓ Genomförd")   // "done"
 * @example parseFollowUpStatus("pågår")         // "on-track"
 * @example parseFollowUpStatus("Kanske")        // undefined
 */
import type { FollowUpStatus } from "./activity";

/**
 * The name the follow-up rule signs with in the "Satt av" column, so that a status the rule
 * wrote (Försenad, deadline passed) is told apart from one a person set, and worked out again.
 */
export const RULE_SET_BY = "Bilaga (regel)";

export interface FollowUpLook {
  readonly label: string;
  readonly symbol: string;
  /** Fill and font as RRGGBB; the label and symbol always go with them. */
  readonly fill: string;
  readonly fontColor: string;
}

export const FOLLOW_UP_LOOKS: Readonly<Record<FollowUpStatus, FollowUpLook>> = {
  done: { label: "Genomförd", symbol: "✓", fill: "C6EFCE", fontColor: "006100" },
  "on-track": { label: "Pågår enligt plan", symbol: "→", fill: "DDEBF7", fontColor: "1F4E78" },
  late: { label: "Försenad", symbol: "!", fill: "FFC7CE", fontColor: "9C0006" },
  "not-started": { label: "Ej påbörjad", symbol: "○", fill: "FFEB9C", fontColor: "9C5700" },
  cancelled: { label: "Utgår", symbol: "–", fill: "EDEDED", fontColor: "3F3F3F" },
};

/** The status as a cell shows it: symbol and label. */
export function followUpText(status: FollowUpStatus): string {
  const look = FOLLOW_UP_LOOKS[status];
  return `${look.symbol} ${look.label}`;
}

/** Words people write for each status, lower case, without symbols. */
const WORDS: ReadonlyArray<readonly [RegExp, FollowUpStatus]> = [
  [/^(?:genomförd|genomfört|genomförda|klar|klart|avslutad|slutförd|slutfört)$/, "done"],
  [/^(?:pågår enligt plan|pågår|pågående|enligt plan|pågår som planerat)$/, "on-track"],
  [/^(?:försenad|försenat|försenade|sen)$/, "late"],
  [/^(?:ej påbörjad|ej påbörjat|inte påbörjad|inte påbörjat|ej startad|inte startad)$/, "not-started"],
  [/^(?:utgår|utgått|struken|stryks|avbruten)$/, "cancelled"],
];

/** The status a cell text names, or undefined when it names none (the reader reports it). */
export function parseFollowUpStatus(text: string): FollowUpStatus | undefined {
  const words = text
    .toLocaleLowerCase("sv-SE")
    .replace(/[^\p{L}\s]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return WORDS.find(([re]) => re.test(words))?.[1];
}
