/**
 * Writes a large generated export line by line, in batches, without holding it in memory:
 * a BOM when asked, the header, then line(i) for each row, each ended by CRLF.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";

export interface GeneratedExport {
  readonly encoding: "utf16le" | "latin1";
  readonly bom?: boolean;
  readonly header: string;
  readonly rows: number;
  readonly line: (row: number) => string;
}

export async function writeLines(path: string, spec: GeneratedExport): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(Buffer.from(text, spec.encoding))) await once(out, "drain");
  };
  if (spec.bom) await write("\uFEFF");
  let batch = `${spec.header}\r\n`;
  for (let i = 0; i < spec.rows; i++) {
    batch += `${spec.line(i)}\r\n`;
    if (batch.length > 256 * 1024) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  out.end();
  await once(out, "finish");
}
