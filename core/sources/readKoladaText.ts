/**
 * A saved Kolada response read from its text: the task pane (a file given in the browser) and
 * the command line (a file on disk) read it the same way. Text that is not JSON, or JSON of the
 * wrong shape, refuses the file whole (kolada/invalid-file); each value Kolada lacks is an info
 * issue (kolada/missing-value).
 */
import { issue, type Issue } from "../issues/issues";
import { missingKoladaValues, parseKoladaResponse, type KoladaValue } from "./koladaValues";

/** A response's text as JSON: the parsed value, or why the text is not JSON. */
export interface KoladaJson {
  readonly json: unknown;
  /** Why the text is not JSON, when it is not. */
  readonly notJson?: string;
}

/** What one saved response gave: its values (none when refused) and its issues. */
export interface KoladaRead {
  readonly values: KoladaValue[];
  readonly issues: Issue[];
  /** True when the file was refused whole (an error among the issues). */
  readonly rejected: boolean;
}

/**
 * Parses a response's text (a BOM removed).
 *
 * @example parseKoladaText("\uFEFF{\"values\": []}") // { json: { values: [] } }
 * @example parseKoladaText("<html>") // { json: undefined, notJson: "Unexpected token '<', ..." }
 */
export function parseKoladaText(text: string): KoladaJson {
  try {
    return { json: JSON.parse(text.replace(/^\uFEFF/, "")) as unknown };
  } catch (error) {
    return { json: undefined, notJson: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads a parsed response (or the reason its text was not JSON) of the file `file`. */
export function readKoladaJson(parsed: KoladaJson, file: string): KoladaRead {
  if (parsed.notJson !== undefined) {
    return {
      values: [],
      issues: [issue("kolada/invalid-file", "error", { file, params: { path: "(filen)", reason: `inte giltig JSON: ${parsed.notJson}` } })],
      rejected: true,
    };
  }
  const response = parseKoladaResponse(parsed.json, file);
  if (!response.ok) return { values: [], issues: [response.issue], rejected: true };
  return { values: [...response.value.values], issues: missingKoladaValues(response.value.values, file), rejected: false };
}

/**
 * Reads a saved Kolada response's text.
 *
 * @example readKoladaText(fileText, "N00011-0580.json") // { values: [{ kpi: "N00011", year: 2019, value: 4.3, … }, …], issues: [kolada/missing-value 2016], rejected: false }
 */
export function readKoladaText(text: string, file: string): KoladaRead {
  return readKoladaJson(parseKoladaText(text), file);
}
