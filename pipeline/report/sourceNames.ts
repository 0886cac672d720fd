/**
 * The names of the sources, for the report's "Källa: …": each source profile's `name`
 * ("Sjukfrånvaro per enhet, kön och åldersgrupp") by its id. A folder that cannot be read, or a
 * profile that does not validate, only costs the name: the report then shows the id, since the
 * names are words for the reader and not figures.
 */
import { existsSync } from "node:fs";
import { loadProfiles } from "../ledger/loadProfiles";

export function sourceNames(profilesDir: string): Record<string, string> {
  if (!existsSync(profilesDir)) return {};
  try {
    return Object.fromEntries(loadProfiles(profilesDir).profiles.map((p) => [p.id, p.name]));
  } catch {
    return {};
  }
}
