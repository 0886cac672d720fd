/**
 * `bilaga inspect <arbetsbok.xlsx> [--sheet NAMN] [--json]`: shows how the product reads the
 * indicator table, in Swedish (tree, counts, every issue with its cell) or, with --json, the
 * Appendix model alone on stdout (schema/appendix.schema.json describes it). The text also shows
 * the workbook's activities (issue 11) when a sheet has an activity table; a workbook (or a
 * --sheet) with activities but no indicator table shows the activities alone.
 */
import type { Command } from "commander";
import { formatAppendixText } from "../../inspect/formatAppendixText";
import { inspectWorkbook, type InspectedWorkbook } from "../../inspect/inspectWorkbook";
import { findActivitySheet } from "../../inspect/findActivitySheet";
import { formatActivitiesText } from "../../inspect/formatActivitiesText";
import { openWorkbook } from "../../xlsx/openWorkbook";
import { BilagaError, EXIT } from "../errors";

interface InspectOptions {
  readonly sheet?: string;
  readonly json?: boolean;
}

export function register(program: Command): void {
  program
    .command("inspect")
    .description("visa indikatortabellen som bilaga läser den: målområden, mål, indikatorer och problem")
    .argument("<arbetsbok>", "Excel-arbetsbok (.xlsx) med indikatorbilagan")
    .option("--sheet <namn>", "bladet med tabellen (annars prövas varje blad)")
    .option("--json", "skriv modellen som JSON på stdout (se schema/appendix.schema.json)")
    .action(async (path: string, options: InspectOptions) => {
      let inspected: InspectedWorkbook | undefined;
      let noTable: BilagaError | undefined;
      try {
        inspected = await inspectWorkbook(path, options.sheet === undefined ? {} : { sheet: options.sheet });
      } catch (error) {
        if (options.json || !(error instanceof BilagaError) || error.exitCode !== EXIT.rejected) throw error;
        noTable = error;
      }
      if (options.json && inspected) {
        writeToStdout(`${JSON.stringify(inspected.appendix, null, 2)}\n`);
        return;
      }
      const workbook = await openWorkbook(path);
      // With --sheet naming the appendix, the activities are looked for on every sheet.
      const activities = findActivitySheet(workbook, noTable ? options.sheet : undefined);
      if (!inspected) {
        if (!activities || !noTable) throw noTable ?? new Error("inspect: no table and no error");
        writeToStdout(formatActivitiesText(activities, workbook.file));
        return;
      }
      const appendixText = formatAppendixText(inspected.appendix, inspected);
      writeToStdout(activities ? `${appendixText}\n${formatActivitiesText(activities, workbook.file)}` : appendixText);
    });
}

/** Writes to stdout; a reader that stops early (`bilaga inspect x --json | head`) is not an error. */
function writeToStdout(text: string): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.stdout.write(text);
}
