// What a cell shows: numbers through their Excel format code, as Excel shows them in Swedish.
import fc from "fast-check";
import { parseSwedishNumber } from "../../../core/values/parseNumber";
import { renderGeneral, renderNumber } from "../../../pipeline/xlsx";

const NBSP = "\u00a0";
const MINUS = "\u2212";

describe("renderNumber", () => {
  it.each([
    [0.048, "0.00%", "4,80%"],
    [0.048, "0%", "5%"],
    [0.0512, "0.0%", "5,1%"],
    [2509, "#,##0", `2${NBSP}509`],
    [2509, "# ##0", `2${NBSP}509`],
    [125000, '#,##0 "kr"', `125${NBSP}000 kr`],
    [21, '0 "dagar"', "21 dagar"],
    [-1234567.891, "#,##0.00", `${MINUS}1${NBSP}234${NBSP}567,89`],
    [-3, "#,##0;(#,##0)", "(3)"],
    [0, '#,##0;-#,##0;"–"', "–"],
    [5.5, "0.0", "5,5"],
    [1500000, "#,##0.0,,", "1,5"],
    [12345, "0.00E+00", "1,23E+04"],
    [1234, "[$-41D]#,##0", `1${NBSP}234`],
    [0.3, "[Red]0.0", "0,3"],
    [43631, "yyyy-mm-dd", "2019-06-15"],
    [43631, "mmm-yy", "jun-19"],
    [43631, "mmmm yyyy", "juni 2019"],
    [43631.5, "yyyy-mm-dd hh:mm", "2019-06-15 12:00"],
    [0.75, "h:mm", "18:00"],
    [2996, "General", "2996"],
    [1 / 3, "General", "0,3333333333"],
    [1e12, "General", "1E+12"],
    [-4.25, "General", `${MINUS}4,25`],
  ])("%p with %p shows %p", (value, format, text) => {
    expect(renderNumber(value, format)).toBe(text);
  });

  it("reads back through parseSwedishNumber for the common formats", () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.constantFrom("#,##0", "0", "General", "#,##0.00"), (n, format) => {
        const shown = renderNumber(n, format);
        const read = parseSwedishNumber(shown);
        expect(read.ok && read.value).toBe(n);
      }),
    );
  });

  it("General never groups thousands", () => {
    expect(renderGeneral(3130)).toBe("3130");
  });
});
