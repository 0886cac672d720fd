import fc from "fast-check";
import { addAllIds, addId, idsOf, newIdSet } from "../../../core/measures/idSet";
import { createIdInterner, normalizeId } from "../../../core/measures/normalizeId";

describe("IdSet", () => {
  it("holds what a plain Set holds, as it grows from a Set into a bitset", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 20_000 }), { maxLength: 3000 }), fc.nat({ max: 5000 }), (ids, dense) => {
        const set = newIdSet();
        const plain = new Set<number>();
        // Many ids below `dense` make the set dense enough to become a bitset.
        for (const id of [...ids, ...Array.from({ length: dense }, (_, i) => i)]) {
          addId(set, id);
          plain.add(id);
        }
        expect(set.size).toBe(plain.size);
        expect(idsOf(set)).toEqual([...plain].sort((a, b) => a - b));
      }),
      { numRuns: 200 },
    );
  });

  it("becomes a bitset when most ids are in it, and stays a Set when few are", () => {
    const dense = newIdSet();
    for (let id = 0; id < 10_000; id++) addId(dense, id);
    expect(dense.words).toBeDefined();
    const sparse = newIdSet();
    for (let id = 0; id < 10_000_000; id += 10_000) addId(sparse, id); // 1 000 ids among 10 000 000
    expect(sparse.small).toBeDefined();
  });

  it("unites another set's ids renumbered, each once", () => {
    const into = newIdSet();
    [1, 2, 3].forEach((id) => addId(into, id));
    const from = newIdSet();
    [0, 1, 2].forEach((id) => addId(from, id));
    addAllIds(into, from, (id) => id + 2); // 2, 3, 4
    expect(idsOf(into)).toEqual([1, 2, 3, 4]);
    expect(into.size).toBe(4);
  });
});

describe("createIdInterner", () => {
  it("gives every writing of one id one number, and none to an empty cell", () => {
    const ids = createIdInterner();
    expect(ids.numberOf("19850312-1235")).toBe(0);
    expect(ids.numberOf(" 198503121235 ")).toBe(0);
    expect(ids.numberOf("h-104 233")).toBe(1);
    expect(ids.numberOf("H104233")).toBe(1);
    expect(ids.numberOf("  ")).toBe(-1);
    expect(ids.numberOfId("H104233")).toBe(1);
    expect(ids.ids).toEqual(["198503121235", "H104233"]);
    ids.release();
    expect(ids.ids).toEqual(["198503121235", "H104233"]);
    expect(() => ids.numberOf("H104233")).toThrow();
  });
});

describe("createIdInterner, any writings in any order", () => {
  it("numbers a raw text as its normalized id, and never two ids alike", () => {
    // Digit ids of 14–17 digits and letter ids of 12–15 cross the numeric keys' limits (numericIds.ts).
    const numericLike = fc.tuple(fc.constantFrom("", "h", "H", "z", "-", " ", "ſ"), fc.stringMatching(/^[0-9-]{0,17}$/)).map(([a, b]) => a + b);
    const writing = fc.oneof(
      fc.string({ maxLength: 6 }),
      numericLike,
      fc.constantFrom("h-1", "H1", " h1 ", "H-1", "1985-0312", "19850312", "ß", "SS", "-", " ", "0", "00", "H", "h-", "123456789012345", "1234567890123456"),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ raw: writing, asId: fc.boolean() }), { maxLength: 60 }), (calls) => {
        const ids = createIdInterner();
        const seen = new Map<string, number>();
        for (const { raw, asId } of calls) {
          const id = normalizeId(raw);
          const number = asId ? ids.numberOfId(id) : ids.numberOf(raw);
          if (id === "") {
            expect(number).toBe(-1);
            continue;
          }
          expect(ids.ids[number]).toBe(id);
          if (seen.has(id)) expect(number).toBe(seen.get(id));
          seen.set(id, number);
        }
        expect(new Set(ids.ids).size).toBe(ids.ids.length);
      }),
      { numRuns: 300 },
    );
  });
});

