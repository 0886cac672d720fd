/**
 * Selects a cell in the workbook (the task pane's "Visa cellen" button next to each doubt).
 * One sync.
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
