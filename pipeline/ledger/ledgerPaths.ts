/**
 * Where the ledger and its companions are kept.
 *
 * The ledger: --ledger FILE, else the environment variable BILAGA_LEDGER, else
 * ./bilaga-data/liggare.sqlite (relative to the folder the command runs in).
 * Beside it: FILE.key (the hash key, unless BILAGA_KEY is set) and FILE.lock (while a run writes).
 */
import { resolve } from "node:path";

export const DEFAULT_LEDGER_PATH = "bilaga-data/liggare.sqlite";

export function resolveLedgerPath(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(option ?? env["BILAGA_LEDGER"] ?? DEFAULT_LEDGER_PATH);
}

export function keyPathFor(ledgerPath: string): string {
  return `${ledgerPath}.key`;
}

export function lockPathFor(ledgerPath: string): string {
  return `${ledgerPath}.lock`;
}
