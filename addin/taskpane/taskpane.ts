/**
 * The task pane's entry: finds out where it runs, checks the Excel version, reads the workbook
 * and draws the pane. Outside Excel (a plain browser, another Office application, no
 * office.js) it says so instead of failing.
 *
 * Where things are: state.ts (the pane's state and how it changes), actions.ts (what the
 * controller's clicks do), views/ (drawing, one section a module), workbookConfiguration.ts
 * (profiles and bindings kept in the workbook), analyse.ts (the month's work, core only).
 * Excel is reached only through addin/excel/.
 */
import { detectHost, isSetSupported } from "../excel/host";
import { checkCapabilities } from "../excel/requirements";
import { createActions, readSnapshot } from "./actions";
import { paneRoot, showNotice } from "./dom";
import { errorText } from "./errorText";
import { createPaneState } from "./state";
import { renderPane } from "./views/renderPane";
import { readConfiguration } from "./workbookConfiguration";

const OUTSIDE_EXCEL: Record<"browser" | "other-office" | "no-office-js", string> = {
  browser:
    "Öppna Bilaga i Excel: den här sidan är ett tillägg (aktivitetsfönster) och fungerar bara inuti Excel. " +
    "I Excel: knappen Indikatorbilaga på fliken Start när tillägget är installerat.",
  "other-office": "Bilaga är ett tillägg för Excel. Öppna arbetsboken med indikatorbilagan i Excel och starta Bilaga där.",
  "no-office-js":
    "Office.js kunde inte laddas från Microsoft (appsforoffice.microsoft.com). Kontrollera nätverket eller brandväggen och öppna Bilaga igen i Excel.",
};

async function start(): Promise<void> {
  const host = await detectHost();
  if (host !== "excel") {
    showNotice(OUTSIDE_EXCEL[host], host === "no-office-js" ? "error" : "info");
    return;
  }
  const capabilities = checkCapabilities(isSetSupported);
  if (!capabilities.supported) {
    showNotice(capabilities.message ?? "Excel är för gammalt för Bilaga.", "error");
    return;
  }
  try {
    const snapshot = await readSnapshot(capabilities);
    const state = createPaneState(capabilities, snapshot, readConfiguration());
    const render = (): void => renderPane(paneRoot(), state, actions);
    const actions = createActions(state, render);
    render();
  } catch (error) {
    showNotice(`Arbetsboken kunde inte läsas: ${errorText(error)}`, "error");
  }
}

void start();
