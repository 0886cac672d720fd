/**
 * Line breaks inside a text as a text editor counts them: CRLF, LF and a lone CR are one each.
 * Used to give each CSV row the line a user sees it on, when quoted fields hold line breaks.
 */
export function countLineBreaks(text: string): number {
  let count = 0;
  let at = text.indexOf("\n");
  while (at !== -1) {
    count++;
    at = text.indexOf("\n", at + 1);
  }
  at = text.indexOf("\r");
  while (at !== -1) {
    if (text.charCodeAt(at + 1) !== 10) count++;
    at = text.indexOf("\r", at + 1);
  }
  return count;
}
