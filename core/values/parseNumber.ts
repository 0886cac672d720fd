/**
 * Swedish number parsing: the one place user text becomes a number, in cells and in CSV.
 * Never parseFloat or Number on user text elsewhere.
 *
 * Accepts decimal comma (a lone dot with a warning), thousands separators space, U+00A0
 * and U+202F (and a dot in groups of three, "3.130"), minus "-" and U+2212, a leading "+".
 *
 * @example parseSwedishNumber("2 996")      // ok 2996
 * @example parseSwedishNumber("−1\u00a0234,5") // ok -1234.5
 * @example parseSwedishNumber("5.5")        // ok 5.5, with warning value/dot-decimal
 */
import { issue } from "../issues/issues";
import { fail, ok, type Result } from "../issues/result";

const SPACES = /[\u0020\u00a0\u202f\u2009\u2007]/g;
const MINUS = /^[-\u2212\u2013]/;

export function parseSwedishNumber(raw: string): Result<number> {
  const plain = plainNumber(raw);
  if (plain !== undefined) return ok(plain);
  const unreadable = fail<number>(issue("value/unparseable-number", "error", { raw }));
  let text = raw.trim();
  if (text === "") return unreadable;
  let sign = 1;
  if (MINUS.test(text)) {
    sign = -1;
    text = text.slice(1).trimStart();
  } else if (text.startsWith("+")) {
    text = text.slice(1).trimStart();
  }
  // Thousands separators: spaces only between digit groups of three.
  if (/\d[\u0020\u00a0\u202f\u2009\u2007]\d/.test(text)) {
    if (!/^\d{1,3}([\u0020\u00a0\u202f\u2009\u2007]\d{3})+([,.]\d+)?$/.test(text)) return unreadable;
    text = text.replace(SPACES, "");
  }
  if (/^\d+$/.test(text)) return ok(sign * Number(text));
  if (/^\d*,\d+$/.test(text)) return ok(sign * Number(text.replace(",", ".")));
  if (/^\d+(\.\d{3})+,\d+$/.test(text)) return ok(sign * Number(text.replace(/\./g, "").replace(",", ".")));
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(text)) return ok(sign * Number(text.replace(/\./g, "")));
  if (/^\d*\.\d+$/.test(text)) {
    const value = sign * Number(text);
    return ok(value, [issue("value/dot-decimal", "warning", { raw, params: { read: formatPlain(value) } })]);
  }
  return unreadable;
}

/** Whole numbers of at most this many digits are exact in a double (below 2^53). */
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, power) => 10 ** power);

/**
 * The form most cells have, read without regular expressions or a Result (an export has a
 * number on every row): digits, or digits with one decimal comma and a digit after it ("8432",
 * "8432,50", ",5"). Anything else is undefined and goes the long way (parseSwedishNumber).
 * Up to 15 digits the value is worked out as whole / 10^decimals: both are exact, and IEEE
 * division rounds correctly, so it is the double Number() gives for the same decimal text.
 *
 * @example plainNumber("8432,50") // 8432.5
 * @example plainNumber("8 432")   // undefined
 */
export function plainNumber(raw: string): number | undefined {
  const length = raw.length;
  let comma = -1;
  let whole = 0;
  for (let i = 0; i < length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) whole = whole * 10 + (code - 0x30);
    else if (code === 0x2c && comma < 0) comma = i;
    else return undefined;
  }
  if (length === 0 || comma === length - 1) return undefined;
  if (comma < 0) return length <= EXACT_DIGITS ? whole : Number(raw);
  if (length - 1 > EXACT_DIGITS) return Number(`${raw.slice(0, comma)}.${raw.slice(comma + 1)}`);
  return whole / POWERS_OF_TEN[length - 1 - comma]!;
}

/** A number written plainly with decimal comma, for messages ("5,5"). */
function formatPlain(value: number): string {
  return String(value).replace(".", ",").replace("-", "\u2212");
}
