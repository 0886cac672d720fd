/**
 * The `bilaga` command line: registers the commands and is the one exit point that
 * turns errors into Swedish text on stderr and an exit code.
 */
import { Command, CommanderError } from "commander";
import { formatIssue } from "../../core/issues/messages.sv";
import { HashKeyError } from "../ledger/loadHashKey";
import { LedgerLockedError } from "../ledger/lockLedger";
import { BilagaError, EXIT } from "./errors";
import { useSwedish } from "./swedishCommander";

type Register = (program: Command) => void;

/**
 * Each command module exports register(program) and lives in ./commands/. They are loaded
 * when needed: `bilaga import` does not load Excel's libraries, so it starts faster.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  inspect: async () => (await import("./commands/inspect")).register,
  import: async () => (await import("./commands/import")).register,
  ledger: async () => (await import("./commands/ledger")).register,
  fill: async () => (await import("./commands/fill")).register,
  run: async () => (await import("./commands/run")).register,
  kolada: async () => (await import("./commands/kolada")).register,
  manual: async () => (await import("./commands/manual")).register,
  report: async () => (await import("./commands/report")).register,
};

/**
 * The program with the command `argv` names (["node", "bilaga", "import", ...]), or every
 * command (for `bilaga --help`, or a name that is not a command, so that commander can list
 * them and suggest the nearest).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("bilaga")
    .description("Fyller i indikatorbilagan: utfall och status från månadens exporter.")
    .helpOption("-h, --help", "visa hjälp")
    .helpCommand("help [kommando]", "visa hjälp för ett kommando")
    .exitOverride();
  const named = argv[2];
  const load = named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]!] : Object.values(COMMANDS);
  for (const register of await Promise.all(load.map((loader) => loader()))) register(program);
  useSwedish(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  try {
    await (await buildProgram(argv)).parseAsync([...argv]);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof LedgerLockedError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT.locked;
  }
  // A key too short, or not the ledger's, wherever a command meets it (import, or the activity history after a fill).
  if (error instanceof HashKeyError) {
    process.stderr.write(`${error.message}\n`);
    return EXIT.rejected;
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
