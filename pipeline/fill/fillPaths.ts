/**
 * Where `bilaga fill` and `bilaga run` read and write when not told otherwise, so the
 * README's main command works on a fresh clone with nothing but the period:
 *
 * - exports:   samples/exports (in bilaga's folder)           --exports DIR
 * - workbook:  samples/verksamhetsplan-amn-2019.xlsx           --workbook FILE
 * - bindings:  $BILAGA_BINDINGS, else samples/config/bindings.json   --bindings FILE
 * - profiles:  as `bilaga import` (samples/config/profiles)    --profiles DIR
 * - ledger:    as `bilaga import` (./bilaga-data/liggare.sqlite) --ledger FILE
 * - output:    `fill`: "<namn> utfall <period>.xlsx" beside the input; `run`: the same name in
 *              ./utdata/, and the run report ./utdata/korrapport-<period>.json.
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Period } from "../../core/periods/period";
import { findPackageRoot } from "../ledger/findPackageRoot";

/** The folder `bilaga run` writes its workbook and run report to, relative to the working folder. */
export const DEFAULT_OUTPUT_DIR = "utdata";

export function resolveBindingsPath(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = option ?? env["BILAGA_BINDINGS"];
  return chosen ? resolve(chosen) : join(findPackageRoot(), "samples", "config", "bindings.json");
}

export function defaultExportsDir(): string {
  return join(findPackageRoot(), "samples", "exports");
}

export function defaultWorkbookPath(): string {
  return join(findPackageRoot(), "samples", "verksamhetsplan-amn-2019.xlsx");
}

/**
 * The filled workbook's name: "<namn> utfall <period>.xlsx".
 *
 * @example filledName("bilaga/plan.xlsx", T2_2019) // "plan utfall 2019-T2.xlsx"
 */
export function filledName(input: string, period: Period): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  return `${stem} utfall ${period.id}${ext.toLowerCase() === ".xlsx" ? ext : ".xlsx"}`;
}

/** `fill` without --out: beside the input. */
export function defaultFillOutput(input: string, period: Period): string {
  return join(dirname(resolve(input)), filledName(input, period));
}

/** `run` without --out: in ./utdata/. */
export function defaultRunOutput(input: string, period: Period, cwd = process.cwd()): string {
  return join(resolve(cwd, DEFAULT_OUTPUT_DIR), filledName(input, period));
}

/** `run` without --report: ./utdata/korrapport-<period>.json. */
export function defaultReportPath(period: Period, cwd = process.cwd()): string {
  return join(resolve(cwd, DEFAULT_OUTPUT_DIR), `korrapport-${period.id}.json`);
}

/** `run` without --manuella: the sample manual values, samples/manual/manuella-varden.csv. */
export function defaultManualPath(): string {
  return join(findPackageRoot(), "samples", "manual", "manuella-varden.csv");
}

/** `run` without --kolada: the sample Kolada responses, samples/kolada/. */
export function defaultKoladaPath(): string {
  return join(findPackageRoot(), "samples", "kolada");
}
