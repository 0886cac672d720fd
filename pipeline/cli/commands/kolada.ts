/**
 * `bilaga kolada [filer…] [--kpi N00011 --kommun 0580 --ar 2016-2019 [--spara FIL] [--url BAS]] [--ledger FIL]`:
 * stores Kolada's key figures in the ledger. Given files (saved responses, .json, or folders of
 * them), it reads them offline; given --kpi, it fetches from Kolada's live API (paging), saves the
 * response with --spara, and stores it. A value Kolada lacks is stored as missing, never as 0.
 * Exit codes: 0 stored, 1 a file was refused or Kolada could not be fetched, 2 wrong use, 4 a file is missing.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { formatIssue } from "../../../core/issues/messages.sv";
import { collectKoladaFiles, importYearlyValues } from "../../ledger/importYearlyValues";
import { resolveLedgerPath } from "../../ledger/ledgerPaths";
import { withLedgerLock } from "../../ledger/lockLedger";
import { fetchKolada, KoladaFetchError, savedResponse } from "../../kolada/fetchKolada";
import { BilagaError, EXIT } from "../errors";

interface KoladaCommandOptions {
  readonly kpi?: string;
  readonly kommun?: string;
  readonly ar?: string;
  readonly spara?: string;
  readonly url?: string;
  readonly ledger?: string;
}

export function register(program: Command): void {
  program
    .command("kolada")
    .description("läs in nyckeltal från Kolada i liggaren: sparade svar (.json) eller hämtade direkt (--kpi)")
    .argument("[filer...]", "sparade svar från Kolada (.json) eller mappar med sådana")
    .option("--kpi <id>", "hämta nyckeltalet från Koladas API, t.ex. N00011")
    .option("--kommun <id>", "kommunens id i Kolada, t.ex. 0580 (Linköping); flera med komma")
    .option("--ar <år>", "år, t.ex. 2019, 2017,2018 eller 2016-2019")
    .option("--spara <fil>", "spara det hämtade svaret som en fil (läses sedan utan nät med --kolada)")
    .option("--url <adress>", "Koladas adress (standard: https://api.kolada.se/v2)")
    .option("--ledger <fil>", "liggarens fil (standard: $BILAGA_LEDGER eller ./bilaga-data/liggare.sqlite)")
    .action(async (files: string[], options: KoladaCommandOptions) => {
      await runKolada(files, options);
    });
}

/** "2019" -> [2019]; "2017,2019" -> [2017, 2019]; "2016-2019" -> [2016, 2017, 2018, 2019]. */
export function parseYears(text: string): number[] | undefined {
  const years: number[] = [];
  for (const part of text.split(",").map((p) => p.trim())) {
    const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from || to - from > 50) return undefined;
      for (let year = from; year <= to; year++) years.push(year);
    } else if (/^\d{4}$/.test(part)) years.push(Number(part));
    else return undefined;
  }
  return years.length === 0 ? undefined : years;
}

async function runKolada(files: readonly string[], options: KoladaCommandOptions): Promise<void> {
  const ledgerPath = resolveLedgerPath(options.ledger);
  for (const file of files) if (!existsSync(file)) throw new BilagaError(`Filen eller mappen "${file}" finns inte. Kontrollera sökvägen.`, EXIT.environment);
  const koladaFiles = files.flatMap((file) => collectKoladaFiles(file));
  if (options.kpi !== undefined) {
    if (options.kommun === undefined || options.ar === undefined) throw new BilagaError("Ange --kommun och --ar tillsammans med --kpi, t.ex. --kpi N00011 --kommun 0580 --ar 2016-2019.", EXIT.usage);
    const years = parseYears(options.ar);
    if (years === undefined) throw new BilagaError(`Kunde inte läsa åren "${options.ar}". Skriv t.ex. 2019, 2017,2018 eller 2016-2019.`, EXIT.usage);
    let fetched;
    try {
      fetched = await fetchKolada({
        kpi: options.kpi.trim(),
        municipalities: options.kommun.split(",").map((m) => m.trim()),
        years,
        ...(options.url !== undefined && { baseUrl: options.url }),
      });
    } catch (error) {
      if (error instanceof KoladaFetchError) throw new BilagaError(error.message, EXIT.rejected);
      throw error;
    }
    const saveTo = resolve(options.spara ?? `kolada-${options.kpi.trim()}-${options.kommun.replace(/,/g, "_")}.json`);
    await mkdir(dirname(saveTo), { recursive: true });
    await writeFile(saveTo, `${JSON.stringify(savedResponse(fetched, new Date()), null, 2)}\n`);
    process.stdout.write(`Hämtade ${fetched.values.length} värden från Kolada (${fetched.pages.length} ${fetched.pages.length === 1 ? "sida" : "sidor"}); sparat i ${saveTo}.\n`);
    koladaFiles.push(saveTo);
  }
  if (koladaFiles.length === 0) throw new BilagaError("Ange sparade svar från Kolada (.json) eller hämta med --kpi, --kommun och --ar.", EXIT.usage);
  const result = withLedgerLock(ledgerPath, () => importYearlyValues(ledgerPath, { koladaFiles }));
  for (const found of result.issues) process.stderr.write(`${formatIssue(found)}\n`);
  for (const file of result.kolada) {
    process.stdout.write(file.stored === undefined ? `Avvisad: ${file.file}\n` : `${file.file}: ${file.stored} nya eller ändrade värden. Källa: Kolada.\n`);
  }
  if (result.rejected) throw new BilagaError("En Kolada-fil avvisades; inget från den sparades.", EXIT.rejected);
}
