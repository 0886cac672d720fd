/**
 * The folder of bilaga's package.json, found from this module's place, so files shipped
 * beside the code (SQL migrations, sample profiles) are found from source and from build/.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

let cached: string | undefined;

export function findPackageRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const name = (JSON.parse(readFileSync(candidate, "utf8")) as { name?: string }).name;
      if (name === "bilaga") return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json för bilaga hittades inte ovanför ${__dirname}`);
    dir = parent;
  }
}
