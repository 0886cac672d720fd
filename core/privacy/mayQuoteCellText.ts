/**
 * Whether a CSV cell's text may be quoted in a message. When a row's columns are shifted (an
 * extra ";" in a name field, a missing field), a name lands in a number, date or month column
 * and the message about that cell would quote it. Names cannot be told from other words with
 * certainty, so the rule errs on the side of hiding: a text is quoted only when no word of it
 * looks like a name. messages.sv.ts uses it for every csv/* message that quotes a cell.
 *
 * A word (a run of letters, with their combining marks: "A\u030Asa" saved decomposed is one
 * word) may be a name when
 *  - it starts with a capital letter followed by a small one: "Anna", "Åsa", "Öberg-Ek",
 *    "Lindqvist, Anna", "Omar", "McDonald", "O'Brien", "Élise";
 *  - it is three or more capital letters: "ANNA LINDQVIST", as some systems export names;
 *  - it has a letter of a script without capitals (Arabic, Chinese ...), where the case says
 *    nothing.
 * Everything else is quoted, for it helps to see what was there: "ca 40", "tusen kronor",
 * "12,5 timmar", "2019-13-01", "juni 2019", "31/2 2019", "x", "-", "N/A", "EB", "".
 *
 * The price of erring on that side: a capitalised word that is no name is hidden as well
 * ("Saknas", "Juni 2019", "Ca 40", "NULL", "SEK"); the message still gives file, line and
 * column, so the text is one look away in the file. Not caught: a name written all in small
 * letters ("anna lindqvist"), which source systems do not export. Identity numbers are a
 * separate matter: redactPersonalData masks them in every message, quoted or not.
 */

// A word: letters and the combining marks that belong to them.
const WORD = /[\p{L}\p{M}]+/gu;
const MARK = /\p{M}/gu;
// No look-behind anywhere: older WebKit (Excel for Mac) does not support it.
const CAPITAL_THEN_SMALL = /^[\p{Lu}\p{Lt}]\p{Ll}/u;
const CAPITALS_ONLY = /^\p{Lu}{3,}$/u;
const UNCASED_LETTER = /\p{Lo}/u;

/**
 * True when `text` (a CSV cell's text) cannot be a name and may be quoted in a message.
 *
 * | text              | quoted? |
 * |-------------------|---------|
 * | "ca 40"           | yes     |
 * | "tusen kronor"    | yes     |
 * | "12,5 timmar"     | yes     |
 * | "2019-13-01"      | yes     |
 * | "juni 2019"       | yes     |
 * | "N/A", "EB", "-"  | yes     |
 * | "Anna Lindqvist"  | no      |
 * | "Lindqvist, Anna" | no      |
 * | "Åsa Öberg-Ek"    | no      |
 * | "LINDQVIST ANNA"  | no      |
 * | "Saknas"          | no (a capital then a small letter, as in a name) |
 *
 * @example mayQuoteCellText("ca 40")          // true
 * @example mayQuoteCellText("Anna Lindqvist") // false
 */
export function mayQuoteCellText(text: string): boolean {
  for (const word of text.match(WORD) ?? []) {
    const letters = word.replace(MARK, "");
    if (CAPITAL_THEN_SMALL.test(letters) || CAPITALS_ONLY.test(letters) || UNCASED_LETTER.test(letters)) return false;
  }
  return true;
}
