/**
 * A text function with its answers kept per distinct text. Exports repeat the same few
 * texts (dates, months, units, förvaltningar) on row after row, so each is worked out once.
 * At most `limit` answers are kept (then all are forgotten at once): memory stays bounded
 * whatever the file, and a file of all-different texts costs a hash and a map look-up per cell.
 * A text is detached from the chunk it was cut from before it is kept (detachText.ts).
 *
 * @example const unitOf = memoizeText((raw) => raw.trim().toLowerCase());
 *   unitOf(" EB Nord ") // "eb nord", worked out once; the next " EB Nord " is a look-up
 */
import { detachText } from "./detachText";

/** What is kept per distinct text: the text itself (detached) and its answer. */
interface Entry<T> {
  readonly text: string;
  readonly answer: T;
}

/**
 * Places for the latest answers, in pairs, found by a hash of the text worked out here: a
 * text seen before is then found without the map, whose look-up of a text cut from the
 * file (a new string each row, its hash not yet known) costs more. The 1 000 000-row case
 * list (three look-ups a row: two dates and a unit): about 30 ms less CPU. A text is placed in
 * one of two places, so two texts of the same hash do not keep pushing each other out
 * (58 dates in 1 024 single places: 3 such pairs, a tenth of the date look-ups missing; the
 * pairs saved 10 ms of the 30).
 */
const SLOTS = 2048;

export function memoizeText<T extends NonNullable<unknown>>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const entries = new Map<string, Entry<T>>();
  const slots: (Entry<T> | undefined)[] = new Array<Entry<T> | undefined>(SLOTS).fill(undefined);
  return (text) => {
    let h = text.length;
    for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
    const pair = (h ^ (h >>> 13)) & (SLOTS - 2); // even: the pair is `pair` and `pair + 1`
    const first = slots[pair];
    if (first !== undefined && first.text === text) return first.answer;
    const second = slots[pair + 1];
    if (second !== undefined && second.text === text) return second.answer;
    let entry = entries.get(text);
    if (entry === undefined) {
      if (entries.size >= limit) entries.clear();
      const own = detachText(text);
      entry = { text: own, answer: compute(own) };
      entries.set(own, entry);
    }
    // The latest first; the one it pushes out of first place stays second.
    slots[pair + 1] = first;
    slots[pair] = entry;
    return entry.answer;
  };
}
