/**
 * Reads manual values from a Grid: the controller's sheet "Manuella värden" in the workbook,
 * or a small CSV the pipeline turns into a Grid. One header row (within the first ten rows)
 * with the columns Mått, År, Värde, Källa, Inmatat av, Inmatat and, optionally, Uppdelning
 * ("Kvinnor", "Män", "kon=K" or empty for the total); one value per row after it.
 *
 * A row that cannot be read is an error naming its row and column (manual/bad-row); the other
 * rows are still read, and a caller that stores them refuses the whole file (nothing half-written).
 * An empty Värde is an error, never a 0.
 */
import { columnLetters } from "../workbook/address";
import { cellAt, gridBounds, type Grid, type GridCell } from "../workbook/grid";
import { issue, type Issue } from "../issues/issues";
import { dateOfSerial, parseDate } from "../values/parseDate";
import { parseQuantity, quantityFromNumberCell } from "../values/parseValue";
import { normalizeName } from "../values/normalizeName";
import type { ManualValue } from "./manualValue";
import { redactPersonalData } from "../privacy/redactPersonalData";

/** The name of the controller's sheet with manual values. */
export const MANUAL_SHEET = "Manuella värden";

/** The column headers, as the controller writes them. */
export const MANUAL_HEADERS = ["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"] as const;
const REQUIRED = ["Mått", "År", "Värde", "Källa", "Inmatat av", "Inmatat"] as const;

export interface ManualRead {
  readonly values: ManualValue[];
  readonly issues: Issue[];
}

function cellText(cell: GridCell): string {
  if (typeof cell.value === "string") return cell.value.trim();
  if (typeof cell.value === "number" && cell.text.trim() === "") return String(cell.value);
  return cell.text.trim();
}

/** "Kvinnor"/"K" -> "kon=K", "Män"/"M" -> "kon=M", "Totalt"/"" -> "", a breakdown key as it is. */
function breakdownOf(text: string): string | undefined {
  const name = normalizeName(text);
  if (name === "" || name === "totalt" || name === "total" || name === "t") return "";
  if (name === "kvinnor" || name === "k" || name === "flickor") return "kon=K";
  if (name === "män" || name === "m" || name === "pojkar") return "kon=M";
  if (/^[a-zåäö]+=[^&=]+(&[a-zåäö]+=[^&=]+)*$/i.test(text.trim())) return text.trim();
  return undefined;
}

/**
 * @param where the file (CSV or workbook) the grid was read from, for the messages
 * @example readManualValues(gridOf([["Mått", "Uppdelning", "År", "Värde", "Källa", "Inmatat av", "Inmatat"],
 *                                   ["avi", "", "2019", "112", "Medarbetarenkät 2019", "AB", "2020-01-20"]]))
 *   // { values: [{ measure: "avi", breakdown: "", year: 2019, value: 112, sourceText: "Medarbetarenkät 2019", enteredBy: "AB", enteredAt: "2020-01-20" }], issues: [] }
 */
/** Where the header row is and which column holds each header (normalised name -> zero-based column). */
export interface ManualHeader {
  readonly row: number;
  readonly columns: ReadonlyMap<string, number>;
}

/**
 * The header row of a manual-values grid: the first of its first ten rows with Mått and Värde.
 *
 * @example manualHeader(gridOfTextRows([["Mått", "Uppdelning", "År", "Värde", …]])) // { row: 0, columns: Map { "mått" => 0, "uppdelning" => 1, … } }
 */
export function manualHeader(grid: Grid): ManualHeader | undefined {
  const bounds = gridBounds(grid);
  const wanted = MANUAL_HEADERS.map((h) => normalizeName(h));
  for (let row = bounds.top; row <= Math.min(bounds.bottom, bounds.top + 9); row++) {
    const found = new Map<string, number>();
    for (let column = bounds.left; column <= bounds.right; column++) {
      const name = normalizeName(cellText(cellAt(grid, row, column)));
      if (wanted.includes(name) && !found.has(name)) found.set(name, column);
    }
    if (found.has(normalizeName("Mått")) && found.has(normalizeName("Värde"))) return { row, columns: found };
  }
  return undefined;
}

export function readManualValues(grid: Grid, where: { readonly file?: string } = {}): ManualRead {
  const bounds = gridBounds(grid);
  // A CSV's grid has no sheet name: its issues say line and column instead of a cell.
  const inSheet = grid.sheet !== "";
  const place = { ...(where.file !== undefined && { file: where.file }), ...(inSheet && { sheet: grid.sheet }) };
  const header = manualHeader(grid);
  const headerRow = header?.row;
  const columns = header?.columns ?? new Map<string, number>();
  if (headerRow === undefined) {
    return { values: [], issues: [issue("manual/missing-column", "error", { ...place, params: { column: "Mått, Värde" } })] };
  }
  const missing = REQUIRED.filter((h) => !columns.has(normalizeName(h)));
  if (missing.length > 0) {
    return { values: [], issues: [issue("manual/missing-column", "error", { ...place, row: headerRow + 1, params: { column: missing.join(", ") } })] };
  }
  const col = (name: string): number => columns.get(normalizeName(name)) ?? -1;

  const values: ManualValue[] = [];
  const issues: Issue[] = [];
  for (let row = headerRow + 1; row <= bounds.bottom; row++) {
    const at = (name: string): GridCell => cellAt(grid, row, col(name));
    const texts = MANUAL_HEADERS.filter((h) => columns.has(normalizeName(h))).map((h) => cellText(at(h)));
    if (texts.every((t) => t === "")) continue;
    const bad = (name: string, reason: string): void => {
      const column = col(name);
      issues.push(
        issue("manual/bad-row", "error", {
          ...place,
          row: row + 1,
          column: column + 1,
          columnName: name,
          ...(inSheet && { cell: `${columnLetters(column)}${row + 1}` }),
          raw: cellText(at(name)),
          params: { reason },
        }),
      );
    };
    let ok = true;
    const measure = cellText(at("Mått"));
    if (measure === "") {
      bad("Mått", "måttet saknas (t.ex. avi)");
      ok = false;
    }
    const breakdown = columns.has(normalizeName("Uppdelning")) ? breakdownOf(cellText(at("Uppdelning"))) : "";
    if (breakdown === undefined) {
      bad("Uppdelning", 'skriv Kvinnor, Män eller lämna tomt för totalt');
      ok = false;
    }
    const yearText = cellText(at("År"));
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
    if (year === undefined) {
      bad("År", "väntade ett årtal, t.ex. 2019");
      ok = false;
    }
    const valueCell = at("Värde");
    let value: number | undefined;
    // A percentage is read in its one canonical form (CONVENTIONS): 0.18 shown as "18 %" and
    // the text "18 %" are both 18, as every other cell Bilaga reads.
    if (typeof valueCell.value === "number") value = quantityFromNumberCell(valueCell.value, valueCell.numberFormat).value;
    else {
      const text = cellText(valueCell);
      const parsed = text === "" ? undefined : parseQuantity(text);
      value = parsed?.ok && parsed.value.footnotes.length === 0 ? parsed.value.value : undefined;
    }
    if (value === undefined) {
      bad("Värde", cellText(valueCell) === "" ? "värdet saknas; ett tomt värde blir aldrig 0" : "väntade ett tal, t.ex. 87 eller 0,16");
      ok = false;
    }
    const sourceText = cellText(at("Källa"));
    if (sourceText === "") {
      bad("Källa", "ange varifrån värdet kommer, t.ex. Brukarenkät 2019");
      ok = false;
    } else if (holdsIdentityNumber(sourceText)) {
      bad("Källa", "texten ser ut att innehålla ett personnummer, som aldrig får sparas; skriv källan utan det");
      ok = false;
    }
    const enteredBy = cellText(at("Inmatat av"));
    if (enteredBy === "") {
      bad("Inmatat av", "ange vem som matade in värdet (t.ex. initialer)");
      ok = false;
    } else if (holdsIdentityNumber(enteredBy)) {
      // The signature is kept in clear (the ledger's history says who); an identity number never is.
      bad("Inmatat av", "texten ser ut att innehålla ett personnummer, som aldrig får sparas; skriv initialer eller en roll");
      ok = false;
    }
    const dateCell = at("Inmatat");
    let enteredAt: string | undefined;
    // A date cell is read as the date it shows (the grid renders it in the workbook's own date
    // system, 1900 or 1904); its serial only when it shows nothing.
    if (typeof dateCell.value === "number" && dateCell.text.trim() === "") enteredAt = dateOfSerial(dateCell.value);
    else {
      const parsed = parseDate(cellText(dateCell));
      enteredAt = parsed.ok ? parsed.value : undefined;
    }
    if (enteredAt === undefined) {
      bad("Inmatat", "väntade ett datum, t.ex. 2020-01-20");
      ok = false;
    }
    if (!ok || year === undefined || value === undefined || enteredAt === undefined || breakdown === undefined) continue;
    values.push({ measure, breakdown, year, value, sourceText, enteredBy, enteredAt });
  }
  return { values, issues };
}

/** True when the text has an identity-number-shaped run of digits (what redactPersonalData masks). */
function holdsIdentityNumber(text: string): boolean {
  return redactPersonalData(text) !== text;
}

/**
 * A CSV's rows (already split into fields) as a Grid for readManualValues: each field a text
 * cell, row i on sheet row i (so issues say the CSV's line), no sheet name (issues name line
 * and column, not a cell).
 *
 * @example readManualValues(gridOfTextRows([["Mått", "År", …], ["avi", "2019", …]]), { file: "manuella-varden.csv" })
 */
export function gridOfTextRows(rows: readonly (readonly string[])[]): Grid {
  return {
    sheet: "",
    origin: { row: 0, column: 0 },
    cells: rows.map((fields) => fields.map((text) => ({ value: text, text, numberFormat: "@" }))),
    merges: [],
  };
}
