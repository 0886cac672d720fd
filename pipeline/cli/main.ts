/**
 * The `bilaga` command line: registers the commands and is the one exit point that
 * turns errors into Swedish text on stderr and an exit code.
 */
import { Command, CommanderError } from "commander";
import { formatIssue } from "../../core/messages.sv";
import { register as registerInspect } from "./commands/inspect";
import { register as registerImport } from "./commands/import";
import { register as registerLedger } from "./commands/ledger";
import { register as registerFill } from "./commands/fill";
import { register as registerRun } from "./commands/run";
import { BilagaError, EXIT } from "./errors";

/** Each command module exports register(program) and lives in ./commands/. */
const COMMANDS: ReadonlyArray<(program: Command) => void> = [registerInspect, registerImport, registerLedger, registerFill, registerRun];

export function buildProgram(): Command {
  const program = new Command("bilaga")
    .description("Fyller i indikatorbilagan: utfall och status från månadens exporter.")
    .helpOption("-h, --help", "visa hjälp")
    .helpCommand("help [kommando]", "visa hjälp för ett kommando")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of COMMANDS) register(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof BilagaError) {
    for (const found of error.issues) process.stderr.write(`${formatIssue(found)}\n`);
    process.stderr.write(`${error.message}\n`);
    return error.exitCode;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "EACCES" || code === "ENOSPC" || code === "EISDIR") {
    process.stderr.write(`Fel i miljön: ${(error as Error).message}\n`);
    return EXIT.environment;
  }
  process.stderr.write(`Internt fel (en bugg i bilaga; rapportera gärna):\n${(error as Error)?.stack ?? String(error)}\n`);
  return 99;
}
