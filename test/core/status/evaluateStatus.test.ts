import fc from "fast-check";
import { evaluateStatus, type StatusSubject } from "../../../core/status/evaluateStatus";
import type { Polarity, Target, Unit } from "../../../core/model";
import { startsInJanuary } from "../../../core/periods/period";
import type { Status, StatusOverrides } from "../../../core/status/status";
import { STATUS_LOOKS } from "../../../core/status/statusLabels";
import { atLeast, atMost, breakdown, direction, indicator, outcome, value } from "./evaluateStatus.fixtures";
import { period } from "../../fixtures/period";

const T2 = period("2019-T2");
/** Swedish numbers use U+00A0 between thousands; compare explanations with plain spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, " ");

const HIGHER: Polarity = { kind: "higher-better" };
const LOWER: Polarity = { kind: "lower-better" };

// The seed's rows.
const households = indicator({
  name: "Antal hushåll med försörjningsstöd i snitt per månad.",
  polarity: LOWER,
  outcomes: { 2017: 2996, 2018: 3130 },
  targets: { 2019: value(2800), 2020: value(2700) },
});
const placements = indicator({
  name: "Antal placeringar inom arbetsträning + praktik + arbetsmarknadsanställningar ska vara minst 677 under 2019 och minst 777 under 2020.",
  outcomes: { 2017: "-", 2018: 477 },
  targets: { 2019: value(677), 2020: value(777) },
});
const placementsAtLeast = indicator({ name: "Placeringar", outcomes: { 2018: 477 }, targets: { 2019: atLeast(677) } });
const budget = indicator({
  name: "Avvikelse från budget, i %",
  unit: "percent",
  outcomes: { 2017: 6.6, 2018: 6.8 },
  targets: { 2019: atLeast(0, "percent") },
});
const rent = indicator({ name: "Lokalhyra", unit: "kr", polarity: LOWER, outcomes: { 2018: 140000 }, targets: { 2019: atMost(125000, "kr") } });
const notParticipating = indicator({
  name: "Antal deltagare i arbetsmarknadsnämndens insatser som varken avslutas till arbete eller utbildning ska minska varje år.",
  polarity: LOWER,
  outcomes: { 2017: "-", 2018: 299 },
  targets: { 2019: direction("decrease") },
  baseline: { kind: "value", year: 2018, quantity: { value: 299, unit: "count" }, text: "Basvärde 2018 = 299 personer" },
});
const toWork = indicator({ name: "Avslutas till arbete", outcomes: { 2018: "-" }, targets: { 2019: direction("increase") }, baseline: { kind: "value", year: 2018, quantity: { value: 182, unit: "count" }, text: "Basvärde 2018 = 182" } });
const employability = indicator({
  name: "Antal deltagare som har höjt sin grundläggande anställningsbarhet ska öka.",
  outcomes: { 2017: "-", 2018: "-" },
  targets: { 2019: direction("increase") },
  baseline: { kind: "missing", text: "Basvärde saknas!" },
});
const premises = indicator({ name: "Lokalernas andel av totala kostnaden", unit: "percent", polarity: LOWER, outcomes: { 2018: 11 }, targets: { 2019: direction("not-increase") } });
const premisesNotDecrease = indicator({ name: "Andel", unit: "percent", outcomes: { 2018: 11 }, targets: { 2019: direction("not-decrease") } });
const equalTreatment = indicator({
  name: "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.",
  outcomes: { 2017: "Vissa smärre skillnader kan utläsas.", 2018: "Vissa smärre skillnader kan utläsas." },
  targets: { 2019: { kind: "text", text: "Inga signifikanta skillnader" } },
});
const women = breakdown("Kvinnor", { unit: "percent", outcomes: { 2017: 6.1, 2018: "–" }, targets: { 2019: value(6.2, "percent"), 2020: value(6, "percent") } });
const sickLeave = indicator({
  name: "Total sjukfrånvaro (%)",
  unit: "percent",
  polarity: LOWER,
  outcomes: { 2017: 5.5, 2018: 6.8 },
  targets: { 2019: value(5.5, "percent") },
  breakdowns: [women],
});
const managers = indicator({
  name: "Balanstal chefer",
  unit: "ratio",
  polarity: { kind: "point", point: 1 },
  outcomes: { 2017: 0.99, 2018: 1 },
  targets: { 2019: value(1, "ratio") },
});
const noTarget = indicator({ name: "E-handelstrohet, i %", unit: "percent", outcomes: { 2017: "Saknas" }, targets: {} });

interface Case {
  readonly title: string;
  readonly subject: StatusSubject;
  readonly value: number | undefined;
  readonly unit: Unit;
  readonly period?: string;
  readonly combine?: "sum" | "mean-of-months";
  readonly overrides?: StatusOverrides;
  readonly status: Status;
  readonly forecast?: boolean;
  /** Words the explanation must hold. */
  readonly says?: readonly string[];
}

const cases: Case[] = [
  // value target, lower is better (households: target 2 800, 2018: 3 130)
  { title: "households below the target", subject: { indicator: households }, value: 2509, unit: "count", status: "met", says: ["Utfall 2 509 mot målvärde 2 800 – uppfyllt"] },
  { title: "households at the target", subject: { indicator: households }, value: 2800, unit: "count", status: "met" },
  { title: "households above the target but below 2018", subject: { indicator: households }, value: 2900, unit: "count", status: "partly-met", says: ["bättre än 3 130 (utfall 2018)", "delvis uppfyllt"] },
  { title: "households as many as 2018", subject: { indicator: households }, value: 3130, unit: "count", status: "not-met", says: ["ej uppfyllt"] },
  { title: "households more than 2018", subject: { indicator: households }, value: 3300, unit: "count", status: "not-met" },
  { title: "households in 2020 against 2 700", subject: { indicator: households }, value: 2750, unit: "count", period: "2020-T1", status: "partly-met", says: ["målvärde 2 700"] },
  { title: "households for one month", subject: { indicator: households }, value: 2700, unit: "count", period: "2019-06", status: "met", says: ["Utfall 2 700"] },
  { title: "households for the half-year", subject: { indicator: households }, value: 3000, unit: "count", period: "2019-H1", status: "partly-met" },
  { title: "households for a range", subject: { indicator: households }, value: 3200, unit: "count", period: "2019-01..2019-05", status: "not-met" },
  // value target, higher is better
  { title: "placements reaching the value for the year", subject: { indicator: placements }, value: 700, unit: "count", period: "2019", combine: "sum", status: "met", forecast: false },
  { title: "placements above 2018 for the year", subject: { indicator: placements }, value: 600, unit: "count", period: "2019", combine: "sum", status: "partly-met" },
  { title: "placements as many as 2018 for the year", subject: { indicator: placements }, value: 477, unit: "count", period: "2019", combine: "sum", status: "not-met" },
  { title: "placements below 2018 for the year", subject: { indicator: placements }, value: 400, unit: "count", period: "2019", combine: "sum", status: "not-met" },
  // cumulative yearly target judged on a forecast mid-year ("minst 677 under 2019")
  { title: "placements T2 on track (forecast 720)", subject: { indicator: placementsAtLeast }, value: 480, unit: "count", combine: "sum", status: "met", forecast: true, says: ["Prognos 720", "× 12/8", "minst 677"] },
  { title: "placements T2 forecast 600: better than 477", subject: { indicator: placementsAtLeast }, value: 400, unit: "count", combine: "sum", status: "partly-met", forecast: true },
  { title: "placements T2 forecast 450: worse than 477", subject: { indicator: placementsAtLeast }, value: 300, unit: "count", combine: "sum", status: "not-met", forecast: true },
  { title: "placements T1 forecast 690", subject: { indicator: placementsAtLeast }, value: 230, unit: "count", period: "2019-T1", combine: "sum", status: "met", forecast: true },
  // Bug: a period not starting in January (June alone, jul–dec, December) was judged against the
  // whole year's target, so the same run rate got opposite statuses depending on the period.
  { title: "placements in June alone: not the year so far", subject: { indicator: placementsAtLeast }, value: 60, unit: "count", period: "2019-06", combine: "sum", status: "not-assessable", forecast: false, says: ["börjar inte i januari", "2019-T2"] },
  { title: "placements in December alone: not the year so far", subject: { indicator: placementsAtLeast }, value: 60, unit: "count", period: "2019-12", combine: "sum", status: "not-assessable", forecast: false },
  { title: "placements jul–dec: not the year so far", subject: { indicator: placementsAtLeast }, value: 360, unit: "count", period: "2019-H2", combine: "sum", status: "not-assessable", forecast: false },
  { title: "placements H1 forecast 660", subject: { indicator: placementsAtLeast }, value: 330, unit: "count", period: "2019-H1", combine: "sum", status: "partly-met", forecast: true },
  { title: "placements jan–may forecast 696", subject: { indicator: placementsAtLeast }, value: 290, unit: "count", period: "2019-01..2019-05", combine: "sum", status: "met", forecast: true },
  { title: "placements over the year: no forecast", subject: { indicator: placementsAtLeast }, value: 660, unit: "count", period: "2019", combine: "sum", status: "partly-met", forecast: false },
  { title: "placements T3 is the year: no forecast", subject: { indicator: placementsAtLeast }, value: 680, unit: "count", period: "2019-T3", combine: "sum", status: "met", forecast: false },
  { title: "cumulative switched off: T2's 480 judged as it is", subject: { indicator: placementsAtLeast }, value: 480, unit: "count", combine: "sum", overrides: { cumulative: false }, status: "partly-met", forecast: false },
  { title: "cumulative switched on for a mean", subject: { indicator: placementsAtLeast }, value: 400, unit: "count", combine: "mean-of-months", overrides: { cumulative: true }, status: "partly-met", forecast: true },
  // "≥0": at-least on a percentage
  { title: "budget deviation ≥0 met", subject: { indicator: budget }, value: 1.2, unit: "percent", status: "met", says: ["≥"] },
  { title: "budget deviation exactly 0", subject: { indicator: budget }, value: 0, unit: "percent", status: "met" },
  { title: "budget deviation negative, 2018 was 6,8", subject: { indicator: budget }, value: -0.5, unit: "percent", status: "not-met" },
  { title: "budget deviation negative but better than a configured -2", subject: { indicator: budget }, value: -1, unit: "percent", overrides: { reference: { value: -2 } }, status: "partly-met", says: ["angivet referensvärde"] },
  // at-most
  { title: "rent within högst 125 000 kr", subject: { indicator: rent }, value: 120000, unit: "kr", status: "met", says: ["högst 125 000 kr"] },
  { title: "rent over the bound, below 2018", subject: { indicator: rent }, value: 130000, unit: "kr", status: "partly-met" },
  { title: "rent over 2018", subject: { indicator: rent }, value: 150000, unit: "kr", status: "not-met" },
  // direction targets against the reference (2018 outcome or baseline)
  { title: "Ska minska: fewer than 299", subject: { indicator: notParticipating }, value: 250, unit: "count", status: "met", says: ["mot 299 (utfall 2018), ska minska"] },
  { title: "Ska minska: unchanged", subject: { indicator: notParticipating }, value: 299, unit: "count", status: "partly-met", says: ["oförändrat"] },
  { title: "Ska minska: within 1 % above", subject: { indicator: notParticipating }, value: 301, unit: "count", status: "partly-met" },
  { title: "Ska minska: more", subject: { indicator: notParticipating }, value: 310, unit: "count", status: "not-met" },
  { title: "Ska minska: tolerance set to 0", subject: { indicator: notParticipating }, value: 301, unit: "count", overrides: { tolerance: 0 }, status: "not-met" },
  { title: "Ska minska: tolerance 20 makes 285 unchanged", subject: { indicator: notParticipating }, value: 285, unit: "count", overrides: { tolerance: 20 }, status: "partly-met" },
  { title: "Ska öka from the baseline 182", subject: { indicator: toWork }, value: 200, unit: "count", status: "met", says: ["182 (basvärde 2018)"] },
  { title: "Ska öka: unchanged from the baseline", subject: { indicator: toWork }, value: 182, unit: "count", status: "partly-met" },
  { title: "Ska öka: fewer", subject: { indicator: toWork }, value: 150, unit: "count", status: "not-met" },
  { title: "Ska öka against a configured year", subject: { indicator: notParticipating }, value: 250, unit: "count", overrides: { reference: { year: 2018 } }, status: "met" },
  { title: "Ska öka without a reference (Basvärde saknas!)", subject: { indicator: employability }, value: 40, unit: "count", status: "not-assessable", says: ["referensvärde", "saknas"] },
  { title: "Ska inte öka: unchanged is met", subject: { indicator: premises }, value: 11, unit: "percent", status: "met", says: ["ska inte öka"] },
  { title: "Ska inte öka: lower", subject: { indicator: premises }, value: 10, unit: "percent", status: "met" },
  { title: "Ska inte öka: a hair above, within tolerance", subject: { indicator: premises }, value: 11.05, unit: "percent", status: "partly-met" },
  { title: "Ska inte öka: higher", subject: { indicator: premises }, value: 12, unit: "percent", status: "not-met", says: ["ökade"] },
  { title: "Ska inte minska: unchanged", subject: { indicator: premisesNotDecrease }, value: 11, unit: "percent", status: "met" },
  { title: "Ska inte minska: lower", subject: { indicator: premisesNotDecrease }, value: 9, unit: "percent", status: "not-met" },
  // text target, missing target, no outcome
  { title: "a text target", subject: { indicator: equalTreatment }, value: 1, unit: "count", status: "not-assessable", says: ["Inga signifikanta skillnader", "för hand"] },
  { title: "no target for the year", subject: { indicator: noTarget }, value: 80, unit: "percent", status: "not-assessable", says: ["Målvärde för 2019 saknas"] },
  { title: "no outcome", subject: { indicator: households }, value: undefined, unit: "count", status: "not-assessable", says: ["Utfall saknas för tertial 2 2019 (jan–aug)"] },
  // Kvinnor: the 2019 target (6,2) is above the 2017 outcome (6,1), yet lower is still better
  { title: "Kvinnor below the target", subject: { indicator: sickLeave, breakdown: women }, value: 6.0, unit: "percent", status: "met", says: ["målvärde 6,2 %"] },
  { title: "Kvinnor between 2017 and the target", subject: { indicator: sickLeave, breakdown: women }, value: 6.15, unit: "percent", status: "met" },
  { title: "Kvinnor above the target and above 2017", subject: { indicator: sickLeave, breakdown: women }, value: 6.3, unit: "percent", status: "not-met", says: ["6,1 % (utfall 2017)"] },
  { title: "Kvinnor 2020 against 6", subject: { indicator: sickLeave, breakdown: women }, value: 5.95, unit: "percent", period: "2020-06", status: "met" },
  { title: "Kvinnor 2020 shown as 6,1: above 6, no better than 2017", subject: { indicator: sickLeave, breakdown: women }, value: 6.08, unit: "percent", period: "2020-06", status: "not-met" },
  { title: "total sick leave between target and 2018", subject: { indicator: sickLeave }, value: 6.0, unit: "percent", status: "partly-met" },
  // Balanstal chefer aims at 1
  { title: "Balanstal chefer at 1", subject: { indicator: managers }, value: 1, unit: "ratio", status: "met" },
  { title: "Balanstal chefer 0,99 is within 1 %", subject: { indicator: managers }, value: 0.99, unit: "ratio", status: "met" },
  { title: "Balanstal chefer 1,05 too high", subject: { indicator: managers }, value: 1.05, unit: "ratio", status: "not-met" },
  { title: "Balanstal chefer 0,95 too low", subject: { indicator: managers }, value: 0.95, unit: "ratio", status: "not-met" },
  { title: "Balanstal chefer 1,05 with tolerance 0,1", subject: { indicator: managers }, value: 1.05, unit: "ratio", overrides: { tolerance: 0.1 }, status: "met" },
  { title: "Balanstal chefer 0,9 nearer 1 than a configured 0,8", subject: { indicator: managers }, value: 0.9, unit: "ratio", overrides: { reference: { value: 0.8 } }, status: "partly-met" },
  { title: "Balanstal chefer 1,15 as far as a configured 0,85", subject: { indicator: managers }, value: 1.15, unit: "ratio", overrides: { reference: { value: 0.85 } }, status: "not-met" },
  // polarity set in the configuration
  { title: "polarity turned to higher-better", subject: { indicator: households }, value: 2900, unit: "count", overrides: { polarity: HIGHER }, status: "met" },
  { title: "point polarity configured on households", subject: { indicator: households }, value: 2805, unit: "count", overrides: { polarity: { kind: "point", point: 2800 } }, status: "met" },
  // status set by hand
  { title: "a text target set by hand", subject: { indicator: equalTreatment }, value: undefined, unit: "count", overrides: { manual: { status: "partly-met", reason: "Brukarenkäten visar små skillnader" } }, status: "partly-met", says: ["för hand: Brukarenkäten visar små skillnader"] },
  { title: "a measured row overruled by hand", subject: { indicator: households }, value: 2509, unit: "count", overrides: { manual: { status: "not-assessable", reason: "Systembyte i mars" } }, status: "not-assessable", says: ["Utfall 2 509; satt för hand: Systembyte i mars"] },
];

describe("evaluateStatus", () => {
  it.each(cases)("$title → $status", (c) => {
    const p = period(c.period ?? "2019-T2");
    const found = evaluateStatus(c.subject, c.value === undefined ? undefined : outcome(c.value, c.unit, p.months, c.combine), p, c.overrides ?? {});
    expect(found.status).toBe(c.status);
    expect(found.label).toBe(STATUS_LOOKS[c.status].label);
    expect(found.symbol).toBe(STATUS_LOOKS[c.status].symbol);
    expect(found.fill).toBe(STATUS_LOOKS[c.status].fill);
    if (c.forecast !== undefined) expect(found.forecast).toBe(c.forecast);
    for (const words of c.says ?? []) expect(plain(found.explanation)).toContain(words);
    expect(found.explanation).not.toContain("\n");
    expect(found.explanation).not.toMatch(/undefined|NaN/);
  });

  it("marks a forecast and gives the forecast figure", () => {
    const found = evaluateStatus({ indicator: placementsAtLeast }, outcome(480, "count", T2.months, "sum"), T2);
    expect(found.forecast).toBe(true);
    expect(found.forecastQuantity).toEqual({ value: 720, unit: "count" });
    expect(plain(found.explanation)).toBe("Prognos 720 (utfall 480 på 8 mån × 12/8) mot målvärde minst 677 – uppfyllt");
  });

  it("forecasts from the months there are when a month is missing", () => {
    const seven = T2.months.filter((m) => m !== "2019-03");
    const found = evaluateStatus({ indicator: placementsAtLeast }, outcome(420, "count", seven, "sum"), T2);
    expect(found.forecastQuantity?.value).toBe(720);
  });

  it("reports a hand-set status as an issue with the reason", () => {
    const found = evaluateStatus({ indicator: equalTreatment }, undefined, T2, { manual: { status: "met", reason: "Enkäten visar inga skillnader" } });
    expect(found.manual).toBe(true);
    expect(found.issues).toEqual([expect.objectContaining({ code: "status/manual", params: { reason: "Enkäten visar inga skillnader" } })]);
  });

  it("gives each status its own label, symbol and fill, so colour is never alone", () => {
    const looks = Object.values(STATUS_LOOKS);
    expect(new Set(looks.map((l) => l.label)).size).toBe(4);
    expect(new Set(looks.map((l) => l.symbol)).size).toBe(4);
    expect(new Set(looks.map((l) => l.fill)).size).toBe(4);
    expect(looks.map((l) => l.label)).toEqual(["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Kan ej bedömas"]);
  });
});

// Monotonicity: for a given target and polarity, a better outcome never gets a worse status.
const RANK: Record<Status, number> = { "not-met": 0, "partly-met": 1, met: 2, "not-assessable": -1 };

interface Rule {
  readonly target: Target;
  readonly polarity: Polarity;
  /** Is a better than b (or as good)? */
  readonly notWorse: (a: number, b: number) => boolean;
}
const higher = (a: number, b: number): boolean => a >= b;
const lower = (a: number, b: number): boolean => a <= b;
const rules: Rule[] = [
  { target: value(100), polarity: HIGHER, notWorse: higher },
  { target: value(100), polarity: LOWER, notWorse: lower },
  { target: value(100), polarity: { kind: "point", point: 100 }, notWorse: (a, b) => Math.abs(a - 100) <= Math.abs(b - 100) },
  { target: atLeast(100), polarity: HIGHER, notWorse: higher },
  { target: atLeast(100), polarity: LOWER, notWorse: higher },
  { target: atMost(100), polarity: LOWER, notWorse: lower },
  { target: direction("increase"), polarity: HIGHER, notWorse: higher },
  { target: direction("not-decrease"), polarity: HIGHER, notWorse: higher },
  { target: direction("decrease"), polarity: LOWER, notWorse: lower },
  { target: direction("not-increase"), polarity: LOWER, notWorse: lower },
];

describe("evaluateStatus monotonicity", () => {
  it("never gives a better outcome a worse status, for every target kind and polarity", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        fc.constantFrom("2019-T1", "2019-T2", "2019-06", "2019-H1", "2019", "2019-02..2019-04"),
        fc.boolean(),
        (rule, a10, b10, ref10, tolerance10, periodText, cumulative) => {
          const [a, b, ref] = [a10 / 100, b10 / 100, ref10 / 100];
          const subject = { indicator: indicator({ name: "x", polarity: rule.polarity, outcomes: { 2018: ref }, targets: { 2019: rule.target } }) };
          const p = period(periodText);
          // A forecast scales the outcome; closeness to a point is judged on what is compared, so no forecast for a point here.
          // A cumulative target cannot be judged on a period that does not start in January (tested above).
          const overrides: StatusOverrides = {
            cumulative: cumulative && rule.polarity.kind !== "point" && startsInJanuary(p),
            ...(tolerance10 !== undefined && { tolerance: tolerance10 / 100 }),
          };
          const sa = evaluateStatus(subject, outcome(a, "count", p.months), p, overrides).status;
          const sb = evaluateStatus(subject, outcome(b, "count", p.months), p, overrides).status;
          expect(sa).not.toBe("not-assessable");
          if (rule.notWorse(a, b)) expect(RANK[sa]).toBeGreaterThanOrEqual(RANK[sb]);
          if (rule.notWorse(b, a)) expect(RANK[sb]).toBeGreaterThanOrEqual(RANK[sa]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("evaluateStatus judges the outcome as shown", () => {
  it("meets 5,5 % with 5,53 % shown as 5,5 %", () => {
    const found = evaluateStatus({ indicator: sickLeave }, outcome(5.53, "percent", T2.months), T2);
    expect(found.status).toBe("met");
    expect(plain(found.explanation)).toBe("Utfall 5,5 % mot målvärde 5,5 % – uppfyllt");
  });

  it("does not meet 5,5 % with 5,56 % shown as 5,6 %", () => {
    expect(evaluateStatus({ indicator: sickLeave }, outcome(5.56, "percent", T2.months), T2).status).toBe("partly-met");
  });

  it("rounds with the decimals asked for", () => {
    expect(evaluateStatus({ indicator: sickLeave }, outcome(5.53, "percent", T2.months), T2, {}, { decimals: 2 }).status).toBe("partly-met");
  });
});
