import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { createKeyHasher, hmacSha256Hex, sha256Hex, utf8Bytes } from "../../../core/privacy/hmacSha256";

describe("sha256Hex and hmacSha256Hex", () => {
  it("match the published test vectors", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // RFC 4231 test case 2
    expect(hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("equal node:crypto for any key and message, across block boundaries and in UTF-8", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 150 }), fc.string({ unit: "binary", maxLength: 300 }), (key, message) => {
        const expected = createHmac("sha256", Buffer.from(key, "utf8")).update(message, "utf8").digest("hex");
        expect(hmacSha256Hex(key, message)).toBe(expected);
        expect(createKeyHasher(key)(message)).toBe(expected);
        expect(sha256Hex(message)).toBe(createHash("sha256").update(message, "utf8").digest("hex"));
      }),
      { numRuns: 400 },
    );
  });

  it("equal node:crypto for byte keys and messages", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 130 }), fc.uint8Array({ maxLength: 200 }), (key, message) => {
        expect(hmacSha256Hex(key, message)).toBe(createHmac("sha256", key).update(message).digest("hex"));
      }),
    );
  });

  it("a hasher gives the same hash for the same id however many ids came between", () => {
    const hasher = createKeyHasher("hemlig nyckel");
    const first = hasher("19850312-1235");
    for (let i = 0; i < 100; i++) hasher(`Åsa Öberg ${"x".repeat(i)}`);
    expect(hasher("19850312-1235")).toBe(first);
    expect(createKeyHasher("en annan nyckel")("19850312-1235")).not.toBe(first);
  });
});

describe("utf8Bytes", () => {
  it("equals Buffer's UTF-8, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }), (text) => {
        expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, "utf8"));
      }),
    );
  });
});
