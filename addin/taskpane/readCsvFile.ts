/**
 * A dropped or picked CSV file, decoded and split into fields in the browser (papaparse), so
 * the core's measures get the same rows as in the pipeline. Encoding: a BOM decides (UTF-8,
 * UTF-16LE/BE); otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252, which is
 * what Excel's "CSV (semikolonavgränsad)" writes on Swedish Windows.
 */
import Papa from "papaparse";

export interface CsvFileRows {
  readonly file: string;
  readonly encoding: string;
  readonly header: readonly string[];
  /** Data rows with the 1-based line of the file each starts on. */
  readonly rows: readonly { readonly fields: readonly string[]; readonly line: number }[];
  /** papaparse's complaints (unclosed quotes ...), with the row they are about. */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * Splits CSV text into a header and rows; the delimiter (; , tab |) is detected. Each row keeps
 * the line it starts on in the file, also after blank lines and quoted fields with line breaks.
 */
export function splitCsv(file: string, text: string, encoding = "utf-8"): CsvFileRows {
  const records: { fields: string[]; line: number }[] = [];
  const problems: { line: number; message: string }[] = [];
  let cursor = 0;
  let line = 1; // the line `cursor` is on
  Papa.parse<string[]>(text, {
    delimiter: "",
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

export async function readCsvFile(file: File): Promise<CsvFileRows> {
  const { text, encoding } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  return splitCsv(file.name, text, encoding);
}
