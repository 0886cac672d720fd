// Which CSV cell texts a message may quote: never one that may be a name (a shifted row puts
// a name in a number, date or month column), always the texts that show what went wrong.
// The names are invented.
import fc from "fast-check";
import { mayQuoteCellText } from "../../../core/privacy/mayQuoteCellText";

describe("mayQuoteCellText", () => {
  it.each([
    ["a first and a last name", "Anna Lindqvist"],
    ["Å, Ö and a double surname", "Åsa Öberg-Ek"],
    ["surname first, with a comma", "Lindqvist, Anna"],
    ["a first name alone", "Omar"],
    ["a name with an accent", "Élise Dubois"],
    ["a name decomposed (NFD), as macOS saves it", "A\u030Asa O\u0308berg"],
    ["a name in capitals, as some systems export it", "LINDQVIST ANNA"],
    ["a name inside other text", "fel: Anna 12"],
    ["a name after a digit", "12Anna"],
    ["O'Brien", "O'Brien"],
    ["a name in a script without capitals", "محمد علي"],
  ])("hides %s", (_case, text) => {
    expect(mayQuoteCellText(text)).toBe(false);
  });

  it.each([
    ["an approximate figure", "ca 40"],
    ["a figure in words", "tusen kronor"],
    ["a figure with a unit", "12,5 timmar"],
    ["an impossible date", "2019-13-01"],
    ["a month in words", "juni 2019"],
    ["a date with a slash", "31/2 2019"],
    ["a single letter", "x"],
    ["a dash", "-"],
    ["N/A", "N/A"],
    ["a two-letter abbreviation", "EB"],
    ["an empty cell", ""],
    ["an amount with a thousands space", "15 628,50 kr"],
  ])("quotes %s", (_case, text) => {
    expect(mayQuoteCellText(text)).toBe(true);
  });

  it("hides every capitalised first and last name, single, double or hyphenated, in either order", () => {
    const word = fc
      .tuple(fc.constantFrom(..."ABCDEFGHIJKLMNOPRSTUVWYZÅÄÖÉ"), fc.stringMatching(/^[a-zåäöéü]{1,10}$/))
      .map(([first, rest]) => first + rest);
    const name = fc
      .tuple(word, fc.constantFrom(" ", "-", ", "), word, fc.constantFrom("", " ", "  "))
      .map(([a, between, b, after]) => `${a}${between}${b}${after}`);
    fc.assert(fc.property(name, (text) => !mayQuoteCellText(text)));
  });

  it("quotes any text without letters (figures, dates, dashes)", () => {
    fc.assert(fc.property(fc.stringMatching(/^[0-9 ,.\-/:%+]{0,20}$/), (text) => mayQuoteCellText(text)));
  });
});
