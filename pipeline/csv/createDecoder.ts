/**
 * Streaming decoders: bytes in chunks -> text, with a character split across two chunks
 * (å in UTF-8 is two bytes) put back together, and never a BOM in the text.
 *
 * windows-1252 is decoded here with its own table: Node 20's TextDecoder("windows-1252")
 * decodes 0x80-0x9F as ISO-8859-1 control characters when not streaming, and as € ’ – when
 * streaming, so the same file could read differently depending on where chunks fall.
 *
 * UTF-16 LE (the large exports: Excel's "Unicode text") is decoded with Buffer, about twice
 * as fast as Node 20's TextDecoder, giving exactly TextDecoder's text.
 */
import type { CsvEncoding } from "../../core/sources/csvEncoding";

// String.prototype.isWellFormed and toWellFormed are ES2024 (in Node 20); the project's lib is ES2022.
declare global {
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

export interface ChunkDecoder {
  /** Text for this chunk; a split character waits for the next chunk. */
  write(chunk: Uint8Array): string;
  /** Whatever is left at the end of the file (a replacement character for a cut-off character). */
  end(): string;
}

/** windows-1252 bytes 0x80-0x9F; undefined ones map to the same code point, as WHATWG does. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const CP1252_MAP: Readonly<Record<string, string>> = Object.fromEntries(
  CP1252_HIGH.map((code, i) => [String.fromCharCode(0x80 + i), String.fromCharCode(code)]),
);
const C1 = /[\u0080-\u009f]/g;

/** Decodes windows-1252 bytes (no state: every byte is one character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(C1, (c) => CP1252_MAP[c] ?? c);
}

/** `startsFile: false` for a stretch that starts inside a file: a U+FEFF there is text, not a BOM. */
export function createDecoder(encoding: CsvEncoding, { startsFile = true }: { startsFile?: boolean } = {}): ChunkDecoder {
  if (encoding === "windows-1252") {
    return { write: decodeWindows1252, end: () => "" };
  }
  // A BOM is kept as U+FEFF and stripped below once: a BOM is only ever at the start, and
  // the caller already skipped its bytes; this guards a doubled BOM.
  const decoder = encoding === "utf-16le" ? createUtf16LeDecoder() : createTextDecoder(encoding);
  let first = startsFile;
  const stripFirstBom = (text: string): string => {
    if (!first || text === "") return text;
    first = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  };
  return {
    write: (chunk) => stripFirstBom(decoder.write(chunk)),
    end: () => stripFirstBom(decoder.end()),
  };
}

function createTextDecoder(encoding: "utf-8" | "utf-16be"): ChunkDecoder {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
}

/**
 * UTF-16 LE as TextDecoder("utf-16le") reads it, with Buffer's faster decoding: a character
 * whose bytes are split across chunks waits for the next chunk; an unpaired surrogate becomes
 * U+FFFD; whatever is left unfinished at the end (half a unit, a lone lead surrogate) is one U+FFFD.
 */
function createUtf16LeDecoder(): ChunkDecoder {
  let carry = Buffer.alloc(0);
  return {
    write: (chunk) => {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const data = carry.length > 0 ? Buffer.concat([carry, bytes]) : bytes;
      let whole = data.length - (data.length % 2);
      // A lead surrogate last: its trail may be the next chunk's first unit.
      if (whole >= 2 && isLeadSurrogate(data.readUInt16LE(whole - 2))) whole -= 2;
      carry = Buffer.from(data.subarray(whole));
      const text = data.toString("utf16le", 0, whole);
      return text.isWellFormed() ? text : text.toWellFormed();
    },
    end: () => (carry.length > 0 ? "\uFFFD" : ""),
  };
}

function isLeadSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
