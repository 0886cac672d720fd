/**
 * Reads the indicator appendix of an .xlsx file: opens the workbook, reads the named sheet or,
 * without one, tries every worksheet and takes the one whose grid holds the indicator table.
 * Throws a BilagaError (Swedish, with an exit code) when the file is missing, is not a
 * workbook, or holds no table; bad cells are never errors here, they are the appendix's issues.
 */
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { allIndicators, type Appendix } from "../../core/model";
import { readTable } from "../../core/table/readTable";
import { BilagaError, EXIT } from "../cli/errors";
import { openWorkbook } from "../xlsx/openWorkbook";

export interface InspectedWorkbook {
  /** The workbook's file name, as messages name it. */
  readonly file: string;
  /** Every sheet of the workbook, in workbook order. */
  readonly sheetNames: readonly string[];
  /** true when no sheet was named and the table's sheet was found by trying each. */
  readonly sheetFound: boolean;
  readonly appendix: Appendix;
}

const HEADER_NOT_FOUND = "table/header-not-found";

const hasTable = (appendix: Appendix): boolean => appendix.headerRow >= 0 && !appendix.issues.some((i) => i.code === HEADER_NOT_FOUND);

/**
 * @example await inspectWorkbook("verksamhetsplan-amn-2019.xlsx")
 *   // { file: "verksamhetsplan-amn-2019.xlsx", sheetNames: ["Bilaga"], sheetFound: true, appendix: {...} }
 */
export async function inspectWorkbook(path: string, options: { readonly sheet?: string } = {}): Promise<InspectedWorkbook> {
  const file = basename(path);
  await requireFile(path);
  const workbook = await openWorkbook(path);

  if (options.sheet !== undefined) {
    const appendix = readTable(workbook.readGrid(options.sheet), { file });
    if (!hasTable(appendix)) {
      throw new BilagaError(`Bladet "${appendix.sheet}" i ${file} innehåller ingen indikatortabell.`, EXIT.rejected, appendix.issues);
    }
    return { file, sheetNames: workbook.sheetNames, sheetFound: false, appendix };
  }

  // Visible sheets first: a hidden copy of the table should not win over the one people see.
  const worksheets = workbook.sheets
    .filter((sheet) => sheet.kind === "worksheet")
    .sort((a, b) => Number(a.state !== "visible") - Number(b.state !== "visible"));
  const found = worksheets
    .map((sheet) => readTable(workbook.readGrid(sheet.name), { file }))
    .filter(hasTable)
    // The sheet with the most indicators wins; on a tie, the first (visible, in workbook order).
    .reduce<Appendix | undefined>((best, next) => (!best || allIndicators(next).length > allIndicators(best).length ? next : best), undefined);
  if (!found) {
    const names = workbook.sheetNames.map((name) => `"${name}"`).join(", ");
    throw new BilagaError(
      `Hittade ingen indikatortabell i ${file} (blad: ${names || "inga"}). Tabellen behöver en rubrikrad med "Nämndindikator" eller "Indikator" och årtal; ange bladet med --sheet om den finns.`,
      EXIT.rejected,
    );
  }
  return { file, sheetNames: workbook.sheetNames, sheetFound: true, appendix: found };
}

/** A missing path or a folder is the user's to mend: say so in Swedish, not as a Node error code. */
async function requireFile(path: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new BilagaError(`Filen "${path}" finns inte. Kontrollera sökvägen till arbetsboken.`, EXIT.environment);
    }
    throw error;
  }
  if (!isFile) throw new BilagaError(`"${path}" är en mapp, inte en arbetsbok (.xlsx).`, EXIT.environment);
}
