// The report's activities section (issue 11 item 4) on the sample's activity sheet: every seed
// activity once, under its perspective, with deadline and the tertial's status as symbol and
// word; the rule's Försenad with its reason; the summary table per perspective equal to a plain
// count of the rendered rows; a month or half-year says in a sentence that it has no follow-up;
// a workbook without activities gets no section; the activity texts are escaped.
import type { ActivityFollowUp } from "../../../core/activities/followUpActivities";
import { followUpActivities } from "../../../core/activities/followUpActivities";
import type { Appendix } from "../../../core/model";
import { buildReport } from "../../../core/report/buildReport";
import type { ReportActivitiesSection } from "../../../core/report/reportModel";
import { renderReportHtml } from "../../../core/report/renderReportHtml";
import type { Grid } from "../../../core/workbook/grid";
import { SEED_ACTIVITIES, SEED_ACTIVITY_LAYOUT } from "../../../samples/make/seedActivities";
import { gridFromLayout } from "../../fixtures/gridFromLayout";
import { period } from "../../fixtures/period";


/** A table with no indicators: the report's activities are what this file looks at. */
const appendix: Appendix = { sheet: "Bilaga", headerRow: 0, firstRow: 1, lastRow: 1, columns: [], focusAreas: [], footnotes: [], issues: [] };
const grid = gridFromLayout(SEED_ACTIVITY_LAYOUT);

function reportFor(text: string, activities: ActivityFollowUp | undefined = followUpActivities(grid, period(text))) {
  const report = buildReport({ appendix, assessment: { rows: [], bound: [] }, records: [], period: period(text), ...(activities && { activities }) });
  return { report, html: renderReportHtml(report) };
}

const unescape = (html: string): string => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
const textOf = (html: string): string => unescape(html.replace(/<[^>]+>/g, ""));

/** The activity rows of the page, as a reader sees them: name, deadline, status, comment and set-by, with the perspective heading above. */
function rowsOf(html: string): Array<{ perspective: string; name: string; deadline: string; status: string; note: string; setBy: string }> {
  const rows: Array<{ perspective: string; name: string; deadline: string; status: string; note: string; setBy: string }> = [];
  let perspective = "";
  const pattern = /<h3>Perspektiv: ([^<]+)<\/h3>|<tr data-activity-cell="[^"]+"><th scope="row">(.*?)<\/th><td>(.*?)<\/td><td data-activity-status>(.*?)<\/td><td>(.*?)<\/td><td class="set-by">(.*?)<\/td><\/tr>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[1] !== undefined) perspective = unescape(match[1]);
    else rows.push({ perspective, name: textOf(match[2] ?? ""), deadline: textOf(match[3] ?? ""), status: textOf(match[4] ?? ""), note: textOf(match[5] ?? ""), setBy: textOf(match[6] ?? "") });
  }
  return rows;
}

describe("the report's activities section, tertial 2 2019 on the sample", () => {
  const { report, html } = reportFor("2019-T2");
  const rows = rowsOf(html);

  it("lists every seed activity once, under its perspective, in the plan's order", () => {
    const expected: string[] = [];
    for (const p of SEED_ACTIVITIES) for (const group of p.groups) for (const activity of group.activities) expected.push(`${p.perspective}: ${activity.name}`);
    expect(rows.map((r) => `${r.perspective}: ${r.name}`)).toEqual(expected);
    expect(rows.map((r) => r.perspective).filter((p, i, all) => all.indexOf(p) === i)).toEqual(["Medborgare", "Ekonomi", "Verksamhet", "Medarbetare"]);
  });

  it("shows each status as symbol and word, and the T2 status the sample sets where one is set", () => {
    for (const row of rows) expect(row.status).toMatch(/^(✓ Genomförd|→ Pågår enligt plan|! Försenad|○ Ej påbörjad|– Utgår|Ej rapporterad)$/);
    const words: Record<string, string> = { G: "Genomförd", P: "Pågår enligt plan", F: "Försenad", E: "Ej påbörjad", U: "Utgår" };
    let checked = 0;
    for (const p of SEED_ACTIVITIES) {
      for (const group of p.groups) {
        for (const activity of group.activities) {
          if (activity.t2 === undefined) continue;
          const row = rows.find((r) => r.name === activity.name);
          expect(row?.status.replace(/^\S+ /, "")).toBe(words[activity.t2[0]]);
          if (activity.t2[1] !== "") expect(row?.note).toContain(activity.t2[1]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("shows a Försenad the rule decided with its reason and the rule's signature", () => {
    const processes = rows.find((r) => r.name === "Införande av processtyrningsmodeller");
    expect(processes).toMatchObject({ deadline: "Q1 (senast mars)", status: "! Försenad", setBy: "Bilaga (regel)" });
    expect(processes?.note).toBe("Enligt regeln: slutdatumet Q1 (senast mars 2019) har passerat och ingen har rapporterat aktiviteten som genomförd.");
    const unsignedLate = rows.filter((r) => r.status === "! Försenad" && r.setBy === "Bilaga (regel)" && !r.note.startsWith("Enligt regeln:"));
    expect(unsignedLate).toEqual([]);
  });

  it("counts per perspective in its summary table what the rows below it show (a plain count here)", () => {
    const columns = ["✓ Genomförd", "→ Pågår enligt plan", "! Försenad", "○ Ej påbörjad", "– Utgår", "Ej rapporterad"];
    const table = /<table class="summary activity-summary">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? "";
    const heads = [...table.matchAll(/<th scope="col">(.*?)<\/th>/g)].map((m) => textOf(m[1] ?? ""));
    expect(heads).toEqual(["Perspektiv", "Antal aktiviteter", ...columns]);
    const shown = [...table.matchAll(/<tr><th scope="row">(.*?)<\/th>((?:<td>\d+<\/td>)+)<\/tr>/g)].map((m) => [textOf(m[1] ?? ""), ...[...(m[2] ?? "").matchAll(/<td>(\d+)<\/td>/g)].map((c) => Number(c[1]))]);
    const counted = new Map<string, number[]>();
    const total = [0, 0, 0, 0, 0, 0, 0];
    for (const row of rows) {
      const line = counted.get(row.perspective) ?? [0, 0, 0, 0, 0, 0, 0];
      const index = columns.indexOf(row.status);
      line[0] = (line[0] ?? 0) + 1;
      line[index + 1] = (line[index + 1] ?? 0) + 1;
      total[0] = (total[0] ?? 0) + 1;
      total[index + 1] = (total[index + 1] ?? 0) + 1;
      counted.set(row.perspective, line);
    }
    expect(shown).toEqual([...[...counted].map(([p, line]) => [p, ...line]), ["Totalt", ...total]]);
    expect(total[0]).toBe(42);
  });

  it("keeps headings in order (h2 section > h3 perspective > h4 goal) and links the section from the contents, before the footnotes", () => {
    const section = report.sections[0] as ReportActivitiesSection;
    expect(section.heading).toBe("Aktiviteter – uppföljning tertial 2 2019 (jan–aug)");
    const contents = /<nav[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "";
    expect(contents.indexOf("#avsnitt-1")).toBeGreaterThan(-1);
    expect(contents.indexOf("#avsnitt-1")).toBeLessThan(contents.indexOf("#fotnoter"));
    expect(html.indexOf('id="avsnitt-1"')).toBeLessThan(html.indexOf('id="fotnoter"'));
    const body = html.slice(html.indexOf('id="avsnitt-1"'), html.indexOf('id="fotnoter"'));
    const levels = [...body.matchAll(/<h([2-4])\b/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => i > 0 && expect(level - (levels[i - 1] ?? 2)).toBeLessThanOrEqual(1));
    expect(body).toContain("<h4>Nämndmål: Framgångsrikt chef- och ledarskap</h4>");
  });
});

describe("periods without an activity follow-up, and workbooks without activities", () => {
  it.each(["2019-06", "2019-H1"])("says in a sentence that %s has no activity follow-up, with no status listed", (text) => {
    const { report, html } = reportFor(text);
    const section = report.sections.find((s) => s.kind === "activities");
    expect(section).toMatchObject({ heading: "Aktiviteter" });
    expect(textOf(html)).toContain(`Aktiviteterna följs upp per tertial och helår; ${period(text).label} har ingen uppföljning av dem. Planen har 42 aktiviteter i bladet "Aktiviteter"`);
    expect(html).not.toContain("data-activity-status");
  });

  it("follows a year up as its third tertial", () => {
    const { report } = reportFor("2019");
    expect(report.sections[0]).toMatchObject({ kind: "activities", heading: "Aktiviteter – uppföljning tertial 3 2019 (jan–dec)" });
  });

  it("has no activities section when the workbook has no activity table", () => {
    const empty: Grid = { sheet: "Aktiviteter", origin: { row: 0, column: 0 }, cells: [[{ value: "Ingenting här", text: "Ingenting här", numberFormat: "General" }]], merges: [] };
    expect(reportFor("2019-T2", followUpActivities(empty, period("2019-T2"))).report.sections).toEqual([]);
    const without = buildReport({ appendix, assessment: { rows: [], bound: [] }, records: [], period: period("2019-T2") });
    expect(renderReportHtml(without)).not.toContain("Aktiviteter");
  });

  it("escapes an activity's texts", () => {
    const followUp = followUpActivities(grid, period("2019-T2"));
    const first = followUp.assessments[0]!;
    const odd = { ...followUp, assessments: [{ ...first, activity: { ...first.activity, name: '<b>"Fet"</b> & <script>' }, comment: "<i>x</i>" }, ...followUp.assessments.slice(1)] };
    const { html } = reportFor("2019-T2", odd);
    expect(html).toContain("&lt;b&gt;&quot;Fet&quot;&lt;/b&gt; &amp; &lt;script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<i>x</i>");
  });

  it("shows no identity number typed into a comment or signature", () => {
    const followUp = followUpActivities(grid, period("2019-T2"));
    const first = followUp.assessments[0]!;
    const typed = { ...first, comment: "Ringt 19850312-1235 om insatsen", setBy: "Handläggare 850312-1235" };
    const { html } = reportFor("2019-T2", { ...followUp, assessments: [typed, ...followUp.assessments.slice(1)] });
    const row = rowsOf(html).find((r) => r.name === first.activity.name)!;
    expect(row.note).toContain("Ringt [personnummer] om insatsen");
    expect(row.setBy).toBe("Handläggare [personnummer]");
    expect(html).not.toMatch(/850312-?1235/);
  });
});
