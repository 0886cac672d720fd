// Polarity from wording and targets, units from values and names, baselines from note rows.
import type { Target } from "../../../core/model";
import { inferPolarity } from "../../../core/table/inferPolarity";
import { inferUnit } from "../../../core/table/inferUnit";
import { parseBaseline } from "../../../core/table/parseBaseline";

const value = (v: number): Target => ({ kind: "value", quantity: { value: v, unit: "number" } });
const outcome = (year: number, v: number) => ({ year, quantity: { value: v, unit: "number" as const } });

describe("inferPolarity", () => {
  it("wording wins over targets: sick leave is lower-better even with a target above the outcome", () => {
    const result = inferPolarity({ name: "Sjukfrånvaro kvinnor", outcomes: [outcome(2017, 6.1)], targets: [{ year: 2019, target: value(6.2) }] });
    expect(result).toMatchObject({ polarity: { kind: "lower-better" }, source: "wording" });
  });

  it.each([
    ["Ska minska varje år", "lower-better"],
    ["Extern personalomsättning", "lower-better"],
    ["Väntetid till beslut", "lower-better"],
    ["Antal som avslutas till arbete ska öka", "higher-better"],
    ["Antal placeringar ska vara minst 677", "higher-better"],
  ])("%j is %s from the wording", (name, kind) => {
    expect(inferPolarity({ name, outcomes: [], targets: [] })).toMatchObject({ polarity: { kind }, source: "wording" });
  });

  it("reads a target below the latest outcome as lower-better", () => {
    const result = inferPolarity({
      name: "Antal hushåll",
      outcomes: [outcome(2017, 2996), outcome(2018, 3130)],
      targets: [{ year: 2019, target: value(2800) }],
    });
    expect(result).toMatchObject({ polarity: { kind: "lower-better" }, source: "targets" });
  });

  it("uses the trend of the targets when there are no outcomes", () => {
    const rising = inferPolarity({ name: "E-handelstrohet", outcomes: [], targets: [{ year: 2019, target: value(90) }, { year: 2020, target: value(95) }] });
    expect(rising).toMatchObject({ polarity: { kind: "higher-better" }, source: "targets" });
  });

  it("reads bounds: högst is lower-better, minst higher-better", () => {
    const atMost: Target = { kind: "at-most", quantity: { value: 125000, unit: "kr" } };
    expect(inferPolarity({ name: "Kostnad per elev", outcomes: [], targets: [{ year: 2022, target: atMost }] }).polarity.kind).toBe("lower-better");
  });

  it("says when it cannot tell", () => {
    const result = inferPolarity({ name: "Likvärdigt bemötande", outcomes: [], targets: [{ year: 2019, target: { kind: "text", text: "Inga skillnader" } }] });
    expect(result.source).toBe("unknown");
  });
});

describe("inferUnit", () => {
  it.each([
    ["Total sjukfrånvaro (%)", [5.5], "percent", undefined],
    ["Chefers sjukfrånvaro", [2.4], "percent", "sjukfrånvaro"],
    ["Antal hushåll", [2996], "count", undefined],
    ["Attraktiv arbetsgivarindex (AVI)", [107], "index", undefined],
    ["Balanstal chefer", [0.99], "ratio", undefined],
    ["Mertid övertid", [0.6], "number", undefined],
  ] as const)("%j -> %s", (name, values, unit, guess) => {
    const result = inferUnit(name, values.map((v) => ({ value: v, unit: "number" })));
    expect(result.unit).toBe(unit);
    expect(result.guess).toBe(guess);
  });

  it("values with a unit decide over the name", () => {
    expect(inferUnit("Väntetid", [{ value: 21, unit: "days" }]).unit).toBe("days");
    expect(inferUnit("Barn i befolkningen", [{ value: 4.8, unit: "percent" }]).unit).toBe("percent");
  });
});

describe("parseBaseline", () => {
  it.each([
    ["Basvärde 2018 = 299 personer", { kind: "value", year: 2018, quantity: { value: 299, unit: "count" } }],
    ["Basvärde 2018 = 182", { kind: "value", year: 2018, quantity: { value: 182, unit: "number" } }],
    ["Basvärde 2018 = 6 (4 till arbete + 2 till studier)", { kind: "value", year: 2018, quantity: { value: 6, unit: "number" } }],
    ["Basvärde: 1\u00a0250", { kind: "value", quantity: { value: 1250, unit: "number" } }],
    ["Basvärde saknas!", { kind: "missing" }],
  ] as const)("%j", (text, expected) => {
    expect(parseBaseline(text)).toEqual({ ...expected, text });
  });

  it("is not a baseline when the note says something else", () => {
    expect(parseBaseline("Källa: Kolada")).toBeUndefined();
  });
});
