/**
 * Where a byte offset is in an ASCII-compatible file (UTF-8, windows-1252), as a user sees
 * it: the 1-based line and the 1-based column (field) on that line. The field's text is
 * deliberately not read: it may be a name or an identity number, and a message must not
 * quote it (line and column are enough to find it).
 */
import { createReadStream } from "node:fs";

export interface BytePlace {
  readonly line: number;
  readonly column: number;
}

export async function locateByte(path: string, offset: number, delimiter: string): Promise<BytePlace> {
  const delimiterByte = delimiter.charCodeAt(0);
  let line = 1;
  let column = 1;
  let position = 0;
  for await (const piece of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const chunk = piece as Buffer;
    const end = Math.min(chunk.length, offset - position);
    for (let i = 0; i < end; i++) {
      const b = chunk[i];
      if (b === 0x0a) {
        line++;
        column = 1;
      } else if (b === delimiterByte) {
        column++;
      }
    }
    if (end < chunk.length) break;
    position += chunk.length;
  }
  return { line, column };
}
