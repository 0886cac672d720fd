/**
 * Chooses a file's encoding: a byte-order mark decides; else the profile's named encoding;
 * else UTF-8 when every byte of the file is valid UTF-8, otherwise windows-1252.
 * A UTF-16 file saved without BOM is recognised by its zero bytes.
 */
import type { CsvEncoding } from "./csvEncoding";

export interface Bom {
  readonly encoding: CsvEncoding;
  /** Bytes to skip at the start of the file. */
  readonly length: number;
}

/** The byte-order mark at the start of `head`, if any. */
export function detectBom(head: Uint8Array): Bom | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/**
 * UTF-16 without BOM: ASCII text has a zero byte in every other position.
 * Returns the byte order when at least a third of the sampled pairs look like that.
 */
export function sniffUtf16(head: Uint8Array): CsvEncoding | undefined {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return undefined;
  let zeroHigh = 0;
  let zeroLow = 0;
  for (let i = 0; i < pairs; i++) {
    const a = head[2 * i];
    const b = head[2 * i + 1];
    if (a !== 0 && b === 0) zeroHigh++;
    if (a === 0 && b !== 0) zeroLow++;
  }
  if (zeroHigh * 3 >= pairs) return "utf-16le";
  if (zeroLow * 3 >= pairs) return "utf-16be";
  return undefined;
}

export interface EncodingChoice {
  readonly encoding: CsvEncoding;
  /** Bytes of BOM to skip. */
  readonly skip: number;
  /** How it was chosen, for the summary. */
  readonly reason: "bom" | "profile" | "valid-utf-8" | "not-utf-8" | "utf-16-zero-bytes";
}

export function chooseEncoding(input: {
  readonly head: Uint8Array;
  /** Whether the whole file (after any BOM) is valid UTF-8. */
  readonly validUtf8: boolean;
  /** The profile's encoding, if it names one. */
  readonly named?: CsvEncoding | undefined;
}): EncodingChoice {
  const bom = detectBom(input.head);
  if (bom) return { encoding: bom.encoding, skip: bom.length, reason: "bom" };
  if (input.named) return { encoding: input.named, skip: 0, reason: "profile" };
  const utf16 = sniffUtf16(input.head);
  if (utf16) return { encoding: utf16, skip: 0, reason: "utf-16-zero-bytes" };
  return input.validUtf8
    ? { encoding: "utf-8", skip: 0, reason: "valid-utf-8" }
    : { encoding: "windows-1252", skip: 0, reason: "not-utf-8" };
}
