import fc from "fast-check";
import { createWebCryptoHasher } from "../../../addin/taskpane/webCryptoHasher";
import { makeKeyHasher } from "../../../pipeline/ledger/loadHashKey";

/**
 * The keyed hashes of ledgers written so far, by the hand-written SHA-256 the core had until
 * issue 14 (computed with it before it was removed): node:crypto and Web Crypto must give
 * exactly these, or every ledger's distinct counts would break at the next import.
 */
const LEDGER_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const KNOWN = [
  ["198503121235", "79238ec3fd643c5a1040c93b951b93e46b20d5ceb316c167a27ca2b17c20728e"],
  ["H104233", "3d2db5937aee6ef155e0859f7385754b256b58bc387d339b370ef5d49381a03c"],
  ["ÅSA-ÖBERG", "4e8e12021c75b27781d7f496ec89f1a19f91aaa9b6c7ee0e1d92f94fda4db8b3"],
] as const;

const pipelineHasher = (key: string) => makeKeyHasher(Buffer.from(key, "utf8"));
const paneHasher = (key: string) => createWebCryptoHasher(new TextEncoder().encode(key));

describe("the keyed hash of the pipeline (node:crypto) and of the task pane (Web Crypto)", () => {
  it("gives the hashes that today's ledgers hold", async () => {
    const ids = KNOWN.map(([id]) => id);
    const hashes = KNOWN.map(([, hash]) => hash);
    expect(await pipelineHasher(LEDGER_KEY).hashAll(ids)).toEqual(hashes);
    expect(ids.map((id) => pipelineHasher(LEDGER_KEY).hashOne(id))).toEqual(hashes);
    expect(await paneHasher(LEDGER_KEY).hashAll(ids)).toEqual(hashes);
  });

  it("is HMAC-SHA256 (RFC 4231, test case 2)", async () => {
    const expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    expect(await pipelineHasher("Jefe").hashAll(["what do ya want for nothing?"])).toEqual([expected]);
    expect(await paneHasher("Jefe").hashAll(["what do ya want for nothing?"])).toEqual([expected]);
  });

  it("is the same in both for any key and id, in UTF-8, longer than a block too", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 150 }), fc.array(fc.string({ maxLength: 200 }), { maxLength: 5 }), async (key, ids) => {
        expect(await paneHasher(key).hashAll(ids)).toEqual(await pipelineHasher(key).hashAll(ids));
      }),
      { numRuns: 100 },
    );
  });
});
