/**
 * Swedish number formatting: what the product writes for people ("2 509", "4,8 %", "21 dagar").
 * Intl's sv-SE writes U+00A0 between thousands and U+2212 for minus; parseSwedishNumber reads
 * both back, so parse(format(x)) = x.
 *
 * @example formatSwedishNumber(2509)        // "2 509" (U+00A0)
 * @example formatSwedishNumber(-4.25, 1)    // "−4,3"
 */
const formatters = new Map<number, Intl.NumberFormat>();

export function formatSwedishNumber(value: number, maxDecimals = 2): string {
  let formatter = formatters.get(maxDecimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: maxDecimals, useGrouping: true });
    formatters.set(maxDecimals, formatter);
  }
  return formatter.format(value);
}
