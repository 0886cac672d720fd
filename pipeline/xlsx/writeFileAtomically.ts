/**
 * Writing a workbook safely: a temporary file in the same folder, flushed to disk (fsync),
 * then renamed over the target, so a crash leaves either the old file or the new one, never
 * half of one. With `backup`, the old file is first kept as "<name>.bak.xlsx" (or, when that
 * exists, "<name>.bak-YYYYMMDD-HHMMSS.xlsx").
 */
import { randomBytes } from "node:crypto";
import { copyFile, open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { BilagaError, EXIT } from "../cli/errors";

export interface WriteResult {
  readonly path: string;
  /** Where the old file was kept, when a backup was asked for and there was an old file. */
  readonly backupPath?: string;
}

/** Writes bytes to `path` atomically (temp file + fsync + rename). */
export async function writeFileAtomically(path: string, bytes: Uint8Array, options: { backup?: boolean } = {}): Promise<WriteResult> {
  const target = resolve(path);
  const folder = dirname(target);
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  let backupPath: string | undefined;
  const handle = await open(temp, "wx", 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    if (options.backup && (await exists(target))) {
      backupPath = await freeBackupName(target);
      await copyFile(target, backupPath);
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
  return backupPath === undefined ? { path: target } : { path: target, backupPath };
}

/**
 * Writes a patched workbook: to `output`, which must not be the input unless `inPlace` is
 * given (then with a backup of the input first).
 */
export async function writeWorkbookAtomically(
  bytes: Uint8Array,
  target: { readonly input: string; readonly output: string; readonly inPlace?: boolean },
): Promise<WriteResult> {
  const same = await sameFile(target.input, target.output);
  if (same && !target.inPlace) {
    throw new BilagaError(
      `Utfilen ${target.output} är samma fil som indata; den skrivs inte över utan att du ber om det. Ange en annan utfil med --out.`,
      EXIT.usage,
    );
  }
  return writeFileAtomically(target.output, bytes, { backup: same });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

async function freeBackupName(target: string): Promise<string> {
  const ext = extname(target) || ".xlsx";
  const stem = target.slice(0, target.length - extname(target).length);
  const plain = `${stem}.bak${ext}`;
  if (!(await exists(plain))) return plain;
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  for (let n = 0; ; n += 1) {
    const name = `${stem}.bak-${stamp}${n === 0 ? "" : `-${n}`}${ext}`;
    if (!(await exists(name))) return name;
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Makes the rename durable; not every platform lets a folder be opened for this.
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
