// Re-exports the pipeline's xlsx layer: read a workbook into Grids, apply a Patch to its package.
export { openWorkbook, type XlsxWorkbook, type SheetInfo, type SheetState, type SheetKind } from "./openWorkbook";
export { applyPatch } from "./applyPatch";
export { writeFileAtomically, writeWorkbookAtomically, type WriteResult } from "./writeFileAtomically";
export { renderNumber, renderGeneral } from "./renderCellText";
export { NOTE_AUTHOR } from "./planNotes";
