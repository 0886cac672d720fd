/**
 * Refusals: what the xlsx layer will not touch because it cannot keep the workbook whole.
 * Each is an issue code (Swedish sentence in core/issues/messages.sv.ts) thrown as a BilagaError
 * before any file is written.
 */
import { issue, type Issue, type IssueCode } from "../../core/issues/issues";
import { BilagaError, EXIT } from "../cli/errors";

type WorkbookCode = Extract<IssueCode, `workbook/${string}`>;

/** Throws a BilagaError carrying the issue; the command line prints its Swedish sentence. */
export function refuse(code: WorkbookCode, fields: Omit<Issue, "code" | "severity"> = {}): never {
  throw new BilagaError("Arbetsboken lämnades orörd; ingen fil skrevs.", EXIT.rejected, [issue(code, "error", fields)]);
}
