/** The text of something caught (an Error's message, else the value as text), for a notice. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
