/**
 * Swedish cell values: what a controller types or pastes into the indicator table, read into
 * quantities, outcomes (CellValue) and targets (Target). Numbers go through parseSwedishNumber;
 * nothing here throws on user text: doubts come back as issues (without a position: the
 * table reader adds sheet and cell).
 *
 * A number typed into a cell with a percent format (0.048 shown as 4,80 %) is the same
 * quantity as the text "4,80%": { unit: "percent", value: 4.8 }.
 */
import type { GridCell } from "../workbook/grid";
import { issue, type Issue } from "../issues/issues";
import type { CellValue, Direction, Quantity, Target, Unit } from "../model";
import { parseSwedishNumber } from "./parseNumber";
import { fail, ok, type Result } from "../issues/result";
import { cleanCellText } from "../table/cleanCellText";
import { shownText } from "../table/shownText";

/** Texts that mean "no value" (not zero). */
const MISSING = /^(?:saknas!?|uppgift saknas|ej tillgänglig|-|–|—|−|\.\.)$/i;

/** Unit words and signs after a number, longest first. */
const UNIT_SUFFIXES: ReadonlyArray<readonly [RegExp, Unit]> = [
  [/\s+(?:procentenheter|procentenhet|p\.e\.)$/i, "percentage-points"],
  [/\s*(?:%|procent)$/i, "percent"],
  [/\s+(?:dagar|dag|dygn)$/i, "days"],
  [/\s*(?:mnkr|mkr|miljoner kronor)$/i, "mnkr"],
  [/\s+(?:kr|kronor|sek)$/i, "kr"],
  [/\s+(?:st|stycken|personer|hushåll)$/i, "count"],
];

/** Footnote markers at the end of a text: "11%*" -> "*", "kronor**" -> "**". */
const FOOTNOTE = /\s*(\*+)$/;

const LETTER = /[A-Za-zÅÄÖåäöÉé]/;

/** Keeps twelve significant digits so 0.048 * 100 is 4.8 and not 4.800000000000001. */
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** Splits trailing footnote markers off a text. */
export function splitFootnotes(text: string): { text: string; footnotes: string[] } {
  const match = FOOTNOTE.exec(text);
  if (!match?.[1]) return { text, footnotes: [] };
  return { text: text.slice(0, match.index).trimEnd(), footnotes: [match[1]] };
}

/**
 * A number with an optional unit and footnote markers.
 *
 * @example parseQuantity("4,80%")      // ok { value: 4.8, unit: "percent", footnotes: [] }
 * @example parseQuantity("21 dagar")   // ok { value: 21, unit: "days", footnotes: [] }
 * @example parseQuantity("11%*")       // ok { value: 11, unit: "percent", footnotes: ["*"] }
 * @example parseQuantity("125 000 kr") // ok { value: 125000, unit: "kr", footnotes: [] }
 * @example parseQuantity("5.5")        // ok { value: 5.5, unit: "number" } with warning value/dot-decimal
 * @example parseQuantity("Saknas")     // fail value/unparseable-number
 */
export function parseQuantity(text: string): Result<Quantity & { footnotes: string[] }> {
  const raw = text;
  const { text: withoutNotes, footnotes } = splitFootnotes(cleanCellText(text));
  let body = withoutNotes;
  let unit: Unit = "number";
  for (const [suffix, suffixUnit] of UNIT_SUFFIXES) {
    if (suffix.test(body)) {
      body = body.replace(suffix, "");
      unit = suffixUnit;
      break;
    }
  }
  const number = parseSwedishNumber(body);
  if (!number.ok) return fail(issue("value/unparseable-number", "error", { raw }));
  const warnings = number.warnings.map((w) => ({ ...w, raw }));
  return ok({ value: number.value, unit, footnotes }, warnings);
}

/** The quantity alone, without the footnote markers parseQuantity found. */
function withoutFootnotes(parsed: Quantity): Quantity {
  return { value: parsed.value, unit: parsed.unit };
}

/** The quantity a numeric cell holds, reading its number format (percent, "dagar", "kr"). */
export function quantityFromNumberCell(value: number, numberFormat: string): Quantity {
  // Literal text in quotes ("0 \"dagar\"") and escaped characters are part of the format.
  const literals = (numberFormat.match(/"[^"]*"/g) ?? []).join(" ").toLowerCase();
  const codes = numberFormat.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  if (codes.includes("%")) return { value: tidy(value * 100), unit: "percent" };
  if (/procentenhet|p\.e\./.test(literals)) return { value, unit: "percentage-points" };
  if (/dag/.test(literals)) return { value, unit: "days" };
  if (/mnkr|mkr/.test(literals)) return { value, unit: "mnkr" };
  if (/kr/.test(literals) || /\[\$kr/i.test(numberFormat)) return { value, unit: "kr" };
  return { value, unit: "number" };
}

/**
 * One outcome cell (earlier years, breakdown values) as a CellValue.
 *
 * @example parseCellValue({ value: 0.048, text: "4,80%", numberFormat: "0.00%" })
 *   // { value: { kind: "number", quantity: { value: 4.8, unit: "percent" }, footnotes: [] }, issues: [] }
 * @example parseCellValue(text "JKT: 2,1")        // labelled, label "JKT", before
 * @example parseCellValue(text "4 arbete")        // labelled, label "arbete", after
 * @example parseCellValue(text "88,3, tertial 1") // number 88.3 with annotation "tertial 1"
 * @example parseCellValue(text "Saknas")          // missing
 */
export function parseCellValue(cell: GridCell): { value: CellValue; issues: Issue[] } {
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) {
    return { value: { kind: "number", quantity: quantityFromNumberCell(cell.value, cell.numberFormat), footnotes: [] }, issues: [] };
  }
  const raw = shownText(cell);
  const text = cleanCellText(raw);
  if (text === "" || MISSING.test(text)) return { value: { kind: "missing", raw }, issues: [] };

  const whole = parseQuantity(text);
  if (whole.ok) {
    const { footnotes, ...quantity } = whole.value;
    return { value: { kind: "number", quantity, footnotes }, issues: [...whole.warnings] };
  }

  // "88,3, tertial 1": a number, a comma and a space, then words.
  const annotated = /^(.+?\d[%*]*)\s*,\s+(.*)$/.exec(text);
  if (annotated?.[1] && annotated[2] && LETTER.test(annotated[2])) {
    const head = parseQuantity(annotated[1]);
    if (head.ok) {
      const { footnotes, ...quantity } = head.value;
      return {
        value: { kind: "number", quantity, footnotes, annotation: annotated[2] },
        issues: [...head.warnings],
      };
    }
  }

  // "JKT: 2,1": a label, a colon, a number.
  const before = /^([^:\d][^:]*?)\s*:\s*(.+)$/.exec(text);
  if (before?.[1] && before[2]) {
    const tail = parseQuantity(before[2]);
    if (tail.ok) {
      const { footnotes, ...quantity } = tail.value;
      return {
        value: { kind: "labelled", label: before[1], labelPosition: "before", quantity, footnotes },
        issues: [...tail.warnings],
      };
    }
  }

  // "4 arbete": a number, then a word that is not a unit.
  const after = /^([-\u2212]?[\d\s\u00a0\u202f,.]*\d[%]?)\s+(\D.*)$/.exec(text);
  if (after?.[1] && after[2] && LETTER.test(after[2])) {
    const head = parseQuantity(after[1]);
    if (head.ok) {
      const { text: label, footnotes } = splitFootnotes(after[2]);
      return {
        value: { kind: "labelled", label, labelPosition: "after", quantity: withoutFootnotes(head.value), footnotes },
        issues: [...head.warnings],
      };
    }
  }

  const { text: words, footnotes } = splitFootnotes(text);
  // Words are a legitimate text value; digits that do not read as a number are a doubt.
  const issues = /\d/.test(words) ? [issue("value/unparseable-number", "warning", { raw })] : [];
  return { value: { kind: "text", text: words, footnotes }, issues };
}

const DIRECTIONS: ReadonlyArray<readonly [RegExp, Direction]> = [
  [/^(?:ska\s+)?(?:inte|ej)\s+öka$/i, "not-increase"],
  [/^(?:ska\s+)?(?:inte|ej)\s+minska$/i, "not-decrease"],
  [/^(?:ska\s+)?öka$/i, "increase"],
  [/^(?:ska\s+)?minska$/i, "decrease"],
];

const AT_LEAST = /^(?:≥|>=|minst|lägst|som lägst|minimum)\s*/i;
const AT_MOST = /^(?:≤|<=|högst|max(?:imalt)?|som högst|maximum)\s*/i;

/** Target kinds by the words or signs before the number; a bare number is a target value. */
const TARGET_PREFIXES = [
  [AT_LEAST, "at-least"],
  [AT_MOST, "at-most"],
  [/^/, "value"],
] as const;

/**
 * One target cell ("Målvärde 2019") as a Target.
 *
 * @example parseTarget(text "2 800")            // value 2800
 * @example parseTarget(text "≥0")               // at-least 0
 * @example parseTarget(text "Högst 125 000 kr") // at-most 125000 kr
 * @example parseTarget(text "Minst 45 %")       // at-least 45 percent
 * @example parseTarget(text "Ska inte öka")     // direction not-increase
 * @example parseTarget(text "Inga signifikanta skillnader") // text (with an info issue: cannot be assessed)
 */
export function parseTarget(cell: GridCell): { target: Target; footnotes: string[]; issues: Issue[] } {
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) {
    return { target: { kind: "value", quantity: quantityFromNumberCell(cell.value, cell.numberFormat) }, footnotes: [], issues: [] };
  }
  const raw = shownText(cell);
  const cleaned = cleanCellText(raw);
  if (cleaned === "" || MISSING.test(cleaned)) return { target: { kind: "missing", raw }, footnotes: [], issues: [] };
  const { text: noted, footnotes } = splitFootnotes(cleaned);
  const text = noted.replace(/[.!]$/, "").trim();

  for (const [pattern, direction] of DIRECTIONS) {
    if (pattern.test(text)) return { target: { kind: "direction", direction }, footnotes, issues: [] };
  }

  for (const [prefix, kind] of TARGET_PREFIXES) {
    const match = prefix.exec(text);
    const quantity = match ? parseQuantity(text.slice(match[0].length)) : undefined;
    if (quantity?.ok) {
      return {
        target: { kind, quantity: withoutFootnotes(quantity.value) },
        footnotes: [...footnotes, ...quantity.value.footnotes],
        issues: [...quantity.warnings],
      };
    }
  }

  // Words ("Inga signifikanta skillnader") are a target that cannot be assessed; digits that
  // do not read are a doubt.
  const severity = /\d/.test(text) ? "warning" : "info";
  return { target: { kind: "text", text: noted }, footnotes, issues: [issue("value/unparseable-target", severity, { raw })] };
}
