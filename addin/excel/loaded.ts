/**
 * Guards for values read from Office.js proxies. Excel throws when a property is read before
 * load() and sync(); the test double returns an error text instead. Either way the adapter
 * checks the shape of what it read and throws a clear error (a bug, not bad user data).
 */

export class NotLoadedError extends Error {
  constructor(what: string, got: unknown) {
    super(`Office.js: ${what} lästes innan den laddats och synkats (fick ${JSON.stringify(got)}).`);
    this.name = "NotLoadedError";
  }
}

export function loadedNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new NotLoadedError(what, value);
  return value;
}

export function loadedString(value: unknown, what: string): string {
  if (typeof value !== "string" || value.startsWith("Error, ")) throw new NotLoadedError(what, value);
  return value;
}

export function loadedBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") throw new NotLoadedError(what, value);
  return value;
}

/** A 2-D array of the given height (rows may be empty arrays for a zero-width range). */
export function loadedMatrix(value: unknown, rows: number, what: string): readonly (readonly unknown[])[] {
  if (!Array.isArray(value) || value.length !== rows || !value.every((row) => Array.isArray(row))) {
    throw new NotLoadedError(what, Array.isArray(value) ? `${value.length} rader` : value);
  }
  return value as readonly (readonly unknown[])[];
}
