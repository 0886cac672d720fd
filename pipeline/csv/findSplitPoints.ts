/**
 * Where a large file can be cut into stretches of about equal size, each starting just after
 * a line break, so that the stretches can be read in parallel. A line break is a row's end
 * only when no quoted field spans it: the caller checks that the stretches before each cut
 * held no quote character, and reads the file in one pass when they did.
 *
 * @example await findSplitPoints({ path, encoding: "utf-16le", newline: "\r\n", from: 2, bytes: 108_823_922, parts: 2 })
 *   // [54_411_962]: the byte just after the first CR LF at or after the middle
 */
import { open } from "node:fs/promises";
import type { CsvEncoding } from "../../core/sources/csvEncoding";
import type { Newline } from "./sniffHeader";

/** How far past each target a line break is looked for; a longer line leaves that cut out. */
const SEARCH_BYTES = 64 * 1024;

export interface SplitRequest {
  readonly path: string;
  readonly encoding: CsvEncoding;
  readonly newline: Newline;
  /** Where the text starts (after the BOM). */
  readonly from: number;
  /** The file's size. */
  readonly bytes: number;
  /** How many stretches are wanted. */
  readonly parts: number;
}

/** The line break as the file's bytes write it. */
export function newlineBytes(newline: Newline, encoding: CsvEncoding): Buffer {
  if (encoding === "utf-16le") return Buffer.from(newline, "utf16le");
  if (encoding === "utf-16be") return Buffer.from(newline, "utf16le").swap16();
  return Buffer.from(newline, "latin1");
}

/** The cut offsets, increasing, each just after a line break; fewer than parts - 1 when lines are very long. */
export async function findSplitPoints(request: SplitRequest): Promise<number[]> {
  const { from, bytes, parts, encoding } = request;
  const needle = newlineBytes(request.newline, encoding);
  const unit = encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 1;
  const cuts: number[] = [];
  const handle = await open(request.path, "r");
  try {
    const window = Buffer.alloc(SEARCH_BYTES);
    for (let k = 1; k < parts; k++) {
      let target = from + Math.floor(((bytes - from) * k) / parts);
      target -= (target - from) % unit; // on a character's first byte
      if (target <= (cuts.at(-1) ?? from)) continue;
      const { bytesRead } = await handle.read(window, 0, SEARCH_BYTES, target);
      const found = findAligned(window.subarray(0, bytesRead), needle, unit);
      if (found < 0) continue;
      const cut = target + found + needle.length;
      if (cut < bytes) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  return cuts;
}

/** The first place `needle` starts at a multiple of `unit`, or -1. */
function findAligned(haystack: Buffer, needle: Buffer, unit: number): number {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (at % unit === 0) return at;
  }
  return -1;
}
