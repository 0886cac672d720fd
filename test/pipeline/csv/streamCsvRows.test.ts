// Streaming rows from files: line numbers as an editor shows them, text intact across
// chunk boundaries in a file larger than a chunk, no BOM in the header, quotes cut off.
import fc from "fast-check";
import Papa from "papaparse";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { streamCsvRows } from "../../../pipeline/csv/streamCsvRows";
import type { CsvEncoding } from "../../../core/sources/csvEncoding";
import type { Delimiter, Newline } from "../../../pipeline/csv/sniffHeader";

const FIXTURES = join(__dirname, "../../fixtures/csv");

async function rowsOf(
  file: string,
  encoding: CsvEncoding,
  options: { skip?: number; delimiter?: Delimiter; newline?: Newline; chunkBytes?: number } = {},
) {
  const rows: Array<{ fields: string[]; line: number }> = [];
  const result = await streamCsvRows({
    file,
    encoding,
    skip: options.skip ?? 0,
    delimiter: options.delimiter ?? ";",
    newline: options.newline ?? "\r\n",
    ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}),
    onRow: (fields, line) => rows.push({ fields, line }),
  });
  return { rows, issues: result.issues };
}

describe("streamCsvRows", () => {
  it("gives each row the line a text editor shows, when quoted fields hold delimiters and line breaks", async () => {
    for (const chunkBytes of [7, 64, 1024 * 1024]) {
      const { rows } = await rowsOf(join(FIXTURES, "quoted-fields-with-line-breaks.csv"), "utf-8", { chunkBytes });
      expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
      expect(rows[1]!.fields[2]).toBe("Jobb; Kompetens");
      expect(rows[2]!.fields[2]).toBe("Öppen\r\nverksamhet\r\nSöder");
      expect(rows[3]!.fields[5]).toBe("tolv");
    }
  });

  it("counts blank lines but does not pass them on", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-csv-"));
    const file = join(dir, "blank-lines.csv");
    writeFileSync(file, "A;B\n\n1;2\n\n\n3;4\n");
    const { rows } = await rowsOf(file, "utf-8", { newline: "\n" });
    expect(rows).toEqual([
      { fields: ["A", "B"], line: 1 },
      { fields: ["1", "2"], line: 3 },
      { fields: ["3", "4"], line: 6 },
    ]);
  });

  it("keeps å, ä and ö of a text column intact in a file many chunks long, in UTF-8 and UTF-16", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-csv-"));
    const units = ["Jobbcenter Åby", "Öppen förskola Ängen", "Kompetens Östra", "Välfärd Söder"];
    const lines = ["Nr;Enhet"];
    for (let i = 0; i < 5000; i++) lines.push(`${i};${units[i % units.length]}`);
    const text = `${lines.join("\r\n")}\r\n`;
    const cases: Array<[CsvEncoding, Buffer, number]> = [
      ["utf-8", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), 3],
      ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), 2],
    ];
    for (const [encoding, bytes, skip] of cases) {
      const file = join(dir, `${encoding}.csv`);
      writeFileSync(file, bytes);
      // 4 099 bytes: an odd size, so chunks split two-byte characters and UTF-16 code units.
      const { rows } = await rowsOf(file, encoding, { skip, chunkBytes: 4099 });
      expect(bytes.length).toBeGreaterThan(20 * 4099);
      expect(rows[0]!.fields).toEqual(["Nr", "Enhet"]);
      expect(rows).toHaveLength(5001);
      rows.slice(1).forEach((row, i) => {
        expect(row.fields).toEqual([String(i), units[i % units.length]]);
        expect(row.line).toBe(i + 2);
      });
    }
  });

  it("never leaves the BOM in the first header", async () => {
    const { rows } = await rowsOf(join(FIXTURES, "utf8-bom-semicolon-crlf.csv"), "utf-8", { skip: 3 });
    expect(rows[0]!.fields[0]).toBe("Period");
    const utf16 = await rowsOf(join(FIXTURES, "utf16-tab-excel-unicode-text.txt"), "utf-16le", { skip: 2, delimiter: "\t" });
    expect(utf16.rows[0]!.fields[0]).toBe("Ärendenummer");
    const be = await rowsOf(join(FIXTURES, "utf16be-bom-tab.txt"), "utf-16be", { skip: 2, delimiter: "\t" });
    expect(be.rows[0]!.fields[0]).toBe("Ärendenummer");
    expect(be.rows.slice(1).every((r) => r.fields.length === 5)).toBe(true);
  });

  it("reads LF files like CRLF files", async () => {
    const crlf = await rowsOf(join(FIXTURES, "utf8-bom-semicolon-crlf.csv"), "utf-8", { skip: 3 });
    const lf = await rowsOf(join(FIXTURES, "utf8-no-bom-lf.csv"), "utf-8", { newline: "\n" });
    expect(lf.rows).toEqual(crlf.rows);
  });

  it("reports a quote opened and never closed (a file cut off mid-write) at its line, and drops that row", async () => {
    for (const chunkBytes of [5, 1024 * 1024]) {
      const { rows, issues } = await rowsOf(join(FIXTURES, "bad-cut-off-inside-quotes.csv"), "utf-8", { skip: 3, chunkBytes });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: "csv/malformed-quotes", row: 6, column: 3 });
      expect(rows).toHaveLength(5);
    }
  });

  it("stops at a runaway quote instead of holding the rest of the file in memory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-csv-"));
    const file = join(dir, "runaway.csv");
    writeFileSync(file, `A;B\n1;"never closed\n${"x;y\n".repeat(20000)}`);
    const { issues } = await rowsOf(file, "utf-8", { newline: "\n", chunkBytes: 1000 });
    expect(issues[0]).toMatchObject({ code: "csv/malformed-quotes" });
    expect(readFileSync(file).length).toBeGreaterThan(50_000);
  });
});

describe("streamCsvRows on any content", () => {
  const quote = (field: string): string => (/[;"\r\n]/.test(field) || field === "" ? `"${field.replace(/"/g, '""')}"` : field);
  const field = fc.stringMatching(/^[a-zåäöÅÄÖ0-9 ;"\n,é€-]{0,12}$/);

  it("gives back every field, whatever it holds, and the line each row starts on, for any chunk size", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-csv-prop-"));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom<Newline>("\r\n", "\n"),
        async (rows, chunkBytes, newline) => {
          const file = join(dir, `p${n++}.csv`);
          writeFileSync(file, `${rows.map((row) => row.map(quote).join(";")).join(newline)}${newline}`);
          const { rows: read, issues } = await rowsOf(file, "utf-8", { newline, chunkBytes });
          expect(issues).toEqual([]);
          expect(read.map((r) => r.fields)).toEqual(rows);
          let line = 1;
          rows.forEach((row, i) => {
            expect(read[i]!.line).toBe(line);
            line += 1 + row.join("").split("\n").length - 1;
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("streamCsvRows on text without quotes (cut by its own fast path, unread columns left uncut; issue 14)", () => {
  // Any character but the quote: delimiters of every kind, tabs, line breaks of every kind, å, €.
  const piece = fc.stringMatching(/^[a-zåäöÅÄÖ0-9 ;,|\t\r\n€-]{0,10}$/);

  it("gives the rows, fields and lines that papaparse gives for the whole text, for any chunk size and unread columns", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-csv-plain-"));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { minLength: 0, maxLength: 40 }),
        fc.constantFrom<Delimiter>(";", "\t", ",", "|"),
        fc.constantFrom<Newline>("\r\n", "\n", "\r"),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        async (pieces, delimiter, newline, chunkBytes, unread) => {
          const text = pieces.join("");
          const file = join(dir, `p${n++}.csv`);
          writeFileSync(file, text);
          const read: Array<{ fields: string[]; line: number }> = [];
          const result = await streamCsvRows({
            file, encoding: "utf-8", skip: 0, delimiter, newline, chunkBytes, unread,
            onRow: (fields, line) => read.push({ fields, line }),
          });
          // The independent reading: papaparse over the whole text at once; without quotes
          // every row is one line, and a blank line is counted but not passed on.
          const papa = Papa.parse<string[]>(text, { delimiter, newline }).data;
          // Unread columns come as "", but a row keeps its width, and a lone field is always given.
          const blanked = (fields: string[]): string[] => (fields.length < 2 ? fields : fields.map((text, column) => (unread[column] ? "" : text)));
          const expected = papa.flatMap((fields, index) => (fields.length === 1 && fields[0] === "" ? [] : [{ fields: blanked(fields), line: index + 1 }]));
          expect(read).toEqual(expected);
          // A line break at the very end ends the last line; it starts no line of its own.
          expect(result.lines).toBe(papa.length - (text.endsWith(newline) ? 1 : 0));
          expect(result.issues).toEqual([]);
          expect(result.quoted).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
