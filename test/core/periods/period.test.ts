import { isPartOfYear, monthsIntoYear, parsePeriod, startsInJanuary, type Period } from "../../../core/periods/period";

function period(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(`did not parse ${text}`);
  return parsed.value;
}

describe("parsePeriod", () => {
  it.each([
    ["2019-06", "month", "juni 2019", ["2019-06"]],
    ["2019-T1", "tertial", "tertial 1 2019 (jan–apr)", ["2019-01", "2019-02", "2019-03", "2019-04"]],
    ["T1 2019", "tertial", "tertial 1 2019 (jan–apr)", ["2019-01", "2019-02", "2019-03", "2019-04"]],
    ["2019-H1", "half", "halvår 1 2019 (jan–jun)", ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"]],
    ["2019-H2", "half", "halvår 2 2019 (jul–dec)", ["2019-07", "2019-08", "2019-09", "2019-10", "2019-11", "2019-12"]],
    ["2019-01..2019-05", "range", "jan–maj 2019", ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05"]],
    ["2018-11..2019-02", "range", "nov 2018–feb 2019", ["2018-11", "2018-12", "2019-01", "2019-02"]],
  ])("%s is a %s labelled %s", (text, kind, label, months) => {
    const p = period(text);
    expect(p.kind).toBe(kind);
    expect(p.label).toBe(label);
    expect(p.months).toEqual(months);
    expect(p.year).toBe(2019);
  });

  it.each(["2019-T2", "2019-t2", "T2 2019", "t2-2019", " 2019 T2 "])("%s is the delårsrapport's jan–aug, cumulative", (text) => {
    const p = period(text);
    expect(p.kind).toBe("tertial");
    expect(p.label).toBe("tertial 2 2019 (jan–aug)");
    expect(p.months).toHaveLength(8);
    expect(p.months[0]).toBe("2019-01");
    expect(p.months[7]).toBe("2019-08");
  });

  it("reads the whole year as twelve months", () => {
    const p = period("2019");
    expect(p.kind).toBe("year");
    expect(p.label).toBe("helår 2019");
    expect(p.months).toHaveLength(12);
    expect(period("2019-T3").months).toEqual(p.months);
  });

  it.each(["2019-T2", "2019-06", "2019-H1", "2019", "2019-01..2019-05"])("reads its own id back: %s", (text) => {
    const p = period(text);
    expect(period(p.id)).toEqual(p);
  });

  it.each(["", "våren", "2019-13", "2019-T4", "2019-H3", "2019-05..2019-01", "19-06"])("refuses %j with period/unparseable", (text) => {
    const parsed = parsePeriod(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.issue.code).toBe("period/unparseable");
      expect(parsed.issue.raw).toBe(text);
    }
  });

  it("knows which periods leave part of the year ahead (for forecasts)", () => {
    expect(isPartOfYear(period("2019-T2"))).toBe(true);
    expect(monthsIntoYear(period("2019-T2"))).toBe(8);
    expect(isPartOfYear(period("2019"))).toBe(false);
    expect(isPartOfYear(period("2019-T3"))).toBe(false);
    expect(isPartOfYear(period("2018-11..2019-02"))).toBe(false);
  });
});

describe("startsInJanuary (can a period's sum be judged against a yearly cumulative target?)", () => {
  it.each([
    ["2019-T1", true], ["2019-T2", true], ["2019-H1", true], ["2019", true], ["2019-01", true],
    ["2019-06", false], ["2019-H2", false], ["2019-12", false], ["2019-03..2019-05", false], ["2018-11..2019-02", false],
  ])("%s -> %s", (text, expected) => {
    const parsed = parsePeriod(text);
    if (!parsed.ok) throw new Error(text);
    expect(startsInJanuary(parsed.value)).toBe(expected);
  });
});
