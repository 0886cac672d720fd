/**
 * Escaping text for HTML and SVG markup: every text from a workbook or a CSV goes through it,
 * so a cell holding "<script>" or "a & b" is shown as written and never becomes markup.
 *
 * @example escapeHtml('Kvinnor & män <18 år "unga"') // "Kvinnor &amp; män &lt;18 år &quot;unga&quot;"
 */
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}
