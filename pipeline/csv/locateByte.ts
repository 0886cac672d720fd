/**
 * Where a byte offset is in an ASCII-compatible file (UTF-8, windows-1252), as a user sees
 * it: the 1-based line, the 1-based column (field) on that line, and the field's text
 * (read as windows-1252, which is what a non-UTF-8 byte usually is).
 */
import { createReadStream } from "node:fs";
import { decodeWindows1252 } from "./createDecoder";

export interface BytePlace {
  readonly line: number;
  readonly column: number;
  readonly fieldText: string;
}

export async function locateByte(path: string, offset: number, delimiter: string): Promise<BytePlace> {
  const delimiterByte = delimiter.charCodeAt(0);
  let line = 1;
  let column = 1;
  let fieldStart: Buffer[] = [];
  let position = 0;
  let fieldText = "";
  for await (const piece of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const chunk = piece as Buffer;
    const end = Math.min(chunk.length, offset - position);
    let lastCut = 0;
    for (let i = 0; i < end; i++) {
      const b = chunk[i];
      if (b === 0x0a) {
        line++;
        column = 1;
        fieldStart = [];
        lastCut = i + 1;
      } else if (b === delimiterByte) {
        column++;
        fieldStart = [];
        lastCut = i + 1;
      }
    }
    if (end < chunk.length) {
      // The offending byte is in this chunk: the field runs to the next delimiter or line break.
      let stop = end;
      while (stop < chunk.length && stop - end < 40 && chunk[stop] !== delimiterByte && chunk[stop] !== 0x0a && chunk[stop] !== 0x0d) stop++;
      fieldText = decodeWindows1252(Buffer.concat([...fieldStart, chunk.subarray(lastCut, stop)])).slice(-60);
      break;
    }
    fieldStart.push(Buffer.from(chunk.subarray(lastCut)));
    if (fieldStart.length > 4) fieldStart = fieldStart.slice(-1);
    position += chunk.length;
  }
  return { line, column, fieldText: fieldText.replace(/^"/, "") };
}
