/**
 * The large files the bench times, generated once in its temporary folder and read by both
 * sections (one core, two cores): the case list (UTF-16 LE, tab, CRLF) and a payment list of
 * as many rows whose households are counted distinctly (Windows-1252, `;`).
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { generateCaseList } from "./generateCaseList";
import { mb } from "./median";
import { generatePayments } from "./paymentsMemory";

export interface BenchFiles {
  readonly root: string;
  readonly dir: string;
  readonly caseList: string;
  /** Data rows of the case list. */
  readonly caseRows: number;
  readonly payments: string;
  /** Data rows of the payment list. */
  readonly paymentRows: number;
  /** Distinct households in the payment list. */
  readonly households: number;
  /** Rounds of each section (BILAGA_BENCH_REPEAT). */
  readonly repeat: number;
}

/** What a section of the bench returns: whether its goals are met, and its summary. */
export interface SectionResult {
  readonly ok: boolean;
  /** Swedish lines: the section's summary and verdicts. */
  readonly text: string;
}

export async function prepareBenchFiles(
  root: string,
  dir: string,
  options: { readonly rows: number; readonly households: number; readonly repeat: number },
  write: (text: string) => void,
): Promise<BenchFiles> {
  const caseList = join(dir, "vantetider-2019-06-stor.txt");
  write(`Skapar ${options.rows.toLocaleString("sv-SE")} rader i ${caseList} ...\n`);
  await generateCaseList(caseList, options.rows);
  write(`Ärendelistan: ${mb(statSync(caseList).size)} MB (UTF-16 LE med BOM, tabbavgränsad, CRLF)\n`);
  const payments = join(dir, "forsorjningsstod-2019-06-stor.csv");
  await generatePayments(payments, options.rows, options.households);
  write(
    `Utbetalningslistan: ${options.rows.toLocaleString("sv-SE")} rader, ${options.households.toLocaleString("sv-SE")} hushåll, ` +
      `${mb(statSync(payments).size)} MB (Windows-1252, semikolon)\n\n`,
  );
  return { root, dir, caseList, caseRows: options.rows, payments, paymentRows: options.rows, households: options.households, repeat: options.repeat };
}
