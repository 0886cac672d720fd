/**
 * `bilaga fill <arbetsbok.xlsx> --period 2019-T2 [--out FIL] [--overwrite] [--ledger FIL]
 * [--bindings FIL] [--sheet NAMN]`: fills the appendix for a period from the ledger. Writes a
 * NEW workbook ("<namn> utfall <period>.xlsx" beside the input, or --out); months the input's
 * own Månadsdata holds and the ledger lacks are kept (fillWorkbook.ts); the input is
 * written over only with --overwrite, then atomically and after a backup. Prints the Swedish
 * summary. Exit codes: 0 filled, 1 the workbook or configuration was refused, 2 wrong use,
 * 4 a file is missing (workbook, ledger, bindings).
 */
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { parsePeriod, type Period } from "../../../core/periods/period";
import { defaultFillOutput, resolveBindingsPath } from "../../fill/fillPaths";
import { planFill, writeFill } from "../../fill/fillWorkbook";
import { recordActivityFollowUps } from "../../ledger/recordActivityFollowUps";
import { loadBindings } from "../../fill/loadBindings";
import { readDeliveries, readLedgerForFill } from "../../fill/readPeriodRecords";
import { buildRunReport } from "../../fill/runReport";
import { summarizeRun } from "../../fill/summarizeRun";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import { BilagaError, EXIT } from "../errors";

interface FillCommandOptions {
  readonly period: string;
  readonly out?: string;
  readonly overwrite?: boolean;
  readonly ledger?: string;
  readonly bindings?: string;
  readonly sheet?: string;
}

export function register(program: Command): void {
  program
    .command("fill")
    .description("fyll i bilagan för en period: kolumnerna Utfall och Status, teckenförklaring och bladet Månadsdata (i en ny arbetsbok)")
    .argument("<arbetsbok>", "Excel-arbetsbok (.xlsx) med indikatorbilagan")
    .requiredOption("--period <period>", "perioden: 2019-06, 2019-T1, 2019-T2, 2019-H1, 2019 eller 2019-01..2019-05")
    .option("--out <fil>", 'den ifyllda arbetsboken (standard: "<namn> utfall <period>.xlsx" bredvid indata)')
    .option("--overwrite", "skriv över indatafilen (en säkerhetskopia <namn>.bak.xlsx sparas först)")
    .option("--ledger <fil>", "liggarens fil (standard: $BILAGA_LEDGER eller ./bilaga-data/liggare.sqlite)")
    .option("--bindings <fil>", "kopplingar (JSON) (standard: $BILAGA_BINDINGS eller samples/config/bindings.json)")
    .option("--sheet <namn>", "bladet med tabellen (annars väljs det blad som har tabellen)")
    .action(async (path: string, options: FillCommandOptions) => {
      await runFill(path, options);
    });
}

/** The period option, or a usage error with the Swedish sentence. */
export function periodOption(text: string): Period {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new BilagaError("Ange perioden med --period, t.ex. --period 2019-T2.", EXIT.usage, [parsed.issue]);
  return parsed.value;
}

async function runFill(path: string, options: FillCommandOptions): Promise<void> {
  const startedAt = new Date();
  const period = periodOption(options.period);
  if (options.overwrite && options.out !== undefined && resolve(options.out) !== resolve(path)) {
    throw new BilagaError("Ange antingen --out eller --overwrite, inte båda.", EXIT.usage);
  }
  if (!existsSync(path)) throw new BilagaError(`Filen "${path}" finns inte. Kontrollera sökvägen till arbetsboken.`, EXIT.environment);
  const bindingsPath = resolveBindingsPath(options.bindings);
  const bindings = await loadBindings(bindingsPath);
  const ledgerPath = resolveLedgerPath(options.ledger);
  const plan = await planFill({ workbook: path, period, bindings, ...readLedgerForFill(ledgerPath, bindings, period), ...(options.sheet !== undefined && { sheet: options.sheet }) });
  const output = options.overwrite ? path : (options.out ?? defaultFillOutput(path, period));
  const written = await writeFill(plan, { output, overwrite: options.overwrite === true });
  const deliveries = readDeliveries(ledgerPath);
  if (plan.activities?.period && plan.activities.sheets.length > 0) recordActivityFollowUps(ledgerPath, basename(path), plan.activities, plan.activities.period);
  const report = buildRunReport({ startedAt, period, workbook: resolve(path), ledger: ledgerPath, plan, written, deliveries });
  process.stdout.write(summarizeRun(report));
}
