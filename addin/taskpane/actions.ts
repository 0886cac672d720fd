/**
 * What the controller's clicks do: read the workbook again, add the month's files, choose the
 * period, write the preview to the workbook, save a status by hand, show a doubt's cell. Each
 * action changes the PaneState (state.ts) and then renders the pane once; a failure becomes
 * the pane's message, never an uncaught error. Excel is reached only through addin/excel/.
 */
import { MANUAL_SHEET } from "../../core/manual/readManualValues";
import { measureFiles, type KoladaFile } from "./analyse";
import { parseKoladaText } from "../../core/sources/readKoladaText";
import { saveManualValue, type ManualValueEntry } from "./saveManualValue";
import type { Patch } from "../../core/workbook/patch";
import { MONTHLY_SHEET } from "../../core/records/monthlySheet";
import { applyPatch } from "../excel/applyPatch";
import { runInWorkbook } from "../excel/host";
import { readWorkbook, type WorkbookSnapshot } from "../excel/readWorkbook";
import type { ExcelCapabilities } from "../excel/requirements";
import { selectCell } from "../excel/selectCell";
import { ACTIVITY_SHEETS_TO_READ } from "./activityGrids";
import { saveActivityStatus, type ActivityStatusChoice } from "./saveActivityStatus";
import { errorText } from "./errorText";
import { readCsvFile } from "./readCsvFile";
import { saveManualStatus, type ManualStatusChoice } from "./saveManualStatus";
import { addKoladaFiles, addReadFiles, choosePeriod, focusTrend, replaceSnapshot, type PaneMessage, type PaneState } from "./state";

export interface PaneActions {
  /** "Läs tabellen igen": the table may have changed in the sheet; the files given stay. */
  reload(): Promise<void>;
  /** Files dropped or picked (null when the picker gave none). */
  addFiles(files: FileList | null): Promise<void>;
  /** The period field changed. */
  choosePeriod(text: string): void;
  /** "Skriv till arbetsboken", then the workbook is read again. */
  write(patch: Patch): Promise<void>;
  /** "Spara status" of the manual-status form. */
  saveManualStatus(choice: ManualStatusChoice): Promise<void>;
  /** "Spara värdet" of the form for manual values: a new row of the sheet "Manuella värden". */
  saveManualValue(entry: ManualValueEntry): Promise<void>;
  /** "Spara aktivitetens status": writes a status entered in the pane into the activity sheet, then reads the workbook again. */
  saveActivityStatus(choice: ActivityStatusChoice): Promise<void>;
  /** "Visa cellen": selects a doubt's cell in its sheet. */
  showCell(sheet: string, cell: string): void;
  /** "Trend för": the row (zero-based sheet row) whose trend picture is shown. */
  focusTrend(row: number): void;
}

/** The workbook as the pane reads it: the active sheet, Månadsdata and the activity sheets (with notes when Excel has them). */
export function readSnapshot(capabilities: ExcelCapabilities): Promise<WorkbookSnapshot> {
  return runInWorkbook((context) => readWorkbook(context, { sheets: [MONTHLY_SHEET, MANUAL_SHEET, ...ACTIVITY_SHEETS_TO_READ], notes: capabilities.notes }));
}

async function reread(state: PaneState, message?: PaneMessage): Promise<void> {
  try {
    replaceSnapshot(state, await readSnapshot(state.capabilities), message);
  } catch (error) {
    state.message = { text: `Arbetsboken kunde inte läsas: ${errorText(error)}`, kind: "error" };
  }
}

/** A saved Kolada response, read in the browser; text that is not JSON is said so (kolada/invalid-file). */
async function readKoladaFile(file: File): Promise<KoladaFile> {
  return { file: file.name, ...parseKoladaText(await file.text()) };
}

/** The actions on one state; `render` draws the pane from it. */
export function createActions(state: PaneState, render: () => void): PaneActions {
  return {
    async reload() {
      await reread(state);
      render();
    },

    async addFiles(files) {
      if (!files) return;
      try {
        // A saved Kolada response (.json) is a key figure file, not an export.
        const all = [...files];
        const isJson = (file: File): boolean => file.name.toLowerCase().endsWith(".json");
        addKoladaFiles(state, await Promise.all(all.filter(isJson).map(readKoladaFile)));
        const { profiles } = state.configuration;
        const read = await Promise.all(all.filter((file) => !isJson(file)).map((file) => readCsvFile(file, profiles)));
        addReadFiles(state, await measureFiles(read, profiles, state.hashKey));
      } catch (error) {
        state.message = { text: `Filerna kunde inte läsas: ${errorText(error)}`, kind: "error" };
      }
      render();
    },

    choosePeriod(text) {
      choosePeriod(state, text);
      render();
    },

    async write(patch) {
      try {
        const summary = await runInWorkbook((context) => applyPatch(context, patch, state.snapshot));
        const skipped = summary.notesSkipped > 0 ? ` ${summary.notesSkipped} förklaringar skrevs inte som anteckningar (Excel-versionen saknar stöd).` : "";
        await reread(state, { text: `Klart: ${summary.cellsWritten} celler skrevs.${skipped}`, kind: "success" });
      } catch (error) {
        state.message = { text: `Skrivningen misslyckades: ${errorText(error)}. Läs tabellen igen och försök på nytt.`, kind: "error" };
      }
      render();
    },

    async saveManualStatus(choice) {
      await saveManualStatus(state, choice);
      render();
    },

    focusTrend(row) {
      focusTrend(state, row);
      render();
    },

    async saveManualValue(entry) {
      await saveManualValue(state, entry, () => readSnapshot(state.capabilities));
      render();
    },

    async saveActivityStatus(choice) {
      const written = await saveActivityStatus(state, choice);
      if (written) {
        // Read again without dropping the month's files (they are not written yet).
        await reread(state);
        if (!state.message) state.message = written;
      }
      render();
    },

    showCell(sheet, cell) {
      void runInWorkbook((context) => selectCell(context, sheet, cell)).catch((e: unknown) => console.warn(e));
    },
  };
}
