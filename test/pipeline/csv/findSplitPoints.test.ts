// Cutting a large file for parallel reading: every cut falls just after a line break as the
// file's encoding writes it, so the stretches read back to the file's rows, whole.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findSplitPoints, newlineBytes } from "../../../pipeline/csv/findSplitPoints";
import { streamCsvRows } from "../../../pipeline/csv/streamCsvRows";
import type { CsvEncoding } from "../../../core/sources/csvEncoding";
import type { Newline } from "../../../pipeline/csv/sniffHeader";

function write(name: string, bytes: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "bilaga-split-")), name);
  writeFileSync(file, bytes);
  return file;
}

function encode(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === "utf-16le") return Buffer.from(text, "utf16le");
  if (encoding === "utf-16be") return Buffer.from(text, "utf16le").swap16();
  return Buffer.from(text, encoding === "utf-8" ? "utf8" : "latin1");
}

/** Rows of a stretch, with the lines counted from its own start. */
async function stretchRows(file: string, encoding: CsvEncoding, newline: Newline, start: number, end: number | undefined) {
  const rows: string[][] = [];
  const read = await streamCsvRows({
    file, encoding, skip: start, ...(end !== undefined ? { end } : {}), startsInside: start > 0,
    delimiter: ";", newline, onRow: (fields) => rows.push(fields),
  });
  return { rows, read };
}

describe("findSplitPoints", () => {
  const lines = Array.from({ length: 4000 }, (_, i) => `${i};Enhet Åby ${i % 7};${(i * 13) % 101},5`);

  it.each<[CsvEncoding, Newline]>([
    ["utf-8", "\r\n"],
    ["windows-1252", "\n"],
    ["utf-16le", "\r\n"],
    ["utf-16be", "\r\n"],
  ])("cuts %s with %j line breaks into stretches that hold the file's rows, each whole", async (encoding, newline) => {
    const bytes = encode(lines.join(newline) + newline, encoding);
    const file = write("export.csv", bytes);
    const cuts = await findSplitPoints({ path: file, encoding, newline, from: 0, bytes: bytes.length, parts: 4 });
    expect(cuts).toHaveLength(3);
    const breakBytes = newlineBytes(newline, encoding);
    for (const cut of cuts) expect(bytes.subarray(cut - breakBytes.length, cut).equals(breakBytes)).toBe(true);
    const bounds = [0, ...cuts, undefined];
    const rows: string[][] = [];
    let lineCount = 0;
    for (let k = 0; k < bounds.length - 1; k++) {
      const stretch = await stretchRows(file, encoding, newline, bounds[k]!, bounds[k + 1]);
      if (k < bounds.length - 2) expect(stretch.read).toMatchObject({ quoted: false, endedInsideRow: false });
      rows.push(...stretch.rows);
      lineCount += stretch.read.lines;
    }
    expect(rows.map((fields) => fields.join(";"))).toEqual(lines);
    expect(lineCount).toBeGreaterThanOrEqual(lines.length);
  });

  it("cuts UTF-16 only at a whole character, never inside one that holds the line break's bytes", async () => {
    // U+0D00 U+0A00 is 00 0D 00 0A 00 in UTF-16 LE: CR LF's bytes at an odd offset, not a line break.
    const text = `${"\u0D00\u0A00".repeat(20000)}\r\nA;B\r\n`;
    const bytes = encode(text, "utf-16le");
    const file = write("odd.txt", bytes);
    const cuts = await findSplitPoints({ path: file, encoding: "utf-16le", newline: "\r\n", from: 0, bytes: bytes.length, parts: 2 });
    expect(cuts).toEqual([80004]);
  });

  it("leaves a file in one stretch when no line break is near the middle", async () => {
    const bytes = Buffer.from(`A;B\r\n${"x".repeat(300_000)}\r\n`);
    const file = write("long-line.csv", bytes);
    expect(await findSplitPoints({ path: file, encoding: "utf-8", newline: "\r\n", from: 0, bytes: bytes.length, parts: 2 })).toEqual([]);
  });
});

describe("streamCsvRows on a stretch", () => {
  it("keeps a U+FEFF at a stretch's start as text, and says when the stretch ended inside a row", async () => {
    const text = "A;B\r\n\uFEFFx;1\r\ny;2\r\n";
    const file = write("feff.csv", Buffer.from(text, "utf8"));
    const start = Buffer.byteLength("A;B\r\n");
    const whole = await stretchRows(file, "utf-8", "\r\n", start, undefined);
    expect(whole.rows[0]![0]).toBe("\uFEFFx");
    const cut = await stretchRows(file, "utf-8", "\r\n", start, start + 4);
    expect(cut.read.endedInsideRow).toBe(true);
    expect(cut.rows).toEqual([]);
  });
});
