/**
 * Recognising which export a file is from its header row: the profile whose required
 * header names are all present wins; when several match, the one that requires the most
 * names (the most specific). Case, spaces and a BOM do not matter.
 *
 * @example recogniseSource(profiles, ["\uFEFFFörvaltning", "Enhet", "Kön", "Sjuktimmar", ...]) // the "sjukfranvaro" profile
 * @example recogniseSource(profiles, ["Kolumn1", "Kolumn2"]) // undefined
 */
import { normalizeHeader } from "../measures/columns";
import type { SourceProfile } from "./profile";

export function recogniseSource(
  profiles: readonly SourceProfile[],
  header: readonly string[],
): SourceProfile | undefined {
  const present = new Set(header.map(normalizeHeader));
  let best: SourceProfile | undefined;
  for (const profile of profiles) {
    const required = profile.recognise.headers;
    if (!required.every((name) => present.has(normalizeHeader(name)))) continue;
    if (best === undefined || required.length > best.recognise.headers.length) best = profile;
  }
  return best;
}
