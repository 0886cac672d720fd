/**
 * Reading a file's bytes without parsing: its first bytes (BOM, header), and a full pass for
 * its SHA-256 and whether it is valid UTF-8, in chunks so memory stays small at any size.
 */
import { createHash } from "node:crypto";
import { open } from "node:fs/promises";
import { createUtf8Checker } from "./checkUtf8";
import { readChunks } from "./readChunks";
import { detectBom } from "../../core/sources/chooseEncoding";

export interface FileScan {
  readonly sha256: string;
  readonly bytes: number;
  /** Byte offset of the first byte that is not valid UTF-8 (after a UTF-8 BOM), or -1. */
  readonly firstInvalidUtf8: number;
}

export const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file (up to 64 KiB), its size and when it was last written (to tell whether it changes while it is read). */
export async function readHead(path: string): Promise<{ head: Buffer; bytes: number; modifiedMs: number }> {
  const handle = await open(path, "r");
  try {
    const { size, mtimeMs } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return { head: head.subarray(0, bytesRead), bytes: size, modifiedMs: mtimeMs };
  } finally {
    await handle.close();
  }
}

export async function scanFile(path: string, onBytes?: (bytes: number) => void): Promise<FileScan> {
  const hash = createHash("sha256");
  const utf8 = createUtf8Checker();
  let bytes = 0;
  for await (let chunk of readChunks(path)) {
    hash.update(chunk);
    let offset = bytes;
    bytes += chunk.length;
    if (offset === 0 && detectBom(chunk)?.encoding === "utf-8") {
      chunk = chunk.subarray(3);
      offset = 3;
    }
    utf8.write(chunk, offset);
    onBytes?.(bytes);
  }
  return { sha256: hash.digest("hex"), bytes, firstInvalidUtf8: utf8.end() };
}
