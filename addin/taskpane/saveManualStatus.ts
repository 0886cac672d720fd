/**
 * "Spara status" of the manual-status form: sets (or clears) a status by hand in the bindings
 * (setManualStatus.ts), checks the result with the core's parsers, and keeps the configuration
 * in the workbook's settings. Changes the pane's state and its message; the caller renders.
 */
import { formatIssue } from "../../core/issues/messages.sv";
import type { Status } from "../../core/status/status";
import { loadConfiguration } from "./analyse";
import { errorText } from "./errorText";
import { setManualStatus } from "./setManualStatus";
import type { PaneState } from "./state";
import { OWN_SETTINGS, saveConfiguration, WORKBOOK_BINDINGS_FILE } from "./workbookConfiguration";

/** What the form sends: the row, and the status ("" = computed, no status by hand) with its reason. */
export interface ManualStatusChoice {
  readonly indicator: string;
  readonly breakdown?: string | undefined;
  readonly status: Status | "";
  readonly reason: string;
}

export async function saveManualStatus(state: PaneState, choice: ManualStatusChoice): Promise<void> {
  const { indicator, breakdown, status, reason } = choice;
  const changed = setManualStatus(state.rawBindings, {
    indicator,
    ...(breakdown === undefined ? {} : { breakdown }),
    ...(status === "" ? {} : { manual: { status, reason } }),
  });
  if (!changed.ok) {
    state.message = { text: changed.message, kind: "error" };
    return;
  }
  const configuration = loadConfiguration(state.rawProfiles, { file: WORKBOOK_BINDINGS_FILE, json: changed.json });
  if (configuration.issues.length > 0) {
    state.message = { text: configuration.issues.map(formatIssue).join(" "), kind: "error" };
    return;
  }
  state.rawBindings = changed.json;
  state.configuration = configuration;
  try {
    await saveConfiguration(state.rawProfiles, changed.json);
    state.configurationSource = OWN_SETTINGS;
    state.message = { text: `Statusen för "${indicator}" sparades i arbetsboken. Den skrivs med nästa "Skriv till arbetsboken".`, kind: "success" };
  } catch (error) {
    state.message = { text: `Statusen gäller nu, men kunde inte sparas i arbetsboken: ${errorText(error)}`, kind: "warning" };
  }
}
