/**
 * Which Excel JavaScript API requirement sets the add-in needs, checked at start-up with
 * Office.context.requirements.isSetSupported, so an Excel that is too old gets a clear
 * Swedish sentence instead of a failure halfway through a write.
 *
 * - ExcelApi 1.13: Range.getMergedAreasOrNullObject (the lowest set that has everything we read:
 *   getUsedRange(valuesOnly) 1.1/1.4, getRangeByIndexes 1.7, getItemOrNullObject 1.4, RangeAreas 1.9).
 *   Excel 2021 has 1.14; Microsoft 365 and Excel on the web have more.
 * - ExcelApi 1.18: worksheet and workbook notes. Without it the add-in writes no notes and says so.
 */

export const MINIMUM_EXCEL_API = "1.13";
export const NOTES_EXCEL_API = "1.18";

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface ExcelCapabilities {
  /** False when Excel is too old for the add-in; `message` says what to do. */
  readonly supported: boolean;
  /** Whether cell notes can be written (ExcelApi 1.18). */
  readonly notes: boolean;
  /** Swedish explanation for the user, when something is missing. */
  readonly message?: string;
}

/** Checks the requirement sets; pass Office.context.requirements.isSetSupported (bound). */
export function checkCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  if (!isSetSupported("ExcelApi", MINIMUM_EXCEL_API)) {
    return {
      supported: false,
      notes: false,
      message:
        `Den här versionen av Excel är för gammal för Bilaga (den saknar ExcelApi ${MINIMUM_EXCEL_API}). ` +
        "Använd Excel för Microsoft 365 (Windows eller Mac), Excel på webben eller Excel 2021 eller senare.",
    };
  }
  if (!isSetSupported("ExcelApi", NOTES_EXCEL_API)) {
    return {
      supported: true,
      notes: false,
      message:
        "Den här Excel-versionen kan inte skriva anteckningar i celler (ExcelApi 1.18 saknas): " +
        "förklaringen till varje status visas här i fönstret men skrivs inte som anteckning i bladet.",
    };
  }
  return { supported: true, notes: true };
}
