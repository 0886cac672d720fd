/**
 * Checks, chunk by chunk, that bytes are valid UTF-8, and remembers the offset of the first
 * byte that is not: so a file can be checked while it is read for something else.
 */
import { isUtf8 } from "node:buffer";
import { completeUtf8Length, findInvalidUtf8 } from "./findInvalidUtf8";

export interface Utf8Checker {
  /** Feeds the next chunk; `offset` is the file offset of its first byte. */
  write(chunk: Buffer, offset: number): void;
  /** Offset of the first invalid byte, or -1; call after the last chunk. */
  end(): number;
}

export function createUtf8Checker(): Utf8Checker {
  let carry: Buffer = Buffer.alloc(0);
  let carryOffset = 0;
  let firstInvalid = -1;
  return {
    write(chunk, offset) {
      if (firstInvalid >= 0) return;
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const dataOffset = carry.length > 0 ? carryOffset : offset;
      const cut = completeUtf8Length(data);
      const whole = data.subarray(0, cut);
      if (!isUtf8(whole)) {
        const at = findInvalidUtf8(whole);
        firstInvalid = dataOffset + (at < 0 ? 0 : at);
        return;
      }
      carry = Buffer.from(data.subarray(cut));
      carryOffset = dataOffset + cut;
    },
    end() {
      if (firstInvalid < 0 && carry.length > 0) firstInvalid = carryOffset;
      return firstInvalid;
    },
  };
}
