// `bilaga inspect` end to end on the sample workbook, run as a user would (built CLI, temp
// folder). Expectations come from the seed layout (samples/make/seedAppendix.ts) and the
// published table, never from the product's own output.
import { fromA1 } from "../../../core/workbook/address";
import { allIndicators, type Appendix, type Indicator, type YearOutcome, type YearTarget } from "../../../core/model";
import { SEED_APPENDIX, SEED_INDICATOR_NAMES, type LayoutCell } from "../../../samples/make/seedAppendix";
import { copyInto, requireBuild, runBilaga, tempFolder } from "./runCli";

const SAMPLE = "samples/verksamhetsplan-amn-2019.xlsx";

const layoutCell = (address: string): LayoutCell => {
  const found = SEED_APPENDIX.cells.find((c) => c.address === address);
  if (!found) throw new Error(`No seed cell ${address}`);
  return found;
};
/** The seed's number in a cell, as the model must hold it: percent cells as percentages. */
const seedNumber = (address: string): number => {
  const cell = layoutCell(address);
  if (typeof cell.value !== "number") throw new Error(`Seed cell ${address} is text`);
  return cell.numberFormat?.includes("%") ? cell.value * 100 : cell.value;
};
/** Sheet row (1-based) of the seed cell in column D holding this text. */
const seedRowOf = (text: string): number => {
  const found = SEED_APPENDIX.cells.find((c) => c.address.startsWith("D") && c.value === text);
  if (!found) throw new Error(`No seed indicator ${text}`);
  return (fromA1(found.address)?.row ?? -1) + 1;
};
const seedTexts = (column: string, from: number, to: number): LayoutCell[] =>
  SEED_APPENDIX.cells.filter((c) => {
    const ref = fromA1(c.address);
    return ref !== undefined && c.address.startsWith(column) && /^[A-Z]\d/.test(c.address) && ref.row + 1 >= from && ref.row + 1 <= to;
  });

const stripMarkers = (name: string): string => name.replace(/\*+$/, "").trim();

const outcome = (indicator: Indicator, year: number): YearOutcome => {
  const found = indicator.outcomes.find((o) => o.year === year);
  if (!found) throw new Error(`${indicator.name}: no outcome ${year}`);
  return found;
};
const target = (indicator: Indicator, year: number): YearTarget => {
  const found = indicator.targets.find((t) => t.year === year);
  if (!found) throw new Error(`${indicator.name}: no target ${year}`);
  return found;
};
const numberOf = (o: YearOutcome): number => {
  if (o.value.kind !== "number" && o.value.kind !== "labelled") throw new Error(`${o.cell} is ${o.value.kind}`);
  return o.value.quantity.value;
};

let dir = "";
let cleanup = (): void => undefined;
let appendix: Appendix;
let indicators: Indicator[];
let textRun: ReturnType<typeof runBilaga>;

const byName = (start: string): Indicator => {
  const found = indicators.find((i) => i.name.startsWith(start));
  if (!found) throw new Error(`No indicator starting "${start}"`);
  return found;
};

beforeAll(() => {
  requireBuild();
  ({ dir, cleanup } = tempFolder());
  const file = copyInto(dir, SAMPLE);
  const jsonRun = runBilaga(["inspect", file, "--json"], dir);
  expect(jsonRun.stderr).toBe("");
  expect(jsonRun.status).toBe(0);
  appendix = JSON.parse(jsonRun.stdout) as Appendix;
  indicators = allIndicators(appendix);
  textRun = runBilaga(["inspect", file], dir);
});
afterAll(() => cleanup());

describe("bilaga inspect on the sample workbook (--json)", () => {
  it("finds the table on the sheet that has it, below the title rows", () => {
    expect(appendix.sheet).toBe(SEED_APPENDIX.sheet);
    const header = SEED_APPENDIX.cells.find((c) => c.value === "Nämndindikator");
    expect(appendix.headerRow).toBe(fromA1(header?.address ?? "")?.row);
  });

  it("holds all 25 indicators of the seed table, in table order, each at its own row", () => {
    expect(SEED_INDICATOR_NAMES).toHaveLength(25);
    expect(indicators.map((i) => i.name)).toEqual(SEED_INDICATOR_NAMES.map(stripMarkers));
    for (const [index, indicator] of indicators.entries()) {
      const row = seedRowOf(SEED_INDICATOR_NAMES[index] ?? "");
      expect(indicator.cell).toBe(`D${row}`);
      expect(indicator.row).toBe(row - 1);
    }
  });

  it("gives every indicator the earlier outcomes 2017, 2018 and the targets 2019, 2020", () => {
    for (const indicator of indicators) {
      expect(indicator.outcomes.map((o) => o.year)).toEqual([2017, 2018]);
      expect(indicator.targets.map((t) => t.year)).toEqual([2019, 2020]);
    }
  });

  it("reads households on income support: 2 996 and 3 130, targets 2 800 and 2 700, lower is better", () => {
    const households = byName("Antal hushåll med försörjningsstöd");
    const row = seedRowOf("Antal hushåll med försörjningsstöd i snitt per månad.");
    expect(numberOf(outcome(households, 2017))).toBe(seedNumber(`E${row}`));
    expect(numberOf(outcome(households, 2018))).toBe(seedNumber(`F${row}`));
    expect(seedNumber(`E${row}`)).toBe(2996);
    expect(target(households, 2019).target).toEqual({ kind: "value", quantity: { value: seedNumber(`G${row}`), unit: expect.any(String) } });
    expect(target(households, 2020).target).toMatchObject({ kind: "value", quantity: { value: 2700 } });
    expect(households.polarity).toEqual({ kind: "lower-better" });
  });

  it("reads the waiting time in days: 21 and 19 days, targets 15 and 5 days", () => {
    const waiting = byName("Väntetid i antal dagar");
    expect(waiting.unit).toBe("days");
    expect(outcome(waiting, 2017).value).toMatchObject({ kind: "number", quantity: { value: 21, unit: "days" } });
    expect(outcome(waiting, 2018).value).toMatchObject({ kind: "number", quantity: { value: 19, unit: "days" } });
    expect(target(waiting, 2019).target).toEqual({ kind: "value", quantity: { value: 15, unit: "days" } });
    expect(target(waiting, 2020).target).toEqual({ kind: "value", quantity: { value: 5, unit: "days" } });
    expect(waiting.polarity).toEqual({ kind: "lower-better" });
  });

  it('reads the staff turnover target 2019 as 5.5 from the text "5.5", with a warning at its cell', () => {
    const turnover = byName("Extern personalomsättning");
    const cell = SEED_APPENDIX.cells.find((c) => c.value === "5.5")?.address;
    expect(target(turnover, 2019)).toMatchObject({ cell, raw: "5.5", target: { kind: "value", quantity: { value: 5.5 } } });
    const warning = appendix.issues.find((i) => i.code === "value/dot-decimal");
    expect(warning).toMatchObject({ severity: "warning", cell, sheet: "Bilaga" });
  });

  it("reads the budget deviation: targets ≥ 0, footnote * on the earlier values", () => {
    const budget = byName("Avvikelse från budget");
    for (const year of [2019, 2020]) expect(target(budget, year).target).toMatchObject({ kind: "at-least", quantity: { value: 0 } });
    for (const year of [2017, 2018]) expect(outcome(budget, year).value).toMatchObject({ kind: "number", footnotes: ["*"] });
    expect(numberOf(outcome(budget, 2017))).toBeCloseTo(6.6, 10);
    expect(budget.footnotes).toContain("*");
  });

  it("reads total sick leave with Män and Kvinnor rows, lower better for all of it", () => {
    const sick = byName("Total sjukfrånvaro");
    expect(sick.polarity).toEqual({ kind: "lower-better" });
    expect(sick.breakdowns.map((b) => [b.kind, b.label])).toEqual([
      ["gender", "Män"],
      ["gender", "Kvinnor"],
    ]);
    const women = sick.breakdowns[1];
    const row = seedRowOf("Total sjukfrånvaro (%)") + 2;
    expect(women?.cell).toBe(`D${row}`);
    // The Kvinnor target 2019 is above its 2017 outcome, yet the row has no polarity of its own:
    // it inherits the indicator's (lower is better).
    expect(women?.targets.find((t) => t.year === 2019)?.target).toMatchObject({ quantity: { value: seedNumber(`G${row}`) } });
    expect(women?.outcomes.find((o) => o.year === 2017)?.value).toMatchObject({ quantity: { value: seedNumber(`E${row}`) } });
  });

  it("reads the JKT/OSA/AMS values as unit breakdowns, with footnote ** and its text", () => {
    const perMillion = byName("Antalet deltagare som slussas ut");
    expect(perMillion.footnotes).toContain("**");
    const units = perMillion.breakdowns.filter((b) => b.kind === "unit");
    const expected = seedTexts("F", 27, 29).map((c) => String(c.value).split(":")[0]);
    expect(units.map((b) => b.label)).toEqual(expected);
    expect(units.map((b) => b.outcomes.find((o) => o.raw !== "")?.value)).toEqual([
      expect.objectContaining({ kind: "labelled", label: "JKT", quantity: expect.objectContaining({ value: 2.1 }) }),
      expect.objectContaining({ kind: "labelled", label: "OSA", quantity: expect.objectContaining({ value: 0.3 }) }),
      expect.objectContaining({ kind: "labelled", label: "AMS", quantity: expect.objectContaining({ value: 4.9 }) }),
    ]);
    const note = appendix.footnotes.find((f) => f.marker === "**");
    expect(note?.text).toContain("inte jämförbara");
  });

  it("keeps the goals that have no indicators", () => {
    const samhalle = appendix.focusAreas.find((a) => a.name === "Samhälle");
    expect(samhalle?.municipalGoals.map((g) => g.text)).toEqual(seedTexts("B", 5, 9).map((c) => c.value));
  });
});

describe("bilaga inspect on the sample workbook (Swedish text)", () => {
  const seedCounts = (): { areas: number; goals: number; boards: number; breakdowns: number } => {
    const table = (column: string): LayoutCell[] => seedTexts(column, 5, 57);
    const genderRows = table("D").filter((c) => /^(Män|Kvinnor)$/.test(String(c.value))).length;
    const labelled = [...table("E"), ...table("F")].filter((c) => /^[A-ZÅÄÖ]{2,}: |^\d+ (?!dagar)[a-zåäö]+$/.test(String(c.value))).length;
    return { areas: table("A").length, goals: table("B").length, boards: table("C").length, breakdowns: genderRows + labelled };
  };

  it("exits 0 and prints the counts of the seed table", () => {
    const counts = seedCounts();
    expect(textRun.status).toBe(0);
    expect(textRun.stdout).toContain(
      `${counts.areas} målområden, ${counts.goals} kommunövergripande mål, ${counts.boards} nämndmål, 25 indikatorer, ${counts.breakdowns} uppdelningar`,
    );
  });

  it("names the sheet it chose and shows the tree with cell addresses", () => {
    expect(textRun.stdout).toContain('blad "Bilaga"');
    expect(textRun.stdout).toContain("Målområde: Medarbetare");
    expect(textRun.stdout).toContain(`Indikator: Antal hushåll med försörjningsstöd i snitt per månad. (D${seedRowOf("Antal hushåll med försörjningsstöd i snitt per månad.")})`);
    expect(textRun.stdout).toContain("Basvärde saknas!");
  });

  it("lists every issue with its sheet and cell, in Swedish", () => {
    const cell = SEED_APPENDIX.cells.find((c) => c.value === "5.5")?.address ?? "";
    const line = textRun.stdout.split("\n").find((l) => l.includes(`Bilaga!${cell}`));
    expect(line).toMatch(/^\s*Varning: verksamhetsplan-amn-2019\.xlsx, Bilaga!G\d+: "5\.5" har punkt som decimaltecken/);
    expect(textRun.stdout).toContain(`Problem och tveksamheter (${appendix.issues.length})`);
  });
});
