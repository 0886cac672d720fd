/**
 * Reads the header line from a file's first bytes: its fields, the delimiter (; , tab or |,
 * whichever the header holds most of outside quotes) and the line break (CRLF, LF or CR).
 */
import Papa from "papaparse";
import { createDecoder } from "./createDecoder";
import type { CsvEncoding } from "../../core/sources/csvEncoding";

export type Delimiter = ";" | "," | "\t" | "|";
export type Newline = "\r\n" | "\n" | "\r";

export interface HeaderSniff {
  readonly fields: readonly string[];
  readonly delimiter: Delimiter;
  readonly newline: Newline;
  /** The 1-based line the header is on (after blank lines). */
  readonly line: number;
}

const CANDIDATES: readonly Delimiter[] = [";", "\t", ",", "|"];

/** The first line of a text that is not blank, ending at a line break outside quotes. */
export function firstLine(text: string): { line: string; lineNumber: number; newline: Newline | undefined } {
  let start = 0;
  let lineNumber = 1;
  for (;;) {
    const c = text[start];
    if (c === "\n") lineNumber++;
    else if (c === "\r") {
      if (text[start + 1] !== "\n") lineNumber++;
    } else break;
    start++;
  }
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      const newline: Newline = c === "\n" ? "\n" : text[i + 1] === "\n" ? "\r\n" : "\r";
      return { line: text.slice(start, i), lineNumber, newline };
    }
  }
  return { line: text.slice(start), lineNumber, newline: undefined };
}

/** The delimiter the header line holds most of, outside quotes; ";" when it holds none. */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c as Delimiter)) counts.set(c as Delimiter, (counts.get(c as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ";";
  let bestCount = 0;
  for (const d of CANDIDATES) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** Splits one CSV line into fields with papaparse (quotes and doubled quotes handled). */
export function splitLine(line: string, delimiter: Delimiter): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: "\n" });
  return (parsed.data[0] ?? []).map((field) => field.trim());
}

/**
 * The header of a file from its first bytes (BOM already skipped by `skip`), decoded as `encoding`.
 * `delimiter` forces one (from the profile); otherwise it is detected.
 */
export function sniffHeader(
  head: Uint8Array,
  encoding: CsvEncoding,
  skip: number,
  delimiter?: Delimiter,
): HeaderSniff | undefined {
  const text = createDecoder(encoding).write(head.subarray(skip));
  const { line, lineNumber, newline } = firstLine(text);
  if (line.trim() === "") return undefined;
  const chosen = delimiter ?? detectDelimiter(line);
  return { fields: splitLine(line, chosen), delimiter: chosen, newline: newline ?? "\n", line: lineNumber };
}

/** A profile's delimiter setting as one of ours; undefined for "auto" or none. */
export function delimiterFromName(name: string | undefined): Delimiter | undefined {
  switch (name?.trim().toLowerCase()) {
    case ";":
    case "semikolon":
    case "semicolon":
      return ";";
    case ",":
    case "komma":
    case "comma":
      return ",";
    case "\t":
    case "\\t":
    case "tab":
    case "tabb":
      return "\t";
    case "|":
      return "|";
    default:
      return undefined;
  }
}
