/**
 * Where an issue of the table reader points: the workbook file (when known), the sheet and the
 * cell. One place builds these fields so every issue of a read carries the same file and sheet.
 */
import { toA1 } from "../workbook/address";

export interface PositionFields {
  readonly sheet: string;
  readonly cell: string;
  readonly file?: string;
}

export interface IssuePosition {
  readonly sheet: string;
  /** `{ file }` when the file is known, else `{}`: spread into an issue's fields. */
  readonly fileField: { readonly file?: string };
  /** Sheet, cell and file of a zero-based row and column. */
  at(row: number, column: number): PositionFields;
}

/**
 * @example issuePosition("Bilaga", "bilaga.xlsx").at(4, 3) // { sheet: "Bilaga", cell: "D5", file: "bilaga.xlsx" }
 * @example issuePosition("Bilaga", undefined).at(0, 0)     // { sheet: "Bilaga", cell: "A1" }
 */
export function issuePosition(sheet: string, file: string | undefined): IssuePosition {
  const fileField = file === undefined ? {} : { file };
  return {
    sheet,
    fileField,
    at: (row, column) => ({ sheet, cell: toA1({ row, column }), ...fileField }),
  };
}
