/**
 * What the follow-up rule writes in a row it signs "Bilaga (regel)", in one place for the writer
 * and the reader: the status as symbol and word, and a comment that opens with the rule's words
 * (Försenad with its reason; a Genomförd or Utgår carried from an earlier tertial). A row signed
 * by the rule whose status or comment is anything else was changed by a person: it is theirs.
 */
import type { FollowUpStatus } from "./activity";
import type { ActivityAssessment } from "./assessActivities";
import { FOLLOW_UP_LOOKS, followUpText } from "./followUpStatus";

const LATE_OPENING = "Försenad enligt regeln: ";

/**
 * How the reason of a carried status opens (the period's label and a full stop follow).
 *
 * @example carriedOpening("done") // "Genomförd enligt uppföljningen "
 */
export const carriedOpening = (status: FollowUpStatus): string => `${FOLLOW_UP_LOOKS[status].label} enligt uppföljningen `;

/**
 * The comment the rule writes: its reason, and for a carried status the comment it was set with.
 *
 * @example ruleComment({ origin: "rule", reason: "slutdatumet Q1 (senast mars 2019) har passerat ..." }) // "Försenad enligt regeln: slutdatumet Q1 ..."
 */
export function ruleComment(assessed: Pick<ActivityAssessment, "origin" | "reason" | "comment">): string {
  const reason = assessed.reason ?? "";
  const sentence = reason.charAt(0).toLocaleUpperCase("sv-SE") + reason.slice(1);
  if (assessed.origin === "rule") return `${LATE_OPENING}${reason}`;
  return assessed.comment === "" ? sentence : `${sentence} ${assessed.comment}`;
}

/**
 * True when a status and comment (cell texts on one line) are as the rule writes them, whatever
 * the reason it gave then (a deadline changed since still leaves the row the rule's).
 *
 * @example isRuleWritten("! Försenad", "Försenad enligt regeln: slutdatumet Q1 ...") // true
 * @example isRuleWritten("✓ Genomförd", "Klar i maj")                                 // false: a person changed it
 */
export function isRuleWritten(statusText: string, comment: string): boolean {
  if (statusText === followUpText("late")) return comment.startsWith(LATE_OPENING);
  return (["done", "cancelled"] as const).some((status) => statusText === followUpText(status) && comment.startsWith(carriedOpening(status)));
}
