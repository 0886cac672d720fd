/**
 * The text a cell shows: a number rendered through its Excel format code the way Excel shows
 * it in a Swedish locale. Format codes in the file are locale-independent ("#,##0.0",
 * "0.00%"); on screen the thousands separator is U+00A0, the decimal mark a comma and the minus
 * U+2212 (as core/values/formatNumber.ts writes it, which does the digits).
 *
 * Covered: General, sections (positive;negative;zero;text), 0 # ? placeholders, grouping,
 * scaling by trailing commas, percent, quoted and escaped literals, [Red]/[$kr-41D] tags,
 * scientific notation, dates and times (Swedish month names). Fractions fall back to General.
 *
 * @example renderNumber(0.048, "0.00%")    // "4,80%" (the format has no space before %)
 * @example renderNumber(2509, "#,##0")     // "2 509" (U+00A0)
 * @example renderNumber(2996, "General")   // "2996"
 */
import { formatSwedishNumber } from "../../core/values/formatNumber";

const MINUS = "\u2212";
const NBSP = "\u00a0";

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const MONTHS_SHORT = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const DAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];
const DAYS_SHORT = ["sön", "mån", "tis", "ons", "tors", "fre", "lör"];

type Token =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "digit"; readonly char: "0" | "#" | "?" }
  | { readonly kind: "point" }
  | { readonly kind: "comma" }
  | { readonly kind: "percent" }
  | { readonly kind: "exponent"; readonly sign: "+" | "-" }
  | { readonly kind: "date"; readonly text: string }
  | { readonly kind: "elapsed"; readonly unit: "h" | "m" | "s" }
  | { readonly kind: "text" };

/** Renders a number through a format code, as a Swedish Excel shows it. */
export function renderNumber(value: number, formatCode: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
  const sections = splitSections(formatCode);
  if (sections.length === 0 || /^general$/i.test(sections[0]?.trim() ?? "")) return renderGeneral(value);
  let section = sections[0] ?? "";
  let signed = value;
  let ownMinus = true;
  if (value < 0 && sections.length >= 2) {
    section = sections[1] ?? "";
    signed = -value;
    ownMinus = false;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2] ?? "";
  }
  const tokens = tokenize(section);
  if (tokens.some((t) => t.kind === "date" || t.kind === "elapsed")) return renderDate(value, tokens, date1904);
  if (/^general$/i.test(section.trim())) return (signed < 0 ? MINUS : "") + renderGeneral(Math.abs(signed));
  if (!tokens.some((t) => t.kind === "digit")) {
    const literal = tokens.map((t) => (t.kind === "literal" ? t.text : t.kind === "percent" ? "%" : "")).join("");
    return (signed < 0 && ownMinus ? MINUS : "") + literal;
  }
  if (/[?#0]\s*\/\s*[?#0]/.test(section)) return renderGeneral(value);
  return renderDigits(signed, tokens);
}

/** Excel's General format: up to ten significant digits, no grouping, E-notation when huge or tiny. */
export function renderGeneral(value: number): string {
  if (value === 0) return "0";
  const sign = value < 0 ? MINUS : "";
  const abs = Math.abs(value);
  if (Number.isInteger(abs) && abs < 1e10) return sign + String(abs);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa = "", exponent = "0"] = abs.toExponential(5).split("e");
    const trimmed = mantissa.replace(/\.?0+$/, "").replace(".", ",");
    const power = Number.parseInt(exponent, 10);
    return `${sign}${trimmed}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  }
  const rounded = Number(abs.toPrecision(10));
  return sign + formatSwedishNumber(rounded, 10).split(NBSP).join("");
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i] as string;
    if (ch === '"') {
      const close = code.indexOf('"', i + 1);
      const end = close === -1 ? code.length : close;
      current += code.slice(i, end + 1);
      i = end;
    } else if (ch === "\\" && i + 1 < code.length) {
      current += code.slice(i, i + 2);
      i += 1;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const lower = section.toLowerCase();
  for (let i = 0; i < section.length; i += 1) {
    const ch = section[i] as string;
    const lc = lower[i] as string;
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      const end = close === -1 ? section.length : close;
      tokens.push({ kind: "literal", text: section.slice(i + 1, end) });
      i = end;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: section[i + 1] ?? "" });
      i += 1;
    } else if (ch === "_") {
      tokens.push({ kind: "literal", text: " " });
      i += 1;
    } else if (ch === "*") {
      i += 1;
    } else if (ch === "[") {
      const close = section.indexOf("]", i);
      const end = close === -1 ? section.length : close;
      const inner = section.slice(i + 1, end);
      const elapsed = /^(h+|m+|s+)$/i.exec(inner);
      if (elapsed) tokens.push({ kind: "elapsed", unit: (elapsed[1]?.[0]?.toLowerCase() ?? "h") as "h" | "m" | "s" });
      else if (inner.startsWith("$")) tokens.push({ kind: "literal", text: inner.slice(1).split("-")[0] ?? "" });
      i = end;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ kind: "digit", char: ch });
    } else if (ch === ".") {
      tokens.push({ kind: "point" });
    } else if (ch === ",") {
      tokens.push({ kind: "comma" });
    } else if (ch === "%") {
      tokens.push({ kind: "percent" });
    } else if ((ch === "E" || ch === "e") && (section[i + 1] === "+" || section[i + 1] === "-")) {
      tokens.push({ kind: "exponent", sign: section[i + 1] as "+" | "-" });
      i += 1;
    } else if (ch === "@") {
      tokens.push({ kind: "text" });
    } else if (lower.startsWith("am/pm", i) || lower.startsWith("a/p", i)) {
      const len = lower.startsWith("am/pm", i) ? 5 : 3;
      tokens.push({ kind: "date", text: "ampm" });
      i += len - 1;
    } else if ("ymdhs".includes(lc) || (lc === "e" && !tokens.some((t) => t.kind === "digit"))) {
      let end = i;
      while (end < section.length && lower[end] === lc) end += 1;
      tokens.push({ kind: "date", text: lower.slice(i, end) });
      i = end - 1;
    } else {
      tokens.push({ kind: "literal", text: ch });
    }
  }
  return tokens;
}

function renderDigits(value: number, tokens: readonly Token[]): string {
  const first = tokens.findIndex((t) => t.kind === "digit" || t.kind === "point");
  let last = -1;
  tokens.forEach((t, index) => {
    if (t.kind === "digit" || t.kind === "point") last = index;
  });
  const exponentAt = tokens.findIndex((t) => t.kind === "exponent");
  const mantissaEnd = exponentAt === -1 ? last : exponentAt - 1;
  let scaled = Math.abs(value);
  for (const t of tokens) if (t.kind === "percent") scaled *= 100;

  // Trailing commas after the last integer placeholder scale by 1000 each.
  const pointAt = tokens.findIndex((t, index) => t.kind === "point" && index >= first && index <= mantissaEnd);
  const intEnd = pointAt === -1 ? mantissaEnd : pointAt - 1;
  let grouping = false;
  let minInt = 0;
  let lastIntDigit = -1;
  for (let index = first; index <= intEnd; index += 1) {
    const t = tokens[index];
    if (t?.kind === "digit") {
      lastIntDigit = index;
      if (t.char === "0") minInt += 1;
    }
  }
  for (let index = mantissaEnd + 1; tokens[index]?.kind === "comma"; index += 1) scaled /= 1000;
  for (let index = first; index <= intEnd; index += 1) {
    const t = tokens[index];
    if (t?.kind === "comma") {
      if (index < lastIntDigit) grouping = true;
    } else if (t?.kind === "literal" && t.text === " " && index < lastIntDigit && index > first) {
      grouping = true; // "# ##0" as Swedish users type it
    }
  }
  let minDec = 0;
  let maxDec = 0;
  if (pointAt !== -1) {
    for (let index = pointAt + 1; index <= mantissaEnd; index += 1) {
      const t = tokens[index];
      if (t?.kind === "digit") {
        maxDec += 1;
        if (t.char === "0") minDec += 1;
      }
    }
  }

  let exponentText = "";
  if (exponentAt !== -1) {
    let power = scaled === 0 ? 0 : Math.floor(Math.log10(scaled));
    const mantissa = scaled / 10 ** power;
    // Rounding may carry the mantissa to 10.
    if (Number(mantissa.toFixed(maxDec)) >= 10) power += 1;
    scaled = scaled / 10 ** power;
    const expDigits = tokens.slice(exponentAt + 1).filter((t) => t.kind === "digit").length;
    const sign = power < 0 ? "-" : exponentAt !== -1 && (tokens[exponentAt] as { sign: string }).sign === "+" ? "+" : "";
    exponentText = `E${sign}${String(Math.abs(power)).padStart(expDigits, "0")}`;
  }

  const formatted = formatSwedishNumber(scaled, maxDec);
  let [intPart = "0", fracPart = ""] = formatted.split(",");
  intPart = intPart.replace(/^\u2212/, "");
  if (!grouping) intPart = intPart.split(NBSP).join("");
  fracPart = fracPart.padEnd(minDec, "0");
  if (intPart === "0" && minInt === 0) intPart = "";
  else if (!grouping && intPart.length < minInt) intPart = intPart.padStart(minInt, "0");
  const number = intPart + (pointAt !== -1 ? `,${fracPart}` : "") + exponentText;

  const isNegative = value < 0 && (intPart !== "" || /[1-9]/.test(fracPart));
  let out = "";
  let placed = false;
  tokens.forEach((t, index) => {
    if (index >= first && index <= (exponentAt === -1 ? last : tokens.length - 1) && t.kind !== "literal" && t.kind !== "percent") {
      if (!placed) out += number;
      placed = true;
      return;
    }
    if (index > first && index < last && t.kind === "literal" && t.text === " " && grouping) return;
    if (t.kind === "literal") out += t.text;
    else if (t.kind === "percent") out += "%";
  });
  return ((isNegative ? MINUS : "") + out).trim();
}

function renderDate(serial: number, tokens: readonly Token[], date1904: boolean): string {
  const ms = Math.round(serial * 86400) * 1000;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + ms);
  const hasAmPm = tokens.some((t) => t.kind === "date" && t.text === "ampm");
  const seconds = Math.round(serial * 86400);
  let out = "";
  tokens.forEach((t, index) => {
    if (t.kind === "literal") out += t.text;
    else if (t.kind === "elapsed") {
      const total = t.unit === "h" ? Math.floor(seconds / 3600) : t.unit === "m" ? Math.floor(seconds / 60) : seconds;
      out += String(total);
    } else if (t.kind === "date") out += renderDatePart(t.text, date, tokens, index, hasAmPm);
    else if (t.kind === "digit") out += t.char === "0" ? "0" : "";
    else if (t.kind === "point") out += ",";
  });
  return out.trim();
}

function renderDatePart(text: string, date: Date, tokens: readonly Token[], index: number, hasAmPm: boolean): string {
  const two = (n: number): string => String(n).padStart(2, "0");
  const kind = text[0];
  if (text === "ampm") return date.getUTCHours() < 12 ? "fm" : "em";
  if (kind === "y" || kind === "e") return text.length <= 2 ? two(date.getUTCFullYear() % 100) : String(date.getUTCFullYear());
  if (kind === "d") {
    const day = date.getUTCDate();
    if (text.length === 1) return String(day);
    if (text.length === 2) return two(day);
    return text.length === 3 ? (DAYS_SHORT[date.getUTCDay()] ?? "") : (DAYS[date.getUTCDay()] ?? "");
  }
  if (kind === "h") {
    const hours = hasAmPm ? ((date.getUTCHours() + 11) % 12) + 1 : date.getUTCHours();
    return text.length >= 2 ? two(hours) : String(hours);
  }
  if (kind === "s") return text.length >= 2 ? two(date.getUTCSeconds()) : String(date.getUTCSeconds());
  // "m": minutes right after an hour or right before a second, else the month.
  const previous = [...tokens.slice(0, index)].reverse().find((t) => t.kind === "date" || t.kind === "elapsed");
  const next = tokens.slice(index + 1).find((t) => t.kind === "date" || t.kind === "elapsed");
  const isMinute =
    text.length <= 2 &&
    ((previous?.kind === "date" && previous.text.startsWith("h")) ||
      (previous?.kind === "elapsed" && previous.unit === "h") ||
      (next?.kind === "date" && next.text.startsWith("s")));
  if (isMinute) return text.length === 2 ? two(date.getUTCMinutes()) : String(date.getUTCMinutes());
  const month = date.getUTCMonth();
  if (text.length === 1) return String(month + 1);
  if (text.length === 2) return two(month + 1);
  if (text.length === 3) return MONTHS_SHORT[month] ?? "";
  if (text.length === 5) return (MONTHS[month] ?? "").slice(0, 1);
  return MONTHS[month] ?? "";
}
