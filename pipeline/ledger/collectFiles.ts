/**
 * Turns the command's arguments (files and folders) into the files to import: a folder
 * gives its .csv, .txt and .tsv files (not its sub-folders), sorted by name, so a month's
 * re-delivery named after the original comes after it.
 */
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const EXPORT_FILE = /\.(csv|txt|tsv)$/i;

export function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    const full = resolve(path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      // The command line reports ENOENT as trouble in the environment, with this message.
      throw Object.assign(new Error(`Filen eller mappen ${path} finns inte.`), { code: "ENOENT" });
    }
    if (isDirectory) {
      const names = readdirSync(full)
        .filter((name) => EXPORT_FILE.test(name) && !name.startsWith("."))
        .sort((a, b) => a.localeCompare(b, "sv"));
      for (const name of names) {
        const file = join(full, name);
        if (statSync(file).isFile()) files.push(file);
      }
    } else {
      files.push(full);
    }
  }
  return [...new Set(files)];
}
