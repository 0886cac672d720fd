/**
 * A dropped or picked CSV file, decoded and split into fields in the browser (papaparse), so
 * the core's measures get the same rows as in the pipeline. The encoding is chosen as the
 * pipeline chooses it (core/sources/chooseEncoding: a BOM; else the source profile's named encoding;
 * else UTF-16 by its zero bytes; else UTF-8 when valid, otherwise Windows-1252, which Excel's
 * "CSV (semikolonavgränsad)" writes on Swedish Windows), and a profile's named delimiter is used.
 */
import Papa from "papaparse";
import { chooseEncoding } from "../../core/sources/chooseEncoding";
import { encodingFromName, type CsvEncoding } from "../../core/sources/csvEncoding";
import type { SourceProfile } from "../../core/sources/profile";
import { recogniseSource } from "../../core/sources/recogniseSource";

export interface CsvFileRows {
  readonly file: string;
  readonly encoding: string;
  readonly header: readonly string[];
  /** Data rows with the 1-based line of the file each starts on. */
  readonly rows: readonly { readonly fields: readonly string[]; readonly line: number }[];
  /** papaparse's complaints (unclosed quotes ...), with the row they are about. */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes a file's bytes; `named` is the source profile's encoding when it names one. */
export function decodeCsvBytes(bytes: Uint8Array, named?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  const choice = chooseEncoding({ head: bytes.subarray(0, 4096), validUtf8: isValidUtf8(bytes), named });
  return { text: new TextDecoder(choice.encoding).decode(bytes.subarray(choice.skip)), encoding: choice.encoding };
}

/**
 * Splits CSV text into a header and rows; the delimiter (; , tab |) is detected. Each row keeps
 * the line it starts on in the file, also after blank lines and quoted fields with line breaks.
 */
export function splitCsv(file: string, text: string, encoding = "utf-8", delimiter?: string): CsvFileRows {
  const records: { fields: string[]; line: number }[] = [];
  const problems: { line: number; message: string }[] = [];
  let cursor = 0;
  let line = 1; // the line `cursor` is on
  Papa.parse<string[]>(text, {
    delimiter: delimiter ?? "",
    delimitersToGuess: [";", ",", "\t", "|"],
    skipEmptyLines: "greedy",
    step: (result) => {
      let start = cursor;
      while (start < text.length && (text[start] === "\n" || text[start] === "\r")) {
        if (text[start] === "\n") line += 1;
        start += 1;
      }
      const rowLine = line;
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (text[i] === "\n") line += 1;
      cursor = end;
      records.push({ fields: result.data, line: rowLine });
      for (const error of result.errors) problems.push({ line: rowLine, message: error.message });
    },
  });
  const [header, ...rows] = records;
  return { file, encoding, header: header?.fields ?? [], rows, problems };
}

/**
 * Rows of a file as the pipeline would read them: decoded and split by guessing first, then,
 * when a source profile recognises the header and names an encoding or a delimiter, again
 * with those.
 */
export function csvRowsFromBytes(name: string, bytes: Uint8Array, profiles: readonly SourceProfile[]): CsvFileRows {
  const guessed = decodeCsvBytes(bytes);
  const rows = splitCsv(name, guessed.text, guessed.encoding);
  const profile = recogniseSource(profiles, rows.header);
  if (!profile) return rows;
  const named = encodingFromName(profile.encoding);
  const delimiter = profile.delimiter === "auto" ? undefined : profile.delimiter;
  if (named === undefined && delimiter === undefined) return rows;
  const decoded = named === undefined ? guessed : decodeCsvBytes(bytes, named);
  return splitCsv(name, decoded.text, decoded.encoding, delimiter);
}

export async function readCsvFile(file: File, profiles: readonly SourceProfile[]): Promise<CsvFileRows> {
  return csvRowsFromBytes(file.name, new Uint8Array(await file.arrayBuffer()), profiles);
}
