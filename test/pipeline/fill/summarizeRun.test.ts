// The Swedish summary of a run: counts per status, what is missing by name, and a rejected
// run that says nothing was read in or written.
import { issue } from "../../../core/issues/issues";
import { findMissing } from "../../../pipeline/fill/findMissing";
import type { RunReport } from "../../../pipeline/fill/runReport";
import { summarizeRun } from "../../../pipeline/fill/summarizeRun";

const base: RunReport = {
  format: "bilaga-korrapport/1",
  status: "filled",
  exitCode: 0,
  startedAt: "2019-09-02T07:00:00.000Z",
  finishedAt: "2019-09-02T07:00:01.000Z",
  period: { id: "2019-T2", label: "tertial 2 2019 (jan–aug)", months: ["2019-01"] },
  ledger: "/arbete/bilaga-data/liggare.sqlite",
  workbook: { input: "/arbete/bilaga.xlsx", output: "/arbete/utdata/bilaga utfall 2019-T2.xlsx", backup: null, sheet: "Bilaga" },
  imports: null,
  counts: { met: 2, "partly-met": 1, "not-met": 3, "not-assessable": 4, total: 10 },
  rows: [],
  fromWorkbook: [],
  missing: { months: [], unboundIndicators: [], bindingsWithoutRow: [], unknownMeasures: [], noData: [] },
  issues: [],
};

describe("findMissing", () => {
  it("collects missing months per measure (once each) and names unbound indicators and bindings without a row", () => {
    const missing = findMissing([
      issue("period/missing-month", "warning", { params: { month: "2019-08", measure: "vantetider/vantedagar", period: "T2" } }),
      issue("period/missing-month", "warning", { params: { month: "2019-07", measure: "vantetider/vantedagar", period: "T2" } }),
      issue("period/missing-month", "warning", { params: { month: "2019-07", measure: "vantetider/vantedagar", period: "T2" } }),
      issue("binding/indicator-unbound", "info", { raw: "E-handelstrohet, i %" }),
      issue("binding/row-not-found", "warning", { raw: "Total sjukfrånvaro (%) – Flickor" }),
    ]);
    expect(missing.months).toEqual([
      { measure: "vantetider/vantedagar", month: "2019-07" },
      { measure: "vantetider/vantedagar", month: "2019-08" },
    ]);
    expect(missing.unboundIndicators).toEqual(["E-handelstrohet, i %"]);
    expect(missing.bindingsWithoutRow).toEqual(["Total sjukfrånvaro (%) – Flickor"]);
  });
});

describe("summarizeRun", () => {
  it("counts each status with its symbol and says where the workbook went, relative to the working folder", () => {
    const text = summarizeRun(base, { cwd: "/arbete", reportPath: "/arbete/utdata/korrapport-2019-T2.json" });
    expect(text).toContain("Måluppfyllelse, 10 rader");
    expect(text).toMatch(/✓ Uppfyllt\s+2\n/);
    expect(text).toMatch(/◐ Delvis uppfyllt\s+1\n/);
    expect(text).toMatch(/✗ Ej uppfyllt\s+3\n/);
    expect(text).toMatch(/○ Kan ej bedömas\s+4\n/);
    expect(text).toContain("Saknas: inget.");
    expect(text).toContain("Arbetsbok: utdata/bilaga utfall 2019-T2.xlsx");
    expect(text).toContain("Körrapport: utdata/korrapport-2019-T2.json");
  });

  it("names what is missing, and counts the rest beyond the first eight names", () => {
    const names = Array.from({ length: 11 }, (_, i) => `Indikator ${i + 1}`);
    const text = summarizeRun({
      ...base,
      missing: { ...base.missing, months: [{ measure: "forsorjningsstod/hushall", month: "2019-07" }, { measure: "forsorjningsstod/hushall", month: "2019-08" }], unboundIndicators: names },
    });
    expect(text).toContain("forsorjningsstod/hushall: 2019-07, 2019-08");
    expect(text).toContain("– Indikator 8\n");
    expect(text).not.toContain("Indikator 9\n");
    expect(text).toContain("… och 3 till (se körrapporten).");
  });

  it("names the source-months taken from the workbook's own Månadsdata, and says nothing of it when there are none", () => {
    const text = summarizeRun({
      ...base,
      fromWorkbook: [
        { source: "vantetider", month: "2019-09" },
        { source: "vantetider", month: "2019-10" },
        { source: "sjukfranvaro", month: "2019-09" },
      ],
    });
    expect(text).toContain("Från arbetsbokens blad Månadsdata (finns inte i liggaren; behålls och räknas med):\n    – vantetider: 2019-09, 2019-10\n    – sjukfranvaro: 2019-09\n");
    expect(summarizeRun(base)).not.toContain("Från arbetsbokens blad Månadsdata");
  });

  it("a rejected run names the rejected file and says that nothing was read in or written", () => {
    const text = summarizeRun({
      ...base,
      status: "rejected",
      exitCode: 1,
      workbook: { ...base.workbook, output: null },
      imports: {
        files: 2,
        imported: 1,
        unchanged: 0,
        rejected: 1,
        details: [
          { file: "exporter/a.csv", kind: "imported", issues: [] },
          { file: "exporter/trasig.csv", kind: "rejected", issues: [] },
        ],
      },
    });
    expect(text).toContain("Inläsning: 2 filer: 1 inläst, 0 redan inlästa, 1 avvisad.");
    expect(text).toContain("Avbrutet: 1 fil avvisades (exporter/trasig.csv). Ingenting lästes in i liggaren och ingen arbetsbok skrevs.");
    expect(text).not.toContain("Måluppfyllelse");
  });
});

describe("summarizeRun, the board report's PDF line", () => {
  const withReport = (pdf: string | null, pdfMissing: string | null): RunReport => ({
    ...base,
    boardReport: { html: "/arbete/utdata/bilaga rapport 2019-T2.html", pdf, pdfMissing },
  });

  it("names the PDF, says why it is missing, or says it was left out", () => {
    expect(summarizeRun(withReport("/arbete/utdata/bilaga rapport 2019-T2.pdf", null), { cwd: "/arbete" })).toContain("Rapport (PDF): utdata/bilaga rapport 2019-T2.pdf");
    expect(summarizeRun(withReport(null, "ingen Chromium hittades"), { cwd: "/arbete" })).toContain("Rapport (PDF): skrevs inte – ingen Chromium hittades.");
    expect(summarizeRun(withReport(null, null), { cwd: "/arbete" })).toContain("Rapport (PDF): skrevs inte, PDF valdes bort.");
  });
});
