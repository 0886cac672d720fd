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
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return formatInteger(value);
  let formatter = formatters.get(maxDecimals);
  if (!formatter) {
    formatter = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: maxDecimals, useGrouping: true });
    formatters.set(maxDecimals, formatter);
  }
  return formatter.format(value);
}

/**
 * A whole number as Intl's sv-SE writes it (test/core/values/formatValue.test.ts checks that),
 * without Intl: the first sv-SE NumberFormat loads the locale's data, about 10 ms of a
 * `bilaga import` that prints only row counts.
 */
function formatInteger(value: number): string {
  const digits = String(Math.abs(value));
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `\u00A0${digits.slice(at, at + 3)}`;
  return value < 0 ? `\u2212${grouped}` : grouped;
}
