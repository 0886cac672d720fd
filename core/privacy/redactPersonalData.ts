/**
 * Masking identity numbers in text that leaves the program (a message on the terminal, in
 * the run report, in the task pane). A CSV cell quoted in a message can be a personnummer
 * when a column is shifted or a header row is missing; it is shown as "[personnummer]".
 *
 * What counts as an identity number is its shape only: personnummer and samordningsnummer
 * (day + 60), with or without century, with "-", "+", a space or nothing before the last
 * four digits. The date and the check digit are deliberately not validated: a number with a
 * typo or an invented test number is just as personal in a message. Ordinary figures are
 * left alone ("2 996", "201906", "1234,50", "2019-06-15"); a bare run of ten or twelve
 * digits is masked, since it cannot be told from an identity number.
 *
 * Names cannot be masked by shape the way identity numbers are. They are kept out instead:
 * a message quotes a CSV cell's text only when mayQuoteCellText (core/privacy/mayQuoteCellText.ts)
 * says it cannot be a name, and says that the text is not shown otherwise; code that could
 * quote a name among other text (a whole row, a field that failed to decode) does not quote
 * the text at all.
 */

/** What an identity number is replaced with. */
export const IDENTITY_NUMBER_MASK = "[personnummer]";

// (^|\D) instead of a look-behind, which older WebKit (Excel for Mac) does not support.
// Separators: "-", "+" (100 years or older), a space, U+00A0, and the dashes Word and Excel
// put in place of "-" (U+2010, U+2011, U+2013, U+2212).
const IDENTITY_NUMBER = /(^|\D)(?:19|20)?\d{6}[-+ \u00a0\u2010\u2011\u2013\u2212]?\d{4}(?!\d)/g;

/**
 * Replaces every identity-number-shaped run of digits in `text` with "[personnummer]".
 *
 * @example redactPersonalData('fann "19510104-1626"') // 'fann "[personnummer]"'
 * @example redactPersonalData("510104+1626 och 5101041626") // "[personnummer] och [personnummer]"
 * @example redactPersonalData("2 996 hushåll i 201906, 1234,50 kr den 2019-06-15") // unchanged
 */
export function redactPersonalData(text: string): string {
  return text.replace(IDENTITY_NUMBER, (_match, before: string) => `${before}${IDENTITY_NUMBER_MASK}`);
}
