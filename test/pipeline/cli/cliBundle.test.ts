// The command's bundle (build/cli/, webpack.cli.config.js) holds the pipeline, core and zod
// only: a native package (better-sqlite3) or a large one (playwright-core) bundled would break or
// bloat the command, so every other package must stay a require of node_modules.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO, requireBuild } from "../cliTestKit";

describe("the bilaga command's bundle", () => {
  beforeAll(requireBuild);

  it("bundles zod and no other package, and requires the others from node_modules", () => {
    const dir = join(REPO, "build", "cli");
    const text = readdirSync(dir)
      .filter((name) => name.endsWith(".js"))
      .map((name) => readFileSync(join(dir, name), "utf8"))
      .join("\n");
    const bundled = new Set([...text.matchAll(/["']\.\/node_modules\/((?:@[^/"']+\/)?[^/"']+)\//g)].map((match) => match[1]));
    expect([...bundled]).toEqual(["zod"]);
    for (const name of ["better-sqlite3", "jszip", "commander", "papaparse"]) expect(text).toContain(`require("${name}")`);
  });
});
