/**
 * Reads an activity's "Slutfört" cell as the plans write it: a quarter ("Q2"), a month and its
 * quarter ("Sept Q3"), ongoing work ("Kontinuerligt", "Kontinuerligt, uppföljning Q4"), work
 * phased out by a quarter ("Succesivt avslut Q4"), something already reported ("Redovisat till
 * KS hösten-18") or "Ej relevant". Words a narrow cell broke at a line end are rejoined first.
 */
import { cleanCellText } from "../table/cleanCellText";
import { MONTH_ABBREVIATIONS_SV, MONTH_NAMES_SV } from "../periods/period";
import type { Deadline } from "./activity";

/** 1–12 for a text that starts with a month's name or abbreviation ("Sept" -> 9), else undefined. */
function monthNamed(text: string): number | undefined {
  const index = MONTH_ABBREVIATIONS_SV.findIndex((short) => text.startsWith(short));
  return index < 0 ? undefined : index + 1;
}

type Quarter = 1 | 2 | 3 | 4;
const asQuarter = (digit: string | undefined): Quarter | undefined =>
  digit === "1" || digit === "2" || digit === "3" || digit === "4" ? (Number(digit) as Quarter) : undefined;

/** "Q4", "kvartal 4", "kv 4", "q 4" -> 4. */
const QUARTER = /\b(?:q|kv|kvartal)\s*([1-4])\b/;

/**
 * @example parseDeadline("Q2")                            // { kind: "quarter", quarter: 2, raw: "Q2" }
 * @example parseDeadline("Sept Q3")                       // { kind: "quarter", quarter: 3, month: 9, raw: "Sept Q3" }
 * @example parseDeadline("Succe-\nsivt  avslut Q4")       // { kind: "quarter", quarter: 4, gradual: true, raw: "Succesivt avslut Q4" }
 * @example parseDeadline("Kontinuer-\nligt, uppfölj-\nning Q4") // { kind: "continuous", followUpQuarter: 4, raw: "Kontinuerligt, uppföljning Q4" }
 * @example parseDeadline("Redovisat till KS hösten-18")   // { kind: "reported-earlier", raw: ... }
 * @example parseDeadline("")                              // { kind: "missing" }
 */
export function parseDeadline(text: string): Deadline {
  const raw = cleanCellText(text);
  if (raw === "") return { kind: "missing" };
  const lower = raw.toLocaleLowerCase("sv-SE");
  const quarter = asQuarter(QUARTER.exec(lower)?.[1]);

  if (/^kontinuerlig|^löpande|^fortlöpande|^pågående/.test(lower)) {
    return quarter === undefined ? { kind: "continuous", raw } : { kind: "continuous", followUpQuarter: quarter, raw };
  }
  if (/^ej relevant|^inte relevant/.test(lower)) return { kind: "not-relevant", raw };
  if (/^redovisa(t|d)|^avrapporterat|^genomfört \d{4}/.test(lower)) return { kind: "reported-earlier", raw };
  if (quarter !== undefined) {
    const gradual = /^succes+ivt|^successivt|^stegvis/.test(lower);
    const before = lower.slice(0, QUARTER.exec(lower)?.index ?? 0).trim();
    const month = monthNamed(before);
    return {
      kind: "quarter",
      quarter,
      ...(month !== undefined && Math.ceil(month / 3) === quarter ? { month } : {}),
      ...(gradual ? { gradual: true } : {}),
      raw,
    };
  }
  return { kind: "text", raw };
}

/**
 * The last month (1–12) by which the activity is to be done in its year, or undefined when it
 * has no such month (ongoing, reported earlier, not relevant, missing or unknown text).
 *
 * @example dueMonth(parseDeadline("Q2"))      // 6
 * @example dueMonth(parseDeadline("Sept Q3")) // 9
 * @example dueMonth(parseDeadline("Kontinuerligt")) // undefined
 */
export function dueMonth(deadline: Deadline): number | undefined {
  if (deadline.kind !== "quarter") return undefined;
  return deadline.month ?? deadline.quarter * 3;
}

/**
 * The deadline in Swedish words for people, as the plan means it.
 *
 * @example deadlineText(parseDeadline("Q2"))                // "Q2 (senast juni)"
 * @example deadlineText(parseDeadline("Kontinuerligt"))     // "Kontinuerligt"
 * @example deadlineText({ kind: "missing" })                // "Inget slutdatum"
 */
export function deadlineText(deadline: Deadline): string {
  switch (deadline.kind) {
    case "quarter": {
      const month = dueMonth(deadline) ?? 12;
      return `${deadline.raw} (senast ${MONTH_NAMES_SV[month - 1] ?? ""})`;
    }
    case "missing":
      return "Inget slutdatum";
    default:
      return deadline.raw;
  }
}
