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
 * Number formats are Excel's locale-independent codes ("#,##0.0"): Excel and LibreOffice
 * show them with the reader's separators, so a Swedish user sees "2 509" and "4,8 %".
 * Every string is written as text (asText), never as a formula.
 */
import { columnLetters, fromA1 } from "./address";
import { defaultDecimals } from "./evaluateStatus";
import type { Appendix, Unit } from "./model";
import type { Outcome } from "./outcome";
import type { CellWrite, Patch } from "./patch";
import { monthLabel, monthsLabel, type Period } from "./period";
import type { Status, StatusResult } from "./status";
import { STATUS_LOOKS, statusText } from "./status/statusLabels";

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
}

export interface PlanWritesOptions {
  /** Zero-based column for "Utfall"; "Status" goes right of it. Default: reuse an earlier fill's columns, else the first free column right of the table. */
  readonly column?: number;
  /** Write the legend under the table (default true). */
  readonly legend?: boolean;
}

const UNIT_SUFFIX: Readonly<Record<Unit, string>> = {
  count: "",
  percent: '" %"',
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
};

/** The outcome cell's note: how it was computed and over which months; missing months named. */
function outcomeNote(outcome: Outcome): string {
  const used = `${COMBINE_SV[outcome.combine]}, ${monthsLabel(outcome.monthsUsed)} (${outcome.monthsUsed.length} mån)`;
  if (outcome.missingMonths.length === 0) return `Beräknat som ${used}.`;
  return `Beräknat som ${used}. Saknade månader: ${outcome.missingMonths.map(monthLabel).join(", ")}.`;
}

const HEADER_PREFIX = "Utfall ";

/**
 * Reuses the columns of an earlier fill ("Utfall …" followed by "Status"), whatever role the
 * table reader gave them (a header with a year may read as an outcome column), else the
 * first free column right of the table.
 */
function outcomeColumn(appendix: Appendix): number {
  const byColumn = new Map(appendix.columns.map((c) => [c.column, c]));
  for (const column of appendix.columns) {
    if (!column.header.trim().startsWith(HEADER_PREFIX)) continue;
    if (byColumn.get(column.column + 1)?.header.trim() === "Status") return column.column;
  }
  return appendix.columns.reduce((max, c) => Math.max(max, c.column), -1) + 1;
}

/** The last row used by the table or its footnotes. */
function lastUsedRow(appendix: Appendix): number {
  return appendix.footnotes.reduce((max, f) => Math.max(max, fromA1(f.cell)?.row ?? max), appendix.lastRow);
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
 */
export function planWrites(appendix: Appendix, results: readonly RowResult[], period: Period, options: PlanWritesOptions = {}): Patch {
  const outcomeCol = options.column ?? outcomeColumn(appendix);
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
        note: outcomeNote(result.outcome),
      });
    } else {
      writes.push({
        row: result.row,
        column: outcomeCol,
        value: result.measured ? "Saknas" : null,
        asText: true,
        style: { horizontalAlignment: "right" },
        ...(result.measured && { note: `Inga månadsvärden för ${period.label}.` }),
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

  if (options.legend ?? true) writes.push(...legendWrites(lastUsedRow(appendix) + 2, statusCol, period));

  return {
    sheets: [
      {
        sheet: appendix.sheet,
        writes,
        columnWidths: [
          { column: outcomeCol, width: 16 },
          { column: statusCol, width: 22 },
        ],
      },
    ],
  };
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
