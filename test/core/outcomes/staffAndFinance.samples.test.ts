/**
 * The participants, HR register, financial ledger and invoice samples, measured by the core
 * with the sample profiles and combined by the sample bindings (conditions, inMonth, formulas),
 * give the outcomes an independent calculation gives: test/fixtures/staffAndFinanceFigures.ts
 * splits the files itself and counts with plain loops, sums first, divided last.
 */
import { parseBindings } from "../../../core/outcomes/bindings";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { startMeasure } from "../../../core/measures/measure";
import { readTable } from "../../../core/table/readTable";
import type { MonthlyRecord } from "../../../core/records/records";
import { assessAppendix } from "../../../core/status/assessAppendix";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";
import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILES } from "../../fixtures/sampleConfiguration";
import { monthsOf2019 } from "../../fixtures/sampleExportFigures";
import {
  additionalAndOvertimeShare, externalTurnover, fullTimeShare, invoiceCounts, ledgerSum, managerBalance, managerSickLeave,
  managerTurnover, newPlacements, participantsEnded, raisedEmployability, readSample, sampleFile,
} from "../../fixtures/staffAndFinanceFigures";
import { period } from "../../fixtures/period";

const SOURCES = ["deltagare", "personal", "ekonomi", "fakturor"];
const parsedBindings = parseBindings(SAMPLE_BINDINGS_JSON.json, "bindings.json");
if (!parsedBindings.ok) throw new Error("sample bindings");
const bindings = parsedBindings.value;

/** Filled before the tests run: measuring ends asynchronously (ids are hashed in one batch). */
let records: MonthlyRecord[] = [];
beforeAll(async () => {
  const measured = SOURCES.flatMap((source) =>
    monthsOf2019(8).map(async (month) => {
      const t = readSample(source, month);
      const profile = SAMPLE_PROFILES.find((p) => p.id === source)!;
      const started = startMeasure(profile, t.header, { file: sampleFile(source, month), hashKey: testHasher("provnyckel") });
      if (!started.ok) throw new Error(JSON.stringify(started.issue));
      t.rows.forEach((fields, index) => {
        const issues = started.value.push(fields, index + 2);
        if (issues.length > 0) throw new Error(JSON.stringify(issues));
      });
      return (await started.value.finish()).records;
    }),
  );
  records = (await Promise.all(measured)).flat();
});

const appendix = readTable(gridFromLayout(SEED_APPENDIX));

const OSA = "Antal deltagare inskrivna inom OSA som avslutas till arbete eller studier ska öka.";
const PER_MNKR = "Antalet deltagare som slussas ut från arbetsmarknadsnämndens arbetsmarknadsinsatser till arbete eller studier per miljoner kronor";
const CHEF = "Chefsomsättning (andel tillsvidare chefer som har börjat eller slutat, %)";
const TO_WORK = ["Arbete", "Studier"];

describe.each([
  ["2019-T1", monthsOf2019(4)],
  ["2019-T2", monthsOf2019(8)],
  ["2019-06", ["2019-06"]],
])("the new sources' outcomes for %s equal a plain count of the files", (periodText, months) => {
  let assessment!: ReturnType<typeof assessAppendix>;
  beforeAll(() => {
    assessment = assessAppendix(appendix, bindings, records, period(periodText));
  });
  const outcomeOf = (name: string): number | undefined => {
    const row = assessment.rows.find((r) => r.name === name);
    if (row === undefined) throw new Error(`no bound row ${name}`);
    return row.outcome?.quantity.value;
  };
  const invoices = invoiceCounts(months);
  const costs = (unit?: string): number =>
    ledgerSum(months, "Utfall", { accounts: [4000, 7999], responsibilities: unit === undefined ? ["42100", "42200", "42300"] : [{ JKT: "42100", OSA: "42200", AMS: "42300" }[unit]!] });

  it("miss no month of the four sources", async () => {
    const ofTheseSources = (measure: unknown): boolean => /^(deltagare|personal|ekonomi|fakturor)\//.test(String(measure));
    const missing = assessment.issues.filter((i) => i.code === "period/missing-month" && ofTheseSources(i.params?.["measure"]));
    expect(missing).toEqual([]);
    expect(assessment.issues.filter((i) => i.code === "outcome/formula-undefined")).toEqual([]);
  });

  it("participants: ends to work or studies, to neither, in OSA, placements and raised employability", async () => {
    expect(outcomeOf("Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som avslutas till arbete (både subventionerade och osubventionerade anställningar) eller studier ska öka.")).toBe(participantsEnded(months, { reasons: TO_WORK }));
    expect(outcomeOf("Antal deltagare i arbetsmarknadsnämndens insatser som varken avslutas till arbete eller utbildning ska minska varje år.")).toBe(participantsEnded(months, { reasons: ["Annat"] }));
    expect(outcomeOf(OSA)).toBe(participantsEnded(months, { reasons: TO_WORK, unit: "OSA" }));
    expect(outcomeOf("Antal placeringar inom arbetsträning + praktik + arbetsmarknadsanställningar ska vara minst 677 under 2019 och minst 777 under 2020.")).toBe(newPlacements(months));
    expect(outcomeOf("Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som har höjt sin grundläggande anställningsbarhet ska öka.")).toBe(raisedEmployability(months));
  });

  it("ends to work or studies per million kronor of the measures' costs, in total and per unit", async () => {
    expect(outcomeOf(PER_MNKR)).toBeCloseTo(participantsEnded(months, { reasons: TO_WORK }) / (costs() / 1_000_000), 9);
    // JKT's figure would stand on the indicator's own row, which has the total (binding/breakdown-on-indicator-row).
    for (const unit of ["OSA", "AMS"]) {
      expect(outcomeOf(`${PER_MNKR} – ${unit}`)).toBeCloseTo(participantsEnded(months, { reasons: TO_WORK, unit }) / (costs(unit) / 1_000_000), 9);
    }
  });

  it("HR: full-time share (last month), external and manager turnover, managers' sick leave, mertid/övertid and balanstal", async () => {
    expect(outcomeOf("Andel (%) heltidsanställningar")).toBeCloseTo(fullTimeShare(months), 9);
    expect(outcomeOf("Andel (%) heltidsanställningar – Kvinnor")).toBeCloseTo(fullTimeShare(months, "K"), 9);
    expect(outcomeOf("Andel (%) heltidsanställningar – Män")).toBeCloseTo(fullTimeShare(months, "M"), 9);
    expect(outcomeOf("Extern personalomsättning")).toBeCloseTo(externalTurnover(months), 9);
    expect(outcomeOf(CHEF)).toBeCloseTo(managerTurnover(months), 9);
    expect(outcomeOf(`${CHEF} – Kvinnor`)).toBeCloseTo(managerTurnover(months, "K"), 9);
    expect(outcomeOf(`${CHEF} – Män`)).toBeCloseTo(managerTurnover(months, "M"), 9);
    expect(outcomeOf("Chefers sjukfrånvaro")).toBeCloseTo(managerSickLeave(months), 9);
    expect(outcomeOf("Chefers sjukfrånvaro – Kvinnor")).toBeCloseTo(managerSickLeave(months, "K"), 9);
    expect(outcomeOf("Chefers sjukfrånvaro – Män")).toBeCloseTo(managerSickLeave(months, "M"), 9);
    expect(outcomeOf("Mertid övertid")).toBeCloseTo(additionalAndOvertimeShare(months), 9);
    expect(outcomeOf("Balanstal chefer")).toBeCloseTo(managerBalance(months), 9);
  });

  it("finance: deviation from budget, premises' share of the costs and e-handelstrohet", async () => {
    const budget = ledgerSum(months, "Budget");
    expect(outcomeOf("Avvikelse från budget, i %")).toBeCloseTo(((budget - ledgerSum(months, "Utfall")) / budget) * 100, 9);
    expect(outcomeOf("Lokalernas andel av totala kostnaden")).toBeCloseTo((ledgerSum(months, "Utfall", { accounts: [6100, 6199] }) / ledgerSum(months, "Utfall", { accounts: [4000, 7999] })) * 100, 9);
    expect(outcomeOf("E-handelstrohet, i %")).toBeCloseTo((invoices.eCommerce / invoices.all) * 100, 9);
  });
});

/** Whether a personnummer YYYYMMDD-NNNC passes the Luhn check (a real one must). */
function passesLuhn(personnummer: string): boolean {
  const digits = personnummer.replace("-", "").slice(2);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}

describe("the new sources' samples", () => {
  it("hold no personnummer that could be someone's (every check digit is wrong)", async () => {
    let checked = 0;
    for (const month of monthsOf2019(8)) {
      const t = readSample("deltagare", month);
      const column = t.header.indexOf("Personnummer");
      for (const row of t.rows) {
        expect(row[column]).toMatch(/^\d{8}-\d{4}$/);
        expect(passesLuhn(row[column]!)).toBe(false);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  it("have something to count in every figure over T2 (no figure rests on zero people)", async () => {
    const months = monthsOf2019(8);
    expect(participantsEnded(months, { reasons: TO_WORK, unit: "OSA" })).toBeGreaterThan(0);
    expect(newPlacements(months)).toBeGreaterThan(300);
    expect(managerTurnover(months)).toBeGreaterThan(0);
    expect(managerSickLeave(months, "M")).toBeGreaterThan(0);
    expect(invoiceCounts(months).eCommerce).toBeLessThan(invoiceCounts(months).all);
  });
});
