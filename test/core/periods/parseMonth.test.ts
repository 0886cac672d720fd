import fc from "fast-check";
import { parseMonth } from "../../../core/periods/parseMonth";

const SV_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const SV_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

describe("parseMonth", () => {
  it.each([
    ["2019-06", "2019-06"],
    ["2019-6", "2019-06"],
    ["201906", "2019-06"],
    ["2019/06", "2019-06"],
    ["06/2019", "2019-06"],
    ["juni 2019", "2019-06"],
    ["Juni 2019", "2019-06"],
    ["JUNI 2019", "2019-06"],
    ["jun 2019", "2019-06"],
    ["jun. 2019", "2019-06"],
    ["jun-19", "2019-06"],
    ["juni -19", "2019-06"],
    ["2019 juni", "2019-06"],
    ["maj 2019", "2019-05"],
    ["okt-19", "2019-10"],
    ["Oct-19", "2019-10"],
    ["May 2019", "2019-05"],
    ["  mars  2019 ", "2019-03"],
    ["2019M06", "2019-06"],
    ["dec-98", "1998-12"],
  ])("reads %j as %s", (text, month) => {
    const result = parseMonth(text);
    expect(result).toMatchObject({ ok: true, value: month });
  });

  it.each(["", "2019", "2019-13", "201913", "13/2019", "2019-00", "juno 2019", "juni", "2019-06-15", "06", "sommar 2019"])(
    "rejects %j with csv/unparseable-month quoting it",
    (text) => {
      const result = parseMonth(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issue).toMatchObject({ code: "csv/unparseable-month", raw: text });
    },
  );

  it("reads every month of 1990–2099 in every written form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2099 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom("iso", "compact", "slash", "name", "short", "excel"),
        (year, month, form) => {
          const mm = String(month).padStart(2, "0");
          const text = {
            iso: `${year}-${mm}`,
            compact: `${year}${mm}`,
            slash: `${month}/${year}`,
            name: `${SV_NAMES[month - 1]} ${year}`,
            short: `${SV_SHORT[month - 1]} ${year}`,
            // Excel's "mmm-yy" only reaches back to 1970 with two digits
            excel: `${SV_SHORT[month - 1]}-${String(year % 100).padStart(2, "0")}`,
          }[form];
          const result = parseMonth(text);
          const expectedYear = form === "excel" && year >= 2070 ? year - 100 : year;
          expect(result).toMatchObject({ ok: true, value: `${expectedYear}-${mm}` });
        },
      ),
    );
  });
});
