/**
 * Where the board's report goes when not told: "<namn> rapport <period>.html" (and .pdf) in
 * ./utdata/ for `bilaga report`, and beside the filled workbook for `bilaga run`.
 *
 * @example reportFileName("samples/verksamhetsplan-amn-2019.xlsx", T2_2019) // "verksamhetsplan-amn-2019 rapport 2019-T2.html"
 */
import { basename, dirname, extname, join, resolve } from "node:path";
import type { Period } from "../../core/periods/period";
import { DEFAULT_OUTPUT_DIR } from "../fill/fillPaths";

export function reportFileName(workbook: string, period: Period): string {
  return `${basename(workbook, extname(workbook))} rapport ${period.id}.html`;
}

/** `bilaga report` without --out: ./utdata/<namn> rapport <period>.html. */
export function defaultReportHtml(workbook: string, period: Period, cwd = process.cwd()): string {
  return join(resolve(cwd, DEFAULT_OUTPUT_DIR), reportFileName(workbook, period));
}

/** `bilaga run`: beside the filled workbook it writes. */
export function reportBeside(outputWorkbook: string, inputWorkbook: string, period: Period): string {
  return join(dirname(resolve(outputWorkbook)), reportFileName(inputWorkbook, period));
}
