// The report's model and page from a small hand-built appendix: every indicator in table order,
// breakdowns under their indicator, the summary per focus area counted here from the
// assessment, a row's own source ("Källa: Kolada") shown when it carries one, every text of the
// table escaped, footnotes, notes and an added section in the page.
import type { Appendix, Indicator } from "../../../core/model";
import { parseBindings } from "../../../core/outcomes/bindings";
import type { MonthlyRecord } from "../../../core/records/records";
import { buildReport } from "../../../core/report/buildReport";
import { renderReportHtml } from "../../../core/report/renderReportHtml";
import { rowSource, sourceLine } from "../../../core/report/rowSource";
import { assessAppendix } from "../../../core/status/assessAppendix";
import { statusText } from "../../../core/status/statusLabels";
import { breakdown, direction, indicator, value } from "../status/evaluateStatus.fixtures";
import { period } from "../../fixtures/period";

const T1 = period("2019-T1");
const at = (found: Indicator, row: number): Indicator => ({ ...found, row, cell: `D${row + 1}` });

const households = at(indicator({ name: "Antal hushåll med försörjningsstöd i snitt per månad.", polarity: { kind: "lower-better" }, outcomes: { 2017: 2996, 2018: 3130 }, targets: { 2019: value(2800), 2020: value(2700) } }), 20);
const children = at(indicator({ name: 'Andel <b>"barn"</b> & unga (%)', unit: "percent", polarity: { kind: "lower-better" }, outcomes: { 2017: 4.8, 2018: 4.6 }, targets: { 2019: value(4.2, "percent") } }), 21);
const toWork = { ...at(indicator({ name: "Avslutas till arbete", outcomes: { 2018: 182 }, targets: { 2019: direction("increase") } }), 22), notes: [{ cell: "D24", text: "Basvärde 2018 = 182" }], footnotes: ["*"] };
const sickLeave = at(
  indicator({
    name: "Total sjukfrånvaro (%)",
    unit: "percent",
    polarity: { kind: "lower-better" },
    outcomes: { 2017: 5.5, 2018: 6.8 },
    targets: { 2019: value(5.5, "percent") },
    breakdowns: [breakdown("Män", { outcomes: { 2017: 3.4 }, targets: { 2019: value(3.3, "percent") }, unit: "percent" }, 37), breakdown("Kvinnor", { outcomes: { 2017: 6.1 }, targets: { 2019: value(6.2, "percent") }, unit: "percent" }, 38)],
  }),
  36,
);
const avi = at(indicator({ name: "Attraktiv arbetsgivarindex (AVI)", unit: "index", outcomes: { 2017: 107, 2018: 111 }, targets: { 2019: value(112, "index") } }), 42);

const appendix: Appendix = {
  sheet: "Bilaga",
  headerRow: 3,
  firstRow: 4,
  lastRow: 45,
  columns: [
    { role: "indicator", column: 3, header: "Nämndindikator" },
    { role: "outcome", column: 4, header: "2017", year: 2017 },
    { role: "outcome", column: 5, header: "2018", year: 2018 },
    { role: "target", column: 6, header: "Målvärde 2019", year: 2019 },
    { role: "target", column: 7, header: "Målvärde 2020", year: 2020 },
  ],
  focusAreas: [
    { name: "Samhälle", cell: "A5", municipalGoals: [{ text: "Trygg och sammanhållen kommun", cell: "B5", boardGoals: [], indicators: [] }] },
    {
      name: "Medborgare",
      cell: "A10",
      municipalGoals: [{ text: "Hög egenförsörjningsgrad", cell: "B12", indicators: [], boardGoals: [{ text: "3 Antal hushåll ska minska", number: "3", cell: "C21", indicators: [households, children, toWork] }] }],
    },
    { name: "Medarbetare", cell: "A37", municipalGoals: [{ text: "Attraktiv arbetsgivare", cell: "B37", boardGoals: [], indicators: [sickLeave, avi] }] },
  ],
  footnotes: [{ marker: "*", text: "Uppgifterna har aggregerats.", cell: "A59" }],
  issues: [],
};

const bindingsJson = {
  bindings: [
    { indicator: households.name, measure: { source: "forsorjningsstod", measure: "hushall" }, combine: "mean-of-months", unit: "count" },
    { indicator: children.name, status: { manual: { status: "not-assessable", reason: "Mäts årsvis i Kolada" } } },
    { indicator: sickLeave.name, measure: { source: "sjukfranvaro", measure: "sjuktimmar" }, denominator: { source: "sjukfranvaro", measure: "schematimmar" }, combine: "ratio-of-sums", scale: 100, unit: "percent", decimals: 1 },
    {
      indicator: sickLeave.name,
      breakdown: "Kvinnor",
      measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown: "kon=K" },
      denominator: { source: "sjukfranvaro", measure: "schematimmar", breakdown: "kon=K" },
      combine: "ratio-of-sums",
      scale: 100,
      unit: "percent",
      decimals: 1,
    },
  ],
};
const parsedBindings = parseBindings(bindingsJson, "bindings.json");
if (!parsedBindings.ok) throw new Error("bindings");

const months = ["2019-01", "2019-02", "2019-03", "2019-04"];
const records: MonthlyRecord[] = months.flatMap((month, i) => [
  { source: "forsorjningsstod", measure: "hushall", month, breakdown: "", sum: 2900 - i * 40, count: 3100 },
  { source: "sjukfranvaro", measure: "sjuktimmar", month, breakdown: "kon=K", sum: 420 + i * 10, count: 1 },
  { source: "sjukfranvaro", measure: "sjuktimmar", month, breakdown: "kon=M", sum: 150, count: 1 },
  { source: "sjukfranvaro", measure: "schematimmar", month, breakdown: "kon=K", sum: 7000, count: 1 },
  { source: "sjukfranvaro", measure: "schematimmar", month, breakdown: "kon=M", sum: 4000, count: 1 },
  { source: "sjukfranvaro", measure: "sjuktimmar", month, breakdown: "", sum: 570 + i * 10, count: 2 },
  { source: "sjukfranvaro", measure: "schematimmar", month, breakdown: "", sum: 11000, count: 2 },
]);

const assessment = assessAppendix(appendix, parsedBindings.value, records, T1);

describe("buildReport", () => {
  const report = buildReport({ appendix, assessment, records, period: T1, file: "plan.xlsx", madeAt: "2019-05-06T08:00:00Z", sourceNames: { sjukfranvaro: "Sjukfrånvaro per enhet" } });
  const rowsOf = (area: string) => {
    const found = report.focusAreas.find((a) => a.name === area)!;
    return found.municipalGoals.flatMap((g) => [...g.rows, ...g.boardGoals.flatMap((b) => b.rows)]);
  };

  it("keeps every indicator and breakdown of the table, in table order, with the figures of its columns", () => {
    expect(rowsOf("Medborgare").map((r) => r.name)).toEqual([households.name, children.name, toWork.name]);
    expect(rowsOf("Medarbetare").map((r) => r.name)).toEqual([sickLeave.name, `${sickLeave.name} – Män`, `${sickLeave.name} – Kvinnor`, avi.name]);
    expect(report.columns).toEqual({ earlier: [2017, 2018], targets: [2019, 2020] });
    const first = rowsOf("Medborgare")[0]!;
    expect(first.earlier.map((f) => f.text)).toEqual(["2996", "3130"]);
    expect(first.sheetRow).toBe(21);
  });

  it("counts each focus area's statuses and its indicators with no followed row, as a plain count of the assessment gives", () => {
    const areaOf = new Map<string, string>();
    for (const area of appendix.focusAreas) {
      for (const goal of area.municipalGoals) for (const ind of [...goal.indicators, ...goal.boardGoals.flatMap((b) => b.indicators)]) areaOf.set(ind.name, area.name);
    }
    for (const area of report.focusAreas) {
      const expected: Record<string, number> = { met: 0, "partly-met": 0, "not-met": 0, "not-assessable": 0 };
      const followed = new Set<string>();
      for (const [i, row] of assessment.rows.entries()) {
        const name = assessment.bound[i]!.indicator.name;
        if (areaOf.get(name) !== area.name) continue;
        expected[row.status.status] = (expected[row.status.status] ?? 0) + 1;
        followed.add(name);
      }
      const indicators = [...areaOf.entries()].filter(([, a]) => a === area.name).map(([n]) => n);
      expect({ ...area.counts }).toEqual({ ...expected, followed: Object.values(expected).reduce((a, b) => a + b, 0), notFollowed: indicators.filter((n) => !followed.has(n)).length });
    }
    expect(report.totals.followed).toBe(assessment.rows.length);
    expect(report.totals.notFollowed).toBe(2); // "Avslutas till arbete" and AVI
  });

  it("shows the outcome and the status as the workbook does, a status set by hand with no outcome, and a breakdown no binding fills as not followed", () => {
    const [own, men, women] = rowsOf("Medarbetare");
    const result = assessment.rows.find((r) => r.name === sickLeave.name)!;
    let sick = 0;
    let scheduled = 0;
    for (const r of records) {
      if (r.source !== "sjukfranvaro" || r.breakdown !== "") continue;
      if (r.measure === "sjuktimmar") sick += r.sum;
      else scheduled += r.sum;
    }
    expect(own!.outcome?.text).toBe(`${((sick / scheduled) * 100).toFixed(1).replace(".", ",")}\u00a0%`);
    expect(own!.status?.text).toBe(statusText(result.status.status, result.status.forecast));
    expect(own!.source).toBe("Källa: Sjukfrånvaro per enhet (månadsexport)");
    expect(men!.followed).toBe(false);
    expect(women!.followed).toBe(true);
    const manual = rowsOf("Medborgare")[1]!;
    expect([manual.followed, manual.measured, manual.outcome, manual.status?.manual]).toEqual([true, false, undefined, true]);
  });

  it("shows a row's own source when it carries one (a value from Kolada says Källa: Kolada)", () => {
    const withKolada = {
      ...assessment,
      rows: assessment.rows.map((row) => (row.name === children.name ? { ...row, provenance: { kind: "kolada" as const, kpi: "N31807", municipality: "0580", year: 2019, credit: "Källa: Kolada" } } : row)),
    };
    const koladaReport = buildReport({ appendix, assessment: withKolada, records, period: T1 });
    const row = koladaReport.focusAreas[1]!.municipalGoals[0]!.boardGoals[0]!.rows[1]!;
    expect(row.source).toBe("Källa: Kolada (N31807)");
    expect(koladaReport.sources).toContain("Kolada (N31807)");
    expect(renderReportHtml(koladaReport)).toContain('<p class="source">Källa: Kolada (N31807)</p>');
    expect(sourceLine({ kind: "kolada" })).toBe("Källa: Kolada");
    expect(rowSource({ outcome: { quantity: { value: 4.2, unit: "percent" }, provenance: { kind: "kolada" } } })).toBe("Källa: Kolada");
    expect(rowSource({ provenance: { kind: "" } }, { measure: { source: "fbs" } })).toBe("Källa: fbs (månadsexport)");
    expect(rowSource({}, { terms: [{ measure: { source: "ekonomi" } }, { measure: { source: "ekonomi" } }] }, { ekonomi: "Ekonomisystemet" })).toBe("Källa: Ekonomisystemet (månadsexport)");
    expect(sourceLine({ kind: "kolada", kpi: "N00011", municipality: "0580", year: 2019, credit: "Källa: Kolada" })).toBe("Källa: Kolada (N00011)");
    expect(sourceLine({ kind: "manual", enteredBy: "AB", enteredAt: "2020-01-20", sourceText: "Brukarenkät 2019", year: 2019 })).toBe("Källa: Brukarenkät 2019 (inmatat av AB, 2020-01-20)");
    expect(sourceLine({ kind: "manual", by: "ekonomienheten" })).toBe("Källa: inmatat för hand (ekonomienheten)");
    expect(sourceLine({ kind: "export", source: "sjukfranvaro", files: [] }, { sjukfranvaro: "Sjukfrånvaro per enhet" })).toBe("Källa: Sjukfrånvaro per enhet (månadsexport)");
    // Kolada's and hand-entered values read as records of their own sources: credited by name, not as an export.
    expect(rowSource({}, { measure: { source: "kolada" } })).toBe("Källa: Kolada");
    expect(rowSource({}, { measure: { source: "manuell" } })).toBe("Källa: inmatade värden");
  });
});

describe("renderReportHtml", () => {
  const report = buildReport({
    appendix,
    assessment,
    records,
    period: T1,
    file: "plan.xlsx",
    madeAt: "2019-05-06T08:00:00Z",
    sections: [{ kind: "paragraphs", heading: "Aktiviteter", paragraphs: ["Nämnden har <startat> tre aktiviteter."] }],
  });
  const html = renderReportHtml(report);

  it("escapes every text of the table: a name with markup is shown as written", () => {
    expect(html).toContain("Andel &lt;b&gt;&quot;barn&quot;&lt;/b&gt; &amp; unga (%)");
    expect(html).not.toContain('<b>"barn"</b>');
    expect(html).toContain("Nämnden har &lt;startat&gt; tre aktiviteter.");
  });

  it("has the title, the date, the footnotes, the notes and the added section (also in the contents)", () => {
    expect(html).toContain("<title>Indikatorbilaga – uppföljning tertial 1 2019 (jan–apr)</title>");
    expect(html).toContain("Sammanställd 6 maj 2019.");
    expect(html).toContain("<dt>*</dt><dd>Uppgifterna har aggregerats.</dd>");
    expect(html).toContain("<li>Basvärde 2018 = 182</li><li>Se fotnot * under tabellen.</li>");
    expect(html).toMatch(/<li><a href="#avsnitt-1">Aktiviteter<\/a><\/li>/);
    expect(html).toMatch(/<h2 id="avsnitt-1-rubrik">Aktiviteter<\/h2>/);
  });

  it("puts each indicator and its breakdowns in one group, the breakdown's row header naming its indicator too", () => {
    expect(html).toMatch(/<tbody><tr class="row-indicator" data-row="37">[\s\S]*?<tr class="row-breakdown" data-row="38">[\s\S]*?<tr class="row-breakdown" data-row="39">[\s\S]*?<\/tbody>/);
    expect(html).toContain('<th scope="row"><span class="of">Total sjukfrånvaro (%)</span>Kvinnor');
    expect(html).toContain('<p class="empty">Inga nämndmål eller indikatorer under målet i bilagan.</p>');
  });
});

describe("a yearly target judged on a forecast", () => {
  it("marks the status (prognos), shows the forecast under the outcome and draws it as a ring after the months", () => {
    const placements = at(indicator({ name: "Antal placeringar, minst 677 under 2019", outcomes: { 2018: 477 }, targets: { 2019: value(677) } }), 20);
    const small: Appendix = { ...appendix, focusAreas: [{ name: "Medborgare", cell: "A10", municipalGoals: [{ text: "Mål", cell: "B10", boardGoals: [], indicators: [placements] }] }] };
    const parsed = parseBindings({ bindings: [{ indicator: placements.name, measure: { source: "insatser", measure: "placeringar" }, combine: "sum", unit: "count" }] }, "b.json");
    if (!parsed.ok) throw new Error("bindings");
    const perMonth = [40, 52, 61, 47];
    const monthly: MonthlyRecord[] = perMonth.map((sum, i) => ({ source: "insatser", measure: "placeringar", month: months[i]!, breakdown: "", sum, count: sum }));
    const assessed = assessAppendix(small, parsed.value, monthly, T1);
    const html = renderReportHtml(buildReport({ appendix: small, assessment: assessed, records: monthly, period: T1 }));
    const total = perMonth.reduce((a, b) => a + b, 0);
    const forecast = Math.round((total * 12) / 4);
    expect(html).toContain(`data-outcome-row="21">${total}<span class="forecast">Prognos för helåret: ${forecast}</span>`);
    expect(html).toMatch(/class="status status--[a-z-]+">[✓◐✗○] [A-Za-zå ]+ \(prognos\)</);
    expect(html).toMatch(/<circle [^>]*fill="#fff"/);
    expect(html).toContain(`Prognos för helåret: ${forecast}.`);
  });
});

describe("a breakdown on its indicator's own sheet row (\"4 arbete\" beside the name)", () => {
  it("follows only the row the binding names, and counts it once", () => {
    const osa = at(
      indicator({ name: "Antal deltagare inom OSA", outcomes: { 2018: 6 }, targets: { 2019: direction("increase") }, breakdowns: [{ ...breakdown("arbete", { outcomes: { 2018: 4 } }, 15), cell: "F16" }] }),
      15,
    );
    const small: Appendix = { ...appendix, focusAreas: [{ name: "Medborgare", cell: "A10", municipalGoals: [{ text: "Mål", cell: "B10", boardGoals: [], indicators: [osa] }] }] };
    const parsed = parseBindings({ bindings: [{ indicator: osa.name, measure: { source: "osa", measure: "avslut" }, combine: "sum", unit: "count" }] }, "b.json");
    if (!parsed.ok) throw new Error("bindings");
    const monthly: MonthlyRecord[] = months.map((month) => ({ source: "osa", measure: "avslut", month, breakdown: "", sum: 2, count: 2 }));
    const report = buildReport({ appendix: small, assessment: assessAppendix(small, parsed.value, monthly, T1), records: monthly, period: T1 });
    const [own, work] = report.focusAreas[0]!.municipalGoals[0]!.rows;
    expect([own!.sheetRow, own!.followed, own!.outcome?.text]).toEqual([16, true, "8"]);
    expect([work!.sheetRow, work!.followed, work!.outcome]).toEqual([16, false, undefined]);
    expect(report.totals.followed).toBe(1);
    const html = renderReportHtml(report);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length); // ids stay unique in the page
  });
});
