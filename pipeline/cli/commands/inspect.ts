/**
 * `bilaga inspect <arbetsbok.xlsx> [--sheet NAMN] [--json]`: shows how the product reads the
 * indicator table, in Swedish (tree, counts, every issue with its cell) or, with --json, the
 * Appendix model alone on stdout (schema/appendix.schema.json describes it).
 */
import type { Command } from "commander";
import { formatAppendixText } from "../../inspect/formatAppendixText";
import { inspectWorkbook } from "../../inspect/inspectWorkbook";

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
      const inspected = await inspectWorkbook(path, options.sheet === undefined ? {} : { sheet: options.sheet });
      const output = options.json
        ? `${JSON.stringify(inspected.appendix, null, 2)}\n`
        : formatAppendixText(inspected.appendix, inspected);
      writeToStdout(output);
    });
}

/** Writes to stdout; a reader that stops early (`bilaga inspect x --json | head`) is not an error. */
function writeToStdout(text: string): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.stdout.write(text);
}
