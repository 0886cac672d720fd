/**
 * The Chromium that prints the report to PDF (and that the browser tests drive): CHROMIUM_PATH
 * when it is set (and only it, so a wrong setting is said, not passed over), else Debian's
 * /usr/bin/chromium or /usr/bin/chromium-browser. The flags keep a headless run quiet and
 * local: no sandbox (containers), no GPU, nothing fetched in the background.
 */
import { existsSync } from "node:fs";

const DEBIAN = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** Where Chromium is, or why there is none (Swedish, for the message that the PDF was not made). */
export function locateChromium(env: NodeJS.ProcessEnv = process.env): { readonly path: string } | { readonly missing: string } {
  const chosen = env["CHROMIUM_PATH"];
  if (chosen !== undefined && chosen !== "") {
    return existsSync(chosen) ? { path: chosen } : { missing: `CHROMIUM_PATH pekar på ${chosen}, som inte finns` };
  }
  const found = DEBIAN.find((candidate) => existsSync(candidate));
  return found === undefined ? { missing: `ingen Chromium hittades (${DEBIAN.join(" eller ")}, eller CHROMIUM_PATH)` } : { path: found };
}

/** Chromium's path, or undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const located = locateChromium(env);
  return "path" in located ? located.path : undefined;
}

export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
