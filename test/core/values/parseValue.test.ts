// Swedish value parsing: every cell text of the seed table, and what people paste.
import fc from "fast-check";
import type { GridCell } from "../../../core/workbook/grid";
import type { CellValue, Target } from "../../../core/model";
import { parseCellValue, parseQuantity, parseTarget } from "../../../core/values/parseValue";

const text = (t: string): GridCell => ({ value: t === "" ? null : t, text: t, numberFormat: "General" });
const num = (value: number, numberFormat: string, shown = ""): GridCell => ({ value, text: shown, numberFormat });

const number = (value: number, unit = "number", footnotes: string[] = []): CellValue =>
  ({ kind: "number", quantity: { value, unit }, footnotes }) as CellValue;
const missing = (raw: string): CellValue => ({ kind: "missing", raw });

// Earlier outcomes (columns 2017 and 2018) and breakdown values, as the seed table shows them.
const SEED_OUTCOMES: ReadonlyArray<readonly [string, CellValue]> = [
  ["-", missing("-")],
  ["299", number(299)],
  ["182", number(182)],
  ["477", number(477)],
  ["2 996", number(2996)],
  ["3 130", number(3130)],
  ["1 384", number(1384)],
  ["1 387", number(1387)],
  ["4,80%", number(4.8, "percent")],
  ["4,60%", number(4.6, "percent")],
  ["86%", number(86, "percent")],
  ["87%", number(87, "percent")],
  ["21 dagar", number(21, "days")],
  ["19 dagar", number(19, "days")],
  ["21 da-\ngar", number(21, "days")],
  ["11%*", number(11, "percent", ["*"])],
  ["6,6%*", number(6.6, "percent", ["*"])],
  ["6,8%*", number(6.8, "percent", ["*"])],
  ["Saknas", missing("Saknas")],
  ["", missing("")],
  ["–", missing("–")],
  ["5,5", number(5.5)],
  ["6,8", number(6.8)],
  ["3,4", number(3.4)],
  ["6,1", number(6.1)],
  ["87,9", number(87.9)],
  ["91,9", number(91.9)],
  ["92,6", number(92.6)],
  ["86,7", number(86.7)],
  ["87,2", number(87.2)],
  ["107", number(107)],
  ["111", number(111)],
  ["77", number(77)],
  ["6", number(6)],
  ["4,9", number(4.9)],
  ["6,3", number(6.3)],
  ["2,4", number(2.4)],
  ["2,5", number(2.5)],
  ["5,8", number(5.8)],
  ["0,6", number(0.6)],
  ["0,99", number(0.99)],
  ["1", number(1)],
  ["0,16", number(0.16)],
  ["0,15", number(0.15)],
  ["88,3, tertial 1", { kind: "number", quantity: { value: 88.3, unit: "number" }, footnotes: [], annotation: "tertial 1" }],
  ["JKT: 2,1", { kind: "labelled", label: "JKT", labelPosition: "before", quantity: { value: 2.1, unit: "number" }, footnotes: [] }],
  ["OSA: 0,3", { kind: "labelled", label: "OSA", labelPosition: "before", quantity: { value: 0.3, unit: "number" }, footnotes: [] }],
  ["AMS: 4,9", { kind: "labelled", label: "AMS", labelPosition: "before", quantity: { value: 4.9, unit: "number" }, footnotes: [] }],
  ["4 arbete", { kind: "labelled", label: "arbete", labelPosition: "after", quantity: { value: 4, unit: "number" }, footnotes: [] }],
  ["2 studier", { kind: "labelled", label: "studier", labelPosition: "after", quantity: { value: 2, unit: "number" }, footnotes: [] }],
  ["Vissa smärre skillnader kan utläsas.", { kind: "text", text: "Vissa smärre skillnader kan utläsas.", footnotes: [] }],
];

const value = (v: number, unit = "number"): Target => ({ kind: "value", quantity: { value: v, unit } }) as Target;

// Targets (Målvärde 2019 and 2020) as the seed table shows them.
const SEED_TARGETS: ReadonlyArray<readonly [string, Target]> = [
  ["Ska minska", { kind: "direction", direction: "decrease" }],
  ["Ska \nminska", { kind: "direction", direction: "decrease" }],
  ["Ska öka", { kind: "direction", direction: "increase" }],
  ["Ska inte öka", { kind: "direction", direction: "not-increase" }],
  ["677", value(677)],
  ["777", value(777)],
  ["2 800", value(2800)],
  ["2 700", value(2700)],
  ["1 150", value(1150)],
  ["850", value(850)],
  ["4,20%", value(4.2, "percent")],
  ["3,20%", value(3.2, "percent")],
  ["88%", value(88, "percent")],
  ["90%", value(90, "percent")],
  ["95%", value(95, "percent")],
  ["15 dagar", value(15, "days")],
  ["5 dagar", value(5, "days")],
  ["≥0", { kind: "at-least", quantity: { value: 0, unit: "number" } }],
  ["5,5", value(5.5)],
  ["5,3", value(5.3)],
  ["3,3", value(3.3)],
  ["6,2", value(6.2)],
  ["6", value(6)],
  ["88,6", value(88.6)],
  ["90", value(90)],
  ["112", value(112)],
  ["113", value(113)],
  ["78", value(78)],
  ["80", value(80)],
  ["5", value(5)],
  ["2,3", value(2.3)],
  ["2,2", value(2.2)],
  ["5,2", value(5.2)],
  ["0,5", value(0.5)],
  ["1", value(1)],
  ["0,2", value(0.2)],
  ["0,25", value(0.25)],
  ["", { kind: "missing", raw: "" }],
  ["Inga signifikanta skillnader", { kind: "text", text: "Inga signifikanta skillnader" }],
];

describe("parseCellValue over every outcome text of the seed table", () => {
  it.each(SEED_OUTCOMES)("%j", (raw, expected) => {
    const result = parseCellValue(text(raw));
    expect(result.value).toEqual(expected);
    expect(result.issues).toEqual([]);
  });
});

describe("parseTarget over every target text of the seed table", () => {
  it.each(SEED_TARGETS)("%j", (raw, expected) => {
    expect(parseTarget(text(raw)).target).toEqual(expected);
  });

  it('reads "5.5" as 5,5 but warns about the dot', () => {
    const result = parseTarget(text("5.5"));
    expect(result.target).toEqual(value(5.5));
    expect(result.issues).toEqual([expect.objectContaining({ code: "value/dot-decimal", severity: "warning", raw: "5.5" })]);
  });

  it("keeps a text target as text and says it cannot be assessed", () => {
    const result = parseTarget(text("Inga signifikanta skillnader"));
    expect(result.issues.map((i) => i.code)).toEqual(["value/unparseable-target"]);
  });
});

describe("what people paste", () => {
  it.each([
    ["2\u00a0996", 2996, "number"],
    ["2\u202f996", 2996, "number"],
    ["1\u00a0234\u00a0567,5", 1234567.5, "number"],
    ["\u22124,5", -4.5, "number"],
    ["-4,5", -4.5, "number"],
    ["4,80%", 4.8, "percent"],
    ["78,2 %", 78.2, "percent"],
    ["78,2\u00a0%", 78.2, "percent"],
    ["21 dagar", 21, "days"],
    ["125 000 kr", 125000, "kr"],
    ["3,5 mnkr", 3.5, "mnkr"],
    ["  12  ", 12, "number"],
  ] as const)("parseQuantity(%j) is %d %s", (raw, expected, unit) => {
    const result = parseQuantity(raw);
    expect(result.ok && result.value.value).toBe(expected);
    expect(result.ok && result.value.unit).toBe(unit);
  });

  it.each([
    ["Högst 125 000 kr", { kind: "at-most", quantity: { value: 125000, unit: "kr" } }],
    ["Högst 125\u00a0000 kr", { kind: "at-most", quantity: { value: 125000, unit: "kr" } }],
    ["Minst 45 %", { kind: "at-least", quantity: { value: 45, unit: "percent" } }],
    ["minst 677", { kind: "at-least", quantity: { value: 677, unit: "number" } }],
    ["≥0", { kind: "at-least", quantity: { value: 0, unit: "number" } }],
    ["≥ 0", { kind: "at-least", quantity: { value: 0, unit: "number" } }],
    ["≤ 5 dagar", { kind: "at-most", quantity: { value: 5, unit: "days" } }],
    ["Ska inte minska", { kind: "direction", direction: "not-decrease" }],
    ["-", { kind: "missing", raw: "-" }],
    ["–", { kind: "missing", raw: "–" }],
    ["Saknas", { kind: "missing", raw: "Saknas" }],
  ] as const)("parseTarget(%j)", (raw, expected) => {
    expect(parseTarget(text(raw)).target).toEqual(expected);
  });

  it('reads "5.5" as 5,5 with a dot-decimal warning', () => {
    const result = parseCellValue(text("5.5"));
    expect(result.value).toEqual(number(5.5));
    expect(result.issues).toEqual([expect.objectContaining({ code: "value/dot-decimal", raw: "5.5" })]);
  });

  it("a number typed into a percent cell is the same quantity as the text 4,80%", () => {
    const typed = parseCellValue(num(0.048, "0.00%", "4,80%"));
    const pasted = parseCellValue(text("4,80%"));
    expect(typed.value).toEqual(pasted.value);
    expect(typed.value).toEqual(number(4.8, "percent"));
    expect(parseTarget(num(0.86, "0%")).target).toEqual(value(86, "percent"));
  });

  it("a number cell keeps its value whatever it shows, and reads units from the format", () => {
    expect(parseCellValue(num(2996, "# ##0", "2 996")).value).toEqual(number(2996));
    expect(parseCellValue(num(5.5, "0.0", "5,5")).value).toEqual(number(5.5));
    expect(parseCellValue(num(21, '0 "dagar"', "21 dagar")).value).toEqual(number(21, "days"));
    // The format Bilaga writes for a difference of two shares reads back as percentage points.
    expect(parseCellValue(num(2.4, '#,##0.0" procentenheter"', "2,4 procentenheter")).value).toEqual(number(2.4, "percentage-points"));
    expect(parseCellValue(text("2,4 procentenheter")).value).toEqual(number(2.4, "percentage-points"));
  });

  it("digits that do not read as a number are a warning, not a crash", () => {
    const result = parseCellValue(text("12,5,3"));
    expect(result.value.kind).toBe("text");
    expect(result.issues.map((i) => i.code)).toEqual(["value/unparseable-number"]);
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (raw) => {
        parseCellValue(text(raw));
        parseTarget(text(raw));
        parseQuantity(raw);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on texts built from the characters of Swedish values", () => {
    const piece = fc.constantFrom("1", "2", "0", ",", ".", " ", "\u00a0", "\u202f", "\u2212", "-", "%", "*", "≥", "kr", "dagar", "Ska", "öka", "Minst", ":", "JKT");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const raw = pieces.join("");
        const cell = parseCellValue(text(raw));
        parseTarget(text(raw));
        expect(["number", "labelled", "missing", "text"]).toContain(cell.value.kind);
      }),
      { numRuns: 2000 },
    );
  });
});
