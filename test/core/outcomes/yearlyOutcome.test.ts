// Indicators measured only per year: a tertial or a month is Kan ej bedömas, "mäts per år", with
// nothing blank; the whole year takes the year's value; a year without a value is missing, not 0;
// bindings with mistakes name the key.
import { formatIssue } from "../../../core/issues/messages.sv";
import { parseBindings } from "../../../core/outcomes/bindings";
import { readTable } from "../../../core/table/readTable";
import { assessAppendix } from "../../../core/status/assessAppendix";
import { planWrites } from "../../../core/workbook/planWrites";
import type { MonthlyRecord } from "../../../core/records/records";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";
import { SAMPLE_BINDINGS_JSON } from "../../fixtures/sampleConfiguration";
import { period } from "../../fixtures/period";

const appendix = readTable(gridFromLayout(SEED_APPENDIX));
const bindings = (() => {
  const parsed = parseBindings(SAMPLE_BINDINGS_JSON.json, "bindings.json");
  if (!parsed.ok) throw new Error(formatIssue(parsed.issue));
  return parsed.value;
})();
const yearly = (source: string, measure: string, breakdown: string, year: number, sum: number): MonthlyRecord => ({ source, measure, breakdown, month: `${year}-12`, sum, count: 1 });

const RECORDS: MonthlyRecord[] = [
  yearly("kolada", "N00011", "kommun=0580", 2018, 4.6),
  yearly("kolada", "N00011", "kommun=0580", 2019, 4.3),
  yearly("manuell", "avi", "", 2019, 112),
];
const MANUAL = [{ measure: "avi", breakdown: "", year: 2019, value: 112, enteredBy: "CD", enteredAt: "2020-02-10", sourceText: "Medarbetarenkät 2019" }];
// The user survey is not yearly: its export gives months and tertials (issue 13).
const YEARLY_NAMES = ["Barn i befolkningen", "Attraktiv arbetsgivarindex", "Hållbart medarbetarengagemang", "Chefer med utomnordisk bakgrund"];

describe.each(["2019-T1", "2019-T2", "2019-06", "2019-H1"])("a yearly indicator for %s", (text) => {
  it('is Kan ej bedömas with the reason "mäts per år", and its outcome cell says so', () => {
    const assessment = assessAppendix(appendix, bindings, RECORDS, period(text), { manualValues: MANUAL });
    const rows = assessment.rows.filter((r) => YEARLY_NAMES.some((name) => r.name.startsWith(name)));
    expect(rows.length).toBe(6); // Kolada, AVI, HME and its two breakdowns, managers
    for (const row of rows) {
      expect(row.status.status).toBe("not-assessable");
      expect(row.status.explanation).toMatch(/^Mäts per år: /);
      expect(row.outcome).toBeUndefined();
    }
    const writes = planWrites(appendix, assessment.rows, period(text)).sheets[0]!.writes;
    for (const row of rows) {
      const cells = writes.filter((w) => w.row === row.row);
      expect(cells.map((w) => w.value)).toEqual(["Mäts per år", "○ Kan ej bedömas"]);
    }
  });
});

describe("a yearly indicator for the year 2019", () => {
  const assessment = assessAppendix(appendix, bindings, RECORDS, period("2019"), { manualValues: MANUAL });
  const row = (name: string) => assessment.rows.find((r) => r.name.startsWith(name))!;

  it("takes the year's value, judged against its target and the year before", () => {
    // Kolada 2019: 4,3 % against the target 4,2 % and 4,6 % in 2018 (lower is better): partly met.
    expect(row("Barn i befolkningen").outcome?.quantity).toEqual({ value: 4.3, unit: "percent" });
    expect(row("Barn i befolkningen").status.status).toBe("partly-met");
    expect(row("Barn i befolkningen").provenance).toEqual({ kind: "kolada", kpi: "N00011", municipality: "0580", year: 2019, credit: "Källa: Kolada" });
    expect(row("Attraktiv arbetsgivarindex").outcome?.quantity.value).toBe(112);
    expect(row("Attraktiv arbetsgivarindex").status.status).toBe("met");
    expect(row("Attraktiv arbetsgivarindex").provenance).toEqual({ kind: "manual", enteredBy: "CD", enteredAt: "2020-02-10", sourceText: "Medarbetarenkät 2019", year: 2019 });
  });

  it("says Källa: Kolada in the outcome cell's note", () => {
    const writes = planWrites(appendix, assessment.rows, period("2019")).sheets[0]!.writes;
    const cell = writes.find((w) => w.row === row("Barn i befolkningen").row && typeof w.value === "number");
    expect(cell?.note).toBe("Årsvärde 2019. Källa: Kolada (nyckeltal N00011, kommun 0580, år 2019).");
  });

  it("shows a year without a value as missing, never 0, and says why", () => {
    const hme = row("Hållbart medarbetarengagemang (HME)");
    expect(hme.outcome).toBeUndefined();
    expect(hme.status.status).toBe("not-assessable");
    const writes = planWrites(appendix, assessment.rows, period("2019")).sheets[0]!.writes;
    expect(writes.find((w) => w.row === hme.row)?.value).toBe("Saknas");
    const missing = assessment.issues.filter((i) => i.code === "outcome/no-yearly-value").map(formatIssue);
    expect(missing).toContain(
      'Varning: "Hållbart medarbetarengagemang (HME)": inget årsvärde för 2019 (manuell/hme). Mata in det på bladet "Manuella värden" eller i filen med manuella värden.',
    );
    // Kolada without 2020 in the records: missing, never 0.
    const next = assessAppendix(appendix, bindings, RECORDS, period("2020"));
    expect(next.rows.find((r) => r.name.startsWith("Barn i befolkningen"))?.outcome).toBeUndefined();
  });
});

describe("bindings with mistakes in a yearly entry", () => {
  it.each([
    [{ indicator: "AVI", yearly: true, status: { polarity: "higher-better" } }, "bindings[0].yearly"],
    [{ indicator: "AVI", measure: { source: "manuell", measure: "avi" }, yearly: true, combine: "sum" }, "bindings[0].combine"],
    [{ indicator: "AVI", measure: { source: "manuell", measure: "avi" }, yearly: "ja" }, "bindings[0].yearly"],
    [{ indicator: "AVI", measure: { source: "manuell", measure: "avi" } }, "bindings[0].combine"],
  ])("names the key (%j)", (entry, key) => {
    const parsed = parseBindings({ bindings: [entry] }, "bindings.json");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(formatIssue(parsed.issue)).toContain(`Fel i konfigurationen vid "${key}"`);
  });
});
