/**
 * Text encodings a CSV export arrives in, and the names a source profile may use for them.
 * Excel on Swedish Windows saves "CSV" as windows-1252 and "Unicode text" as UTF-16 LE with BOM.
 */

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

const NAMES: Readonly<Record<string, CsvEncoding>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "utf-16le": "utf-16le",
  "utf-16": "utf-16le",
  utf16le: "utf-16le",
  "ucs-2": "utf-16le",
  "utf-16be": "utf-16be",
  utf16be: "utf-16be",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  ansi: "windows-1252",
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
  "iso-8859-15": "windows-1252",
};

/**
 * A profile's encoding name as one of ours; undefined for "auto", a missing name or an unknown one.
 * "Latin-1" names map to windows-1252, its superset (the WHATWG rule browsers follow too).
 */
export function encodingFromName(name: string | undefined): CsvEncoding | undefined {
  if (name === undefined) return undefined;
  return NAMES[name.trim().toLowerCase()];
}

/** Swedish-readable name for messages. */
export function describeEncoding(encoding: CsvEncoding): string {
  switch (encoding) {
    case "utf-8":
      return "UTF-8";
    case "utf-16le":
      return "UTF-16 LE";
    case "utf-16be":
      return "UTF-16 BE";
    case "windows-1252":
      return "Windows-1252 (ANSI)";
  }
}
