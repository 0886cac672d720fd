/**
 * A lock so that two runs never write the ledger at once: a lock file beside the ledger,
 * created exclusively, holding the pid, host and start time of the run that holds it.
 * A lock left by a run that died (its pid is gone on this host) is taken over.
 */
import { hostname } from "node:os";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { lockPathFor } from "./ledgerPaths";

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

/** Thrown when another run holds the lock; the message is Swedish and says what to do. */
export class LedgerLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo | undefined,
  ) {
    super(
      `Liggaren används redan av en annan körning` +
        (holder ? ` (process ${holder.pid} på ${holder.host}, startad ${holder.startedAt})` : "") +
        `. Vänta tills den körningen är klar och försök igen. Om ingen körning pågår kan du ta bort låsfilen ${lockPath}.`,
    );
    this.name = "LedgerLockedError";
  }
}

export interface LedgerLock {
  readonly path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<LockInfo>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string" && typeof parsed.startedAt === "string") {
      return { pid: parsed.pid, host: parsed.host, startedAt: parsed.startedAt };
    }
  } catch {
    // Unreadable or half-written: treated as held, so nobody writes on a guess.
  }
  return undefined;
}

/** Takes the ledger's lock or throws LedgerLockedError. */
export function lockLedger(ledgerPath: string): LedgerLock {
  const path = lockPathFor(ledgerPath);
  mkdirSync(dirname(path), { recursive: true });
  const mine: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(mine), { flag: "wx", mode: 0o600 });
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          const now = readLock(path);
          if (now?.pid === mine.pid && now.startedAt === mine.startedAt) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(path);
      const stale = holder !== undefined && holder.host === mine.host && holder.pid !== process.pid && !isAlive(holder.pid);
      if (!stale || attempt > 0) throw new LedgerLockedError(path, holder);
      rmSync(path, { force: true });
    }
  }
  throw new LedgerLockedError(path, undefined);
}

/**
 * Runs work while holding the ledger's lock, and releases it however the work ends.
 * Throws LedgerLockedError (before any work) when another run holds it.
 */
export function withLedgerLock<T>(ledgerPath: string, work: () => T): T {
  const lock = lockLedger(ledgerPath);
  try {
    return work();
  } finally {
    lock.release();
  }
}
