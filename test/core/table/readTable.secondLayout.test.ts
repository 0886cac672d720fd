// A second board's table in another common layout: the table starts at C5 under title rows,
// other years, an "Indikator" header, a Kommentar column, values typed as text with
// non-breaking spaces, repeated (not merged) focus-area and goal cells, Flickor/Pojkar rows,
// "Högst"/"Minst" targets, U+2212 minus and a footnote.
import { allIndicators, type Indicator } from "../../../core/model";
import { normalizeName } from "../../../core/values/normalizeName";
import { readTable } from "../../../core/table/readTable";
import { gridFromRows } from "../../fixtures/gridFromLayout";

const NB = "\u00a0";
const NNB = "\u202f";
const _ = undefined;

const grid = gridFromRows("Nämndplan 2022", "C2", [
  ["Utbildningsnämnden – uppföljning av nämndplan 2022"],
  ["Bilaga 1. Mål och indikatorer"],
  [],
  ["Målområde", "Kommunövergripande mål", "Nämndmål", "Indikator", "2020", "2021", "Målvärde 2022", "Målvärde 2023", "Kommentar"],
  ["Medborgare", "Alla barn och elever ska nå sina mål", "Fler elever ska klara gymnasieexamen", "Andel elever med examen inom 4 år (%)", `72,4${NB}%`, `74,1${NB}%`, "Minst 75 %", "Minst 78 %", "Mäts per läsår"],
  ["Medborgare", "Alla barn och elever ska nå sina mål", "Fler elever ska klara gymnasieexamen", "Flickor", "76,0 %", "77,9 %", "Minst 78 %", "Minst 80 %"],
  ["Medborgare", "Alla barn och elever ska nå sina mål", "Fler elever ska klara gymnasieexamen", "Pojkar", "68,9 %", "70,5 %", "Minst 72 %", "Minst 76 %"],
  ["Medborgare", "Alla barn och elever ska nå sina mål", "Fler elever ska klara gymnasieexamen", "Antal elever i gymnasieskolan", `4${NB}812`, `4${NB}903`, `5${NNB}000`, `5${NB}100`],
  ["Medborgare", "Trygg skola", _, "Andel elever som känner sig trygga i skolan", "88 %", "86 %", "Ska öka", "Ska öka", "Enkät vartannat år"],
  ["Ekonomi", "Hållbar ekonomi", "Kostnadseffektiv verksamhet", "Kostnad per elev, kr", `118${NB}400 kr`, `121${NB}950 kr`, `Högst 125${NB}000 kr`, "Högst 128 000 kr"],
  ["Ekonomi", "Hållbar ekonomi", "Budget i balans", "Avvikelse mot budget, mnkr", "\u22122,5", "1,2*", "≥ 0", "≥ 0", "Underskott 2020"],
  ["Medarbetare", "Attraktiv arbetsgivare", "Friska medarbetare", "Sjukfrånvaro (%)", "7,9", "6,4", "6,0", "5,5"],
  ["Medarbetare", "Attraktiv arbetsgivare", "Friska medarbetare", "Kvinnor", "8,8", "7,1", "6,5", "6,0"],
  ["Medarbetare", "Attraktiv arbetsgivare", "Friska medarbetare", "Män", "4,1", "3,6", "3,5", "3,5"],
  ["Medarbetare", "Attraktiv arbetsgivare", "Behöriga lärare", "Andel behöriga lärare", "Saknas", "81,3%", "Minst 85%", "–"],
  [],
  ["* Omräknat efter ny budgetmodell 2021."],
]);

const appendix = readTable(grid);
const indicators = allIndicators(appendix);
const find = (name: string): Indicator => {
  const found = indicators.find((i) => normalizeName(i.name) === normalizeName(name));
  if (!found) throw new Error(`No indicator ${name}`);
  return found;
};

describe("a second layout", () => {
  it("finds the header at C5 and the years 2020/2021 and Målvärde 2022/2023, keeping Kommentar", () => {
    expect(appendix.headerRow).toBe(4);
    expect(appendix.columns.map((c) => [c.role, c.column, c.year ?? c.header])).toEqual([
      ["focus-area", 2, "Målområde"],
      ["municipal-goal", 3, "Kommunövergripande mål"],
      ["board-goal", 4, "Nämndmål"],
      ["indicator", 5, "Indikator"],
      ["outcome", 6, 2020],
      ["outcome", 7, 2021],
      ["target", 8, 2022],
      ["target", 9, 2023],
      ["extra", 10, "Kommentar"],
    ]);
    expect(appendix.issues).toContainEqual(expect.objectContaining({ code: "table/unknown-column", cell: "K5", raw: "Kommentar" }));
  });

  it("groups repeated focus-area and goal cells, not one group per row", () => {
    expect(appendix.focusAreas.map((a) => [a.name, a.cell, a.municipalGoals.map((g) => g.text)])).toEqual([
      ["Medborgare", "C6", ["Alla barn och elever ska nå sina mål", "Trygg skola"]],
      ["Ekonomi", "C11", ["Hållbar ekonomi"]],
      ["Medarbetare", "C13", ["Attraktiv arbetsgivare"]],
    ]);
    const [allaBarn, trygg] = appendix.focusAreas[0]?.municipalGoals ?? [];
    expect(allaBarn?.boardGoals.map((b) => [b.text, b.indicators.length])).toEqual([["Fler elever ska klara gymnasieexamen", 2]]);
    // An indicator with no board goal stands directly under its municipal goal.
    expect(trygg?.boardGoals).toEqual([]);
    expect(trygg?.indicators.map((i) => i.name)).toEqual(["Andel elever som känner sig trygga i skolan"]);
    expect(appendix.focusAreas[1]?.municipalGoals[0]?.boardGoals.map((b) => b.text)).toEqual(["Kostnadseffektiv verksamhet", "Budget i balans"]);
    expect(indicators).toHaveLength(7);
  });

  it("reads percent texts with non-breaking spaces, Minst targets and Flickor/Pojkar rows", () => {
    const exam = find("Andel elever med examen inom 4 år (%)");
    expect(exam.cell).toBe("F6");
    expect(exam.unit).toBe("percent");
    expect(exam.outcomes.map((o) => [o.year, o.cell, o.value.kind === "number" && o.value.quantity.value])).toEqual([
      [2020, "G6", 72.4],
      [2021, "H6", 74.1],
    ]);
    expect(exam.targets.map((t) => [t.year, t.target])).toEqual([
      [2022, { kind: "at-least", quantity: { value: 75, unit: "percent" } }],
      [2023, { kind: "at-least", quantity: { value: 78, unit: "percent" } }],
    ]);
    expect(exam.polarity).toEqual({ kind: "higher-better" });
    expect(exam.extra).toEqual([{ header: "Kommentar", cell: "K6", text: "Mäts per läsår" }]);
    expect(exam.breakdowns.map((b) => [b.kind, b.label, b.cell, b.outcomes.map((o) => o.value.kind === "number" && o.value.quantity.value)])).toEqual([
      ["gender", "Flickor", "F7", [76, 77.9]],
      ["gender", "Pojkar", "F8", [68.9, 70.5]],
    ]);
    expect(exam.breakdowns[1]?.targets[1]?.target).toEqual({ kind: "at-least", quantity: { value: 76, unit: "percent" } });
  });

  it("reads thousands with U+00A0 and U+202F", () => {
    const pupils = find("Antal elever i gymnasieskolan");
    expect(pupils.unit).toBe("count");
    expect(pupils.outcomes.map((o) => o.value.kind === "number" && o.value.quantity.value)).toEqual([4812, 4903]);
    expect(pupils.targets.map((t) => t.target.kind === "value" && t.target.quantity.value)).toEqual([5000, 5100]);
    expect(pupils.polarity.kind).toBe("higher-better");
  });

  it("reads Högst targets in kronor as lower-better", () => {
    const cost = find("Kostnad per elev, kr");
    expect(cost.unit).toBe("kr");
    expect(cost.outcomes.map((o) => o.value.kind === "number" && o.value.quantity)).toEqual([
      { value: 118400, unit: "kr" },
      { value: 121950, unit: "kr" },
    ]);
    expect(cost.targets.map((t) => t.target)).toEqual([
      { kind: "at-most", quantity: { value: 125000, unit: "kr" } },
      { kind: "at-most", quantity: { value: 128000, unit: "kr" } },
    ]);
    expect(cost.polarity.kind).toBe("lower-better");
  });

  it("reads U+2212 minus, mnkr from the name, ≥ 0 targets and the footnote under the table", () => {
    const budget = find("Avvikelse mot budget, mnkr");
    expect(budget.unit).toBe("mnkr");
    expect(budget.outcomes.map((o) => o.value)).toEqual([
      { kind: "number", quantity: { value: -2.5, unit: "mnkr" }, footnotes: [] },
      { kind: "number", quantity: { value: 1.2, unit: "mnkr" }, footnotes: ["*"] },
    ]);
    expect(budget.targets[0]?.target).toEqual({ kind: "at-least", quantity: { value: 0, unit: "mnkr" } });
    expect(budget.footnotes).toEqual(["*"]);
    expect(budget.extra).toEqual([{ header: "Kommentar", cell: "K12", text: "Underskott 2020" }]);
    expect(appendix.footnotes).toEqual([{ marker: "*", text: "Omräknat efter ny budgetmodell 2021.", cell: "C18" }]);
    expect(appendix.lastRow).toBe(15);
  });

  it("keeps sick leave lower-better for Kvinnor and Män rows", () => {
    const sick = find("Sjukfrånvaro (%)");
    expect(sick.polarity).toEqual({ kind: "lower-better" });
    expect(sick.breakdowns.map((b) => b.label)).toEqual(["Kvinnor", "Män"]);
    expect(sick.breakdowns[0]?.targets[0]?.target).toEqual({ kind: "value", quantity: { value: 6.5, unit: "percent" } });
  });

  it("reads Saknas and – as missing, not zero", () => {
    const teachers = find("Andel behöriga lärare");
    expect(teachers.outcomes[0]?.value).toEqual({ kind: "missing", raw: "Saknas" });
    expect(teachers.targets[1]?.target).toEqual({ kind: "missing", raw: "–" });
    expect(teachers.targets[0]?.target).toEqual({ kind: "at-least", quantity: { value: 85, unit: "percent" } });
  });

  it("has no warnings or errors on a clean table", () => {
    expect(appendix.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});

describe("merged value cells and shells that fill covered cells", () => {
  // Some shells give a covered cell of a merged area the top-left value; others leave it empty.
  const rows = [
    ["Målområde", "Kommunövergripande mål", "Nämndmål", "Nämndindikator", "2017", "2018", "Målvärde 2019", "Målvärde 2020"],
    ["Medborgare", "Trygg kommun", "Färre ska vänta", "Antal ärenden som väntar", "40", "35", "Ska minska", "Ska minska"],
    ["Medborgare", "Trygg kommun", "Färre ska vänta", "Basvärde 2018 = 35"],
  ];
  const merges = ["A2:A3", "B2:B3", "C2:C3", "G2:H2"];

  it.each([
    ["covered cells empty", rows.map((r, i) => (i === 2 ? [_, _, _, r[3]] : i === 1 ? [...r.slice(0, 6), r[6]] : r))],
    ["covered cells filled", rows],
  ] as const)("%s: a target merged over two years counts for both, goals are read once", (_label, sheetRows) => {
    const read = readTable(gridFromRows("Blad1", "A1", sheetRows as ReadonlyArray<ReadonlyArray<string | undefined>>, merges));
    const [indicator] = allIndicators(read);
    expect(allIndicators(read)).toHaveLength(1);
    expect(indicator?.targets.map((t) => [t.cell, t.target])).toEqual([
      ["G2", { kind: "direction", direction: "decrease" }],
      ["H2", { kind: "direction", direction: "decrease" }],
    ]);
    expect(indicator?.notes.map((n) => n.text)).toEqual(["Basvärde 2018 = 35"]);
    expect(read.focusAreas.map((a) => a.municipalGoals.map((g) => g.boardGoals.length))).toEqual([[1]]);
  });
});
