/**
 * The sample exports, measured by the core and combined by the sample bindings for T2 2019,
 * give the outcomes an independent calculation gives: test/fixtures/sampleExportFigures.ts
 * decodes and splits the files and recomputes each figure from the raw fields with plain loops
 * (sums first, divided last).
 */
import { readdirSync } from "node:fs";
import { bindingMeasures, parseBindings } from "../../../core/outcomes/bindings";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { startMeasure } from "../../../core/measures/measure";
import { parsePeriod } from "../../../core/periods/period";
import { readTable } from "../../../core/table/readTable";
import { recogniseSource } from "../../../core/sources/recogniseSource";
import type { MonthlyRecord } from "../../../core/records/records";
import { assessAppendix } from "../../../core/status/assessAppendix";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";
import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILES } from "../../fixtures/sampleConfiguration";
import { householdsPerMonth, longTermAdults, meanWaitingDays, monthsOf2019, readExport, SAMPLE_EXPORTS, sickLeaveRate } from "../../fixtures/sampleExportFigures";

/** T2 2019 is cumulative: January to August (the delårsrapport). */
const MONTHS = monthsOf2019(8);

const profiles = SAMPLE_PROFILES;
const bindingsJson = SAMPLE_BINDINGS_JSON.json;
const parsedBindings = parseBindings(bindingsJson, "bindings.json");
if (!parsedBindings.ok) throw new Error("sample bindings");
const bindings = parsedBindings.value;

// The three sources this test and sampleExportFigures.ts know; the others are in staffAndFinance.samples.test.ts.
const files = readdirSync(SAMPLE_EXPORTS).filter((name) => /^(forsorjningsstod|sjukfranvaro|vantetider)-2019-0[1-8]\.(csv|txt)$/.test(name)).sort();
const tables = new Map(files.map((file) => [file, readExport(file)]));

let records: MonthlyRecord[] = [];
let assessment!: ReturnType<typeof assessAppendix>;
beforeAll(async () => {
  const measured = files.map(async (file) => {
    const t = tables.get(file)!;
    const profile = recogniseSource(profiles, t.header);
    if (profile === undefined) throw new Error(`no profile for ${file}`);
    const started = startMeasure(profile, t.header, { file, hashKey: testHasher("provnyckel") });
    if (!started.ok) throw new Error(JSON.stringify(started.issue));
    t.rows.forEach((fields, index) => started.value.push(fields, index + 2));
    return (await started.value.finish()).records;
  });
  records = (await Promise.all(measured)).flat();
  assessment = assessAppendix(readTable(gridFromLayout(SEED_APPENDIX)), bindings, records, T2);
});

const T2 = (() => {
  const p = parsePeriod("2019-T2");
  if (!p.ok) throw new Error("period");
  return p.value;
})();
const outcomeOf = (name: string): number | undefined => assessment.rows.find((r) => r.name === name)?.outcome?.quantity.value;

describe("the sample bindings on the sample exports, T2 2019", () => {
  it("name sources, measures and breakdown dimensions the profiles have", async () => {
    for (const entry of bindings.entries) {
      for (const { ref } of entry.binding === undefined ? [] : bindingMeasures(entry.binding)) {
        // Kolada's key figures and manual values have no source profile (issue 13).
        if (ref.source === "kolada" || ref.source === "manuell") continue;
        const profile = profiles.find((p) => p.id === ref.source);
        const measure = profile?.measures.find((m) => m.id === ref.measure);
        expect(measure).toBeDefined();
        for (const part of ref.breakdown === "" ? [] : ref.breakdown.split("&")) {
          expect(measure?.breakdowns).toContain(part.split("=")[0]);
        }
      }
    }
  });

  it("miss no month (of the three sources measured here)", async () => {
    const ofTheseSources = (measure: unknown): boolean => /^(forsorjningsstod|sjukfranvaro|vantetider)\//.test(String(measure));
    expect(assessment.issues.filter((i) => i.code === "period/missing-month" && ofTheseSources(i.params?.["measure"]))).toEqual([]);
  });

  it("give the sick-leave rate as Σ sick hours / Σ scheduled hours × 100 for Arbetsmarknadsförvaltningen, total and by gender", async () => {
    expect(outcomeOf("Total sjukfrånvaro (%)")).toBeCloseTo(sickLeaveRate(MONTHS), 9);
    expect(outcomeOf("Total sjukfrånvaro (%) – Kvinnor")).toBeCloseTo(sickLeaveRate(MONTHS, "K"), 9);
    expect(outcomeOf("Total sjukfrånvaro (%) – Män")).toBeCloseTo(sickLeaveRate(MONTHS, "M"), 9);
  });

  it("give households 'i snitt per månad' as the mean of each month's distinct households", async () => {
    // householdsPerMonth requires each of the eight months' files.
    expect(outcomeOf("Antal hushåll med försörjningsstöd i snitt per månad.")).toBeCloseTo(householdsPerMonth(MONTHS), 9);
  });

  it("give waiting days as Σ days from first contact to decision / the number of decisions (pending cases left out)", async () => {
    expect(outcomeOf("Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)")).toBeCloseTo(meanWaitingDays(MONTHS), 9);
  });

  it("give the long-term adults the August figure (a point-in-time count)", async () => {
    const august = records.filter((r) => r.source === "forsorjningsstod" && r.measure === "vuxna-langvarigt" && r.month === "2019-08" && r.breakdown === "");
    expect(august).toHaveLength(1);
    expect(outcomeOf("Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.")).toBe(august[0]?.sum);
    expect(august[0]?.sum).toBe(longTermAdults("2019-08"));
  });
});
