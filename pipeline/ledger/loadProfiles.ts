/**
 * Reads the source profiles (*.json) of a folder and validates each with the core's
 * parseProfile. The default folder is the one shipped with bilaga (samples/config/profiles);
 * --profiles DIR or the environment variable BILAGA_PROFILES points at a controller's own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Issue } from "../../core/issues/issues";
import { issue } from "../../core/issues/issues";
import { parseProfile, type SourceProfile } from "../../core/sources/profile";
import { findPackageRoot } from "./findPackageRoot";

export function resolveProfilesDir(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = option ?? env["BILAGA_PROFILES"];
  return chosen ? resolve(chosen) : join(findPackageRoot(), "samples", "config", "profiles");
}

export interface LoadedProfiles {
  readonly profiles: readonly SourceProfile[];
  /** One config/invalid issue per file that is not a valid profile. */
  readonly issues: readonly Issue[];
}

export function loadProfiles(dir: string): LoadedProfiles {
  const profiles: SourceProfile[] = [];
  const issues: Issue[] = [];
  const names = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith(".json"))
    .sort();
  for (const name of names) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      issues.push(issue("config/invalid", "error", { file, params: { path: "(profilen)", reason: `inte giltig JSON: ${(error as Error).message}` } }));
      continue;
    }
    const parsed = parseProfile(json, file);
    if (parsed.ok) profiles.push(parsed.value);
    else issues.push(parsed.issue);
  }
  return { profiles, issues };
}
