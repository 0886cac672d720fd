/**
 * What DuckDB reads in the bench: the case list itself, UTF-16 LE with a BOM, with read_csv's
 * `encoding = 'utf-16'`, when a first try on its first rows works. When it does not, the bench
 * says why (DuckDB's own message) and writes a UTF-8 copy of the file for DuckDB only (the
 * import and papaparse still read the original), and the output says that DuckDB read a copy.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { join } from "node:path";
import { runMeasured } from "./runMeasured";

export interface DuckDBInput {
  readonly file: string;
  readonly encoding: "utf-16" | "utf-8";
  /** Swedish lines for the bench output: what DuckDB reads, and why a copy if it is one. */
  readonly text: string;
}

/** Copies a UTF-16 LE file (BOM dropped) to UTF-8, streaming. */
async function copyAsUtf8(from: string, to: string): Promise<void> {
  const input = createReadStream(from, { highWaterMark: 1024 * 1024 });
  input.setEncoding("utf16le");
  const output = createWriteStream(to);
  let first = true;
  for await (const chunk of input as AsyncIterable<string>) {
    const text = first ? chunk.replace(/^\uFEFF/, "") : chunk;
    first = false;
    if (!output.write(text, "utf8")) await once(output, "drain");
  }
  output.end();
  await once(output, "finish");
}

export async function prepareDuckDBInput(dir: string, file: string): Promise<DuckDBInput> {
  const probe = runMeasured(dir, [join(__dirname, "duckdbBaseline.js"), file, "utf-16", "--probe"]);
  if (probe.status === 0) {
    return { file, encoding: "utf-16", text: "DuckDB läser samma fil (read_csv med encoding = 'utf-16').\n" };
  }
  const reason = probe.output.trim().split("\n")[0] ?? `kod ${probe.status}`;
  const copy = join(dir, "vantetider-utf8-kopia-for-duckdb.txt");
  await copyAsUtf8(file, copy);
  return {
    file: copy,
    encoding: "utf-8",
    text:
      `DuckDB kunde inte läsa UTF-16-filen (read_csv med encoding = 'utf-16'): ${reason}\n` +
      `DuckDB läser därför en KOPIA av filen i UTF-8 (${copy}); importen och papaparse läser originalet.\n`,
  };
}
