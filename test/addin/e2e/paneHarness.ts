/**
 * What the task pane's end-to-end test needs around the browser: the built task pane (the
 * product's own webpack.config.js in production mode, cached by the hash of its inputs), the
 * simulated office.js (webpack.host.config.js), a tiny static server on 127.0.0.1 for the
 * pane's files, a seed for the simulated workbook read from an .xlsx by the pipeline, and the
 * Chromium to drive.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import webpack from "webpack";
import { CHROMIUM_ARGS as PIPELINE_CHROMIUM_ARGS } from "../../../pipeline/report/findChromium";
import { openWorkbook } from "../../../pipeline/xlsx";
import type { HostSeed, SeedCell } from "./host/seed";

export const ROOT = path.join(__dirname, "..", "..", "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "bilaga-e2e");

/** Debian's Chromium (installed by .ci/run), or CHROMIUM_PATH, and its flags: the same the report's PDF is printed with. */
export { findChromium } from "../../../pipeline/report/findChromium";
export const CHROMIUM_ARGS: string[] = [...PIPELINE_CHROMIUM_ARGS];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A hash of everything the build reads, so a cached build is reused only when nothing changed. */
function inputsHash(paths: readonly string[]): string {
  const hash = createHash("sha256");
  const files = paths.flatMap((p) => (fs.existsSync(p) && fs.statSync(p).isDirectory() ? filesUnder(p) : [p])).sort();
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(ROOT, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

function runWebpack(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) reject(error);
      else if (!stats || stats.hasErrors()) reject(new Error(stats?.toString("errors-only") ?? "webpack failed"));
      else resolve();
    });
  });
}

/** Builds into a fresh folder and renames it into place, so a half-written build is never reused. */
async function cachedBuild(name: string, inputs: readonly string[], build: (outputPath: string) => Promise<void>): Promise<string> {
  const target = path.join(CACHE, `${name}-${inputsHash(inputs)}`);
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(CACHE, { recursive: true });
  const building = fs.mkdtempSync(path.join(CACHE, `${name}-building-`));
  await build(building);
  try {
    fs.renameSync(building, target);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another run put the same build in place
  }
  for (const old of fs.readdirSync(CACHE)) {
    // Earlier builds of changed sources are never used again.
    if (old.startsWith(`${name}-`) && !old.includes("-building-") && path.join(CACHE, old) !== target) fs.rmSync(path.join(CACHE, old), { recursive: true, force: true });
  }
  return target;
}

/**
 * The task pane as `webpack --mode production` builds it (same config: entry, HTML, boundary
 * and size checks), without ts-loader's type check, which `npm run typecheck` does.
 */
export function buildPane(): Promise<string> {
  const inputs = ["addin", "core", path.join("samples", "config"), "webpack.config.js", "manifest.xml", "package-lock.json"].map((p) => path.join(ROOT, p));
  return cachedBuild("pane", inputs, async (outputPath) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the product's CommonJS webpack config
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => webpack.Configuration;
    const config = makeConfig({}, { mode: "production" });
    config.mode = "production";
    config.output = { ...config.output, path: outputPath };
    config.infrastructureLogging = { level: "error" };
    for (const rule of config.module?.rules ?? []) {
      if (rule && typeof rule === "object" && rule.loader === "ts-loader") rule.options = { ...(rule.options as object), transpileOnly: true };
    }
    await runWebpack(config);
  });
}

/** The simulated office.js, as one script. */
export async function buildHost(): Promise<string> {
  const inputs = [path.join(__dirname, "host"), path.join(__dirname, "webpack.host.config.js"), path.join(ROOT, "core"), path.join(ROOT, "pipeline", "xlsx", "renderCellText.ts")];
  const dir = await cachedBuild("host", inputs, async (outputPath) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS webpack config
    const makeConfig = require(path.join(__dirname, "webpack.host.config.js")) as (outputPath: string) => webpack.Configuration;
    await runWebpack(makeConfig(outputPath));
  });
  return fs.readFileSync(path.join(dir, "simulated-office.js"), "utf8");
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves a folder on 127.0.0.1 at a free port. */
export async function serveFolder(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const wanted = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, path.normalize(wanted).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    response.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The simulated workbook's content: every sheet of the .xlsx as the pipeline reads it. */
export async function seedFromWorkbook(file: string, options: { excelApi?: string } = {}): Promise<HostSeed> {
  const workbook = await openWorkbook(file);
  const sheets = workbook.sheetNames.map((name) => {
    const grid = workbook.readGrid(name);
    const cells: SeedCell[] = [];
    grid.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && (cell.value !== null || cell.text !== "")) {
          cells.push([grid.origin.row + r, grid.origin.column + c, cell.value ?? cell.text, cell.text, cell.numberFormat]);
        }
      }),
    );
    return { name, cells, merges: grid.merges };
  });
  return { host: "Excel", sheets, activeSheet: workbook.sheetNames[0] ?? "Blad1", excelApi: options.excelApi ?? "1.18" };
}

/** A fresh, empty Chromium profile folder. */
export function freshProfile(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "bilaga-e2e-chromium-"));
}
