/**
 * Names for matching rows: the same indicator written in a config file, pasted from the PDF
 * or typed in the sheet must give the same key, whatever the case, spacing, line breaks,
 * punctuation, footnote markers and hyphenation at line ends.
 */
import { cleanCellText } from "../table/cleanCellText";

/**
 * @example normalizeName("Antal hushåll med för-\nsörjningsstöd i snitt per månad.")
 *   // "antal hushåll med försörjningsstöd i snitt per månad"
 * @example normalizeName("Total  sjukfrånvaro (%)") // "total sjukfrånvaro"
 * @example normalizeName("per miljoner kronor**")   // "per miljoner kronor"
 */
export function normalizeName(text: string): string {
  // cleanCellText rejoins a word broken at a line end ("arbetsmark-\nnadsnämndens") and keeps
  // "chef-\noch" apart; it also makes every kind of space a plain one.
  return (
    cleanCellText(text.normalize("NFC"))
      .toLowerCase()
      // Punctuation and signs become spaces; letters, digits, +, > and < stay (they carry meaning).
      .replace(/[^\p{L}\p{N}+<>≥≤ ]+/gu, " ")
      .replace(/ +/g, " ")
      .trim()
  );
}
