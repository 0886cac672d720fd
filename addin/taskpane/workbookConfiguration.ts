/**
 * The configuration kept in the workbook: source profiles and bindings as JSON in the
 * document's add-in settings. readConfiguration takes them when the workbook has both, else
 * the sample configuration (defaultConfiguration.ts); saveConfiguration writes both back.
 * Parsing is analyse.ts's loadConfiguration (the core's parsers).
 */
import { readJsonSetting, SETTING_KEYS, writeJsonSetting } from "../excel/documentSettings";
import { documentSettings } from "../excel/host";
import { loadConfiguration } from "./analyse";
import { DEFAULT_BINDINGS, DEFAULT_PROFILES } from "./defaultConfiguration";
import type { StoredConfiguration } from "./state";

/** The pane's name for a configuration that comes from the workbook. */
export const OWN_SETTINGS = "arbetsbokens egna inställningar";

/** The name the bindings stored in the workbook go by in messages. */
export const WORKBOOK_BINDINGS_FILE = "arbetsbokens kopplingar";

/** The workbook's own configuration when it has one, else the sample configuration. */
export function readConfiguration(): StoredConfiguration {
  try {
    const settings = documentSettings();
    const profiles = readJsonSetting(settings, SETTING_KEYS.profiles);
    const bindings = readJsonSetting(settings, SETTING_KEYS.bindings);
    if (Array.isArray(profiles) && bindings !== undefined) {
      const rawProfiles = profiles.map((json: unknown, i) => ({ file: `arbetsbokens profil ${i + 1}`, json }));
      return {
        configuration: loadConfiguration(rawProfiles, { file: WORKBOOK_BINDINGS_FILE, json: bindings }),
        configurationSource: OWN_SETTINGS,
        rawProfiles,
        rawBindings: bindings,
      };
    }
  } catch (error) {
    console.warn("Inställningarna i arbetsboken kunde inte läsas", error);
  }
  return {
    configuration: loadConfiguration(DEFAULT_PROFILES, DEFAULT_BINDINGS),
    configurationSource: "exempelkonfigurationen (Arbetsmarknadsnämnden 2019)",
    rawProfiles: [...DEFAULT_PROFILES],
    rawBindings: DEFAULT_BINDINGS.json,
  };
}

/** Stores profiles and bindings in the workbook's settings; rejects when Office cannot save them. */
export async function saveConfiguration(rawProfiles: readonly { json: unknown }[], rawBindings: unknown): Promise<void> {
  const settings = documentSettings();
  await writeJsonSetting(settings, SETTING_KEYS.profiles, rawProfiles.map((p) => p.json));
  await writeJsonSetting(settings, SETTING_KEYS.bindings, rawBindings);
}
