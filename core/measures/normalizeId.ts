/**
 * Ids (identity numbers, household numbers, case numbers) as they are counted and hashed: one
 * form per person or household however an export writes it, and, while a file is measured,
 * a number per distinct id, so that the sets that count them (idSet.ts) compare no texts.
 *
 * @example normalizeId(" 19850312-1235 ") // "198503121235"
 * @example const ids = createIdInterner(); ids.numberOf("19850312-1235") === ids.numberOf("198503121235") // true
 */
import { detachText } from "./detachText";
import { idOfKey, NumericIdTable, numericIdKey } from "./numericIds";

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
  /**
   * Drops the look-up table once no more ids will come (a file read to its end), so its memory
   * is free before the ids are hashed; `ids` stays. Numbering after this throws.
   */
  release(): void;
}

/**
 * Numbers ids as they come: each distinct id once, however it is written, with the texts kept
 * detached from the chunk they were cut from. An id of the form most exports write (digits, or
 * a letter and digits: numericIds.ts) is looked up by its numeric key. Any other is looked up
 * by text, in one map that holds both the normalized ids and the raw writings that differ from
 * them (" H104233" beside "H104233"): a raw text that is not normalized can never equal a
 * normalized id, so the two never clash, and a row's id is found by one look-up of its raw
 * text, normalized only the first time it is seen. Which way an id goes depends on its
 * normalized form alone, so every writing of it gets its one number. Memory grows with
 * distinct ids and writings, never with rows.
 *
 * @example const ids = createIdInterner(); ids.numberOf("h-1") // 0; ids.numberOf("H1") // 0; ids.ids // ["H1"]
 */
export function createIdInterner(): IdInterner {
  let tables: { byKey: NumericIdTable; byText: Map<string, number> } | undefined = { byKey: new NumericIdTable(), byText: new Map() };
  const ids: string[] = [];
  const held = (): { byKey: NumericIdTable; byText: Map<string, number> } => {
    if (tables === undefined) throw new Error("idnumreringen är redan avslutad");
    return tables;
  };
  /** The number of the id of numeric key `key`. */
  const numberOfKey = (key: number): number => {
    const next = ids.length;
    const number = held().byKey.numberOf(key, next);
    if (number === next) ids.push(idOfKey(key));
    return number;
  };
  const numberOfId = (id: string): number => {
    if (id === "") return -1;
    const key = numericIdKey(id);
    if (key >= 0) return numberOfKey(key);
    const { byText } = held();
    let number = byText.get(id);
    if (number === undefined) {
      number = ids.length;
      const own = detachText(id);
      ids.push(own);
      byText.set(own, number);
    }
    return number;
  };
  return {
    ids,
    numberOfId,
    numberOf(raw) {
      if (raw === "") return -1;
      const key = numericIdKey(raw);
      if (key >= 0) return numberOfKey(key);
      const { byText } = held();
      let number = byText.get(raw);
      if (number === undefined) {
        const id = normalizeId(raw);
        number = numberOfId(id);
        if (id !== raw) byText.set(detachText(raw), number);
      }
      return number;
    },
    release() {
      tables = undefined;
    },
  };
}
