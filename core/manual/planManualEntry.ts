/**
 * A manual value entered in the task pane, as writes to the controller's sheet "Manuella värden":
 * a new row under the last one (never over an earlier entry, so the sheet keeps the history:
 * who, when, the old value), or, when the workbook has no such sheet yet, the sheet with its
 * header row and the first value. The value is checked as the sheet is read (readManualValues),
 * so the pane and the pipeline accept the same entries.
 */
import { issue } from "../issues/issues";
import { fail, ok, type Result } from "../issues/result";
import type { CellWrite, SheetPatch } from "../workbook/patch";
import { gridBounds, type Grid } from "../workbook/grid";
import { normalizeName } from "../values/normalizeName";
import type { ManualValue } from "./manualValue";
import { MANUAL_HEADERS, MANUAL_SHEET, manualHeader } from "./readManualValues";

/** "kon=K" -> "Kvinnor", "kon=M" -> "Män", "" -> "" (the words the controller types). */
export function breakdownLabel(breakdown: string): string {
  if (breakdown === "kon=K") return "Kvinnor";
  if (breakdown === "kon=M") return "Män";
  return breakdown;
}

function cellsOf(value: ManualValue): Record<(typeof MANUAL_HEADERS)[number], string | number> {
  return {
    Mått: value.measure,
    Uppdelning: breakdownLabel(value.breakdown),
    År: value.year,
    Värde: value.value,
    Källa: value.sourceText,
    "Inmatat av": value.enteredBy,
    Inmatat: value.enteredAt,
  };
}

const isBlank = (grid: Grid): boolean => grid.cells.every((row) => row === undefined || row.every((c) => c === undefined || (c.value === null && c.text.trim() === "")));

/**
 * @example planManualEntry(undefined, { measure: "avi", breakdown: "", year: 2019, value: 112, sourceText: "Medarbetarenkät 2019", enteredBy: "AB", enteredAt: "2020-02-10" })
 *   // ok { sheet: "Manuella värden", writes: [header row 1 (bold), row 2: "avi" | "" | 2019 | 112 | "Medarbetarenkät 2019" | "AB" | "2020-02-10"] }
 * @example planManualEntry(sheetWithThreeEntries, value) // ok { writes: [row 5: …] }: under the last entry, nothing overwritten
 */
export function planManualEntry(grid: Grid | undefined, value: ManualValue): Result<SheetPatch> {
  const cells = cellsOf(value);
  const write = (row: number, column: number, content: string | number, bold = false): CellWrite =>
    typeof content === "number" ? { row, column, value: content } : { row, column, value: content, asText: true, ...(bold && { style: { bold: true } }) };
  if (grid === undefined || isBlank(grid)) {
    return ok({
      sheet: MANUAL_SHEET,
      writes: [...MANUAL_HEADERS.map((h, column) => write(0, column, h, true)), ...MANUAL_HEADERS.map((h, column) => write(1, column, cells[h]))],
      columnWidths: [
        { column: 0, width: 24 },
        { column: 4, width: 40 },
      ],
    });
  }
  const header = manualHeader(grid);
  const missing = MANUAL_HEADERS.filter((h) => !header?.columns.has(normalizeName(h)));
  if (header === undefined || missing.length > 0) {
    return fail(issue("manual/missing-column", "error", { sheet: grid.sheet, params: { column: missing.join(", ") } }));
  }
  const row = Math.max(gridBounds(grid).bottom, header.row) + 1;
  return ok({
    sheet: grid.sheet,
    writes: MANUAL_HEADERS.map((h) => write(row, header.columns.get(normalizeName(h)) ?? 0, cells[h])),
  });
}
