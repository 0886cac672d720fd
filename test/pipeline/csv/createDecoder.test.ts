// Decoding in chunks: å, ä and ö survive any chunk boundary; windows-1252 reads the same
// chunked or whole; a BOM never reaches the text.
import fc from "fast-check";
import { createDecoder, decodeWindows1252 } from "../../../pipeline/csv/createDecoder";
import type { CsvEncoding } from "../../../core/sources/csvEncoding";

const TEXT = "Förvaltning;Åldersgrupp;Kön\r\nArbetsmarknadsförvaltningen;30–49;Kvinna\r\nÖppen förskola 😀;ÄÅÖ;Man\r\n";

function encode(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  if (encoding === "utf-16le") return Buffer.from(text, "utf16le");
  if (encoding === "utf-16be") return Buffer.from(text, "utf16le").swap16();
  const map: Record<string, number> = { "–": 0x96, "€": 0x80, "’": 0x92 };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

function decodeInPieces(bytes: Buffer, encoding: CsvEncoding, cuts: number[]): string {
  const decoder = createDecoder(encoding);
  let text = "";
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    text += decoder.write(bytes.subarray(from, cut));
    from = cut;
  }
  return text + decoder.write(bytes.subarray(from)) + decoder.end();
}

describe("createDecoder", () => {
  it.each<CsvEncoding>(["utf-8", "utf-16le", "utf-16be"])("keeps å, ä, ö and emoji whole at every single split point (%s)", (encoding) => {
    const bytes = encode(TEXT, encoding);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodeInPieces(bytes, encoding, [cut])).toBe(TEXT);
    }
  });

  it.each<CsvEncoding>(["utf-8", "utf-16le", "utf-16be"])("keeps the text whole for any set of split points (%s)", (encoding) => {
    const bytes = encode(TEXT, encoding);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 12 }), (cuts) => {
        expect(decodeInPieces(bytes, encoding, cuts)).toBe(TEXT);
      }),
    );
  });

  it("reads windows-1252's € ’ – (0x80 0x92 0x96) the same whole and byte by byte", () => {
    const text = "Belopp 1 200 € – Anna’s; Åsa Öberg";
    const bytes = encode(text, "windows-1252");
    expect(decodeWindows1252(bytes)).toBe(text);
    expect(decodeInPieces(bytes, "windows-1252", Array.from({ length: bytes.length }, (_, i) => i))).toBe(text);
  });

  it("never lets a BOM into the text, even one the caller did not skip", () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Period;Kön", "utf8")]);
    expect(decodeInPieces(withBom, "utf-8", [1])).toBe("Period;Kön");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ärendenummer", "utf16le")]);
    expect(decodeInPieces(utf16, "utf-16le", [1, 3])).toBe("Ärendenummer");
  });
});
