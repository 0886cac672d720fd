// The Swedish report of `bilaga inspect`, from a small table read by the core: counts with
// Swedish singular and plural, the tree with cells, empty breakdown cells left out, issues.
import { readTable } from "../../../core/table/readTable";
import { countAppendix } from "../../../pipeline/inspect/countAppendix";
import { formatAppendixText, formatCountsSv } from "../../../pipeline/inspect/formatAppendixText";
import { gridFromRows } from "../../fixtures/gridFromLayout";

const context = { file: "liten.xlsx", sheetNames: ["Blad1"], sheetFound: false };

describe("formatCountsSv", () => {
  it("writes singular for one and plural otherwise", () => {
    expect(formatCountsSv({ focusAreas: 1, municipalGoals: 1, boardGoals: 1, indicators: 1, breakdowns: 1 })).toBe(
      "1 målområde, 1 kommunövergripande mål, 1 nämndmål, 1 indikator, 1 uppdelning",
    );
    expect(formatCountsSv({ focusAreas: 5, municipalGoals: 15, boardGoals: 12, indicators: 25, breakdowns: 0 })).toBe(
      "5 målområden, 15 kommunövergripande mål, 12 nämndmål, 25 indikatorer, 0 uppdelningar",
    );
  });
});

describe("formatAppendixText", () => {
  const grid = gridFromRows("Blad1", "A1", [
    ["Målområde", "Kommunövergripande mål", "Nämndmål", "Nämndindikator", "2017", "2018", "Målvärde 2019"],
    ["Medarbetare", "Attraktiv arbetsgivare", "Goda arbetsplatser", "Total sjukfrånvaro (%)", "5,5", "6,8", "5,5"],
    [undefined, undefined, undefined, "Män", "3,4", undefined, "3,3"],
    [undefined, undefined, undefined, "Kvinnor", undefined, undefined, undefined],
    [undefined, "Hållbar ekonomi", undefined, undefined, undefined, undefined, undefined],
  ]);
  const appendix = readTable(grid, { file: "liten.xlsx" });
  const text = formatAppendixText(appendix, context);

  it("counts what the table holds, goals without indicators included", () => {
    expect(countAppendix(appendix)).toEqual({ focusAreas: 1, municipalGoals: 2, boardGoals: 1, indicators: 1, breakdowns: 2 });
    expect(text).toContain("Sammanfattning: 1 målområde, 2 kommunövergripande mål, 1 nämndmål, 1 indikator, 2 uppdelningar.");
  });

  it("shows the tree with cell addresses, and says how the sheet was chosen", () => {
    expect(text).toContain('blad "Blad1" (angivet med --sheet)');
    expect(text).toContain("Målområde: Medarbetare (A2)");
    expect(text).toContain("Indikator: Total sjukfrånvaro (%) (D2)");
    expect(text).toContain("Utfall: 2017: 5,5\u00a0% · 2018: 6,8\u00a0%");
    expect(text).toContain("Kommunövergripande mål: Hållbar ekonomi (B5) – inga nämndmål eller indikatorer");
  });

  it("leaves out a breakdown's empty cells and says when a breakdown row is empty", () => {
    const men = text.split("\n").findIndex((line) => line.includes("Uppdelning Män"));
    expect(text.split("\n")[men + 1]).toContain("Utfall: 2017: 3,4");
    expect(text.split("\n")[men + 1]).not.toContain("2018");
    expect(text).toMatch(/Uppdelning Kvinnor \(kön, D4\)\n\s+\(inga värden ifyllda\)/);
  });

  it("lists every issue with its cell, or says there are none", () => {
    for (const found of appendix.issues) expect(text).toContain(`Blad1!${found.cell ?? ""}`);
    expect(text).toContain(appendix.issues.length === 0 ? "Inga problem hittades." : `Problem och tveksamheter (${appendix.issues.length}):`);
  });
});
