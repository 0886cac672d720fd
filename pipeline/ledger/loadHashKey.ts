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

/** A key the user must mend (too short, or not the ledger's own): a Swedish message, no stack trace. */
export class HashKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HashKeyError";
  }
}

/** Fewer characters than this make a key that can be guessed. */
const MIN_KEY_LENGTH = 16;

/** The key from its text (BILAGA_KEY or the key file's content); throws HashKeyError when it is too short. */
function keyOf(text: string, origin: string): HashKey {
  const key = text.trim();
  if (key.length < MIN_KEY_LENGTH) {
    throw new HashKeyError(
      `Nyckeln i ${origin} är för kort (${key.length} tecken): använd minst ${MIN_KEY_LENGTH} tecken, gärna 64 hexadecimala. ` +
        "Har liggaren redan data med den nyckeln: flytta liggaren åt sidan och läs in exporterna igen i en ny liggare med en ny nyckel.",
    );
  }
  return { key: Buffer.from(key, "utf8"), origin };
}

/** Reads the key (BILAGA_KEY, else the key file), creating the key file when `create` is set; throws HashKeyError for a key too short. */
export function loadHashKey(ledgerPath: string, options: { create: boolean; env?: NodeJS.ProcessEnv }): HashKey | undefined {
  const fromEnv = (options.env ?? process.env)["BILAGA_KEY"];
  if (fromEnv !== undefined && fromEnv.trim() !== "") return keyOf(fromEnv, "BILAGA_KEY");
  const path = keyPathFor(ledgerPath);
  try {
    return keyOf(readFileSync(path, "utf8"), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || !options.create) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  return keyOf(readFileSync(path, "utf8"), path);
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
