/**
 * The task pane's entry: finds out where it runs, checks the Excel version, reads the table and
 * the Månadsdata sheet, takes the month's CSV files and the period, previews outcomes and
 * statuses, and writes them on request. Outside Excel (a plain browser, another Office
 * application, no office.js) it says so instead of failing. The work itself is analyse.ts
 * (core only); Excel is reached only through addin/excel/.
 */
import { createKeyHasher } from "../../core/hmacSha256";
import { defaultDecimals } from "../../core/evaluateStatus";
import { formatQuantity } from "../../core/formatValue";
import { formatIssue } from "../../core/messages.sv";
import { parsePeriod, type Period } from "../../core/period";
import { applyPatch } from "../excel/applyPatch";
import { readJsonSetting, SETTING_KEYS, writeJsonSetting } from "../excel/documentSettings";
import { detectHost, documentSettings, isSetSupported, runInWorkbook } from "../excel/host";
import { readWorkbook, type WorkbookSnapshot } from "../excel/readWorkbook";
import { checkCapabilities, type ExcelCapabilities } from "../excel/requirements";
import { selectCell } from "../excel/selectCell";
import { analyse, loadConfiguration, type Analysis, type Configuration } from "./analyse";
import { describeWorkbook, monthsInWorkbook, suggestPeriod } from "./controller";
import { MONTHLY_SHEET } from "../../core/monthlySheet";
import { DEFAULT_BINDINGS, DEFAULT_PROFILES } from "./defaultConfiguration";
import { readCsvFile, type CsvFileRows } from "./readCsvFile";
import { setManualStatus } from "./setManualStatus";
import { allIndicators } from "../../core/model";
import { STATUSES, type Status } from "../../core/status";
import { STATUS_LOOKS } from "../../core/status/statusLabels";

const OUTSIDE_EXCEL: Record<"browser" | "other-office" | "no-office-js", string> = {
  browser:
    "Öppna Bilaga i Excel: den här sidan är ett tillägg (aktivitetsfönster) och fungerar bara inuti Excel. " +
    "I Excel: knappen Indikatorbilaga på fliken Start när tillägget är installerat.",
  "other-office": "Bilaga är ett tillägg för Excel. Öppna arbetsboken med indikatorbilagan i Excel och starta Bilaga där.",
  "no-office-js":
    "Office.js kunde inte laddas från Microsoft (appsforoffice.microsoft.com). Kontrollera nätverket eller brandväggen och öppna Bilaga igen i Excel.",
};

interface PaneState {
  capabilities: ExcelCapabilities;
  snapshot: WorkbookSnapshot;
  configuration: Configuration;
  configurationSource: string;
  /** The configuration as JSON, as stored (edited by "Status för hand"). */
  rawProfiles: { file: string; json: unknown }[];
  rawBindings: unknown;
  files: CsvFileRows[];
  periodText: string;
  /** Until the controller types a period, it follows the latest month with data. */
  periodEdited: boolean;
  /** Ids are hashed with a key that lives only in this session: the sheet never keeps hashes. */
  hashKey: (id: string) => string;
  message?: { text: string; kind: "error" | "warning" | "success" };
}

function app(): HTMLElement {
  const found = document.getElementById("app");
  if (!found) throw new Error("taskpane.html saknar #app");
  return found;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  if (text !== undefined) made.textContent = text;
  if (className) made.className = className;
  return made;
}

function button(text: string, onClick: () => void, primary = false): HTMLButtonElement {
  const made = el("button", text, primary ? "button button--primary" : "button");
  made.type = "button";
  made.addEventListener("click", onClick);
  return made;
}

function showNotice(text: string, kind: "error" | "warning" | "info" = "info"): void {
  app().replaceChildren(el("p", text, kind === "info" ? "notice" : `notice notice--${kind}`));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const OWN_SETTINGS = "arbetsbokens egna inställningar";

function readConfiguration(): Pick<PaneState, "configuration" | "configurationSource" | "rawProfiles" | "rawBindings"> {
  try {
    const settings = documentSettings();
    const profiles = readJsonSetting(settings, SETTING_KEYS.profiles);
    const bindings = readJsonSetting(settings, SETTING_KEYS.bindings);
    if (Array.isArray(profiles) && bindings !== undefined) {
      const rawProfiles = profiles.map((json: unknown, i) => ({ file: `arbetsbokens profil ${i + 1}`, json }));
      return {
        configuration: loadConfiguration(rawProfiles, { file: "arbetsbokens kopplingar", json: bindings }),
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

/** Sets (or clears) a status by hand and keeps the configuration in the workbook's settings. */
async function saveManualStatus(state: PaneState, indicator: string, breakdown: string | undefined, status: Status | "", reason: string): Promise<void> {
  const changed = setManualStatus(state.rawBindings, {
    indicator,
    ...(breakdown === undefined ? {} : { breakdown }),
    ...(status === "" ? {} : { manual: { status, reason } }),
  });
  if (!changed.ok) {
    state.message = { text: changed.message, kind: "error" };
    render(state);
    return;
  }
  const configuration = loadConfiguration(state.rawProfiles, { file: "arbetsbokens kopplingar", json: changed.json });
  if (configuration.issues.length > 0) {
    state.message = { text: configuration.issues.map(formatIssue).join(" "), kind: "error" };
    render(state);
    return;
  }
  state.rawBindings = changed.json;
  state.configuration = configuration;
  try {
    const settings = documentSettings();
    await writeJsonSetting(settings, SETTING_KEYS.profiles, state.rawProfiles.map((p) => p.json));
    await writeJsonSetting(settings, SETTING_KEYS.bindings, changed.json);
    state.configurationSource = OWN_SETTINGS;
    state.message = { text: `Statusen för "${indicator}" sparades i arbetsboken. Den skrivs med nästa "Skriv till arbetsboken".`, kind: "success" };
  } catch (error) {
    state.message = { text: `Statusen gäller nu, men kunde inte sparas i arbetsboken: ${errorText(error)}`, kind: "warning" };
  }
  render(state);
}

function renderTree(root: HTMLElement, analysis: Analysis): void {
  const tree = el("details", undefined, "tree");
  tree.append(el("summary", `Tabellen som Bilaga förstår den (${analysis.indicatorCount} indikatorer)`));
  for (const area of analysis.appendix.focusAreas) {
    const areaItem = el("details");
    areaItem.append(el("summary", area.name));
    for (const goal of area.municipalGoals) {
      const goalList = el("ul");
      const goalItem = el("li", goal.text);
      const indicatorNames = [...goal.indicators, ...goal.boardGoals.flatMap((b) => b.indicators)];
      const list = el("ul");
      for (const board of goal.boardGoals) list.append(el("li", `Nämndmål: ${board.text}`, "tree-board"));
      for (const indicator of indicatorNames) {
        const breakdowns = indicator.breakdowns.map((b) => b.label).join(", ");
        list.append(el("li", `${indicator.name}${breakdowns ? ` (${breakdowns})` : ""}`));
      }
      goalItem.append(list);
      goalList.append(goalItem);
      areaItem.append(goalList);
    }
    tree.append(areaItem);
  }
  root.append(tree);
}

function renderManualStatus(root: HTMLElement, state: PaneState, analysis: Analysis): void {
  root.append(el("h2", "Status för hand"));
  const indicator = el("select", undefined, "text-input wide");
  indicator.setAttribute("aria-label", "Indikator");
  const choices: { indicator: string; breakdown?: string }[] = [];
  for (const found of allIndicators(analysis.appendix)) {
    choices.push({ indicator: found.name });
    indicator.append(el("option", found.name));
    for (const breakdown of found.breakdowns) {
      choices.push({ indicator: found.name, breakdown: breakdown.label });
      indicator.append(el("option", `${found.name} – ${breakdown.label}`));
    }
  }
  const status = el("select", undefined, "text-input");
  status.setAttribute("aria-label", "Status");
  status.append(el("option", "Beräknad (ingen status för hand)"));
  status.options[0]!.value = "";
  for (const value of STATUSES) {
    const option = el("option", `${STATUS_LOOKS[value].symbol} ${STATUS_LOOKS[value].label}`);
    option.value = value;
    status.append(option);
  }
  const reason = el("input", undefined, "text-input wide");
  reason.placeholder = "Skäl (visas i anteckningen)";
  reason.setAttribute("aria-label", "Skäl");
  const save = button("Spara status", () => {
    const choice = choices[indicator.selectedIndex];
    if (!choice) return;
    void saveManualStatus(state, choice.indicator, choice.breakdown, status.value as Status | "", reason.value);
  });
  root.append(indicator, status, reason, save);
}

function sessionHasher(): (id: string) => string {
  const key = new Uint8Array(32);
  crypto.getRandomValues(key);
  return createKeyHasher(key);
}

function currentAnalysis(state: PaneState): { analysis?: Analysis; period?: Period; periodError?: string } {
  const first = analyseWithPeriod(state);
  if (state.periodEdited || !first.analysis) return first;
  const suggested = suggestPeriod(first.analysis.records.map((r) => r.month), new Date());
  if (suggested === state.periodText) return first;
  state.periodText = suggested;
  return analyseWithPeriod(state);
}

function analyseWithPeriod(state: PaneState): { analysis?: Analysis; period?: Period; periodError?: string } {
  const table = state.snapshot.grids.get(state.snapshot.activeSheet);
  if (!table) return {};
  const period = parsePeriod(state.periodText);
  if (!period.ok) return { periodError: formatIssue(period.issue) };
  const monthly = state.snapshot.activeSheet === MONTHLY_SHEET ? undefined : state.snapshot.grids.get(MONTHLY_SHEET);
  const analysis = analyse({
    table,
    ...(monthly ? { monthly } : {}),
    files: state.files,
    configuration: state.configuration,
    period: period.value,
    hashKey: state.hashKey,
  });
  return { analysis, period: period.value };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function renderIssues(root: HTMLElement, analysis: Analysis): void {
  if (analysis.issues.length === 0) {
    root.append(el("p", "Inga tveksamheter.", "notice notice--success"));
    return;
  }
  const sorted = [...analysis.issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const errors = sorted.filter((i) => i.severity === "error").length;
  const warnings = sorted.filter((i) => i.severity === "warning").length;
  const group = el("details", undefined, "issue-group");
  group.open = sorted.length <= 10;
  group.append(el("summary", `${sorted.length} tveksamheter: ${errors} fel, ${warnings} varningar, ${sorted.length - errors - warnings} upplysningar`));
  const list = el("ul", undefined, "issues");
  for (const found of sorted.slice(0, 200)) {
    const item = el("li", formatIssue(found), `issue issue--${found.severity}`);
    if (found.sheet && found.cell) {
      const { sheet, cell } = found;
      item.append(
        button("Visa cellen", () => void runInWorkbook((context) => selectCell(context, sheet, cell)).catch((e: unknown) => console.warn(e))),
      );
    }
    list.append(item);
  }
  if (sorted.length > 200) list.append(el("li", `… och ${sorted.length - 200} till.`));
  group.append(list);
  root.append(group);
}

function renderPreview(root: HTMLElement, analysis: Analysis): void {
  const rows = analysis.assessment?.rows ?? [];
  if (analysis.records.length === 0) {
    root.append(el("p", "Inga månadsdata ännu: släpp månadens CSV-filer ovan.", "notice"));
  }
  if (rows.length === 0) {
    root.append(el("p", "Ingen indikator är kopplad till ett mått ännu.", "notice"));
    return;
  }
  const table = el("table", undefined, "preview");
  const head = el("tr");
  for (const title of ["Indikator", "Utfall", "Status"]) head.append(el("th", title));
  table.append(head);
  for (const row of rows) {
    const tr = el("tr");
    tr.append(el("td", row.name));
    tr.append(el("td", row.outcome ? formatQuantity(row.outcome.quantity, row.decimals ?? defaultDecimals(row.unit)) : "–"));
    const status = el("td", `${row.status.symbol} ${row.status.label}`, "status");
    status.style.background = `#${row.status.fill}`;
    status.style.color = `#${row.status.fontColor}`;
    status.title = row.status.explanation;
    tr.append(status);
    table.append(tr);
  }
  root.append(table);
}

function render(state: PaneState): void {
  const root = app();
  root.replaceChildren();
  if (state.message) root.append(el("p", state.message.text, `notice notice--${state.message.kind}`));
  const view = describeWorkbook(state.snapshot, state.capabilities);
  for (const warning of view.warnings) root.append(el("p", warning, "notice notice--warning"));
  const { analysis, periodError } = currentAnalysis(state);

  root.append(el("h2", "Tabellen"));
  const facts = el("ul", undefined, "facts");
  for (const line of view.lines) facts.append(el("li", line));
  if (analysis) facts.append(el("li", `${analysis.indicatorCount} indikatorer hittades.`));
  facts.append(el("li", `Konfiguration: ${state.configurationSource}.`));
  root.append(facts);
  if (analysis) renderTree(root, analysis);
  root.append(button("Läs tabellen igen", () => void reload(state)));

  root.append(el("h2", "Period"));
  const period = el("input", undefined, "text-input");
  period.value = state.periodText;
  period.setAttribute("aria-label", "Period, till exempel 2019-T2, 2019-06 eller 2019");
  period.addEventListener("change", () => {
    state.periodText = period.value.trim();
    state.periodEdited = true;
    delete state.message;
    render(state);
  });
  root.append(period, el("p", "Till exempel 2019-06, 2019-T1, 2019-H1, 2019 eller 2019-01..2019-05.", "hint"));
  if (periodError) root.append(el("p", periodError, "notice notice--error"));

  root.append(el("h2", "Månadens filer"));
  const picker = el("input");
  picker.type = "file";
  picker.multiple = true;
  picker.accept = ".csv,.txt,text/csv,text/plain";
  picker.addEventListener("change", () => void addFiles(state, picker.files));
  const drop = el("div", "Släpp CSV-filerna här eller välj dem:", "drop-zone");
  drop.append(picker);
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("drop-zone--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("drop-zone--over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    void addFiles(state, event.dataTransfer?.files ?? null);
  });
  root.append(drop);
  if (analysis && analysis.imports.length > 0) {
    const list = el("ul", undefined, "facts");
    for (const file of analysis.imports) {
      const what = `${file.file}: ${file.source ?? "okänd källa"}`;
      list.append(
        file.rejected
          ? el("li", `${what}: avvisad (${file.rowsRejected} rader med fel, se Tveksamheter). Rätta filen och släpp den igen; inget från den används.`, "rejected")
          : el("li", `${what}, ${file.months.join(", ") || "ingen månad"}; ${file.rowsAccepted} rader lästa.`),
      );
    }
    root.append(list);
  }
  if (analysis) {
    for (const replaced of analysis.replacements) {
      root.append(
        el(
          "p",
          `${replaced.file} ersatte ${replaced.replacedFile} för ${replaced.source} ${replaced.month}: samma källa och månad räknas bara en gång, och filen som lades till sist gäller.`,
          "notice notice--warning",
        ),
      );
    }
  }

  if (!analysis) return;
  root.append(el("h2", "Utfall och status"));
  renderPreview(root, analysis);
  for (const refusal of analysis.writeRefusals) root.append(el("p", formatIssue(refusal), "notice notice--error"));
  if (analysis.patch) {
    const patch = analysis.patch;
    root.append(button("Skriv till arbetsboken", () => void write(state, patch), true));
  }
  if (analysis.appendix.focusAreas.length > 0) renderManualStatus(root, state, analysis);
  root.append(el("h2", "Tveksamheter"));
  renderIssues(root, analysis);
}

async function addFiles(state: PaneState, files: FileList | null): Promise<void> {
  if (!files) return;
  try {
    const read = await Promise.all([...files].map((file) => readCsvFile(file)));
    const names = new Set(read.map((f) => f.file));
    state.files = [...state.files.filter((f) => !names.has(f.file)), ...read];
    delete state.message;
  } catch (error) {
    state.message = { text: `Filerna kunde inte läsas: ${errorText(error)}`, kind: "error" };
  }
  render(state);
}

async function write(state: PaneState, patch: NonNullable<Analysis["patch"]>): Promise<void> {
  try {
    const summary = await runInWorkbook((context) => applyPatch(context, patch, state.snapshot));
    const skipped = summary.notesSkipped > 0 ? ` ${summary.notesSkipped} förklaringar skrevs inte som anteckningar (Excel-versionen saknar stöd).` : "";
    await reload(state, { text: `Klart: ${summary.cellsWritten} celler skrevs.${skipped}`, kind: "success" });
  } catch (error) {
    state.message = { text: `Skrivningen misslyckades: ${errorText(error)}. Läs tabellen igen och försök på nytt.`, kind: "error" };
    render(state);
  }
}

async function read(capabilities: ExcelCapabilities): Promise<WorkbookSnapshot> {
  return runInWorkbook((context) => readWorkbook(context, { sheets: [MONTHLY_SHEET], notes: capabilities.notes }));
}

async function reload(state: PaneState, message?: PaneState["message"]): Promise<void> {
  try {
    state.snapshot = await read(state.capabilities);
    state.files = message ? [] : state.files; // after a write the files are in Månadsdata
    if (message) state.message = message;
    else delete state.message;
  } catch (error) {
    state.message = { text: `Arbetsboken kunde inte läsas: ${errorText(error)}`, kind: "error" };
  }
  render(state);
}

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
    const snapshot = await read(capabilities);
    render({
      capabilities,
      snapshot,
      ...readConfiguration(),
      files: [],
      periodText: suggestPeriod(monthsInWorkbook(snapshot), new Date()),
      periodEdited: false,
      hashKey: sessionHasher(),
    });
  } catch (error) {
    showNotice(`Arbetsboken kunde inte läsas: ${errorText(error)}`, "error");
  }
}

void start();
