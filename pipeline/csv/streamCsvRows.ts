/**
 * Streams a CSV file row by row: bytes -> streaming decoder -> rows (papaparse for text with
 * quotes, a plain cut by line break and delimiter for text without), with the partial
 * last row of each chunk carried to the next, so memory stays bounded whatever the file size.
 * Each row comes with the line it starts on as a text editor counts lines (a quoted field
 * with line breaks makes a row span several lines). Blank lines are counted, not passed on.
 * A stretch of the file can be read on its own (a part read in parallel): from `skip` to
 * `end`, which must fall just after a line break; its lines are then counted from its start.
 */
import Papa from "papaparse";
import { issue, type Issue } from "../../core/issues/issues";
import { detachText } from "../../core/measures/detachText";
import { countLineBreaks } from "./countLineBreaks";
import { createDecoder } from "./createDecoder";
import { readChunks } from "./readChunks";
import type { CsvEncoding } from "../../core/sources/csvEncoding";
import type { Delimiter, Newline } from "./sniffHeader";

export interface StreamCsvOptions {
  readonly file: string;
  readonly encoding: CsvEncoding;
  /** Bytes to skip at the start (the BOM), or where a stretch of the file starts. */
  readonly skip: number;
  /** Where a stretch ends (exclusive), just after a line break; the file's end when absent. */
  readonly end?: number;
  /** The stretch starts after the header, just after a line break: a U+FEFF there is text, not a BOM. */
  readonly startsInside?: boolean;
  readonly delimiter: Delimiter;
  readonly newline: Newline;
  /**
   * Columns (0-based) whose text the caller never reads: in a row of two fields or more they
   * are given as "" (the row keeps its width), which saves cutting a string per cell (the
   * 1 000 000-row case list reads 3 of its 5 columns: about 10 ms CPU). Text with quotes is cut whole.
   */
  readonly unread?: readonly boolean[];
  /** Called for every row that is not blank, in order; `line` is 1-based. */
  readonly onRow: (fields: string[], line: number) => void;
  /** Called after each chunk with the bytes read so far (for a progress bar). */
  readonly onBytes?: (bytes: number) => void;
  /** Called with each raw chunk and its file offset before it is decoded (to hash or check it); valid only during the call. */
  readonly onChunk?: (chunk: Buffer, offset: number) => void;
  /** A record longer than this (characters) is taken for a quote never closed. Default 8 MiB. */
  readonly maxRecordChars?: number;
  /** Read size; default readChunks.ts DEFAULT_CHUNK_BYTES. */
  readonly chunkBytes?: number;
}

export interface StreamCsvResult {
  /** Rows passed to onRow. */
  readonly rows: number;
  /** Rows a stray quote kept from onRow (each has a csv/stray-quote issue, though not all are kept). */
  readonly rejectedRows: number;
  /** Lines a stretch held, blank ones and those inside quoted fields included. */
  readonly lines: number;
  /** Whether the text held a quote character (then a line break may lie inside a field). */
  readonly quoted: boolean;
  /** A stretch ended inside a row (`end` was not just after a row's line break): that row was not passed on. */
  readonly endedInsideRow: boolean;
  /**
   * Problems with the file's structure, whose rows are not passed on: every csv/malformed-quotes
   * (a quote never closed, the file cut off), and the first MAX_ISSUES_KEPT csv/stray-quote.
   */
  readonly issues: readonly Issue[];
}

/** Stray-quote issues kept (the rest are counted as rejected rows only): a file of a million bad rows stays small. */
export const MAX_ISSUES_KEPT = 1000;

interface PapaResult {
  data: string[][];
  errors: Array<{ code: string; row?: number; index?: number }>;
  meta: { cursor: number };
}

export async function streamCsvRows(options: StreamCsvOptions): Promise<StreamCsvResult> {
  const { file, delimiter, newline, onRow } = options;
  const unread = options.unread ?? [];
  const maxRecordChars = options.maxRecordChars ?? 8 * 1024 * 1024;
  const stretch = options.end !== undefined;
  const decoder = createDecoder(options.encoding, { startsFile: !options.startsInside });
  const issues: Issue[] = [];
  let partial = "";
  let nextLine = 1;
  let rows = 0;
  let rejectedRows = 0;
  let bytes = options.skip;
  let stopped = false;
  let quotedAnywhere = false;

  /**
   * Text without a quote: rows end at line breaks and fields at the delimiter, exactly as
   * papaparse reads such text (its "fast mode": split at line breaks, then each line at the
   * delimiter), but each field is cut from the text directly, found with indexOf: no string
   * per line, no per-row split, no result objects. The 1 000 000-row case list: about 80 ms
   * less CPU than papaparse (0.55 s to 0.47 s for the whole import on one core). All rows of
   * the chunk are cut before any is measured: about 20 ms faster than measuring each as it is cut.
   */
  const takePlain = (input: string, last: boolean): void => {
    if (input === "") return; // papaparse gives no row for no text
    const data: string[][] = [];
    let from = 0;
    // The next delimiter at or after the field being cut; searched again only once passed, so
    // rows with fewer fields than others never make the search run over the text twice.
    let delimiterAt = input.indexOf(delimiter);
    for (;;) {
      const breakAt = input.indexOf(newline, from);
      // Without a line break, the rest is the last row (end of file) or waits for the next chunk.
      if (breakAt < 0 && !last) break;
      const end = breakAt < 0 ? input.length : breakAt;
      const fields: string[] = [];
      let start = from;
      while (delimiterAt !== -1 && delimiterAt < end) {
        fields.push(unread[fields.length] === true ? "" : input.substring(start, delimiterAt));
        start = delimiterAt + 1;
        delimiterAt = input.indexOf(delimiter, start);
      }
      // A row of one field is always cut: a lone text is not a blank line.
      fields.push(fields.length > 0 && unread[fields.length] === true ? "" : input.substring(start, end));
      data.push(fields);
      if (breakAt < 0) {
        from = input.length;
        break;
      }
      from = breakAt + newline.length;
    }
    partial = last ? "" : input.substring(from);
    for (let r = 0; r < data.length; r++) {
      const fields = data[r]!;
      const line = nextLine++;
      if (fields.length === 1 && fields[0] === "") continue; // a blank line
      rows++;
      onRow(fields, line);
    }
  };

  const take = (text: string, last: boolean): void => {
    const input = partial + text;
    const quoted = input.indexOf('"') !== -1;
    if (!quoted) {
      takePlain(input, last);
    } else {
      quotedAnywhere = true;
      takeQuoted(input, last);
    }
    if (partial.length > maxRecordChars) {
      // A quote opened and never closed swallows the rest of the file: stop here.
      issues.push(issue("csv/malformed-quotes", "error", { file, row: nextLine }));
      stopped = true;
    }
  };

  const takeQuoted = (input: string, last: boolean): void => {
    // A fresh parser per chunk: papaparse keeps no state between parse() calls that we need.
    const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
    const result = parser.parse(input, 0, !last) as PapaResult;
    const bad = new Map<number, string>();
    for (const error of result.errors) {
      if (error.row !== undefined && error.row < result.data.length && !bad.has(error.row)) bad.set(error.row, error.code);
    }
    const data = result.data;
    for (let r = 0; r < data.length; r++) {
      const fields = data[r]!;
      const line = nextLine;
      let breaks = 0;
      for (const field of fields) if (field.length > 0) breaks += countLineBreaks(field);
      nextLine += 1 + breaks;
      const problem = bad.size > 0 ? bad.get(r) : undefined;
      if (problem !== undefined) {
        const found = quoteIssue(problem, file, line, fields);
        if (found.code === "csv/malformed-quotes") {
          issues.push(found); // a quote never closed: the file is cut off; always kept, it rejects the file
        } else {
          rejectedRows++; // a stray quote rejects its row
          if (issues.length < MAX_ISSUES_KEPT) issues.push(found);
        }
        continue;
      }
      if (fields.length === 1 && fields[0] === "") continue; // a blank line
      rows++;
      onRow(fields, line);
    }
    partial = last ? "" : input.substring(result.meta.cursor);
  };

  const range = { start: options.skip, ...(stretch ? { end: options.end! } : {}), ...(options.chunkBytes ? { chunkBytes: options.chunkBytes } : {}) };
  for await (const chunk of readChunks(file, range)) {
    options.onChunk?.(chunk, bytes);
    bytes += chunk.length;
    take(decoder.write(chunk), false);
    options.onBytes?.(bytes);
    if (stopped) break;
  }
  // A stretch ends just after a line break: nothing of a row is left over when it ends.
  if (!stopped) take(decoder.end(), !stretch);
  return { rows, rejectedRows, lines: nextLine - 1, quoted: quotedAnywhere, endedInsideRow: partial !== "", issues };
}

function quoteIssue(code: string, file: string, line: number, fields: readonly string[]): Issue {
  const column = fields.length;
  // Detached: a kept issue must not keep the chunk its text was cut from.
  const raw = detachText((fields[fields.length - 1] ?? "").slice(0, 40));
  return code === "MissingQuotes"
    ? issue("csv/malformed-quotes", "error", { file, row: line, column, raw })
    : issue("csv/stray-quote", "error", { file, row: line, raw });
}
