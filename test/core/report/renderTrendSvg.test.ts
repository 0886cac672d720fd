// The trend picture as an SVG string: it carries its words (title and desc), a table's text
// cannot become markup, a gap breaks the line, the target is a dashed line only when it is a
// number, and a change of a few tenths is not drawn as a leap across the whole picture.
import type { Trend, TrendPoint } from "../../../core/report/computeTrend";
import { describeTrend } from "../../../core/report/describeTrend";
import { escapeHtml } from "../../../core/report/escapeHtml";
import { renderTrendSvg } from "../../../core/report/renderTrendSvg";

const monthPoints = (values: readonly (number | undefined)[]): TrendPoint[] =>
  values.map((value, i) => ({ key: `2019-0${i + 1}`, kind: "month", label: ["jan", "feb", "mar", "apr"][i] ?? "", spoken: ["januari", "februari", "mars", "april"][i] ?? "", value }));

function trend(extra: Partial<Trend> = {}): Trend {
  return {
    name: "Väntetid <i dagar> & beslut",
    unit: "days",
    decimals: 1,
    polarity: { kind: "lower-better" },
    years: [{ key: "2018", kind: "year", label: "2018", spoken: "2018", value: 19 }],
    months: monthPoints([17.2, 16.8, 16.1, 15.4]),
    cumulative: false,
    target: { year: 2019, value: 15, text: "15 dagar" },
    period: { id: "2019-T1", label: "tertial 1 2019 (jan–apr)", year: 2019 },
    ...extra,
  };
}

/** The y coordinates of a polyline's points. */
const ys = (svg: string): number[][] =>
  [...svg.matchAll(/<polyline points="([^"]+)"/g)].map((m) => (m[1] ?? "").split(" ").map((pair) => Number(pair.split(",")[1])));

describe("renderTrendSvg", () => {
  it("is an image named by its title and described by the trend in words, with the row's text escaped", () => {
    const t = trend();
    const svg = renderTrendSvg(t, { id: "trend-25" });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" role="img" aria-labelledby="trend-25-title trend-25-desc"/);
    expect(svg).toContain(`<title id="trend-25-title">Trend: Väntetid &lt;i dagar&gt; &amp; beslut</title>`);
    expect(svg).toContain(`<desc id="trend-25-desc">${escapeHtml(describeTrend(t))}</desc>`);
    expect(svg).not.toContain("<i dagar>");
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("is hidden from screen readers when its words are printed beside it (read once)", () => {
    const svg = renderTrendSvg(trend(), { id: "t", hidden: true });
    expect(svg).toContain('aria-hidden="true"');
    expect(svg).not.toContain('role="img"');
  });

  it("joins the months, breaks the line at a month without data, and marks the years apart", () => {
    const whole = renderTrendSvg(trend(), { id: "a" });
    expect(ys(whole)).toHaveLength(1); // one year: no line; four months: one line
    expect(whole.match(/<rect /g)).toHaveLength(1);
    const gap = renderTrendSvg(trend({ months: monthPoints([17.2, 16.8, undefined, 15.4]) }), { id: "b" });
    expect(ys(gap)).toHaveLength(1); // jan–feb joined; april stands alone after the gap
    expect(ys(gap)[0]).toHaveLength(2);
    expect(gap.match(/<circle /g)).toHaveLength(3);
  });

  it("draws the target as a dashed line marked 'mål' only when it is a number", () => {
    expect(renderTrendSvg(trend(), { id: "a" })).toMatch(/stroke-dasharray="4 3"\/><text [^>]*>mål<\/text>/);
    const words = renderTrendSvg(trend({ target: { year: 2019, text: "Ska minska" } }), { id: "b" });
    expect(words).not.toContain(">mål<");
  });

  it("draws 87,9 → 88,3 as a small change, but 5 → 10 across the picture", () => {
    const small = trend({ unit: "percent", years: [], months: monthPoints([87.9, 88.3]), target: { year: 2019, text: "Ska öka" } });
    const [line] = ys(renderTrendSvg(small, { id: "s" }));
    expect(Math.abs((line?.[0] ?? 0) - (line?.[1] ?? 0))).toBeLessThan(5);
    const large = trend({ unit: "percent", years: [], months: monthPoints([5, 10]), target: { year: 2019, text: "Ska öka" } });
    const [wide] = ys(renderTrendSvg(large, { id: "l" }));
    expect(Math.abs((wide?.[0] ?? 0) - (wide?.[1] ?? 0))).toBeGreaterThan(50);
  });

  it("says so when there is nothing to draw", () => {
    const svg = renderTrendSvg(trend({ years: [], months: monthPoints([undefined, undefined]) }), { id: "e" });
    expect(svg).toContain("Inga värden att visa");
  });
});
