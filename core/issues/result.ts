/**
 * Result: how parsers and validators return bad data as a value instead of throwing.
 * Throw only for bugs and for the environment (disk full, locked ledger).
 */
import type { Issue } from "./issues";

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issue: Issue };

export function ok<T>(value: T, warnings: readonly Issue[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(issue: Issue): Result<T> {
  return { ok: false, issue };
}
