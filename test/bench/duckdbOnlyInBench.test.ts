// DuckDB is a dev dependency for the bench only: no product code (core/, addin/, pipeline/,
// bin/, scripts/, samples/) may import it, so neither the command nor the task pane needs it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(name) ? [path] : [];
  });
}

it("imports @duckdb only under bench/", () => {
  const product = ["core", "addin", "pipeline", "bin", "scripts", "samples"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
  expect(product.length).toBeGreaterThan(50);
  const importing = product.filter((path) => /["']@duckdb\//.test(readFileSync(path, "utf8")));
  expect(importing).toEqual([]);
  // …and the bench does use it, so this test looks for the right name.
  expect(readFileSync(join(ROOT, "bench", "duckdbQuery.ts"), "utf8")).toMatch(/from "@duckdb\/node-api"/);
});
