// One `bilaga import` of a file into a new ledger of its own (liggare-NAME.sqlite in the bench
// folder), measured as a child process; throws when the import fails.
import { join } from "node:path";
import { runMeasured, type MeasureOptions, type Run } from "./runMeasured";

export interface ImportRun extends Run {
  /** The ledger this import wrote. */
  readonly ledgerPath: string;
}

export function importOnce(
  root: string,
  dir: string,
  file: string,
  name: string,
  options: MeasureOptions & { readonly extra?: readonly string[] } = {},
): ImportRun {
  const ledgerPath = join(dir, `liggare-${name}.sqlite`);
  const run = runMeasured(dir, [join(root, "bin", "bilaga.js"), "import", file, "--ledger", ledgerPath, ...(options.extra ?? [])], options);
  if (run.status !== 0) throw new Error(`bilaga import misslyckades (kod ${run.status}):\n${run.output}`);
  return { ...run, ledgerPath };
}
