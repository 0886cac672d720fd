import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bindIndicators, checkMeasures, parseBindings, type Bindings } from "../../../core/outcomes/bindings";
import { describeIssue } from "../../../core/issues/messages.sv";
import { allIndicators } from "../../../core/model";
import { readTable } from "../../../core/table/readTable";
import { SEED_APPENDIX, SEED_INDICATOR_NAMES } from "../../../samples/make/seedAppendix";
import { gridFromLayout } from "../../fixtures/gridFromLayout";

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
    expect(bindings.entries).toHaveLength(15);
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
    expect(bound.map((b) => [b.name, b.binding?.combine ?? "-"])).toEqual([
      ["Antal hushåll med försörjningsstöd i snitt per månad.", "mean-of-months"],
      ["Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.", "latest"],
      ["Barn i befolkningen som under året ingått i familjer med långvarigt ekonomiskt bistånd, andel av befolkningen (%).", "latest"],
      ["Andel positiva svar i brukarenkät", "latest"],
      ["Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)", "mean-of-records"],
      ["Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.", "-"],
      ["Total sjukfrånvaro (%)", "ratio-of-sums"],
      ["Total sjukfrånvaro (%) – Män", "ratio-of-sums"],
      ["Total sjukfrånvaro (%) – Kvinnor", "ratio-of-sums"],
      ["Attraktiv arbetsgivarindex (AVI)", "latest"],
      ["Hållbart medarbetarengagemang (HME)", "latest"],
      ["Hållbart medarbetarengagemang (HME) – Män", "latest"],
      ["Hållbart medarbetarengagemang (HME) – Kvinnor", "latest"],
      ["Balanstal chefer", "-"],
      ["Chefer med utomnordisk bakgrund", "latest"],
    ]);
    // The Kolada and manual rows are measured per year (issue 13b).
    expect(bound.filter((b) => b.binding?.yearly === true)).toHaveLength(7);
    expect(issues.filter((i) => i.code === "binding/row-not-found")).toEqual([]);
    // The breakdown rows are the table's Män/Kvinnor rows under the indicator.
    const sick = allIndicators(appendix).find((i) => i.name === "Total sjukfrånvaro (%)");
    expect(bound.find((b) => b.name.endsWith("Kvinnor"))?.row).toBe(sick?.breakdowns.find((b) => b.label === "Kvinnor")?.row);
  });

  it("reports every indicator no entry names, by name", () => {
    const { issues } = bindIndicators(appendix, parsed(sampleJson));
    const unbound = issues.filter((i) => i.code === "binding/indicator-unbound").map((i) => i.raw);
    const named = [
      "Antal hushåll med försörjningsstöd i snitt per månad.",
      "Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.",
      "Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)",
      "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.",
      "Total sjukfrånvaro (%)",
      "Balanstal chefer",
      "Barn i befolkningen som under året ingått i familjer med långvarigt ekonomiskt bistånd, andel av befolkningen (%).",
      "Andel positiva svar i brukarenkät",
      "Attraktiv arbetsgivarindex (AVI)",
      "Hållbart medarbetarengagemang (HME)",
      "Chefer med utomnordisk bakgrund",
    ];
    expect(unbound).toHaveLength(SEED_INDICATOR_NAMES.length - named.length);
    expect(unbound).toContain("E-handelstrohet, i %");
    expect(unbound).not.toContain("Total sjukfrånvaro (%)");
    const one = issues.find((i) => i.raw === "E-handelstrohet, i %");
    expect(one && describeIssue(one)).toContain('"E-handelstrohet, i %"');
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

  it("finds every measure of the sample bindings in the profiles", () => {
    expect(checkMeasures(parsed(sampleJson), profiles)).toEqual([]);
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
