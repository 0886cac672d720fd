/**
 * The pane's KeyHasher: HMAC-SHA256 by the browser's own Web Crypto API, hex out, as the
 * pipeline's node:crypto gives it. The pane's key is made for the session and never leaves
 * it: the hashes only tell ids apart while the month's files are counted (the sheet keeps
 * counts, never hashes).
 *
 * @example await createWebCryptoHasher(key).hashAll(["H104233"]) // ["64 hex digits"]
 */
import type { KeyHasher } from "../../core/privacy/keyHasher";

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

function toHex(buffer: ArrayBuffer): string {
  let hex = "";
  for (const byte of new Uint8Array(buffer)) hex += HEX[byte]!;
  return hex;
}

/** A hasher under `key`; the key is imported once, on first use, as not extractable. */
export function createWebCryptoHasher(key: Uint8Array<ArrayBuffer>): KeyHasher {
  const subtle = globalThis.crypto.subtle;
  let imported: Promise<CryptoKey> | undefined;
  const encoder = new TextEncoder();
  return {
    async hashAll(ids) {
      imported ??= subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const cryptoKey = await imported;
      const signatures = await Promise.all(ids.map((id) => subtle.sign("HMAC", cryptoKey, encoder.encode(id))));
      return signatures.map(toHex);
    },
  };
}

/** A hasher under a random key made for this session. */
export function createSessionHasher(): KeyHasher {
  const key = new Uint8Array(32);
  globalThis.crypto.getRandomValues(key);
  return createWebCryptoHasher(key);
}
