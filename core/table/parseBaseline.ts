/**
 * Note rows under an indicator that give its baseline: "Basvärde 2018 = 299 personer",
 * "Basvärde 2018 = 6 (4 till arbete + 2 till studier)", "Basvärde saknas!".
 */
import type { Baseline } from "../model";
import { parseQuantity } from "../values/parseValue";

const BASELINE = /^basvärde\b\s*((?:19|20)\d{2})?\s*[:=]?\s*(.*)$/i;

/**
 * @example parseBaseline("Basvärde 2018 = 299 personer") // { kind: "value", year: 2018, quantity: { value: 299, unit: "count" }, text }
 * @example parseBaseline("Basvärde saknas!")             // { kind: "missing", text }
 * @example parseBaseline("Källa: Kolada")                // undefined (not a baseline)
 */
export function parseBaseline(text: string): Baseline | undefined {
  const match = BASELINE.exec(text.trim());
  if (!match) return undefined;
  const [, yearText, rest = ""] = match;
  if (rest === "" || /^saknas/i.test(rest)) return { kind: "missing", text };
  // The value is the leading number (with its unit); a parenthesis after it explains it.
  const head = /^([-\u2212]?\d[\d\s\u00a0\u202f]*(?:[,.]\d+)?(?:\s*(?:%|dagar|kr|mnkr|personer|hushåll|st))?)/i.exec(rest)?.[1];
  if (head === undefined) return { kind: "missing", text };
  const quantity = parseQuantity(head.trim());
  if (!quantity.ok) return { kind: "missing", text };
  const year = yearText === undefined ? undefined : Number.parseInt(yearText, 10);
  return {
    kind: "value",
    ...(year === undefined ? {} : { year }),
    quantity: { value: quantity.value.value, unit: quantity.value.unit },
    text,
  };
}
