/**
 * The key of the keyed hashes (HMAC-SHA256) that stand in for identity numbers in the ledger.
 * It is kept OUTSIDE the ledger file: in the environment variable BILAGA_KEY, or in a key file
 * beside the ledger (FILE.key), created on first use with permissions 0600. Whoever has the
 * ledger but not the key cannot test a guessed identity number against it.
 */
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { SyncKeyHasher } from "../../core/privacy/keyHasher";
import { keyPathFor } from "./ledgerPaths";

export interface HashKey {
  readonly key: Buffer;
  /** Where it came from, for messages: "BILAGA_KEY" or the key file's path. */
  readonly origin: string;
}

/** Reads the key (BILAGA_KEY, else the key file), creating the key file when `create` is set. */
export function loadHashKey(ledgerPath: string, options: { create: boolean; env?: NodeJS.ProcessEnv }): HashKey | undefined {
  const fromEnv = (options.env ?? process.env)["BILAGA_KEY"];
  if (fromEnv !== undefined && fromEnv.trim() !== "") {
    if (fromEnv.trim().length < 16) throw new Error("BILAGA_KEY är för kort: använd minst 16 tecken, gärna 64 hexadecimala.");
    return { key: Buffer.from(fromEnv.trim(), "utf8"), origin: "BILAGA_KEY" };
  }
  const path = keyPathFor(ledgerPath);
  try {
    return { key: Buffer.from(readFileSync(path, "utf8").trim(), "utf8"), origin: path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !options.create) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  return { key: Buffer.from(readFileSync(path, "utf8").trim(), "utf8"), origin: path };
}

/**
 * HMAC-SHA256 hex of ids under the key, by node:crypto: the core's KeyHasher, and the one-id
 * form a "rows" delivery and the activities' signatures use. The same hashes as the ledger
 * has always held (test/pipeline/ledger/keyHasher.test.ts keeps a known answer).
 */
export function makeKeyHasher(key: Buffer): SyncKeyHasher {
  const hashOne = (id: string): string => createHmac("sha256", key).update(id, "utf8").digest("hex");
  return { hashOne, hashAll: (ids) => Promise.resolve(ids.map(hashOne)) };
}

/** A value that shows which key a ledger was written with, without revealing the key. */
export function keyCheckValue(key: Buffer): string {
  return createHmac("sha256", key).update("bilaga:nyckelkontroll", "utf8").digest("hex").slice(0, 16);
}
