// Formatting quantities and targets in Swedish, and reading them back.
import fc from "fast-check";
import { formatSwedishNumber } from "../../../core/values/formatNumber";
import { formatQuantity, formatTarget } from "../../../core/values/formatValue";
import type { GridCell } from "../../../core/workbook/grid";
import type { Direction, Target, Unit } from "../../../core/model";
import { parseSwedishNumber } from "../../../core/values/parseNumber";
import { parseQuantity, parseTarget } from "../../../core/values/parseValue";

const NBSP = "\u00a0";
const text = (t: string): GridCell => ({ value: t, text: t, numberFormat: "General" });

describe("formatQuantity", () => {
  it.each([
    [{ value: 4.8, unit: "percent" }, `4,8${NBSP}%`],
    [{ value: 2509, unit: "count" }, `2${NBSP}509`],
    [{ value: 21, unit: "days" }, `21${NBSP}dagar`],
    [{ value: 1, unit: "days" }, `1${NBSP}dag`],
    [{ value: 125000, unit: "kr" }, `125${NBSP}000${NBSP}kr`],
    [{ value: -2.5, unit: "mnkr" }, `\u22122,5${NBSP}mnkr`],
    [{ value: 0.99, unit: "ratio" }, "0,99"],
    // A difference of two shares is never written "%", which would read as a share.
    [{ value: 2.4, unit: "percentage-points" }, `2,4${NBSP}procentenheter`],
    [{ value: -1, unit: "percentage-points" }, `\u22121${NBSP}procentenhet`],
  ] as const)("%j -> %j", (q, expected) => {
    expect(formatQuantity(q)).toBe(expected);
  });

  it("rounds to the decimals asked for", () => {
    expect(formatQuantity({ value: 4.86, unit: "percent" }, 1)).toBe(`4,9${NBSP}%`);
  });
});

describe("formatTarget", () => {
  it.each([
    [{ kind: "value", quantity: { value: 2800, unit: "count" } }, `2${NBSP}800`],
    [{ kind: "at-least", quantity: { value: 677, unit: "count" } }, "minst 677"],
    [{ kind: "at-least", quantity: { value: 0, unit: "percent" } }, `≥${NBSP}0${NBSP}%`],
    [{ kind: "at-most", quantity: { value: 125000, unit: "kr" } }, `högst 125${NBSP}000${NBSP}kr`],
    [{ kind: "direction", direction: "not-increase" }, "Ska inte öka"],
    [{ kind: "direction", direction: "decrease" }, "Ska minska"],
    [{ kind: "text", text: "Inga signifikanta skillnader" }, "Inga signifikanta skillnader"],
    [{ kind: "missing", raw: "-" }, "Saknas"],
  ] as const)("%j -> %j", (t, expected) => {
    expect(formatTarget(t as Target)).toBe(expected);
  });
});

// Values with at most two decimals, as the tables show them.
const twoDecimals = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 100);

describe("formatting then parsing gives the number back", () => {
  it("formatSwedishNumber -> parseSwedishNumber", () => {
    fc.assert(
      fc.property(twoDecimals, (x) => {
        const parsed = parseSwedishNumber(formatSwedishNumber(x));
        expect(parsed.ok && parsed.value).toBe(x);
        expect(parsed.ok && parsed.warnings).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it("formatQuantity -> parseQuantity keeps value and unit", () => {
    const units = fc.constantFrom<Unit>("percent", "percentage-points", "days", "kr", "mnkr");
    fc.assert(
      fc.property(twoDecimals, units, (value, unit) => {
        const parsed = parseQuantity(formatQuantity({ value, unit }));
        expect(parsed.ok && { value: parsed.value.value, unit: parsed.value.unit }).toEqual({ value, unit });
      }),
      { numRuns: 2000 },
    );
  });

  it("formatQuantity -> parseQuantity keeps the value of plain numbers", () => {
    const units = fc.constantFrom<Unit>("count", "number", "index", "ratio");
    fc.assert(
      fc.property(twoDecimals, units, (value, unit) => {
        const parsed = parseQuantity(formatQuantity({ value, unit }));
        expect(parsed.ok && parsed.value.value).toBe(value);
      }),
    );
  });

  it("formatTarget -> parseTarget gives the same target back", () => {
    const quantity = fc.record({ value: twoDecimals.map(Math.abs), unit: fc.constantFrom<Unit>("percent", "days", "kr", "mnkr") });
    const target: fc.Arbitrary<Target> = fc.oneof(
      quantity.map((q): Target => ({ kind: "value", quantity: q })),
      quantity.map((q): Target => ({ kind: "at-least", quantity: q })),
      quantity.map((q): Target => ({ kind: "at-most", quantity: q })),
      fc.constantFrom<Direction>("increase", "decrease", "not-increase", "not-decrease").map((direction): Target => ({ kind: "direction", direction })),
    );
    fc.assert(
      fc.property(target, (t) => {
        expect(parseTarget(text(formatTarget(t))).target).toEqual(t);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("whole numbers are written as Intl's sv-SE writes them (formatted without Intl, issue 14)", () => {
  // The independent calculation: Intl.NumberFormat itself, as the function used before.
  const intl = (value: number, maxDecimals: number): string =>
    new Intl.NumberFormat("sv-SE", { maximumFractionDigits: maxDecimals, useGrouping: true }).format(value);

  it("for any safe integer, with 0 or 2 decimals allowed", () => {
    const wholes = fc.oneof(
      fc.integer({ min: -20_000, max: 20_000 }),
      fc.maxSafeInteger().map((n) => n - (n % 1)),
      fc.constantFrom(0, 999, 1000, 9999, 10_000, 999_999, 1_000_000, -1000, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
    );
    fc.assert(
      fc.property(wholes, fc.constantFrom(0, 2), (value, maxDecimals) => {
        expect(formatSwedishNumber(value, maxDecimals)).toBe(intl(value, maxDecimals));
      }),
      { numRuns: 3000 },
    );
  });

  it("a thousand and a million get no-break spaces, a negative number a real minus, and -0 stays Intl's", () => {
    expect(formatSwedishNumber(1_000_000, 0)).toBe("1\u00A0000\u00A0000");
    expect(formatSwedishNumber(-2509)).toBe("\u22122\u00A0509");
    expect(formatSwedishNumber(-0)).toBe(intl(-0, 2));
  });
});
