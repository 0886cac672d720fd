// Footnotes under the table whose text goes on over several rows: the marker only on the first
// row, the rows under it in the same column joined to it until the next marker, an empty row,
// text in another column, or the end of the sheet.
import { allIndicators } from "../../../core/model";
import { readTable } from "../../../core/table/readTable";
import { readFootnotes } from "../../../core/table/readFootnotes";
import { gridFromRows } from "../../fixtures/gridFromLayout";

const _ = undefined;

describe("readFootnotes", () => {
  it("joins a note's continuation rows, a space between, up to the next marker row", () => {
    const grid = gridFromRows("Bilaga", "A1", [
      ["* Eftersom nämnden bildades 2017 saknas"],
      ["jämförbara värden för tidigare år."],
      ["Värdet för 2018 avser januari–augusti."],
      ["** Siffrorna är inte jämförbara"],
      ["sinsemellan."],
    ]);
    expect(readFootnotes(grid, 0)).toEqual([
      {
        marker: "*",
        text: "Eftersom nämnden bildades 2017 saknas jämförbara värden för tidigare år. Värdet för 2018 avser januari–augusti.",
        cell: "A1",
        continuedTo: "A3",
      },
      { marker: "**", text: "Siffrorna är inte jämförbara sinsemellan.", cell: "A4", continuedTo: "A5" },
    ]);
  });

  it("stops at an empty row: text after it is not part of the note", () => {
    const grid = gridFromRows("Bilaga", "B10", [["* Omräknat efter ny"], ["budgetmodell 2021."], [], ["Källa: Kolada"]]);
    expect(readFootnotes(grid, 9)).toEqual([{ marker: "*", text: "Omräknat efter ny budgetmodell 2021.", cell: "B10", continuedTo: "B11" }]);
  });

  it("stops at a row whose text starts in another column, such as a fill's legend right of the table", () => {
    const grid = gridFromRows("Bilaga", "A1", [
      ["* Avser tertial 1", _, _, _],
      ["och är preliminärt.", _, _, _],
      [_, _, _, "Teckenförklaring, status"],
      [_, _, _, "✓ Uppfyllt"],
    ]);
    expect(readFootnotes(grid, 0)).toEqual([{ marker: "*", text: "Avser tertial 1 och är preliminärt.", cell: "A1", continuedTo: "A2" }]);
  });

  it("rejoins a word hyphenated at a row's end, as in a cell broken over lines", () => {
    const grid = gridFromRows("Bilaga", "A1", [["* Eftersom arbetsmark-"], ["nadsnämnden blev en egen nämnd 2017"]]);
    expect(readFootnotes(grid, 0)).toEqual([{ marker: "*", text: "Eftersom arbetsmarknadsnämnden blev en egen nämnd 2017", cell: "A1", continuedTo: "A2" }]);
  });

  it("keeps one-row notes as they are, and a row of text before the first marker is no note", () => {
    const grid = gridFromRows("Bilaga", "A1", [["Källa: Kolada"], ["* Preliminärt."], ["** Per miljon kronor."]]);
    expect(readFootnotes(grid, 0)).toEqual([
      { marker: "*", text: "Preliminärt.", cell: "A2" },
      { marker: "**", text: "Per miljon kronor.", cell: "A3" },
    ]);
  });
});

describe("readTable with a footnote over several rows", () => {
  const table = readTable(
    gridFromRows("Bilaga", "A1", [
      ["Nämndmål", "Nämndindikator", "2017", "2018", "Målvärde 2019"],
      ["1 Budget i balans", "Avvikelse från budget, i %", "6,6 %*", "6,8 %*", "≥0"],
      ["1 Budget i balans", "Antal placeringar", "470", "477**", "Minst 677"],
      [],
      ["* Eftersom arbetsmarknadsnämnden blev en egen nämnd"],
      ["2017 finns inga jämförbara värden från tidigare år."],
      ["** Siffrorna avser hela året."],
    ]),
  );

  it("gives the whole text to the marker and keeps the continuation rows out of the table", () => {
    expect(table.footnotes).toEqual([
      { marker: "*", text: "Eftersom arbetsmarknadsnämnden blev en egen nämnd 2017 finns inga jämförbara värden från tidigare år.", cell: "A5", continuedTo: "A6" },
      { marker: "**", text: "Siffrorna avser hela året.", cell: "A7" },
    ]);
    expect(table.lastRow).toBe(2);
    expect(allIndicators(table).map((i) => [i.name, i.footnotes])).toEqual([
      ["Avvikelse från budget, i %", ["*"]],
      ["Antal placeringar", ["**"]],
    ]);
    expect(table.issues.map((i) => i.code)).not.toContain("table/footnote-without-text");
  });
});
