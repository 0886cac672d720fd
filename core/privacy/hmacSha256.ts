/**
 * SHA-256 and HMAC-SHA256 in plain TypeScript, hex out: the keyed hash that replaces
 * identity numbers and household ids before anything is stored. Runs unchanged in the
 * browser (task pane) and in Node; tested against node:crypto.
 *
 * @example hmacSha256Hex("hemlig nyckel", "19850312-1235") // "64 hex digits"
 * @example createKeyHasher("hemlig nyckel")("H104233")     // same as hmacSha256Hex(key, "H104233")
 */
import type { KeyHasher } from "../measures/measure";

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** UTF-8 bytes of a string, as TextEncoder gives them (TextEncoder is not in the core's ES2022 lib). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // a lone surrogate, as TextEncoder writes it
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 0x3f));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f));
  }
  return Uint8Array.from(out);
}

const W = new Uint32Array(64);

/** Runs the compression function over one 64-byte block at `offset`, updating `state`. */
function compress(state: Uint32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = ((block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!) >>> 0;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) >>> 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[i]! + W[i]!) >>> 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) >>> 0;
    h = g; g = f; f = e; e = (d + t1) >>> 0;
    d = c; c = b; b = a; a = (t1 + t2) >>> 0;
  }
  state[0] = (state[0]! + a) >>> 0; state[1] = (state[1]! + b) >>> 0;
  state[2] = (state[2]! + c) >>> 0; state[3] = (state[3]! + d) >>> 0;
  state[4] = (state[4]! + e) >>> 0; state[5] = (state[5]! + f) >>> 0;
  state[6] = (state[6]! + g) >>> 0; state[7] = (state[7]! + h) >>> 0;
}

/**
 * Finishes a hash whose state has already absorbed `prefixLength` bytes (whole blocks),
 * over the remaining `message`. Returns the 32-byte digest.
 */
function finish(start: Uint32Array, prefixLength: number, message: Uint8Array): Uint8Array {
  const state = Uint32Array.from(start);
  const total = prefixLength + message.length;
  const paddedLength = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 0x80;
  writeBitLength(padded, paddedLength, total * 8); // messages here are far below 2^53 bits
  for (let offset = 0; offset < paddedLength; offset += 64) compress(state, padded, offset);
  const digest = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    digest[i * 4] = word >>> 24; digest[i * 4 + 1] = (word >>> 16) & 0xff;
    digest[i * 4 + 2] = (word >>> 8) & 0xff; digest[i * 4 + 3] = word & 0xff;
  }
  return digest;
}

/** Character codes of the hex digits 0-9 a-f. */
const HEX_DIGITS = Array.from("0123456789abcdef", (digit) => digit.charCodeAt(0));

/** The character codes of one digest's hex, reused: a hash per CSV row leaves no garbage here. */
const digestCodes = new Array<number>(64).fill(0);

/**
 * Lower-case hex of a 32-byte digest as one flat string, made from character codes in one
 * call. Not built with `+=`: that makes a rope of 64 pieces, and a set of many thousand
 * hashed ids kept as ropes took several times the memory of flat strings.
 */
function toHex(digest: Uint8Array): string {
  for (let i = 0; i < 32; i++) {
    digestCodes[i * 2] = HEX_DIGITS[digest[i]! >>> 4]!;
    digestCodes[i * 2 + 1] = HEX_DIGITS[digest[i]! & 0x0f]!;
  }
  return String.fromCharCode.apply(null, digestCodes);
}

function asBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === "string" ? utf8Bytes(input) : input;
}

/** SHA-256 of a text (as UTF-8) or of bytes, as 64 lower-case hex digits. */
export function sha256Hex(input: string | Uint8Array): string {
  return toHex(finish(INITIAL, 0, asBytes(input)));
}

/** The HMAC inner and outer states with the padded key absorbed. */
function keyStates(key: string | Uint8Array): { readonly inner: Uint32Array; readonly outer: Uint32Array } {
  let keyBytes = asBytes(key);
  if (keyBytes.length > 64) keyBytes = finish(INITIAL, 0, keyBytes);
  const innerPad = new Uint8Array(64).fill(0x36);
  const outerPad = new Uint8Array(64).fill(0x5c);
  keyBytes.forEach((byte, i) => {
    innerPad[i] = byte ^ 0x36;
    outerPad[i] = byte ^ 0x5c;
  });
  const inner = Uint32Array.from(INITIAL);
  compress(inner, innerPad, 0);
  const outer = Uint32Array.from(INITIAL);
  compress(outer, outerPad, 0);
  return { inner, outer };
}

/**
 * A keyed hasher (HMAC-SHA256, hex) with the key absorbed once, so each id costs only
 * two or three compressions. Ids are hashed as UTF-8. Reuses its buffers: ids are short
 * and many (one per CSV row), so this is the hot path of a distinct-count measure.
 */
export function createKeyHasher(key: string | Uint8Array): KeyHasher {
  const { inner, outer } = keyStates(key);
  const state = new Uint32Array(8);
  const block = new Uint8Array(64);
  const digest = new Uint8Array(32);
  let buffer = new Uint8Array(128);
  return (id: string): string => {
    // UTF-8 of the id after the 64 key bytes already absorbed.
    let length = 0;
    let ascii = true;
    for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) > 0x7f) ascii = false;
    const bytes = ascii ? undefined : utf8Bytes(id);
    const size = bytes === undefined ? id.length : bytes.length;
    const padded = Math.ceil((size + 9) / 64) * 64;
    if (buffer.length < padded) buffer = new Uint8Array(padded);
    buffer.fill(0, 0, padded);
    if (bytes === undefined) for (; length < size; length++) buffer[length] = id.charCodeAt(length);
    else buffer.set(bytes);
    buffer[size] = 0x80;
    writeBitLength(buffer, padded, (64 + size) * 8);
    state.set(inner);
    for (let offset = 0; offset < padded; offset += 64) compress(state, buffer, offset);
    // Outer hash over the 32-byte inner digest: one block after the key block.
    block.fill(0);
    for (let i = 0; i < 8; i++) {
      const word = state[i]!;
      block[i * 4] = word >>> 24; block[i * 4 + 1] = (word >>> 16) & 0xff;
      block[i * 4 + 2] = (word >>> 8) & 0xff; block[i * 4 + 3] = word & 0xff;
    }
    block[32] = 0x80;
    writeBitLength(block, 64, (64 + 32) * 8);
    state.set(outer);
    compress(state, block, 0);
    for (let i = 0; i < 8; i++) {
      const word = state[i]!;
      digest[i * 4] = word >>> 24; digest[i * 4 + 1] = (word >>> 16) & 0xff;
      digest[i * 4 + 2] = (word >>> 8) & 0xff; digest[i * 4 + 3] = word & 0xff;
    }
    return toHex(digest);
  };
}

/** Writes a bit length as the big-endian 64-bit tail of a padded message of `end` bytes. */
function writeBitLength(bytes: Uint8Array, end: number, bits: number): void {
  const high = Math.floor(bits / 0x100000000);
  const low = bits >>> 0;
  bytes[end - 8] = high >>> 24; bytes[end - 7] = (high >>> 16) & 0xff;
  bytes[end - 6] = (high >>> 8) & 0xff; bytes[end - 5] = high & 0xff;
  bytes[end - 4] = low >>> 24; bytes[end - 3] = (low >>> 16) & 0xff;
  bytes[end - 2] = (low >>> 8) & 0xff; bytes[end - 1] = low & 0xff;
}

/** HMAC-SHA256 of a message under a key, as 64 lower-case hex digits (RFC 2104). */
export function hmacSha256Hex(key: string | Uint8Array, message: string | Uint8Array): string {
  const { inner, outer } = keyStates(key);
  return toHex(finish(outer, 64, finish(inner, 64, asBytes(message))));
}
