// Running the built command line as a user runs it (bin/bilaga.js -> build/cli/, made by
// `npm run build:cli`, which `npm test` runs before jest): with none of the developer's own
// BILAGA_* settings and no colours, so the tests see what a fresh machine sees.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const REPO = resolve(__dirname, "../..");
const BIN = join(REPO, "bin", "bilaga.js");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** process.env without BILAGA_LEDGER, BILAGA_KEY, BILAGA_PROFILES and BILAGA_BINDINGS, with NO_COLOR. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const name of ["BILAGA_LEDGER", "BILAGA_KEY", "BILAGA_PROFILES", "BILAGA_BINDINGS"]) delete env[name];
  return env;
}

/** `bilaga ...args` in `cwd`, to its end. */
export function bilaga(cwd: string, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(), encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `bilaga ...args` in `cwd`, running beside the test (two runs at once). */
export function bilagaAsync(cwd: string, ...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv() });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("close", (status) => resolveRun({ status, stderr }));
  });
}

/** Stops a test file at once when build/ is missing, with what to run. */
export function requireBuild(): void {
  if (!existsSync(join(REPO, "build", "cli", "bilaga.js"))) {
    throw new Error("build/ saknas: kör `npm run build:cli` (npm test gör det) innan testerna.");
  }
}
