/**
 * The workbook carries its own setup: the bindings and source profiles (JSON) are kept in the
 * document's add-in settings (Office.context.document.settings), saved in the file itself.
 * The values are stored as JSON text and validated by the core's parsers when read back.
 */

export const SETTING_KEYS = {
  bindings: "bilaga.bindings",
  profiles: "bilaga.profiles",
} as const;

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/** The part of Office.Settings used here (so tests can pass a plain object). */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } }) => void): void;
}

/** The stored JSON value, parsed; undefined when the document has none. Throws on broken JSON text. */
export function readJsonSetting(settings: SettingsStore, key: SettingKey): unknown {
  const stored = settings.get(key);
  if (stored === null || stored === undefined) return undefined;
  if (typeof stored !== "string") return stored;
  return JSON.parse(stored) as unknown;
}

/** Stores the value as JSON text and saves the settings into the document. */
export function writeJsonSetting(settings: SettingsStore, key: SettingKey, value: unknown): Promise<void> {
  settings.set(key, JSON.stringify(value));
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (result.status === "failed" || result.error) {
        reject(new Error(`Inställningarna kunde inte sparas i arbetsboken: ${result.error?.message ?? "okänt fel"}`));
      } else {
        resolve();
      }
    });
  });
}
