import { evaluateFormula, parseFormula, type Formula } from "../../../core/outcomes/formula";

function formula(text: string): Formula {
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}
const value = (text: string, values: Record<string, number>): number | string => {
  const result = evaluateFormula(formula(text), values);
  return result.ok ? result.value : result.reason;
};

describe("parseFormula and evaluateFormula", () => {
  it.each([
    ["(utfall − budget) / budget × 100", { utfall: 94, budget: 100 }, -6],
    ["(budget - utfall) / budget * 100", { utfall: 94, budget: 100 }, 6],
    ["avslutade / (kostnad / 1 000 000)", { avslutade: 30, kostnad: 12_000_000 }, 2.5],
    ["avslutade / (kostnad / 1000000)", { avslutade: 30, kostnad: 12_000_000 }, 2.5],
    ["a - b - c", { a: 10, b: 3, c: 2 }, 5], // left to right
    ["a / b / c", { a: 12, b: 3, c: 2 }, 2],
    ["a + b * c", { a: 1, b: 2, c: 3 }, 7], // * before +
    ["-a + 2,5", { a: 1 }, 1.5],
    ["−(a − b) · 2 ÷ 4", { a: 1, b: 3 }, 1],
    ["(mertid + övertid) / ordinarie * 100", { mertid: 3, övertid: 1, ordinarie: 800 }, 0.5],
  ])("%s with %j is %d", (text, values, expected) => {
    expect(value(text, values)).toBeCloseTo(expected, 12);
  });

  it("lists the names in order of first use", () => {
    expect(formula("(kvinnliga_chefer / chefer) / (kvinnor / chefer)").names).toEqual(["kvinnliga_chefer", "chefer", "kvinnor"]);
  });

  it("gives a division by zero as a reason naming the divisor, never Infinity", () => {
    expect(value("(budget - utfall) / budget * 100", { budget: 0, utfall: 5 })).toBe("division med noll (budget = 0)");
    expect(value("a / (b - c)", { a: 1, b: 2, c: 2 })).toBe("division med noll (nämnaren = 0)");
  });

  it.each([
    ["", "formeln är tom"],
    ["a +", "slutar mitt i ett uttryck"],
    ["(a + b", "parentes öppnas vid tecken 1 men stängs aldrig"],
    ["a + b)", "parentes stängs vid tecken 6 utan att ha öppnats"],
    ["a * * b", 'ett namn eller tal saknas före "*" vid tecken 5'],
    ["a b", "räknesätt (+ − * /) saknas vid tecken 3"],
    ["()", "ett namn eller tal saknas före parentesen vid tecken 2"],
    ["Math.max(a)", 'tecknet "." vid tecken 5'],
    ["a; process.exit()", 'tecknet ";" vid tecken 2'],
  ])("refuses %j with a Swedish reason naming the place", (text, words) => {
    const parsed = parseFormula(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(words);
  });
});
