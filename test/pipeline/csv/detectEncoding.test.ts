// Choosing the encoding: BOM first, then the profile's name, then UTF-8 if valid, else windows-1252.
import fc from "fast-check";
import { isUtf8 } from "node:buffer";
import { chooseEncoding, detectBom, sniffUtf16 } from "../../../core/sources/chooseEncoding";
import { completeUtf8Length, findInvalidUtf8 } from "../../../pipeline/csv/findInvalidUtf8";
import { detectDelimiter, firstLine } from "../../../pipeline/csv/sniffHeader";

describe("chooseEncoding", () => {
  it("lets a BOM decide, whatever the profile says", () => {
    const head = Buffer.from([0xff, 0xfe, 0x41, 0x00]);
    expect(chooseEncoding({ head, validUtf8: false, named: "windows-1252" })).toMatchObject({ encoding: "utf-16le", skip: 2 });
    expect(detectBom(Buffer.from([0xfe, 0xff, 0x00, 0x41]))).toEqual({ encoding: "utf-16be", length: 2 });
    expect(detectBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: "utf-8", length: 3 });
  });

  it("takes the profile's encoding when there is no BOM", () => {
    expect(chooseEncoding({ head: Buffer.from("Period;Kön"), validUtf8: true, named: "windows-1252" }).encoding).toBe("windows-1252");
  });

  it("falls back to windows-1252 when the file is not valid UTF-8", () => {
    expect(chooseEncoding({ head: Buffer.from([0x46, 0xf6, 0x72]), validUtf8: false }).encoding).toBe("windows-1252");
    expect(chooseEncoding({ head: Buffer.from("Förvaltning"), validUtf8: true }).encoding).toBe("utf-8");
  });

  it("recognises UTF-16 saved without a BOM by its zero bytes", () => {
    expect(sniffUtf16(Buffer.from("Ärendenummer\tEnhet", "utf16le"))).toBe("utf-16le");
    expect(sniffUtf16(Buffer.from("Ärendenummer\tEnhet", "utf16le").swap16())).toBe("utf-16be");
    expect(sniffUtf16(Buffer.from("Period;Kön"))).toBeUndefined();
  });
});

describe("findInvalidUtf8", () => {
  it("agrees with Node's own UTF-8 check on any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(findInvalidUtf8(bytes) === -1).toBe(isUtf8(bytes));
      }),
    );
  });

  it("points at the windows-1252 ö in an otherwise UTF-8 line", () => {
    const bytes = Buffer.concat([Buffer.from("Kön;"), Buffer.from([0x46, 0xf6, 0x72])]);
    expect(findInvalidUtf8(bytes)).toBe(6); // "Kön;" is 5 bytes in UTF-8, then "F"
  });

  it("cuts a chunk before a character split at its end", () => {
    const bytes = Buffer.from("aå", "utf8");
    expect(completeUtf8Length(bytes.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(bytes)).toBe(3);
  });
});

describe("the header line", () => {
  it("detects ; , and tab by what the header holds most of, outside quotes", () => {
    expect(detectDelimiter("Period;Förvaltning;Enhet")).toBe(";");
    expect(detectDelimiter("Ärendenummer\tFörsta kontakt\tBeslutsdatum")).toBe("\t");
    expect(detectDelimiter('"Belopp; kr",Datum,Namn')).toBe(",");
  });

  it("finds CRLF, LF or CR and skips blank lines before the header", () => {
    expect(firstLine("\r\n\r\nA;B\r\n1;2")).toEqual({ line: "A;B", lineNumber: 3, newline: "\r\n" });
    expect(firstLine('"A\nB";C\n1;2')).toEqual({ line: '"A\nB";C', lineNumber: 1, newline: "\n" });
    expect(firstLine("A;B\r1;2").newline).toBe("\r");
  });
});
