// The samples read into a new ledger in a bench folder, with the sample workbook, bindings and
// period 2019-T2: what the fill and report timings both start from.
import { join } from "node:path";
import { parsePeriod, type Period } from "../core/periods/period";
import type { Bindings } from "../core/outcomes/bindings";
import { loadBindings } from "../pipeline/fill/loadBindings";
import { importFiles } from "../pipeline/ledger/importFiles";
import { findPackageRoot } from "../pipeline/ledger/findPackageRoot";
import { loadProfiles } from "../pipeline/ledger/loadProfiles";

export interface SampleLedger {
  readonly root: string;
  readonly ledgerPath: string;
  /** The key the ledger was written with, for a child `bilaga` process. */
  readonly env: { readonly BILAGA_KEY: string };
  readonly period: Period;
  readonly workbook: string;
  readonly bindings: Bindings;
}

export async function prepareSampleLedger(dir: string): Promise<SampleLedger> {
  const root = findPackageRoot();
  const ledgerPath = join(dir, "liggare.sqlite");
  const env = { BILAGA_KEY: "bench-key-0123456789abcdef" };
  const profiles = loadProfiles(join(root, "samples", "config", "profiles")).profiles;
  await importFiles([join(root, "samples", "exports")], { ledgerPath, profiles, env });
  const parsed = parsePeriod("2019-T2");
  if (!parsed.ok) throw new Error("perioden 2019-T2 kunde inte läsas");
  const workbook = join(root, "samples", "verksamhetsplan-amn-2019.xlsx");
  const bindings = await loadBindings(join(root, "samples", "config", "bindings.json"));
  return { root, ledgerPath, env, period: parsed.value, workbook, bindings };
}
