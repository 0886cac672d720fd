/**
 * memoizeText: the answer for a text is always compute's answer for it, whatever texts come
 * before it (the places kept in front of the map, and the map forgotten at its limit), and
 * each distinct text is worked out once while the limit is not reached (issue 14).
 */
import fc from "fast-check";
import { memoizeText } from "../../../core/measures/memoizeText";

describe("memoizeText", () => {
  it("answers every text as compute does, for any order of texts and any limit", () => {
    // Few characters, so texts repeat and many share a place.
    const text = fc.stringMatching(/^[ab1/ ]{0,6}$/);
    fc.assert(
      fc.property(fc.array(text, { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (texts, limit) => {
        const compute = (raw: string): string => `<${raw.toUpperCase()}|${raw.length}>`;
        const memoized = memoizeText(compute, limit);
        for (const one of texts) expect(memoized(one)).toBe(compute(one));
      }),
      { numRuns: 300 },
    );
  });

  it("works out each distinct text once, for 3 000 texts asked for in turns", () => {
    const texts = Array.from({ length: 3000 }, (_, i) => `${1 + (i % 28)}/${1 + (i % 12)} ${2000 + (i % 11)}`);
    let computed = 0;
    const memoized = memoizeText((raw) => {
      computed++;
      return raw.length;
    });
    for (let round = 0; round < 3; round++) for (const one of texts) expect(memoized(one.slice(0))).toBe(one.length);
    expect(computed).toBe(new Set(texts).size);
  });

  it("gives a text cut from a larger one and the same text typed out the same answer", () => {
    const chunk = `${"x".repeat(100_000)}\tEnhet nummer 0001\t`;
    const field = chunk.substring(100_001, 100_018);
    const memoized = memoizeText((raw) => ({ raw }));
    expect(memoized(field).raw).toBe("Enhet nummer 0001");
    expect(memoized("Enhet nummer 0001")).toBe(memoized(field));
  });
});
