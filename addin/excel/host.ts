/**
 * Where the task pane runs: in Excel, in another Office application, in a plain browser, or
 * where office.js could not load at all. Also the one entry to Excel.run, so the rest of the
 * add-in never touches Excel.* itself.
 */
import type { SettingsStore } from "./documentSettings";
import type { IsSetSupported } from "./requirements";

export type HostKind = "excel" | "other-office" | "browser" | "no-office-js";

/** Waits for Office.onReady; outside Office it resolves with no host (or times out). */
export async function detectHost(timeoutMs = 5000): Promise<HostKind> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return "no-office-js";
  const info = await Promise.race([
    Office.onReady(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]);
  if (!info || !info.host) return "browser";
  return info.host === Office.HostType.Excel ? "excel" : "other-office";
}

/** Runs a batch against the open workbook (Excel.run). */
export function runInWorkbook<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

export const isSetSupported: IsSetSupported = (name, minVersion) =>
  Office.context.requirements.isSetSupported(name, minVersion);

/** The document's add-in settings (stored in the workbook file). */
export function documentSettings(): SettingsStore {
  return Office.context.document.settings as unknown as SettingsStore;
}
