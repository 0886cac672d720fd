/**
 * "Spara värdet" of the form for manual values: checks the entry as the sheet "Manuella värden"
 * is read (core/manual/readManualValues.ts), adds it as a new row of that sheet (created with
 * its header when missing) in one sync, and reads the workbook again. An earlier entry is never
 * overwritten: the sheet keeps the history (who, when, the old value), and the newest counts.
 * The month's files given so far stay. Changes the pane's state and message; the caller renders.
 */
import { describeIssue } from "../../core/issues/messages.sv";
import { planManualEntry } from "../../core/manual/planManualEntry";
import { gridOfTextRows, MANUAL_HEADERS, MANUAL_SHEET, readManualValues } from "../../core/manual/readManualValues";
import { applyPatch } from "../excel/applyPatch";
import { runInWorkbook } from "../excel/host";
import type { WorkbookSnapshot } from "../excel/readWorkbook";
import { errorText } from "./errorText";
import type { PaneState } from "./state";

/** What the form sends, as typed. */
export interface ManualValueEntry {
  /** The row chosen, as the form lists it ("Hållbart medarbetarengagemang (HME) – Kvinnor"). */
  readonly row: string;
  readonly measure: string;
  /** "" for the total, "Kvinnor" or "Män". */
  readonly breakdown: string;
  readonly year: string;
  readonly value: string;
  readonly sourceText: string;
  readonly enteredBy: string;
}

/** Today as "YYYY-MM-DD" in the controller's own time zone. */
export function localDate(today: Date): string {
  return `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
}

export async function saveManualValue(
  state: PaneState,
  entry: ManualValueEntry,
  reread: () => Promise<WorkbookSnapshot>,
  today: Date = new Date(),
): Promise<void> {
  // The form is drawn afresh after the save: what was typed stays until it is saved.
  state.manualDraft = entry;
  const enteredAt = localDate(today);
  const fields: Record<(typeof MANUAL_HEADERS)[number], string> = {
    Mått: entry.measure,
    Uppdelning: entry.breakdown,
    År: entry.year.trim(),
    Värde: entry.value.trim(),
    Källa: entry.sourceText.trim(),
    "Inmatat av": entry.enteredBy.trim(),
    Inmatat: enteredAt,
  };
  const read = readManualValues(gridOfTextRows([[...MANUAL_HEADERS], MANUAL_HEADERS.map((h) => fields[h])]));
  const value = read.values[0];
  if (read.issues.length > 0 || value === undefined) {
    state.message = { text: `Värdet sparades inte. ${read.issues.map((i) => `${i.columnName ?? ""}: ${describeIssue(i)}`).join(" ")}`, kind: "error" };
    return;
  }
  const exists = state.snapshot.sheets.get(MANUAL_SHEET) === true;
  const planned = planManualEntry(exists ? state.snapshot.grids.get(MANUAL_SHEET) : undefined, value);
  if (!planned.ok) {
    state.message = { text: `Värdet sparades inte: ${describeIssue(planned.issue)}`, kind: "error" };
    return;
  }
  try {
    await runInWorkbook((context) => applyPatch(context, { sheets: [planned.value] }, state.snapshot));
    state.snapshot = await reread();
    state.manualDraft = { ...entry, value: "" };
    state.message = {
      text: `Värdet ${fields.Värde} för ${value.measure}${fields.Uppdelning === "" ? "" : ` (${fields.Uppdelning})`} ${value.year} sparades på bladet "${MANUAL_SHEET}" (${value.enteredBy}, ${enteredAt}); ett tidigare värde finns kvar där som historik. Det skrivs med nästa "Skriv till arbetsboken".`,
      kind: "success",
    };
  } catch (error) {
    state.message = { text: `Värdet kunde inte sparas i arbetsboken: ${errorText(error)}`, kind: "error" };
  }
}
