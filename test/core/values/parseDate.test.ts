import fc from "fast-check";
import { daysBetween, parseDate } from "../../../core/values/parseDate";

const SV_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

describe("parseDate", () => {
  it.each([
    ["2019-06-15", "2019-06-15"],
    ["2019-6-5", "2019-06-05"],
    ["2019-06-15 08:30:00", "2019-06-15"],
    ["2019-06-15T08:30", "2019-06-15"],
    ["2019-06-15 00:00", "2019-06-15"],
    ["20190615", "2019-06-15"],
    ["2019/06/15", "2019-06-15"],
    ["2019.06.15", "2019-06-15"],
    ["15/6 2019", "2019-06-15"],
    ["15/6-2019", "2019-06-15"],
    ["15/6/2019", "2019-06-15"],
    ["15.6.2019", "2019-06-15"],
    ["15-06-2019", "2019-06-15"],
    ["5/1 2019", "2019-01-05"],
    ["15 juni 2019", "2019-06-15"],
    ["15 jun. 2019", "2019-06-15"],
    ["den 15 juni 2019", "2019-06-15"],
    ["1 maj 2019", "2019-05-01"],
    ["15-jun-19", "2019-06-15"],
    ["29/2 2020", "2020-02-29"],
    [" 2019-06-15 ", "2019-06-15"],
  ])("reads %j as %s", (text, iso) => {
    expect(parseDate(text)).toMatchObject({ ok: true, value: iso });
  });

  it.each(["", "2019-02-29", "2019-02-30", "31/4 2019", "2019-13-01", "32/1 2019", "15 juno 2019", "2019-06", "igår", "15/6", "6/15/2019"])(
    "rejects %j with csv/unparseable-date quoting it",
    (text) => {
      const result = parseDate(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issue).toMatchObject({ code: "csv/unparseable-date", raw: text });
    },
  );

  it("reads every calendar day of 1900–2150 in ISO, compact, Swedish short and long forms", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2150, 11, 31)), noInvalidDate: true }),
        fc.constantFrom("iso", "compact", "short", "dash", "dots", "long"),
        (date, form) => {
          const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
          const iso = date.toISOString().slice(0, 10);
          const text = {
            iso,
            compact: iso.replace(/-/g, ""),
            short: `${d}/${m} ${y}`,
            dash: `${d}/${m}-${y}`,
            dots: `${d}.${m}.${y}`,
            long: `${d} ${SV_NAMES[m - 1]} ${y}`,
          }[form];
          expect(parseDate(text)).toMatchObject({ ok: true, value: iso });
        },
      ),
    );
  });

  it("counts calendar days between two dates like Date.UTC does", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
        fc.integer({ min: -2000, max: 2000 }),
        (start, days) => {
          const from = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
          const to = new Date(from.getTime() + days * 86_400_000);
          expect(daysBetween(from.toISOString().slice(0, 10), to.toISOString().slice(0, 10))).toBe(days);
        },
      ),
    );
  });
});
