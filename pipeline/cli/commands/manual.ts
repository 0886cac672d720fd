/**
 * `bilaga manual <fil.csv | arbetsbok.xlsx> [--ledger FIL]`: stores manual values (surveys and
 * other yearly figures) in the ledger, from a small CSV or a workbook's sheet "Manuella värden".
 * Storing the same values again changes nothing; a changed value keeps the earlier one as history
 * (`bilaga ledger --manuella`). A file with a bad row stores nothing; its errors name line and column.
 */
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { formatIssue } from "../../../core/issues/messages.sv";
import { MANUAL_SHEET, readManualValues } from "../../../core/manual/readManualValues";
import type { ManualValue } from "../../../core/manual/manualValue";
import type { Issue } from "../../../core/issues/issues";
import { importYearlyValues } from "../../ledger/importYearlyValues";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import { withLedgerLock } from "../../ledger/lockLedger";
import { openWorkbook } from "../../xlsx";
import { BilagaError, EXIT } from "../errors";

export function register(program: Command): void {
  program
    .command("manual")
    .description('läs in manuella värden (enkäter, årsvärden) i liggaren från en CSV-fil eller arbetsbokens blad "Manuella värden"')
    .argument("<fil>", 'CSV (Mått;Uppdelning;År;Värde;Källa;Inmatat av;Inmatat) eller en arbetsbok (.xlsx) med bladet "Manuella värden"')
    .option("--ledger <fil>", "liggarens fil (standard: $BILAGA_LEDGER eller ./bilaga-data/liggare.sqlite)")
    .action(async (file: string, options: { ledger?: string }) => {
      await runManual(file, options);
    });
}

async function readWorkbookSheet(file: string): Promise<{ values: ManualValue[]; issues: Issue[] }> {
  const workbook = await openWorkbook(file);
  const info = workbook.sheets.find((s) => s.name.toLocaleLowerCase("sv-SE") === MANUAL_SHEET.toLocaleLowerCase("sv-SE"));
  if (info === undefined) throw new BilagaError(`Arbetsboken ${file} har inget blad "${MANUAL_SHEET}".`, EXIT.rejected);
  return readManualValues(workbook.readGrid(info.name), { file });
}

async function runManual(file: string, options: { ledger?: string }): Promise<void> {
  const ledgerPath = resolveLedgerPath(options.ledger);
  if (!existsSync(file)) throw new BilagaError(`Filen "${file}" finns inte. Kontrollera sökvägen.`, EXIT.environment);
  const isWorkbook = /\.xlsx$/i.test(file);
  const fromSheet = isWorkbook ? await readWorkbookSheet(file) : undefined;
  if (fromSheet !== undefined && fromSheet.issues.some((i) => i.severity === "error")) {
    throw new BilagaError(`Rätta bladet "${MANUAL_SHEET}" i ${file}; inget sparades.`, EXIT.rejected, fromSheet.issues);
  }
  const result = withLedgerLock(ledgerPath, () => importYearlyValues(ledgerPath, fromSheet === undefined ? { manualFiles: [file] } : { manualValues: [{ origin: `${file} (${MANUAL_SHEET})`, values: fromSheet.values }] }));
  if (result.rejected) throw new BilagaError(`Rätta ${file}; inget från filen sparades.`, EXIT.rejected, result.issues);
  for (const found of result.issues) process.stdout.write(`${formatIssue(found)}\n`);
  for (const entry of result.manual) {
    const w = entry.write;
    if (w !== undefined) process.stdout.write(`${entry.file}: ${w.added} nya, ${w.changed} ändrade, ${w.unchanged} oförändrade värden${w.older > 0 ? `, ${w.older} äldre än det som gäller (sparade som historik)` : ""}.\n`);
  }
}
