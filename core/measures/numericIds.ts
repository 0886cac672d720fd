/**
 * The ids most exports write, as numbers: a personnummer (twelve or ten digits, with or
 * without its hyphen) or a household or case number of one letter and digits ("H104233").
 * Such an id is looked up by a number in a table of typed arrays rather than by its text in a
 * Map: a row's id cell then needs no hashing of a fresh text and no text comparison, and the
 * table is a few flat arrays instead of an object per id. Numbering the ids of a simulated
 * payment list (1 000 000 rows, 100 000 households and their adults) took 120–150 ms instead of
 * 300 ms, and the bench's payment list imported in 1.65 s instead of 2.0 s (one core, issue 14).
 * Any other writing goes the long way (normalizeId.ts).
 *
 * A key stands for one normalized id (normalizeId.ts) and no other:
 *   - digits only, at most 15: 1 followed by the digits ("0123" -> 10123), below 2^51;
 *   - one letter A–Z then at most 13 digits: 2^52 + letter (1–26) × 2^46 + 1 followed by the digits.
 *
 * @example numericIdKey("19850312-1235") === numericIdKey("198503121235") // true: one id
 * @example numericIdKey("h-104233") === numericIdKey("H104233")          // true
 * @example numericIdKey(" H104233")                                      // -1: the long way
 * @example idOfKey(numericIdKey("h-104233"))                              // "H104233"
 */

const MAX_DIGITS = 15;
const MAX_DIGITS_AFTER_LETTER = 13;
const LETTER_BASE = 2 ** 52;
const LETTER_STEP = 2 ** 46;

/**
 * The key of an id cell's raw text when it is written in a form the key covers (an optional
 * ASCII letter first, then digits and hyphens, at least one letter or digit), and then the key
 * of its normalized id; -1 for any other text.
 */
export function numericIdKey(raw: string): number {
  const length = raw.length;
  if (length === 0) return -1;
  let letter = 0;
  let start = 0;
  const first = raw.charCodeAt(0);
  if (first >= 0x41 && first <= 0x5a) letter = first - 0x40;
  else if (first >= 0x61 && first <= 0x7a) letter = first - 0x60;
  if (letter > 0) start = 1;
  let digits = 0;
  let value = 1;
  for (let i = start; i < length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      value = value * 10 + (code - 0x30);
      digits++;
    } else if (code !== 0x2d) {
      return -1;
    }
  }
  if (letter === 0) return digits === 0 || digits > MAX_DIGITS ? -1 : value;
  return digits > MAX_DIGITS_AFTER_LETTER ? -1 : LETTER_BASE + letter * LETTER_STEP + value;
}

/** The normalized id a key stands for (numericIdKey's inverse): what is hashed. */
export function idOfKey(key: number): string {
  // A whole number below 2^53 is written in plain digits; the leading 1 keeps leading zeros.
  if (key < LETTER_BASE) return String(key).slice(1);
  const rest = key - LETTER_BASE;
  const letter = Math.floor(rest / LETTER_STEP);
  return String.fromCharCode(0x40 + letter) + String(rest - letter * LETTER_STEP).slice(1);
}

/** Numeric keys -> numbers (0, 1, ...): open addressing over typed arrays, at most half full. */
export class NumericIdTable {
  /** The keys by slot; 0 marks an empty slot (no key is 0). */
  private keys = new Float64Array(1 << 12);
  private numbers = new Int32Array(1 << 12);
  private shift = 32 - 12;
  private count = 0;

  /** The number of `key`, or `next` after storing it as the number of a key not held yet. */
  numberOf(key: number, next: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = this.slotOf(key);
    for (;;) {
      const held = keys[slot]!;
      if (held === key) return this.numbers[slot]!;
      if (held === 0) break;
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    this.numbers[slot] = next;
    if (++this.count * 2 > keys.length) this.grow();
    return next;
  }

  private slotOf(key: number): number {
    // The key's low and high 32 bits, mixed (keys are whole numbers below 2^53).
    const low = key | 0;
    const high = (key / 4294967296) | 0;
    return Math.imul(low ^ Math.imul(high, 0x27d4eb2f), 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldNumbers = this.numbers;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.numbers = new Int32Array(oldKeys.length * 2);
    this.shift--;
    const mask = this.keys.length - 1;
    for (let old = 0; old < oldKeys.length; old++) {
      const key = oldKeys[old]!;
      if (key === 0) continue;
      let slot = this.slotOf(key);
      while (this.keys[slot] !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.numbers[slot] = oldNumbers[old]!;
    }
  }
}
