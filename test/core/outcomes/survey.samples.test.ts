/**
 * The user survey (brukarenkät) samples, measured by the core with the sample profile and
 * combined by the sample bindings, give the outcomes a plain loop over the raw files gives
 * (test/fixtures/surveyFigures.ts): the positive share (ratio of sums) and the difference in
 * percentage points between women's and men's positive shares, for tertials and a month.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatIssue } from "../../../core/issues/messages.sv";
import { parseBindings } from "../../../core/outcomes/bindings";
import { computeOutcome } from "../../../core/outcomes/computeOutcome";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { startMeasure } from "../../../core/measures/measure";
import { readTable } from "../../../core/table/readTable";
import type { MonthlyRecord } from "../../../core/records/records";
import { assessAppendix } from "../../../core/status/assessAppendix";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";
import { SAMPLE_BINDINGS_JSON, SAMPLE_PROFILES } from "../../fixtures/sampleConfiguration";
import { monthsOf2019 } from "../../fixtures/sampleExportFigures";
import { positiveShare, surveyAnswers, surveyFile, surveyTotals } from "../../fixtures/surveyFigures";
import { period } from "../../fixtures/period";

const SHARE = "Andel positiva svar i brukarenkät";
const EQUAL = "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.";

const parsedBindings = parseBindings(SAMPLE_BINDINGS_JSON.json, "bindings.json");
if (!parsedBindings.ok) throw new Error("sample bindings");
const bindings = parsedBindings.value;
const profile = SAMPLE_PROFILES.find((p) => p.id === "brukarenkat")!;

/** The samples measured the product's way: the rows as the plain split gives them, through the profile's measures. */
let records: MonthlyRecord[] = [];
beforeAll(async () => {
  const measured = monthsOf2019(8).map(async (month) => {
    const header = ["Svarsnummer", "Svarsdatum", "Enhet", "Kön", "Antal besvarade frågor", "Antal positiva svar"];
    const started = startMeasure(profile, header, { file: surveyFile(month), hashKey: testHasher("provnyckel") });
    if (!started.ok) throw new Error(JSON.stringify(started.issue));
    surveyAnswers(month).forEach((a, index) => {
      const issues = started.value.push([a.respondent, a.answeredOn, a.unit, a.gender, String(a.answered), String(a.positive)], index + 2);
      if (issues.length > 0) throw new Error(JSON.stringify(issues));
    });
    return (await started.value.finish()).records;
  });
  records = (await Promise.all(measured)).flat();
});

const appendix = readTable(gridFromLayout(SEED_APPENDIX));

describe.each([
  ["2019-T1", monthsOf2019(4)],
  ["2019-T2", monthsOf2019(8)],
  ["2019-06", ["2019-06"]],
  ["2019", monthsOf2019(8)],
])("the user survey's outcomes for %s equal a plain loop over the files", (periodText, months) => {
  let assessment!: ReturnType<typeof assessAppendix>;
  beforeAll(() => {
    assessment = assessAppendix(appendix, bindings, records, period(periodText));
  });
  const row = (name: string) => {
    const found = assessment.rows.find((r) => r.name === name);
    if (found === undefined) throw new Error(`no bound row ${name}`);
    return found;
  };

  it("the positive share: positive answers / answered questions × 100, summed over the months first", async () => {
    const share = row(SHARE);
    expect(share.outcome?.quantity).toEqual({ value: expect.closeTo(positiveShare(months), 9), unit: "percent" });
    expect(share.outcome?.monthsUsed).toEqual(months);
    // Not "mäts per år" any more: the export gives tertials and months an outcome of their own.
    expect(share.status.status).not.toBe("not-assessable");
  });

  it("the women's and men's shares, each summed first, and their difference in percentage points on the equal-treatment row", async () => {
    const women = computeOutcome(records, { combine: "ratio-of-sums", measure: { source: "brukarenkat", measure: "positiva-svar", breakdown: "kon=K" }, denominator: { source: "brukarenkat", measure: "besvarade-fragor", breakdown: "kon=K" }, scale: 100, unit: "percent" }, period(periodText));
    const men = computeOutcome(records, { combine: "ratio-of-sums", measure: { source: "brukarenkat", measure: "positiva-svar", breakdown: "kon=M" }, denominator: { source: "brukarenkat", measure: "besvarade-fragor", breakdown: "kon=M" }, scale: 100, unit: "percent" }, period(periodText));
    expect(women.outcome?.quantity.value).toBeCloseTo(positiveShare(months, "K"), 9);
    expect(men.outcome?.quantity.value).toBeCloseTo(positiveShare(months, "M"), 9);
    const equal = row(EQUAL);
    expect(equal.outcome?.quantity).toEqual({ value: expect.closeTo(positiveShare(months, "K") - positiveShare(months, "M"), 9), unit: "percentage-points" });
    const k = surveyTotals(months, "K");
    const m = surveyTotals(months, "M");
    expect(equal.outcome?.formula?.terms).toEqual({ kvinnor_positiva: k.positive, kvinnor_besvarade: k.answered, man_positiva: m.positive, man_besvarade: m.answered });
  });

  it("the equal-treatment row keeps its status set by hand (the target is a text), and the reason claims no significance test", async () => {
    const equal = row(EQUAL);
    expect(equal.status.status).toBe("not-assessable");
    expect(equal.status.manual).toBe(true);
    expect(equal.status.explanation).toContain("skillnaden i procentenheter mellan kvinnors och mäns andel positiva svar");
    expect(equal.status.explanation).toContain("utan prövning av om skillnaden är signifikant");
    expect(equal.status.explanation).not.toContain("årsredovisningen");
  });
});

describe("a bad row in a survey export", () => {
  it.each([
    ["an empty count of positive answers", ["192300", "2019-09-02", "JKT", "K", "12", ""], "kolumn 6 (Antal positiva svar)"],
    ["a count that is not a number", ["192301", "2019-09-02", "AMS", "M", "tolv", "10"], "kolumn 5 (Antal besvarade frågor)"],
    ["an answer date that is no date", ["192302", "31/2 2019", "OSA", "", "12", "11"], "kolumn 2 (Svarsdatum)"],
  ])("is named by file, line and column: %s", (_what, fields, column) => {
    const header = ["Svarsnummer", "Svarsdatum", "Enhet", "Kön", "Antal besvarade frågor", "Antal positiva svar"];
    const started = startMeasure(profile, header, { file: "brukarenkat-2019-09.csv", hashKey: testHasher("provnyckel") });
    if (!started.ok) throw new Error(JSON.stringify(started.issue));
    started.value.push(["192299", "2019-09-01", "JKT", "K", "12", "11"], 2);
    const issues = started.value.push(fields, 3);
    expect(issues.map(formatIssue).join("\n")).toContain(`brukarenkat-2019-09.csv, rad 3, ${column}`);
  });
});

describe("the user survey's samples", () => {
  it("have a few hundred answers a month, a positive share near the seed's 86–88 %, and answers from both women and men", async () => {
    for (const month of monthsOf2019(8)) {
      const answers = surveyAnswers(month);
      expect(answers.length).toBeGreaterThanOrEqual(200);
      expect(answers.length).toBeLessThanOrEqual(400);
      expect(positiveShare([month])).toBeGreaterThan(84);
      expect(positiveShare([month])).toBeLessThan(91);
      expect(surveyTotals([month], "K").questionnaires).toBeGreaterThan(50);
      expect(surveyTotals([month], "M").questionnaires).toBeGreaterThan(50);
      // Answers without a gender (blank or "annat") count in the total, not in either gender's share.
      expect(surveyTotals([month]).questionnaires).toBeGreaterThan(surveyTotals([month], "K").questionnaires + surveyTotals([month], "M").questionnaires);
    }
  });

  it("are described in samples/EXPORTS.md with the figures the files give (one decimal, Swedish comma)", async () => {
    const text = readFileSync(join(__dirname, "..", "..", "..", "samples", "EXPORTS.md"), "utf8");
    const shown = (value: number): string => value.toFixed(1).replace(".", ",");
    const line = (label: string, months: readonly string[]): string => {
      const all = surveyTotals(months);
      return `| ${label} | ${all.questionnaires} | ${all.answered} | ${all.positive} | ${shown(positiveShare(months))} | ${shown(positiveShare(months, "K"))} | ${shown(positiveShare(months, "M"))} | ${shown(positiveShare(months, "K") - positiveShare(months, "M"))} |`;
    };
    for (const month of monthsOf2019(8)) expect(text).toContain(line(month, [month]));
    expect(text).toContain(line("**T1 (jan–apr)**", monthsOf2019(4)));
    expect(text).toContain(line("**T2 (jan–aug)**", monthsOf2019(8)));
  });

  it("identify no one: the respondent number is a running number, and no cell looks like a personnummer or a name", async () => {
    const numbers: number[] = [];
    for (const month of monthsOf2019(8)) {
      for (const a of surveyAnswers(month)) {
        numbers.push(Number(a.respondent));
        expect(a.respondent).toMatch(/^\d{6}$/);
        expect(["K", "M", "annat", ""]).toContain(a.gender);
        expect(["OSA", "JKT", "AMS"]).toContain(a.unit);
        expect(a.positive).toBeLessThanOrEqual(a.answered);
      }
    }
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
  });
});
