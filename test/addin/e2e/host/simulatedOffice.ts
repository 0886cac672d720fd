/**
 * The stand-in for office.js in the end-to-end test: the page asks Microsoft's CDN for office.js
 * and gets this script instead (bundled by webpack.host.config.js). It defines the globals the
 * task pane uses (Office.onReady, Office.HostType, Office.context.requirements,
 * Office.context.document.settings, Excel.run) over the simulated workbook seeded in
 * `window.__BILAGA_HOST_SEED__`, and exposes `window.__simulatedExcel` for the test's
 * assertions. With `host: null` it behaves as office.js does in a plain browser: onReady
 * resolves with no host.
 */
import type { HostSeed } from "./seed";
import { OfficeError, SimulatedHost, type SimContext } from "./simulatedExcel";

interface SeededWindow {
  __BILAGA_HOST_SEED__?: HostSeed;
  __simulatedExcel?: SimulatedHost;
  Office?: unknown;
  Excel?: unknown;
  OfficeExtension?: unknown;
}

const page = globalThis as unknown as SeededWindow;
const seed: HostSeed = page.__BILAGA_HOST_SEED__ ?? { host: null, sheets: [], activeSheet: "Blad1", excelApi: "1.18" };
const host = new SimulatedHost(seed);

function versionAtLeast(have: string, want: string): boolean {
  const [hm = 0, hn = 0] = have.split(".").map(Number);
  const [wm = 0, wn = 0] = want.split(".").map(Number);
  return hm > wm || (hm === wm && hn >= wn);
}

const settings = {
  get: (name: string): unknown => (name in host.settings ? host.settings[name] : null),
  set: (name: string, value: unknown): void => {
    host.settings[name] = structuredClone(value);
  },
  remove: (name: string): void => {
    delete host.settings[name];
  },
  saveAsync: (...args: unknown[]): void => {
    const callback = args.find((a): a is (result: { status: string }) => void => typeof a === "function");
    setTimeout(() => callback?.({ status: "succeeded" }), 0);
  },
};

const info = seed.host === "Excel" ? { host: "Excel", platform: "OfficeOnline" } : { host: null, platform: null };

page.Office = {
  HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  onReady(callback?: (value: typeof info) => void): Promise<typeof info> {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 10),
    );
  },
  context:
    seed.host === "Excel"
      ? {
          requirements: { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && versionAtLeast(seed.excelApi, version ?? "1.1") },
          document: { settings },
        }
      : undefined,
};

if (seed.host === "Excel") {
  page.Excel = {
    run: <T>(batch: (context: SimContext) => Promise<T>): Promise<T> => host.run(batch),
  };
  page.OfficeExtension = { Error: OfficeError };
}

page.__simulatedExcel = host;
