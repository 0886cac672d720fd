/**
 * Header and cell matching for source profiles: header names match whatever their case,
 * spacing or a leading BOM, and filter texts match whatever their case or spacing.
 *
 * @example normalizeHeader("\uFEFF  Hushålls-ID ") // "hushålls-id"
 * @example findColumn(["Period", "Sjuktimmar"], "sjuktimmar") // { index: 1, name: "Sjuktimmar" }
 */

/** A header column resolved to its position: 0-based index, the name as the file writes it. */
export interface ColumnRef {
  readonly index: number;
  readonly name: string;
}

/** Lower case, no BOM, spaces collapsed and trimmed. */
export function normalizeHeader(name: string): string {
  return name.replace(/\uFEFF/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The same normalization for cell texts compared with a profile's texts (filters, value maps). */
export const normalizeCellText = normalizeHeader;

/** Finds a profile's column name in a header row; undefined when it is not there. */
export function findColumn(header: readonly string[], wanted: string): ColumnRef | undefined {
  const target = normalizeHeader(wanted);
  const index = header.findIndex((name) => normalizeHeader(name) === target);
  if (index < 0) return undefined;
  return { index, name: (header[index] ?? "").replace(/\uFEFF/g, "").trim() };
}
