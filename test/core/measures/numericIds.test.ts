// The numeric keys of ids: one key per normalized id and never one for two, and a table that
// keeps every number as it grows.
import fc from "fast-check";
import { normalizeId } from "../../../core/measures/normalizeId";
import { idOfKey, NumericIdTable, numericIdKey } from "../../../core/measures/numericIds";

describe("numericIdKey", () => {
  it("gives every writing of a personnummer or household number the key of its normalized id", () => {
    expect(numericIdKey("19850312-1235")).toBe(numericIdKey("198503121235"));
    expect(numericIdKey("h-104233")).toBe(numericIdKey("H104233"));
    expect(numericIdKey("0123")).not.toBe(numericIdKey("123"));
    expect(numericIdKey("H1")).not.toBe(numericIdKey("1"));
    expect(numericIdKey("H1")).not.toBe(numericIdKey("I1"));
    expect(["19850312-1235", "0012", "h-104233", "Z0000000000000", "999999999999999"].map((raw) => idOfKey(numericIdKey(raw)))).toEqual([
      "198503121235",
      "0012",
      "H104233",
      "Z0000000000000",
      "999999999999999",
    ]);
  });

  it("leaves to the long way what it cannot key exactly: spaces, two letters, no digit or letter, too many digits", () => {
    for (const raw of ["", "-", " 1", "1 ", "HH1", "1H", "Å1", "1234567890123456", "H12345678901234"]) expect(numericIdKey(raw)).toBe(-1);
    expect(numericIdKey("123456789012345")).toBeGreaterThan(0);
    expect(numericIdKey("H1234567890123")).toBeGreaterThan(0);
  });

  it("keys two texts alike exactly when their normalized ids are alike", () => {
    const raw = fc.tuple(fc.constantFrom("", "h", "H", "q", "Z"), fc.stringMatching(/^[0-9-]{0,16}$/)).map(([letter, rest]) => letter + rest);
    fc.assert(
      fc.property(raw, raw, (a, b) => {
        const [keyA, keyB] = [numericIdKey(a), numericIdKey(b)];
        if (keyA < 0 || keyB < 0) return;
        expect(Number.isSafeInteger(keyA)).toBe(true);
        expect(keyA === keyB).toBe(normalizeId(a) === normalizeId(b));
        expect(numericIdKey(normalizeId(a))).toBe(keyA);
        expect(idOfKey(keyA)).toBe(normalizeId(a));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("NumericIdTable", () => {
  it("keeps every key's number as it grows past many thousands of keys", () => {
    const table = new NumericIdTable();
    const keys = Array.from({ length: 50_000 }, (_, i) => numericIdKey(`19${String(i * 7919).padStart(10, "0")}`));
    const numbers = keys.map((key, number) => table.numberOf(key, number));
    const again = keys.map((key) => table.numberOf(key, -1));
    expect(numbers).toEqual(keys.map((_, number) => number));
    expect(again).toEqual(numbers);
  });
});
