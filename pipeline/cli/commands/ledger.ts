/**
 * `bilaga ledger`: what the ledger holds: each source's months from first to last, the
 * months missing between (gaps), with --filer every import batch, and with --aktiviteter the
 * activities' follow-up history (issue 11).
 */
import type { Command } from "commander";
import { formatSwedishNumber } from "../../../core/values/formatNumber";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import type { MonthContribution } from "../../ledger/ledgerTypes";
import { LedgerMissingError, openLedger } from "../../ledger/openLedger";
import { BilagaError, EXIT } from "../errors";
import { countYearlyValues, describeYearlyValues } from "../../ledger/describeYearlyValues";
import { formatActivityHistory, readActivityHistory } from "../../ledger/readActivityHistory";

interface LedgerCommandOptions {
  readonly ledger?: string;
  readonly filer?: boolean;
  readonly manuella?: boolean;
  readonly aktiviteter?: boolean;
}

export function register(program: Command): void {
  program
    .command("ledger")
    .description("visa vilka källor och månader liggaren har, vilka leveranser som ger varje månad och vilka månader som saknas")
    .option("--ledger <fil>", "liggarens fil (standard: $BILAGA_LEDGER eller ./bilaga-data/liggare.sqlite)")
    .option("--filer", "visa också varje inläst fil")
    .option("--manuella", "visa manuella värden med historik (vem, när, tidigare värde) och Kolada-värden")
    .option("--aktiviteter", "visa också aktiviteternas statushistorik per tertial")
    .action((options: LedgerCommandOptions) => {
      showLedger(options);
    });
}

/** "a.csv (inläsning 2, 412 rader); b.csv (inläsning 5, 38 rader)" */
function describeMonth(contributions: readonly MonthContribution[]): string {
  return contributions
    .map((c) => `${c.fileName} (inläsning ${c.batchId}, ${c.rows === null ? "antal rader okänt" : `${formatSwedishNumber(c.rows, 0)} ${c.rows === 1 ? "rad" : "rader"}`})`)
    .join("; ");
}

function showLedger(options: LedgerCommandOptions): void {
  const path = resolveLedgerPath(options.ledger);
  let ledger;
  try {
    ledger = openLedger(path, { readonly: true });
  } catch (error) {
    if (error instanceof LedgerMissingError) throw new BilagaError(error.message, EXIT.usage);
    throw error;
  }
  try {
    const coverage = ledger.coverage();
    const batches = ledger.batches();
    const contributions = ledger.contributions();
    const out: string[] = [`Liggare: ${path}`, `${batches.length} ${batches.length === 1 ? "inläst fil" : "inlästa filer"}.`];
    if (coverage.length === 0) out.push("Liggaren är tom.");
    for (const source of coverage) {
      const first = source.months[0] ?? "";
      const last = source.months[source.months.length - 1] ?? "";
      out.push(
        "",
        `${source.source}: ${first === last ? first : `${first} – ${last}`} (${source.months.length} ${source.months.length === 1 ? "månad" : "månader"})`,
        `  Mått: ${source.measures.join(", ") || "inga"}`,
        source.gaps.length > 0 ? `  Luckor: ${source.gaps.join(", ")} saknas` : "  Inga luckor.",
        "  Per månad, leveranserna som ger den (inläsning, rader):",
        ...source.months.map((month) => `    ${month}: ${describeMonth(contributions.filter((c) => c.source === source.source && c.month === month))}`),
      );
    }
    if (options.filer) {
      out.push("", "Inlästa filer:");
      for (const batch of batches) {
        const replaced = batch.replacedMonths.length > 0 ? ` (ersatt: ${batch.replacedMonths.map((r) => `${r.month} av inläsning ${r.byBatch}`).join(", ")})` : "";
        const rowsReplaced =
          batch.replacesRows.length > 0
            ? ` (ersatte rader: ${batch.replacesRows.map((r) => `${formatSwedishNumber(r.rows, 0)} ${r.month === "" ? "utan månad" : `i ${r.month}`} från inläsning ${r.batch}, ${formatSwedishNumber(r.changed, 0)} ändrade`).join("; ")})`
            : "";
        out.push(
          `  ${batch.id}. ${new Date(batch.importedAt).toLocaleString("sv-SE")}  ${batch.fileName}  ${batch.source} ${batch.months.join(", ")}  ` +
            `[${batch.delivery}]  ${formatSwedishNumber(batch.rowsRead, 0)} rader, ${formatSwedishNumber(batch.rowsRejected, 0)} felaktiga${replaced}${rowsReplaced}`,
        );
      }
    }
    if (options.manuella) out.push("", ...describeYearlyValues(ledger.db));
    else out.push(...countYearlyValues(ledger.db));
    if (options.aktiviteter) out.push("", "Aktiviteternas statushistorik:", ...formatActivityHistory(readActivityHistory(ledger.db)));
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    ledger.close();
  }
}
