/**
 * Cell text as one line: words a PDF or a narrow cell broke at a line end are rejoined
 * ("arbetsmark-\nnadsnämndens" -> "arbetsmarknadsnämndens"), line breaks and the spaces people
 * paste (U+00A0, U+202F) become single spaces. "chef- och ledarskap" keeps its hyphen.
 */

/** Conjunctions after a hyphen at a line end mean a compound ellipsis ("chef-\noch"), not a break. */
const KEEP_HYPHEN_BEFORE = /^(och|eller|samt|som)\b/;

/**
 * @example cleanCellText("Kommunövergri-\npande mål") // "Kommunövergripande mål"
 * @example cleanCellText("Mål-\nvärde\n2019")         // "Målvärde 2019"
 */
export function cleanCellText(text: string): string {
  const joined = text.replace(/([a-zåäöé])-[ \t]*\r?\n[ \t]*(?=([a-zåäöé]+))/g, (whole, letter: string, next: string) =>
    KEEP_HYPHEN_BEFORE.test(next) ? `${letter}- ` : letter,
  );
  return joined.replace(/[\s\u00a0\u202f\u2009\u2007]+/g, " ").trim();
}
