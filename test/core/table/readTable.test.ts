// Reading the seed's indicator table (laid out as a controller keeps it) into the model.
import fc from "fast-check";
import type { Grid } from "../../../core/workbook/grid";
import { allIndicators, type CellValue, type Indicator, type Target } from "../../../core/model";
import { normalizeName } from "../../../core/values/normalizeName";
import { readTable } from "../../../core/table/readTable";
import { SEED_APPENDIX, SEED_INDICATOR_NAMES } from "../../../samples/make/seedAppendix";
import { gridFromLayout, gridFromRows } from "../../fixtures/gridFromLayout";

const appendix = readTable(gridFromLayout(SEED_APPENDIX), { file: "bilaga.xlsx" });
const indicators = allIndicators(appendix);

function find(name: string): Indicator {
  const key = normalizeName(name);
  const found = indicators.find((i) => normalizeName(i.name) === key);
  if (!found) throw new Error(`No indicator ${name}`);
  return found;
}

/** The number a cell value holds, or its kind. */
function read(value: CellValue | undefined): number | string | undefined {
  if (!value) return undefined;
  return value.kind === "number" || value.kind === "labelled" ? value.quantity.value : value.kind;
}
function readTarget(target: Target | undefined): string | undefined {
  if (!target) return undefined;
  switch (target.kind) {
    case "value":
      return String(target.quantity.value);
    case "at-least":
      return `>=${target.quantity.value}`;
    case "at-most":
      return `<=${target.quantity.value}`;
    case "direction":
      return target.direction;
    case "text":
      return "text";
    case "missing":
      return "missing";
  }
}
const outcomesOf = (i: { outcomes: Indicator["outcomes"] }): unknown[] => i.outcomes.map((o) => read(o.value));
const targetsOf = (i: { targets: Indicator["targets"] }): unknown[] => i.targets.map((t) => readTarget(t.target));

describe("the seed table", () => {
  it("finds the header under the title rows and the years in it", () => {
    expect(appendix.headerRow).toBe(3);
    expect(appendix.columns.map((c) => [c.role, c.year])).toEqual([
      ["focus-area", undefined],
      ["municipal-goal", undefined],
      ["board-goal", undefined],
      ["indicator", undefined],
      ["outcome", 2017],
      ["outcome", 2018],
      ["target", 2019],
      ["target", 2020],
    ]);
  });

  it("has all 25 indicators in table order", () => {
    expect(indicators.map((i) => normalizeName(i.name))).toEqual(SEED_INDICATOR_NAMES.map(normalizeName));
    expect(new Set(indicators.map((i) => i.id)).size).toBe(25);
  });

  it("has the five focus areas from the merged rotated cells, with goals without indicators kept", () => {
    expect(appendix.focusAreas.map((a) => [a.name, a.cell])).toEqual([
      ["Samhälle", "A5"],
      ["Medborgare", "A10"],
      ["Ekonomi", "A27"],
      ["Verksamhet", "A34"],
      ["Medarbetare", "A37"],
    ]);
    const samhalle = appendix.focusAreas[0];
    expect(samhalle?.municipalGoals.map((g) => g.text)).toEqual([
      "Trygg och sammanhållen kommun",
      "Ekologiskt hållbar kommun",
      "Attraktiv kommun",
      "Starkt och mångfasetterat näringsliv",
      "Stark röst – regionalt, nationellt och internationellt",
    ]);
    expect(appendix.focusAreas[3]?.municipalGoals).toHaveLength(3);
    const hallbar = appendix.focusAreas[2]?.municipalGoals.find((g) => g.text === "Hållbar ekonomi");
    expect(hallbar?.boardGoals.map((b) => [b.text, b.indicators.length])).toEqual([
      ["God ekonomisk kontroll", 1],
      ["Ekonomi i balans", 0],
    ]);
  });

  it("numbers board goals and puts indicators under them", () => {
    const goal = appendix.focusAreas[1]?.municipalGoals.find((g) => g.text === "Hög egenförsörjningsgrad");
    expect(goal?.boardGoals.map((b) => [b.number, b.indicators.length])).toEqual([
      ["1", 3],
      ["2", 2],
      ["3", 3],
      ["4", 3],
    ]);
  });

  // Name, unit, polarity, outcomes 2017/2018, targets 2019/2020: read from the seed by hand.
  it.each([
    ["Antal deltagare i arbetsmarknadsnämndens insatser som varken avslutas", "count", "lower-better", ["missing", 299], ["decrease", "decrease"]],
    ["Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som avslutas", "count", "higher-better", ["missing", 182], ["increase", "increase"]],
    ["Antal deltagare inskrivna inom OSA", "count", "higher-better", ["missing", 4], ["increase", "increase"]],
    ["Antal placeringar inom arbetsträning", "count", "higher-better", ["missing", 477], ["677", "777"]],
    ["Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som har höjt", "count", "higher-better", ["missing", "missing"], ["increase", "increase"]],
    ["Antal hushåll med försörjningsstöd i snitt per månad", "count", "lower-better", [2996, 3130], ["2800", "2700"]],
    ["Antal vuxna biståndsmottagare", "count", "lower-better", [1384, 1387], ["1150", "850"]],
    ["Barn i befolkningen", "percent", "lower-better", [4.8, 4.6], ["4.2", "3.2"]],
    ["Andel positiva svar i brukarenkät", "percent", "higher-better", [86, 87], ["88", "88"]],
    ["Väntetid i antal dagar", "days", "lower-better", [21, 19], ["15", "5"]],
    ["Bemötande, service och resursfördelning", "number", "higher-better", ["text", "text"], ["text", "text"]],
    ["Antalet deltagare som slussas ut", "ratio", "higher-better", ["missing", 2.1], ["increase", "increase"]],
    ["Lokalernas andel av totala kostnaden", "percent", "lower-better", ["missing", 11], ["not-increase", "not-increase"]],
    ["E-handelstrohet, i %", "percent", "higher-better", ["missing", "missing"], ["90", "95"]],
    ["Avvikelse från budget, i %", "percent", "higher-better", [6.6, 6.8], [">=0", ">=0"]],
    ["Total sjukfrånvaro (%)", "percent", "lower-better", [5.5, 6.8], ["5.5", "5.3"]],
    ["Andel (%) heltidsanställningar", "percent", "higher-better", [87.9, 88.3], ["88.6", "90"]],
    ["Attraktiv arbetsgivarindex (AVI)", "index", "higher-better", [107, 111], ["112", "113"]],
    ["Hållbart medarbetarengagemang (HME)", "index", "higher-better", ["missing", 77], ["78", "80"]],
    ["Chefsomsättning (andel tillsvidare chefer", "percent", "lower-better", [6, 6], ["5.5", "5"]],
    ["Chefers sjukfrånvaro", "percent", "lower-better", [2.4, 2.5], ["2.3", "2.2"]],
    ["Extern personalomsättning", "percent", "lower-better", [6.1, 5.8], ["5.5", "5.2"]],
    ["Mertid övertid", "number", "lower-better", [0.6, 0.6], ["0.5", "0.5"]],
    ["Balanstal chefer", "ratio", "point", [0.99, 1], ["1", "1"]],
    ["Chefer med utomnordisk bakgrund", "number", "higher-better", [0.16, 0.15], ["0.2", "0.25"]],
  ] as const)("%s: %s, %s, outcomes %j, targets %j", (start, unit, polarity, outcomes, targets) => {
    const key = normalizeName(start);
    const matches = indicators.filter((i) => normalizeName(i.name).startsWith(key));
    expect(matches).toHaveLength(1);
    const indicator = matches[0] as Indicator;
    expect(indicator.unit).toBe(unit);
    expect(indicator.polarity.kind).toBe(polarity);
    expect(outcomesOf(indicator)).toEqual(outcomes);
    expect(indicator.outcomes.map((o) => o.year)).toEqual([2017, 2018]);
    expect(targetsOf(indicator)).toEqual(targets);
    expect(indicator.targets.map((t) => t.year)).toEqual([2019, 2020]);
  });

  it("Antal hushåll: numbers with a thousands format, lower is better from the targets, cells to write beside", () => {
    const hushall = find("Antal hushåll med försörjningsstöd i snitt per månad.");
    expect(hushall.cell).toBe("D21");
    expect(hushall.row).toBe(20);
    expect(hushall.outcomes.map((o) => [o.cell, o.raw])).toEqual([
      ["E21", "2\u00a0996"],
      ["F21", "3\u00a0130"],
    ]);
    expect(hushall.polaritySource).toBe("targets");
  });

  it("Väntetid: days from the texts, lower better from the wording", () => {
    const wait = find("Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)");
    expect(wait.outcomes.map((o) => o.value)).toEqual([
      { kind: "number", quantity: { value: 21, unit: "days" }, footnotes: [] },
      { kind: "number", quantity: { value: 19, unit: "days" }, footnotes: [] },
    ]);
    expect(wait.polaritySource).toBe("wording");
  });

  it('Extern personalomsättning: target 2019 is 5,5 from the text "5.5", with a warning at G53', () => {
    const turnover = find("Extern personalomsättning");
    expect(turnover.targets[0]?.target).toEqual({ kind: "value", quantity: { value: 5.5, unit: "percent" } });
    expect(appendix.issues).toContainEqual(
      expect.objectContaining({ code: "value/dot-decimal", severity: "warning", sheet: "Bilaga", cell: "G53", raw: "5.5", file: "bilaga.xlsx" }),
    );
  });

  it("Avvikelse från budget: targets at least 0 %, footnote * on the earlier values", () => {
    const budget = find("Avvikelse från budget, i %");
    expect(budget.targets.map((t) => t.target)).toEqual([
      { kind: "at-least", quantity: { value: 0, unit: "percent" } },
      { kind: "at-least", quantity: { value: 0, unit: "percent" } },
    ]);
    expect(budget.outcomes.map((o) => o.value.kind !== "missing" && o.value.footnotes)).toEqual([["*"], ["*"]]);
    expect(budget.footnotes).toEqual(["*"]);
  });

  it("Total sjukfrånvaro: Män and Kvinnor rows, lower better for both (breakdowns inherit)", () => {
    const sick = find("Total sjukfrånvaro (%)");
    expect(sick.polarity).toEqual({ kind: "lower-better" });
    expect(sick.breakdowns.map((b) => [b.kind, b.label, b.cell, outcomesOf(b), targetsOf(b)])).toEqual([
      ["gender", "Män", "D38", [3.4, "missing"], ["3.3", "3.3"]],
      ["gender", "Kvinnor", "D39", [6.1, "missing"], ["6.2", "6"]],
    ]);
    // Kvinnor's 2019 target is above its 2017 outcome, yet the row has no polarity of its own:
    // it is the indicator's, lower better.
    expect(sick.breakdowns[1]).not.toHaveProperty("polarity");
    expect(sick.breakdowns[1]?.outcomes[0]?.value).toEqual({ kind: "number", quantity: { value: 6.1, unit: "percent" }, footnotes: [] });
  });

  it("Balanstal chefer aims at the point 1", () => {
    expect(find("Balanstal chefer").polarity).toEqual({ kind: "point", point: 1 });
    expect(find("Balanstal chefer").breakdowns.map((b) => b.label)).toEqual(["Kvinnor"]);
  });

  it("the JKT/OSA/AMS unit values with footnote **", () => {
    const per = find("Antalet deltagare som slussas ut från arbetsmarknadsnämndens arbetsmarknadsinsatser till arbete eller studier per miljoner kronor");
    expect(per.name.endsWith("kronor")).toBe(true);
    expect(per.footnotes).toEqual(["**"]);
    expect(per.breakdowns.map((b) => [b.kind, b.label, b.cell, outcomesOf(b)])).toEqual([
      ["unit", "JKT", "F27", [2.1]],
      ["unit", "OSA", "F28", [0.3]],
      ["unit", "AMS", "F29", [4.9]],
    ]);
  });

  it("outcome kinds 4 arbete / 2 studier and the baseline note", () => {
    const osa = find("Antal deltagare inskrivna inom OSA som avslutas till arbete eller studier ska öka.");
    expect(osa.breakdowns.map((b) => [b.kind, b.label, outcomesOf(b)])).toEqual([
      ["outcome-kind", "arbete", [4]],
      ["outcome-kind", "studier", [2]],
    ]);
    expect(osa.notes).toEqual([{ cell: "D17", text: "Basvärde 2018 = 6 (4 till arbete + 2 till studier)" }]);
    expect(osa.baseline).toMatchObject({ kind: "value", year: 2018, quantity: { value: 6 } });
  });

  it("baseline notes: 299 personer, and Basvärde saknas!", () => {
    const first = indicators[0] as Indicator;
    expect(first.baseline).toEqual({ kind: "value", year: 2018, quantity: { value: 299, unit: "count" }, text: "Basvärde 2018 = 299 personer" });
    const missing = find("Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som har höjt sin grundläggande anställningsbarhet ska öka.");
    expect(missing.baseline).toEqual({ kind: "missing", text: "Basvärde saknas!" });
    expect(missing.notes.map((n) => n.cell)).toEqual(["D20"]);
  });

  it('annotation "tertial 1" on Andel heltidsanställningar 2018, with Män and Kvinnor', () => {
    const full = find("Andel (%) heltidsanställningar");
    expect(full.outcomes[1]?.value).toEqual({ kind: "number", quantity: { value: 88.3, unit: "percent" }, footnotes: [], annotation: "tertial 1" });
    expect(full.breakdowns.map((b) => [b.label, outcomesOf(b), targetsOf(b)])).toEqual([
      ["Män", [91.9, 92.6], ["missing", "missing"]],
      ["Kvinnor", [86.7, 87.2], ["missing", "missing"]],
    ]);
  });

  it("percent typed as numbers and as text mean the same", () => {
    const children = find("Barn i befolkningen som under året ingått i familjer med långvarigt ekonomiskt bistånd, andel av befolkningen (%).");
    expect(children.outcomes[0]?.value).toEqual({ kind: "number", quantity: { value: 4.8, unit: "percent" }, footnotes: [] });
    expect(children.targets[0]?.target).toEqual({ kind: "value", quantity: { value: 4.2, unit: "percent" } });
  });

  it("reads the two footnotes under the table", () => {
    expect(appendix.footnotes.map((f) => [f.marker, f.cell, f.text.slice(0, 40)])).toEqual([
      ["*", "A59", "Eftersom arbetsmarknadsnämnden blev en e"],
      ["**", "A60", "Siffrorna är inte jämförbara sinsemellan"],
    ]);
    expect(appendix.lastRow).toBe(56);
    expect(appendix.issues.map((i) => i.code)).not.toContain("table/footnote-without-text");
  });

  it("every issue names its sheet and cell", () => {
    expect(appendix.issues.length).toBeGreaterThan(0);
    for (const found of appendix.issues) {
      expect(found.sheet).toBe("Bilaga");
      expect(found.cell).toMatch(/^[A-Z]+[0-9]+$/);
    }
  });

  it("says which polarities are guesses: the text-only indicator is a warning", () => {
    const guessed = appendix.issues.filter((i) => i.code === "table/polarity-guessed" && i.severity === "warning");
    expect(guessed.map((i) => i.cell)).toEqual(["D26"]);
  });
});

describe("readTable on sheets that are not the table", () => {
  it("says when there is no header row", () => {
    const result = readTable(gridFromRows("Blad1", "A1", [["Hej"], [1, 2, 3]]));
    expect(result.focusAreas).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(["table/header-not-found"]);
  });

  it("never throws on any grid", () => {
    const cellText = fc.oneof(
      fc.constantFrom("Nämndindikator", "Indikator", "Målområde", "Nämndmål", "2019", "2020", "Utfall", "Målvärde", "Målvärde 2020", "Män", "Basvärde saknas!", "* not", "JKT: 1", "Ska öka", ""),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const result = readTable(gridFromRows("Blad1", "B2", rows, rows.length > 3 ? ["B3:B4", "C2:D2"] : []));
        expect(Array.isArray(result.issues)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("a table that an earlier fill wrote outcome columns beside", () => {
  // Bug: "Utfall tertial 2 2019 (jan–aug)" was read as the 2019 outcome column, so a filled
  // workbook's part-year figure became the reference when judging the next year.
  const filled = gridFromRows("Bilaga", "A1", [
    ["Nämndmål", "Nämndindikator", "2017", "2018", "Målvärde 2019", "Utfall tertial 2 2019 (jan–aug)", "Status"],
    ["1 Färre hushåll", "Antal hushåll med försörjningsstöd i snitt per månad.", 2996, 3130, 2800, 3021.75, "◐ Delvis uppfyllt"],
  ]);
  const table = readTable(filled);
  const [only] = allIndicators(table);

  it("keeps the filled columns as extra columns, not as a 2019 outcome", () => {
    expect(only?.outcomes.map((o) => o.year)).toEqual([2017, 2018]);
    expect(only?.extra.map((e) => e.header)).toEqual(["Utfall tertial 2 2019 (jan–aug)", "Status"]);
    expect(table.columns.filter((c) => c.role === "outcome").map((c) => c.year)).toEqual([2017, 2018]);
  });
});
