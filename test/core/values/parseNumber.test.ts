// parseSwedishNumber on what export cells hold: the plain forms ("8432", "8432,50") read
// the same as the rules for every other form say, and what is not a number is refused.
import fc from "fast-check";
import { parseSwedishNumber } from "../../../core/values/parseNumber";

/** The rule for texts of digits and commas, written out plainly. */
function expected(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d*,\d+$/.test(text)) return Number(text.replace(",", "."));
  return undefined;
}

describe("parseSwedishNumber", () => {
  it.each([
    ["8432", 8432],
    ["8432,50", 8432.5],
    [",5", 0.5],
    ["0", 0],
    ["007", 7],
    ["2 996", 2996],
    ["−1\u00a0234,5", -1234.5],
    ["1.234.567", 1234567],
    ["1.234,5", 1234.5],
  ])("reads %j as %d", (text, value) => {
    expect(parseSwedishNumber(text)).toMatchObject({ ok: true, value });
  });

  it.each(["", ",", "5,", "1,2,3", "12a", " ", "ca 40", "1 2"])("refuses %j", (text) => {
    expect(parseSwedishNumber(text).ok).toBe(false);
  });

  it("reads any text of digits and commas as the written rule says", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9,]{0,12}$/), (text) => {
        const parsed = parseSwedishNumber(text);
        const want = expected(text);
        if (want === undefined) expect(parsed.ok).toBe(false);
        else expect(parsed).toMatchObject({ ok: true, value: want });
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the very double of the decimal text for long amounts too (whole / 10^decimals up to 15 digits, the text beyond)", () => {
    const digits = fc.stringMatching(/^[0-9]{0,18}$/);
    fc.assert(
      fc.property(digits, digits, fc.boolean(), (whole, decimals, withComma) => {
        const text = withComma ? `${whole},${decimals}` : whole;
        const want = expected(text);
        const parsed = parseSwedishNumber(text);
        if (want === undefined) expect(parsed.ok).toBe(false);
        else expect(parsed).toMatchObject({ ok: true, value: want });
      }),
      { numRuns: 5000 },
    );
    expect(parseSwedishNumber("0,1")).toMatchObject({ value: 0.1 });
    expect(parseSwedishNumber("123456789012,345")).toMatchObject({ value: 123456789012.345 });
    expect(parseSwedishNumber("9007199254740993")).toMatchObject({ value: 9007199254740992 });
  });
});
