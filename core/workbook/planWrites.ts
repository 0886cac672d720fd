/**
 * Plans the writes that fill the appendix for a period: beside the table, an
 * "Utfall <period>" column and a "Status" column; per row the outcome as a number with a
 * Swedish-looking number format, the status as symbol and text on its fill colour, the
 * explanation as a cell note; and a legend under the table, after the footnotes.
 *
 * Percentages are written in the canonical form of the model: the value 4.8 with the
 * format `0.0" %"` (not 0.048 with "0.0%"), so the cell holds the number people read and
 * the same number the status was judged on.
 *
 * Where the two columns go is decided here, for both shells: an earlier fill's own columns
 * ("Utfall …" followed by "Status") are filled again; otherwise the first column right of the
 * table where every write (header, rows, legend) lands on an empty cell of the sheet's Grid.
 * A controller's sheet may hold things right of the table that are not part of it (a formula,
 * even one never calculated, a note to self, a date); no write lands on such a cell.
 *
 * Number formats are Excel's locale-independent codes ("#,##0.0"): Excel and LibreOffice
 * show them with the reader's separators, so a Swedish user sees "2 509" and "4,8 %".
 * Every string is written as text (asText), never as a formula.
 */
import { columnLetters, fromA1 } from "./address";
import { defaultDecimals } from "../status/evaluateStatus";
import { cellAt, type Grid, type GridCell } from "./grid";
import { formatSwedishNumber } from "../values/formatNumber";
import type { Appendix, Unit } from "../model";
import type { Outcome } from "../outcomes/outcome";
import type { CellWrite, Patch } from "./patch";
import { monthLabel, monthsLabel, type Period } from "../periods/period";
import type { Status, StatusResult } from "../status/status";
import { STATUS_LOOKS, statusText } from "../status/statusLabels";
import type { Provenance } from "../outcomes/provenance";

/** One row to fill: its outcome (when measured) and its status. */
export interface RowResult {
  /** Zero-based sheet row. */
  readonly row: number;
  /** "Total sjukfrånvaro (%) – Kvinnor". */
  readonly name: string;
  readonly unit: Unit;
  /** False for a row with only a status (set by hand): its outcome cell is left empty. */
  readonly measured: boolean;
  readonly outcome?: Outcome;
  readonly status: StatusResult;
  /** Decimals shown; by default from the unit. */
  readonly decimals?: number;
  /** Where the value came from (Kolada, entered by hand): the run report's `provenance`. */
  readonly provenance?: Provenance;
  /** The outcome cell's note in place of the computed one (a yearly value: "Årsvärde 2019. Källa: Kolada …"). */
  readonly outcomeNote?: string;
  /** The outcome cell's text when there is no outcome, in place of "Saknas" ("Mäts per år"). */
  readonly placeholder?: string;
}

export interface PlanWritesOptions {
  /**
   * The sheet the appendix was read from, as the shell read it (values, texts, formulas). With
   * it the columns keep clear of every cell that holds something; without it the first column
   * right of the table is taken as free.
   */
  readonly grid?: Grid;
  /** Zero-based column for "Utfall"; "Status" goes right of it. Overrides the choice below (and the grid check). Default: reuse an earlier fill's columns, else the first column right of the table where every write lands on an empty cell. */
  readonly column?: number;
  /** Write the legend under the table (default true). */
  readonly legend?: boolean;
}

const UNIT_SUFFIX: Readonly<Record<Unit, string>> = {
  count: "",
  percent: '" %"',
  "percentage-points": '" procentenheter"',
  days: '" dagar"',
  kr: '" kr"',
  mnkr: '" mnkr"',
  index: "",
  ratio: "",
  number: "",
};

/**
 * The number format for a unit, as an Excel format code.
 *
 * @example numberFormatFor("count")      // "#,##0"        -> shown "2 509"
 * @example numberFormatFor("percent")    // '#,##0.0" %"'  -> shown "4,8 %"
 * @example numberFormatFor("days", 1)    // '#,##0.0" dagar"' -> shown "14,3 dagar"
 */
export function numberFormatFor(unit: Unit, decimals = defaultDecimals(unit)): string {
  const digits = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  return `#,##0${digits}${UNIT_SUFFIX[unit]}`;
}

const COMBINE_SV: Readonly<Record<Outcome["combine"], string>> = {
  "mean-of-months": "medelvärde av månadernas värden",
  sum: "summa över månaderna",
  latest: "senaste månadens värde",
  "ratio-of-sums": "summa täljare / summa nämnare över månaderna",
  "mean-of-records": "summa / antal över månaderna",
  formula: "formel",
};

/** "formeln (budget - utfall) / budget * 100 med budget = 359 800 000, utfall = 348 712 345,5" */
function formulaNote(formula: NonNullable<Outcome["formula"]>): string {
  const terms = Object.entries(formula.terms).map(([name, value]) => `${name} = ${formatSwedishNumber(value)}`);
  return `formeln ${formula.text} med ${terms.join(", ")}`;
}

/** The outcome cell's note: how it was computed and over which months; missing months named. */
function outcomeNote(outcome: Outcome): string {
  const how = outcome.formula === undefined ? COMBINE_SV[outcome.combine] : formulaNote(outcome.formula);
  const used = `${how}, ${monthsLabel(outcome.monthsUsed)} (${outcome.monthsUsed.length} mån)`;
  if (outcome.missingMonths.length === 0) return `Beräknat som ${used}.`;
  return `Beräknat som ${used}. Saknade månader: ${outcome.missingMonths.map(monthLabel).join(", ")}.`;
}

const HEADER_PREFIX = "Utfall ";

/**
 * The "Utfall" column of an earlier fill ("Utfall …" followed by "Status" on the header row),
 * whatever role the table reader gave it (a header with a year may read as an outcome column).
 * The table reader keeps every header cell right of the table as a column, so the appendix's
 * columns are the whole header row.
 */
function earlierFillColumn(appendix: Appendix): number | undefined {
  const byColumn = new Map(appendix.columns.map((c) => [c.column, c]));
  for (const column of appendix.columns) {
    if (!column.header.trim().startsWith(HEADER_PREFIX)) continue;
    if (byColumn.get(column.column + 1)?.header.trim() === "Status") return column.column;
  }
  return undefined;
}

/** True when a cell holds nothing: no value, no text, no formula (a formula never calculated reads as empty by value and text). */
function isEmptyCell(cell: GridCell): boolean {
  return cell.value === null && cell.text.trim() === "" && cell.hasFormula !== true;
}

/**
 * The "Utfall" column: an earlier fill's (written over as it is: that is a re-fill), else the
 * first column right of the table where every planned write is on an empty cell. Right of the
 * grid every cell is empty, so the search always ends.
 */
function chooseOutcomeColumn(appendix: Appendix, grid: Grid | undefined, writesAt: (column: number) => readonly CellWrite[]): number {
  const earlier = earlierFillColumn(appendix);
  if (earlier !== undefined) return earlier;
  const first = appendix.columns.reduce((max, c) => Math.max(max, c.column), -1) + 1;
  if (grid === undefined) return first;
  for (let column = first; ; column++) {
    if (writesAt(column).every((write) => isEmptyCell(cellAt(grid, write.row, write.column)))) return column;
  }
}

/** The last row used by the table or its footnotes (a footnote's text may go on over several rows). */
function lastUsedRow(appendix: Appendix): number {
  return appendix.footnotes.reduce((max, f) => Math.max(max, fromA1(f.continuedTo ?? f.cell)?.row ?? max), appendix.lastRow);
}

const LEGEND_ORDER: readonly Status[] = ["met", "partly-met", "not-met", "not-assessable"];

/**
 * The writes that fill the appendix for a period.
 *
 * @example planWrites(appendix, [{ row: 20, name: "Antal hushåll …", unit: "count", measured: true, outcome, status }], T2_2019)
 *   // { sheets: [{ sheet: "Bilaga", writes: [
 *   //   { row: 3, column: 8, value: "Utfall tertial 2 2019 (jan–aug)", asText: true, style: { bold: true, wrap: true } },
 *   //   { row: 3, column: 9, value: "Status", asText: true, … },
 *   //   { row: 20, column: 8, value: 2509.4, numberFormat: "#,##0", note: "Beräknat som medelvärde av månadernas värden, jan–aug 2019 (8 mån)." },
 *   //   { row: 20, column: 9, value: "✓ Uppfyllt", asText: true, style: { fill: "C6EFCE", fontColor: "006100" }, note: "Utfall 2 509 mot målvärde 2 800 – uppfyllt" },
 *   //   … legend … ] }] }
 *
 * @example planWrites(appendix, rows, T2_2019, { grid }) // I4 holds "=G4-H4", never calculated (its value reads as empty)
 *   // { sheets: [{ sheet: "Bilaga", writes: [{ row: 3, column: 9, value: "Utfall tertial 2 2019 (jan–aug)", … },
 *   //   { row: 3, column: 10, value: "Status", … }, …] }] }   // J and K: the first columns where every write lands on an empty cell
 */
export function planWrites(appendix: Appendix, results: readonly RowResult[], period: Period, options: PlanWritesOptions = {}): Patch {
  const writesAt = (column: number): CellWrite[] => columnWrites(appendix, results, period, column, options.legend ?? true);
  const outcomeCol = options.column ?? chooseOutcomeColumn(appendix, options.grid, writesAt);
  return {
    sheets: [
      {
        sheet: appendix.sheet,
        writes: writesAt(outcomeCol),
        columnWidths: [
          { column: outcomeCol, width: 16 },
          { column: outcomeCol + 1, width: 22 },
        ],
      },
    ],
  };
}

/** Every write of the fill with "Utfall" in the given column: header, one pair per row, legend. */
function columnWrites(appendix: Appendix, results: readonly RowResult[], period: Period, outcomeCol: number, legend: boolean): CellWrite[] {
  const statusCol = outcomeCol + 1;
  const headerStyle = { bold: true, wrap: true } as const;
  const writes: CellWrite[] = [
    { row: appendix.headerRow, column: outcomeCol, value: `${HEADER_PREFIX}${period.label}`, asText: true, style: headerStyle },
    { row: appendix.headerRow, column: statusCol, value: "Status", asText: true, style: headerStyle },
  ];

  for (const result of results) {
    const decimals = result.decimals ?? defaultDecimals(result.unit);
    if (result.outcome !== undefined) {
      writes.push({
        row: result.row,
        column: outcomeCol,
        value: result.outcome.quantity.value,
        numberFormat: numberFormatFor(result.outcome.quantity.unit, decimals),
        style: { horizontalAlignment: "right" },
        note: result.outcomeNote ?? outcomeNote(result.outcome),
      });
    } else {
      writes.push({
        row: result.row,
        column: outcomeCol,
        value: result.measured ? (result.placeholder ?? "Saknas") : null,
        asText: true,
        style: { horizontalAlignment: "right" },
        ...(result.measured && { note: result.outcomeNote ?? `Inga månadsvärden för ${period.label}.` }),
      });
    }
    writes.push({
      row: result.row,
      column: statusCol,
      value: statusText(result.status.status, result.status.forecast),
      asText: true,
      style: { fill: result.status.fill, fontColor: result.status.fontColor, wrap: true },
      note: result.status.explanation,
    });
  }

  if (legend) writes.push(...legendWrites(lastUsedRow(appendix) + 2, statusCol, period));
  return writes;
}

/** The legend: a heading, one line per status (symbol and label on its fill, then its meaning), and what "prognos" means. */
function legendWrites(top: number, column: number, period: Period): CellWrite[] {
  const writes: CellWrite[] = [
    { row: top, column, value: "Teckenförklaring, status", asText: true, style: { bold: true } },
    {
      row: top + 1,
      column,
      value: `Utfallen avser ${period.label} (kolumn ${columnLetters(column - 1)}); förklaringen till varje status står i cellens anteckning.`,
      asText: true,
    },
  ];
  LEGEND_ORDER.forEach((status, index) => {
    const look = STATUS_LOOKS[status];
    writes.push(
      {
        row: top + 2 + index,
        column,
        value: statusText(status),
        asText: true,
        style: { fill: look.fill, fontColor: look.fontColor },
      },
      { row: top + 2 + index, column: column + 1, value: `${look.colourName}: ${look.meaning}`, asText: true },
    );
  });
  writes.push({
    row: top + 6,
    column,
    value: "(prognos): ett mål för helåret bedömt på prognos, utfallet hittills × 12 / antal månader.",
    asText: true,
  });
  return writes;
}
