/**
 * Text edits: splice replacements into an XML part's source so that every byte outside the
 * edited spans stays as it was.
 */

export interface TextEdit {
  /** Offset where the replaced span starts. */
  readonly start: number;
  /** Offset just after the replaced span (equal to start for an insertion). */
  readonly end: number;
  readonly text: string;
}

/**
 * Applies non-overlapping edits. Insertions at the same offset keep the order they were given.
 * Throws on overlapping edits: that is a bug in the caller, never a property of the file.
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index }));
  ordered.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  let out = "";
  let pos = 0;
  for (const { edit } of ordered) {
    if (edit.start < pos) throw new Error(`Overlapping XML edits at offset ${edit.start}`);
    out += source.slice(pos, edit.start) + edit.text;
    pos = edit.end;
  }
  return out + source.slice(pos);
}
