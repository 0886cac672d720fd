/**
 * `bilaga import <filer eller mappar>...`: reads monthly CSV exports into the ledger, one
 * file one transaction, with a progress bar on a terminal and a Swedish summary at the end.
 * Exit code 1 when a file was rejected, 3 when another run holds the ledger.
 */
import type { Command } from "commander";
import type { SingleBar } from "cli-progress";
import type { Issue } from "../../../core/issues/issues";
import { formatIssue } from "../../../core/issues/messages.sv";
import { formatSwedishNumber } from "../../../core/values/formatNumber";
import { parseSwedishNumber } from "../../../core/values/parseNumber";
import { importFiles, formatShare, type FileOutcome } from "../../ledger/importFiles";
import { describeDeliveryChanges } from "../../ledger/describeDeliveryChanges";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import { loadProfiles, resolveProfilesDir } from "../../ledger/loadProfiles";
import { LedgerLockedError } from "../../ledger/lockLedger";
import { HashKeyError } from "../../ledger/loadHashKey";
import { BilagaError, EXIT } from "../errors";

/** Issues printed per rejected file; the rest are counted. */
const ISSUES_SHOWN = 20;
/** Files smaller than this get no progress bar. */
const PROGRESS_FROM_BYTES = 4 * 1024 * 1024;

interface ImportCommandOptions {
  readonly ledger?: string;
  readonly profiles?: string;
  readonly tolerans?: string;
}

export function register(program: Command): void {
  program
    .command("import")
    .description("läs in månadens CSV-exporter i liggaren (en fil i taget, allt eller inget per fil)")
    .argument("<filer...>", "CSV-filer eller mappar med CSV-filer (.csv, .txt, .tsv)")
    .option("--ledger <fil>", "liggarens fil (standard: $BILAGA_LEDGER eller ./bilaga-data/liggare.sqlite)")
    .option("--profiles <mapp>", "mapp med källprofiler (*.json) (standard: $BILAGA_PROFILES eller samples/config/profiles)")
    .option("--tolerans <andel>", "andel felaktiga rader som får hoppas över utan att filen avvisas, t.ex. 0,01 eller 1 %", "0")
    .action(async (paths: string[], options: ImportCommandOptions) => {
      await runImport(paths, options);
    });
}

/** "0,01", "0.01", "1 %" -> 0.01 */
export function parseTolerance(text: string): number {
  const percent = /%\s*$/.test(text);
  const parsed = parseSwedishNumber(text.replace(/%\s*$/, ""));
  const value = parsed.ok ? (percent ? parsed.value / 100 : parsed.value) : Number.NaN;
  if (!(value >= 0 && value <= 1)) {
    throw new BilagaError(`--tolerans ska vara en andel mellan 0 och 1 (t.ex. 0,01) eller en procentsats (t.ex. 1 %), inte "${text}".`, EXIT.usage);
  }
  return value;
}

async function runImport(paths: readonly string[], options: ImportCommandOptions): Promise<void> {
  const tolerance = parseTolerance(options.tolerans ?? "0");
  const ledgerPath = resolveLedgerPath(options.ledger);
  const profilesDir = resolveProfilesDir(options.profiles);
  let loaded;
  try {
    loaded = loadProfiles(profilesDir);
  } catch (error) {
    throw new BilagaError(`Mappen med källprofiler ${profilesDir} kunde inte läsas: ${(error as Error).message}`, EXIT.environment);
  }
  if (loaded.issues.length > 0) {
    throw new BilagaError(`Rätta källprofilerna i ${profilesDir} och kör igen.`, EXIT.rejected, loaded.issues);
  }
  if (loaded.profiles.length === 0) {
    throw new BilagaError(`Det finns inga källprofiler (*.json) i ${profilesDir}. Ange mappen med --profiles.`, EXIT.usage);
  }

  const tty = process.stderr.isTTY === true;
  // The progress bar's library is loaded only for a terminal: a scheduled run saves its start-up.
  const Bar = tty ? (await import("cli-progress")).SingleBar : undefined;
  let bar: SingleBar | undefined;
  let barPhase: "scan" | "read" | undefined;
  let report;
  try {
    report = await importFiles(paths, {
      ledgerPath,
      profiles: loaded.profiles,
      tolerance,
      onProgress: (event) => {
        if (!Bar || event.total < PROGRESS_FROM_BYTES) return;
        if (bar && barPhase !== event.phase) {
          bar.stop();
          bar = undefined;
        }
        if (!bar) {
          const label = event.phase === "scan" ? "Kontrollerar" : "Läser";
          bar = new Bar(
            { format: `${label} ${event.file} [{bar}] {percentage} % | {value}/{total} MB`, hideCursor: true, clearOnComplete: true, stream: process.stderr },
          );
          barPhase = event.phase;
          bar.start(Math.ceil(event.total / 1e6), 0);
        }
        bar.update(Math.floor(event.bytes / 1e6));
      },
      onFile: (outcome) => {
        bar?.stop();
        bar = undefined;
        printOutcome(outcome);
      },
    });
  } catch (error) {
    bar?.stop();
    if (error instanceof LedgerLockedError) throw new BilagaError(error.message, EXIT.locked);
    // A key too short, or not the ledger's (KeyMismatchError): the user mends it.
    if (error instanceof HashKeyError) throw new BilagaError(error.message, EXIT.rejected);
    if ((error as { code?: string } | undefined)?.code === "SQLITE_BUSY") {
      throw new BilagaError(`Liggaren ${ledgerPath} är upptagen av ett annat program. Vänta en stund och försök igen.`, EXIT.locked);
    }
    throw error;
  }

  const count = (kind: FileOutcome["kind"]): number => report.files.filter((f) => f.kind === kind).length;
  const imported = count("imported");
  const unchanged = count("unchanged");
  const rejected = count("rejected");
  const files = report.files.length;
  if (files === 0) throw new BilagaError("Inga CSV-filer hittades (.csv, .txt eller .tsv) i det som angavs.", EXIT.usage);
  process.stdout.write(
    `\nSummering: ${files} ${files === 1 ? "fil" : "filer"}: ${imported} ${imported === 1 ? "inläst" : "inlästa"}, ` +
      `${unchanged} redan ${unchanged === 1 ? "inläst" : "inlästa"}, ${rejected} ${rejected === 1 ? "avvisad" : "avvisade"}` +
      `${tolerance > 0 ? ` (tolerans ${formatShare(tolerance)})` : ""}.\nLiggare: ${report.ledgerPath}\n`,
  );
  if (rejected > 0) {
    throw new BilagaError(
      `${rejected} ${rejected === 1 ? "fil avvisades" : "filer avvisades"}; för dem är liggaren oförändrad. Rätta felen ovan och kör igen.`,
      EXIT.rejected,
    );
  }
}

const n = (value: number): string => formatSwedishNumber(value, 0);

function printOutcome(outcome: FileOutcome): void {
  switch (outcome.kind) {
    case "imported": {
      const months = outcome.months.length === 1 ? outcome.months[0] : `${outcome.months[0]} – ${outcome.months[outcome.months.length - 1]}`;
      const filtered = outcome.rowsFiltered > 0 ? `, ${n(outcome.rowsFiltered)} bortfiltrerade` : "";
      const rejected = outcome.rowsRejected > 0 ? `, ${n(outcome.rowsRejected)} felaktiga hoppades över` : "";
      process.stdout.write(
        `Inläst: ${outcome.file} – ${outcome.sourceName}, ${months ?? "ingen månad"}: ${n(outcome.rowsRead)} rader, ` +
          `${n(outcome.rowsAccepted)} räknade${filtered}${rejected} (${outcome.encoding}).\n`,
      );
      for (const line of describeDeliveryChanges(outcome)) process.stdout.write(`  ${line}\n`);
      printIssues(outcome.issues, outcome.issueCount, process.stdout);
      return;
    }
    case "unchanged":
      process.stdout.write(
        `Redan inläst: ${outcome.file} – samma innehåll som ${outcome.earlierName}, inläst ${new Date(outcome.importedAt).toLocaleString("sv-SE")}; inget ändrat.\n`,
      );
      return;
    case "rejected":
      process.stderr.write(
        `Avvisad: ${outcome.file} – ${n(outcome.issueCount)} ${outcome.issueCount === 1 ? "fel" : "fel och varningar"}; liggaren är oförändrad.\n`,
      );
      printIssues(outcome.issues, outcome.issueCount, process.stderr);
  }
}

function printIssues(issues: readonly Issue[], total: number, to: NodeJS.WriteStream): void {
  const shown = issues.slice(0, ISSUES_SHOWN);
  for (const found of shown) to.write(`  ${formatIssue(found)}\n`);
  if (total > shown.length) to.write(`  … och ${n(total - shown.length)} till.\n`);
}
