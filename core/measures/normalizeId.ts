/**
 * Ids (identity numbers, household numbers, case numbers) as they are counted and hashed: one
 * form per person or household however an export writes it, and, while a file is measured,
 * a number per distinct id, so that the sets that count them (idSet.ts) compare no texts.
 *
 * @example normalizeId(" 19850312-1235 ") // "198503121235"
 * @example const ids = createIdInterner(); ids.numberOf("19850312-1235") === ids.numberOf("198503121235") // true
 */
import { detachText } from "./detachText";

/**
 * The form of an id that is hashed: upper case, no spaces or hyphens.
 *
 * @example normalizeId(" 19850312-1235 ") // "198503121235"
 * @example normalizeId("h-104 233")       // "H104233"
 */
export function normalizeId(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, "");
}

/** Ids numbered in the order first seen: what idSet.ts counts. */
export interface IdInterner {
  /** The number of an id cell's raw text (-1 when it holds no id), the same for every writing of one id. */
  numberOf(raw: string): number;
  /** The number of an id already normalized (another interner's, when parts are merged). */
  numberOfId(id: string): number;
  /** The normalized ids by number. */
  readonly ids: readonly string[];
}

/**
 * Numbers ids as they come: each distinct id once, however it is written, with the raw texts
 * and ids kept detached from the chunk they were cut from. One entry per distinct raw text:
 * memory grows with distinct ids, never with rows. The raw text is looked up first, so a
 * row's id is normalized only the first time its text is seen.
 *
 * @example const ids = createIdInterner(); ids.numberOf("h-1") // 0; ids.numberOf("H1") // 0; ids.ids // ["H1"]
 */
export function createIdInterner(): IdInterner {
  const byRaw = new Map<string, number>();
  const byId = new Map<string, number>();
  const ids: string[] = [];
  const numberOfId = (id: string): number => {
    if (id === "") return -1;
    let number = byId.get(id);
    if (number === undefined) {
      number = ids.length;
      const own = detachText(id);
      ids.push(own);
      byId.set(own, number);
    }
    return number;
  };
  return {
    ids,
    numberOfId,
    numberOf(raw) {
      let number = byRaw.get(raw);
      if (number === undefined) {
        number = numberOfId(normalizeId(raw));
        byRaw.set(detachText(raw), number);
      }
      return number;
    },
  };
}
