/**
 * Typed errors of the command line. Commands throw these; only main.ts turns them into
 * Swedish text on stderr and an exit code.
 */
import type { Issue } from "../../core/issues/issues";

export const EXIT = {
  ok: 0,
  /** A file was rejected, or the input has errors the user must mend. */
  rejected: 1,
  /** Wrong use of the command (unknown option, missing argument). */
  usage: 2,
  /** The ledger is locked by another run. */
  locked: 3,
  /** Environment trouble: disk, permissions, a file that cannot be read. */
  environment: 4,
  /** The night run (`bilaga run --boards`): one or more boards failed; the others were written. */
  boardsFailed: 5,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can act on: a Swedish message, the issues behind it, an exit code. */
export class BilagaError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.rejected,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message);
    this.name = "BilagaError";
  }
}
