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

export function memoizeText<T extends NonNullable<unknown>>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      const own = detachText(text);
      answer = compute(own);
      answers.set(own, answer);
    }
    return answer;
  };
}
