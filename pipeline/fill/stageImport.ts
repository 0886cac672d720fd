/**
 * All-or-nothing import for `bilaga run`: the ledger is copied to a staging file beside it
 * (with its key file), importFiles reads the exports into the copy, and only when no file was
 * rejected is the copy renamed over the ledger (commit). A rejected file, or any failure before
 * commit, discards the copy: the ledger stays exactly as it was (byte for byte).
 *
 * The ledger's own lock is held from staging to commit or discard, so no other run writes
 * the ledger in between.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { importFiles, type ImportOptions, type ImportReport } from "../ledger/importFiles";
import { keyPathFor, lockPathFor } from "../ledger/ledgerPaths";
import { lockLedger } from "../ledger/lockLedger";

export interface StagedImport {
  /** The import's report, with the real ledger's path. */
  readonly report: ImportReport;
  /** True when a file was rejected: then only discard() is allowed. */
  readonly rejected: boolean;
  /** True when a file was read in (the ledger would change on commit). */
  readonly changed: boolean;
  /** The staging copy, to read records from before commit. */
  readonly stagePath: string;
  /** Moves the staged ledger (and a new key file) into place and releases the lock. */
  commit(): void;
  /** Removes the staging files and releases the lock; the ledger is untouched. */
  discard(): void;
  /** Says that something besides the exports was written to the stage (yearly values): commit moves it into place. */
  markChanged(): void;
}

/** SQLite's rollback journal: copied with the file so a crash's hot journal is honoured. */
const journalOf = (path: string): string => `${path}-journal`;

/**
 * @example const staged = await stageImport(["samples/exports"], { ledgerPath, profiles });
 *   if (staged.rejected) staged.discard(); else { …plan the fill from staged.stagePath…; staged.commit(); }
 */
export async function stageImport(paths: readonly string[], options: ImportOptions): Promise<StagedImport> {
  const ledgerPath = options.ledgerPath;
  const lock = lockLedger(ledgerPath);
  const stagePath = join(dirname(ledgerPath), `.${basename(ledgerPath)}.run-${process.pid}-${randomBytes(4).toString("hex")}`);
  const keyPath = keyPathFor(ledgerPath);
  const stageKey = keyPathFor(stagePath);
  let done = false;
  const removeStage = (): void => {
    for (const path of [stagePath, journalOf(stagePath), stageKey, lockPathFor(stagePath)]) rmSync(path, { force: true });
  };
  const discard = (): void => {
    if (done) return;
    done = true;
    try {
      removeStage();
    } finally {
      lock.release();
    }
  };
  let report: ImportReport;
  try {
    if (existsSync(ledgerPath)) {
      copyFileSync(ledgerPath, stagePath);
      if (existsSync(journalOf(ledgerPath))) copyFileSync(journalOf(ledgerPath), journalOf(stagePath));
    }
    if (existsSync(keyPath)) copyFileSync(keyPath, stageKey);
    report = await importFiles(paths, { ...options, ledgerPath: stagePath });
  } catch (error) {
    discard();
    throw error;
  }
  const rejected = report.files.some((f) => f.kind === "rejected");
  let changed = report.files.some((f) => f.kind === "imported");
  return {
    report: { ...report, ledgerPath },
    rejected,
    get changed() {
      return changed;
    },
    markChanged: () => {
      changed = true;
    },
    stagePath,
    discard,
    commit: () => {
      if (done) throw new Error("stageImport: redan avslutad");
      if (rejected) throw new Error("stageImport: en avvisad inläsning kan inte sparas");
      if (!changed) {
        // Nothing new was read: keep the ledger's bytes as they are.
        discard();
        return;
      }
      try {
        if (!existsSync(keyPath) && existsSync(stageKey)) renameSync(stageKey, keyPath);
        renameSync(stagePath, ledgerPath);
        done = true;
        rmSync(journalOf(stagePath), { force: true });
        rmSync(stageKey, { force: true });
        rmSync(lockPathFor(stagePath), { force: true });
      } finally {
        done = true;
        lock.release();
      }
    },
  };
}
