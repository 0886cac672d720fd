/**
 * A text function with its answers kept per distinct text. Exports repeat the same few
 * texts (dates, months, units, förvaltningar) on row after row, so each is worked out once.
 * At most `limit` answers are kept (then all are forgotten at once): memory stays bounded
 * whatever the file, and a file of all-different texts costs one extra map look-up per cell.
 * A text is detached from the chunk it was cut from before it is kept (detachText.ts).
 *
 * @example const unitOf = memoizeText((raw) => raw.trim().toLowerCase());
 *   unitOf(" EB Nord ") // "eb nord", worked out once; the next " EB Nord " is a look-up
 */
import { detachText } from "./detachText";

const SLOTS = 1024;

export function memoizeText<T extends NonNullable<unknown>>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const answers = new Map<string, T>();
  const slotTexts: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  const slotAnswers: (T | undefined)[] = new Array<T | undefined>(SLOTS).fill(undefined);
  return (text) => {
    let h = text.length;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const slot = (h ^ (h >>> 10)) & (SLOTS - 1);
    if (slotTexts[slot] === text) return slotAnswers[slot]!;
    let answer = answers.get(text);
    let own: string | undefined;
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      own = detachText(text);
      answer = compute(own);
      answers.set(own, answer);
    }
    slotTexts[slot] = own ?? detachText(text);
    slotAnswers[slot] = answer;
    return answer;
  };
}
