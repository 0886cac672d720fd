import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bindIndicators, checkMeasures, parseBindings, type Bindings } from "../../../core/outcomes/bindings";
import { describeIssue } from "../../../core/issues/messages.sv";
import { allIndicators } from "../../../core/model";
import { readTable } from "../../../core/table/readTable";
import { SEED_APPENDIX, SEED_INDICATOR_NAMES } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";
import { SAMPLE_PROFILES } from "../../fixtures/sampleConfiguration";

const appendix = readTable(gridFromLayout(SEED_APPENDIX));
const sampleJson: unknown = JSON.parse(readFileSync(join(__dirname, "../../../samples/config/bindings.json"), "utf8"));

function parsed(json: unknown): Bindings {
  const result = parseBindings(json, "bindings.json");
  if (!result.ok) throw new Error(describeIssue(result.issue));
  return result.value;
}

function failure(json: unknown): { path: string; message: string } {
  const result = parseBindings(json, "bindings.json");
  if (result.ok) throw new Error("expected a failure");
  expect(result.issue.code).toBe("config/invalid");
  expect(result.issue.file).toBe("bindings.json");
  return { path: String(result.issue.params?.["path"]), message: describeIssue(result.issue) };
}

const households = { source: "forsorjningsstod", measure: "hushall" };

describe("parseBindings", () => {
  it("reads the sample configuration", () => {
    const bindings = parsed(sampleJson);
    // Every entry of the file is read; none is dropped.
    expect(bindings.entries).toHaveLength((sampleJson as { bindings: unknown[] }).bindings.length);
    const women = bindings.entries.find((e) => e.breakdown === "Kvinnor");
    expect(women?.binding).toEqual({
      combine: "ratio-of-sums",
      measure: { source: "sjukfranvaro", measure: "sjuktimmar", breakdown: "kon=K" },
      denominator: { source: "sjukfranvaro", measure: "schematimmar", breakdown: "kon=K" },
      scale: 100,
      unit: "percent",
      decimals: 1,
    });
  });

  it("defaults the breakdown to the total and the scale to 1 (100 for a ratio of sums)", () => {
    const bindings = parsed({
      bindings: [
        { indicator: "A", measure: households, combine: "mean-of-months" },
        { indicator: "B", measure: households, denominator: households, combine: "ratio-of-sums" },
      ],
    });
    expect(bindings.entries[0]?.binding).toMatchObject({ measure: { breakdown: "" }, scale: 1 });
    expect(bindings.entries[1]?.binding?.scale).toBe(100);
  });

  it("reads status overrides: polarity, tolerance, reference, cumulative, a status by hand", () => {
    const bindings = parsed({
      bindings: [
        { indicator: "Balanstal chefer", status: { polarity: { point: 1 }, tolerance: 0.02, reference: { year: 2017 } } },
        { indicator: "Placeringar", measure: households, combine: "sum", status: { cumulative: true, polarity: "higher-better", reference: 477 } },
        { indicator: "Bemötande", status: { manual: { status: "partly-met", reason: "Enkäten visar skillnader" } } },
      ],
    });
    expect(bindings.entries.map((e) => e.status)).toEqual([
      { polarity: { kind: "point", point: 1 }, tolerance: 0.02, reference: { year: 2017 } },
      { cumulative: true, polarity: { kind: "higher-better" }, reference: { value: 477 } },
      { manual: { status: "partly-met", reason: "Enkäten visar skillnader" } },
    ]);
  });

  it.each([
    [{ bindings: [{ indicator: "A", measure: households, combin: "sum" }] }, "bindings[0].combin", "okänd nyckel"],
    [{ bindings: [{ indicator: "A", measure: households, combine: "average" }] }, "bindings[0].combine", "mean-of-months"],
    [{ bindings: [{ indicator: "A", measure: households }] }, "bindings[0].combine", "ange hur månaderna slås ihop"],
    [{ bindings: [{ indicator: "A", measure: households, combine: "ratio-of-sums" }] }, "bindings[0].denominator", "nämnare"],
    [{ bindings: [{ indicator: "A", measure: households, denominator: households, combine: "sum" }] }, "bindings[0].denominator", "ratio-of-sums"],
    [{ bindings: [{ indicator: "A" }] }, "bindings[0].measure", "measure"],
    [{ bindings: [{ indicator: "", measure: households, combine: "sum" }] }, "bindings[0].indicator", "tom"],
    [{ bindings: [{ indicator: "A", measure: { source: "x" }, combine: "sum" }] }, "bindings[0].measure.measure", "saknas"],
    [{ bindings: [{ indicator: "A", measure: households, combine: "sum", scale: "100" }] }, "bindings[0].scale", "ett tal"],
    [{ bindings: [{ indicator: "A", status: { polarity: "up" } }] }, "bindings[0].status.polarity", '"higher-better", "lower-better" eller'],
    [{ bindings: [{ indicator: "A", status: { reference: "2018" } }] }, "bindings[0].status.reference", '{ "year": 2018 }'],
    [{ bindings: [{ indicator: "A", status: { manual: { status: "green", reason: "x" } } }] }, "bindings[0].status.manual.status", "not-assessable"],
    [{ bindings: [{ indicator: "A", status: { manual: { status: "met" } } }] }, "bindings[0].status.manual.reason", "saknas"],
    [{ bindings: [{ indicator: "A", status: { tolerance: -1 } }] }, "bindings[0].status.tolerance", "minst 0"],
    [{ bindning: [] }, "bindning", "okänd nyckel"],
    [[], "(roten)", "objekt"],
  ])("names the wrong key: %j", (json, path, words) => {
    const found = failure(json);
    expect(found.path).toBe(path);
    expect(found.message).toContain(`"${path}"`);
    expect(found.message).toContain(words);
  });

  it("refuses two entries for the same row, however the name is written", () => {
    const found = failure({
      bindings: [
        { indicator: "Total sjukfrånvaro (%)", breakdown: "Kvinnor", measure: households, denominator: households, combine: "ratio-of-sums" },
        { indicator: "total  sjukfrånvaro", breakdown: "kvinnor.", status: { tolerance: 1 } },
      ],
    });
    expect(found.path).toBe("bindings[1].indicator");
    expect(found.message).toContain("bindings[0]");
  });
});

describe("bindIndicators", () => {
  it("binds the sample configuration to the seed table's rows, in table order", () => {
    const { bound, issues } = bindIndicators(appendix, parsed(sampleJson));
    const named = (name: string): string | undefined => bound.find((b) => b.name === name)?.binding?.combine ?? (bound.some((b) => b.name === name) ? "-" : undefined);
    expect(named("Antal hushåll med försörjningsstöd i snitt per månad.")).toBe("mean-of-months");
    expect(named("Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.")).toBe("latest");
    expect(named("Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)")).toBe("mean-of-records");
    // The equal-treatment row: the survey's women–men difference (a formula), its status set by hand.
    expect(named("Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.")).toBe("formula");
    expect(named("Total sjukfrånvaro (%) – Kvinnor")).toBe("ratio-of-sums");
    expect(named("Avvikelse från budget, i %")).toBe("formula");
    expect(named("Balanstal chefer")).toBe("formula");
    expect(named("Antal deltagare inskrivna inom OSA som avslutas till arbete eller studier ska öka.")).toBe("sum");
    const rows = bound.map((b) => b.row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    // The Kolada and manual rows are measured per year (issue 13).
    expect(named("Barn i befolkningen som under året ingått i familjer med långvarigt ekonomiskt bistånd, andel av befolkningen (%).")).toBe("latest");
    // Kolada, AVI, HME and its two breakdowns, managers; the user survey comes from its monthly export (issue 13).
    expect(bound.filter((b) => b.binding !== undefined && b.binding.combine !== "formula" && b.binding.yearly === true)).toHaveLength(6);
    expect(named("Andel positiva svar i brukarenkät")).toBe("ratio-of-sums");
    expect(issues.filter((i) => i.code === "binding/row-not-found")).toEqual([]);
    // The breakdown rows are the table's Män/Kvinnor rows under the indicator.
    const sick = allIndicators(appendix).find((i) => i.name === "Total sjukfrånvaro (%)");
    expect(bound.find((b) => b.name === "Total sjukfrånvaro (%) – Kvinnor")?.row).toBe(sick?.breakdowns.find((b) => b.label === "Kvinnor")?.row);
  });

  it("reports every indicator no entry names, by name", () => {
    const { issues } = bindIndicators(appendix, parsed(sampleJson));
    const unbound = issues.filter((i) => i.code === "binding/indicator-unbound").map((i) => i.raw);
    const normal = (name: string): string => name.replace(/[.*]+$/, "");
    const named = new Set((sampleJson as { bindings: { indicator: string }[] }).bindings.map((b) => normal(b.indicator)));
    expect(unbound).toHaveLength(SEED_INDICATOR_NAMES.length - named.size);
    expect(unbound.sort()).toEqual(SEED_INDICATOR_NAMES.filter((name) => !named.has(normal(name))).sort());
    expect(unbound).not.toContain("Total sjukfrånvaro (%)");
    // The samples bind every indicator of the seed table; without one entry, that indicator is named.
    const without = (sampleJson as { bindings: { indicator: string }[] }).bindings.filter((b) => b.indicator !== "Chefer med utomnordisk bakgrund");
    const one = bindIndicators(appendix, parsed({ bindings: without })).issues.find((i) => i.code === "binding/indicator-unbound");
    expect(one?.raw).toBe("Chefer med utomnordisk bakgrund");
    expect(one && describeIssue(one)).toContain('"Chefer med utomnordisk bakgrund"');
  });

  it("matches names whatever the whitespace, punctuation, case and trailing full stop", () => {
    const { bound, issues } = bindIndicators(
      appendix,
      parsed({
        bindings: [
          { indicator: "antal hushåll med  försörjningsstöd i snitt\nper månad", measure: households, combine: "mean-of-months" },
          { indicator: "TOTAL SJUKFRÅNVARO", breakdown: "kvinnor", measure: households, combine: "sum" },
        ],
      }),
    );
    expect(bound.map((b) => b.name)).toEqual(["Antal hushåll med försörjningsstöd i snitt per månad.", "Total sjukfrånvaro (%) – Kvinnor"]);
    expect(issues.filter((i) => i.code === "binding/row-not-found")).toEqual([]);
  });

  it("reports a binding that finds no row, by name, and a breakdown the indicator does not have", () => {
    const { bound, issues } = bindIndicators(
      appendix,
      parsed({
        bindings: [
          { indicator: "Antal hushåll med ekonomiskt bistånd", measure: households, combine: "sum" },
          { indicator: "Antal hushåll med försörjningsstöd i snitt per månad.", breakdown: "Kvinnor", measure: households, combine: "sum" },
        ],
      }),
    );
    expect(bound).toEqual([]);
    const notFound = issues.filter((i) => i.code === "binding/row-not-found");
    expect(notFound.map((i) => i.raw)).toEqual([
      "Antal hushåll med ekonomiskt bistånd",
      "Antal hushåll med försörjningsstöd i snitt per månad. – Kvinnor",
    ]);
    expect(notFound[0]?.params?.["path"]).toBe("bindings[0]");
    expect(describeIssue(notFound[0] ?? notFound[1]!)).toContain('"Antal hushåll med ekonomiskt bistånd"');
  });

  it("lets breakdown rows inherit polarity, tolerance and cumulative from the indicator's entry, not a status by hand", () => {
    const { bound } = bindIndicators(
      appendix,
      parsed({
        bindings: [
          { indicator: "Total sjukfrånvaro (%)", status: { polarity: "lower-better", tolerance: 0.1, manual: { status: "met", reason: "x" }, reference: 6 } },
          { indicator: "Total sjukfrånvaro (%)", breakdown: "Kvinnor", measure: households, combine: "sum", status: { tolerance: 0.2 } },
        ],
      }),
    );
    expect(bound.find((b) => b.breakdown?.label === "Kvinnor")?.status).toEqual({ polarity: { kind: "lower-better" }, tolerance: 0.2 });
  });

  it("takes the unit from the indicator unless the binding sets it", () => {
    const { bound } = bindIndicators(
      appendix,
      parsed({ bindings: [{ indicator: "Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)", measure: households, combine: "mean-of-records" }] }),
    );
    expect(bound[0]?.unit).toBe("days");
    expect(bound[0]?.binding?.unit).toBe("days");
  });
});

describe("checkMeasures", () => {
  const profiles = [
    { id: "forsorjningsstod", measures: [{ id: "hushall" }, { id: "vuxna-langvarigt" }] },
    { id: "sjukfranvaro", measures: [{ id: "sjuktimmar" }, { id: "schematimmar" }] },
    { id: "vantetider", measures: [{ id: "vantedagar" }] },
  ];

  it("finds every measure of the sample bindings in the sample profiles", () => {
    expect(checkMeasures(parsed(sampleJson), SAMPLE_PROFILES)).toEqual([]);
  });

  it("reports a formula term's measure no profile has, naming the term", () => {
    const issues = checkMeasures(
      parsed({ bindings: [{ indicator: "X", formula: "a / b", terms: { a: { source: "sjukfranvaro", measure: "sjuktimmar" }, b: { source: "ekonomi", measure: "budget" } } }] }),
      profiles,
    );
    expect(issues.map((i) => [i.params?.["measure"], i.params?.["path"]])).toEqual([["ekonomi/budget", "bindings[0].terms.b"]]);
  });

  it("reports a measure no profile has, naming it and where it is", () => {
    const issues = checkMeasures(
      parsed({
        bindings: [
          {
            indicator: "Total sjukfrånvaro (%)",
            measure: { source: "sjukfranvaro", measure: "sjuktimmar" },
            denominator: { source: "sjukfranvaro", measure: "arbetstimmar" },
            combine: "ratio-of-sums",
          },
        ],
      }),
      profiles,
    );
    expect(issues.map((i) => [i.code, i.params?.["measure"], i.params?.["path"]])).toEqual([
      ["binding/measure-missing", "sjukfranvaro/arbetstimmar", "bindings[0].denominator"],
    ]);
    expect(describeIssue(issues[0]!)).toContain('"sjukfranvaro/arbetstimmar"');
  });
});

describe("parseBindings with a formula", () => {
  const budget = { source: "ekonomi", measure: "budget" };
  const outcome = { source: "ekonomi", measure: "utfall" };

  it("reads the formula, its terms (combine \"sum\" unless set) and the scale 1", () => {
    const bindings = parsed({
      bindings: [{ indicator: "Avvikelse", formula: "(budget − utfall) / budget × 100", terms: { budget, utfall: { ...outcome, combine: "latest", breakdown: "enhet=JKT" } }, unit: "percent" }],
    });
    const binding = bindings.entries[0]?.binding;
    if (binding?.combine !== "formula") throw new Error("expected a formula binding");
    expect(binding.formula.names).toEqual(["budget", "utfall"]);
    expect(binding.terms).toEqual([
      { name: "budget", measure: { source: "ekonomi", measure: "budget", breakdown: "" }, combine: "sum" },
      { name: "utfall", measure: { source: "ekonomi", measure: "utfall", breakdown: "enhet=JKT" }, combine: "latest" },
    ]);
    expect(binding.scale).toBe(1);
  });

  it.each([
    [{ formula: "(budget - utfall / budget", terms: { budget, utfall: outcome } }, "bindings[0].formula", "parentes öppnas vid tecken 1 men stängs aldrig"],
    [{ formula: "budget - utfal", terms: { budget, utfall: outcome } }, "bindings[0].formula", 'namnet "utfal" finns inte under "terms"'],
    [{ formula: "budget * 2", terms: { budget, utfall: outcome } }, "bindings[0].terms.utfall", 'termen "utfall" används inte i formeln'],
    [{ formula: "budget ^ 2", terms: { budget } }, "bindings[0].formula", 'tecknet "^" vid tecken 8'],
    [{ formula: "budget / ", terms: { budget } }, "bindings[0].formula", "slutar mitt i ett uttryck"],
    [{ formula: "budget budget", terms: { budget } }, "bindings[0].formula", "räknesätt (+ − * /) saknas vid tecken 8"],
    [{ formula: "budget", terms: { budget: { ...budget, combine: "ratio-of-sums" } } }, "bindings[0].terms.budget.combine", "mean-of-records"],
    [{ formula: "budget", terms: { budget: { source: "ekonomi" } } }, "bindings[0].terms.budget.measure", "saknas"],
    [{ formula: "budget", terms: {} }, "bindings[0].terms", "ange formelns namn"],
    [{ terms: { budget } }, "bindings[0].formula", "kräver en formel"],
    [{ formula: "budget", terms: { budget }, measure: budget, combine: "sum" }, "bindings[0].measure", "används inte med formula"],
    [{ formula: "x", terms: { "2x": budget, x: budget } }, "bindings[0].terms.2x", "börjar med en bokstav"],
  ])("names the key of a mistake in a formula entry: %j", (entry, path, words) => {
    const found = failure({ bindings: [{ indicator: "A", ...entry }] });
    expect(found.path).toBe(path);
    expect(found.message).toContain(`"${path}"`);
    expect(found.message).toContain(words);
  });
});

describe("a breakdown on the indicator's own row", () => {
  const PER_MNKR = "Antalet deltagare som slussas ut från arbetsmarknadsnämndens arbetsmarknadsinsatser till arbete eller studier per miljoner kronor";

  it("is not bound beside the indicator (one outcome cell is never written twice), and says so", () => {
    const { bound, issues } = bindIndicators(
      appendix,
      parsed({
        bindings: [
          { indicator: PER_MNKR, measure: households, combine: "sum" },
          { indicator: PER_MNKR, breakdown: "JKT", measure: households, combine: "sum" },
          { indicator: PER_MNKR, breakdown: "OSA", measure: households, combine: "sum" },
        ],
      }),
    );
    const rows = bound.map((b) => b.row);
    expect(new Set(rows).size).toBe(rows.length);
    expect(bound.map((b) => b.name)).toEqual([PER_MNKR, `${PER_MNKR} – OSA`]);
    const found = issues.filter((i) => i.code === "binding/breakdown-on-indicator-row");
    expect(found.map((i) => i.params?.["path"])).toEqual(["bindings[1]"]);
    expect(describeIssue(found[0]!)).toContain("samma rad som indikatorn");
  });

  it("is bound when the indicator itself is not", () => {
    const { bound } = bindIndicators(appendix, parsed({ bindings: [{ indicator: PER_MNKR, breakdown: "JKT", measure: households, combine: "sum" }] }));
    expect(bound.map((b) => b.name)).toEqual([`${PER_MNKR} – JKT`]);
  });
});
