/**
 * Runs the built command line (bin/bilaga.js -> build/cli/, made by `npm run build:cli`, which
 * `npm test` runs before jest) in a fresh temporary folder, as a user would.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { allIndicators, type Appendix, type Indicator } from "../../../core/model";
import { bilaga, REPO, requireBuild, type CliRun } from "../cliTestKit";

export { REPO, requireBuild, type CliRun };

/** A temporary folder, removed by the returned cleanup. */
export function tempFolder(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-inspect-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The setup of a test file that runs the built command line in one temporary folder: checks
 * that build/ exists and makes the folder before the tests, removes it after. Read `dir` in
 * the tests (it is set once beforeAll has run).
 */
export function useCliFolder(): { readonly dir: string } {
  const folder = { dir: "" };
  let cleanup = (): void => undefined;
  beforeAll(() => {
    requireBuild();
    ({ dir: folder.dir, cleanup } = tempFolder());
  });
  afterAll(() => cleanup());
  return folder;
}

/** Copies a repository file into the folder and returns its name there. */
export function copyInto(dir: string, repoPath: string): string {
  const name = basename(repoPath);
  copyFileSync(join(REPO, repoPath), join(dir, name));
  return name;
}

export function runBilaga(args: readonly string[], cwd: string): CliRun {
  return bilaga(cwd, ...args);
}

export interface Inspected {
  /** What `bilaga inspect --json` printed. */
  readonly appendix: Appendix;
  readonly indicators: Indicator[];
  /** The indicator with this name; throws when the reading lost it. */
  readonly named: (name: string) => Indicator;
  /** What `bilaga inspect` printed for people. */
  readonly text: string;
  /** Removes the temporary folder. */
  readonly cleanup: () => void;
}

/** Copies a repository workbook into a temporary folder and runs `bilaga inspect` on it, as JSON and as text. */
export function inspectInTempFolder(repoPath: string): Inspected {
  requireBuild();
  const folder = tempFolder();
  const file = copyInto(folder.dir, repoPath);
  const json = runBilaga(["inspect", file, "--json"], folder.dir);
  expect(json.stderr).toBe("");
  expect(json.status).toBe(0);
  const appendix = JSON.parse(json.stdout) as Appendix;
  const plain = runBilaga(["inspect", file], folder.dir);
  expect(plain.status).toBe(0);
  const indicators = allIndicators(appendix);
  const named = (name: string): Indicator => {
    const found = indicators.find((i) => i.name === name);
    if (!found) throw new Error(`Indicator missing: ${name}`);
    return found;
  };
  return { appendix, indicators, named, text: plain.stdout, cleanup: folder.cleanup };
}
