/**
 * Reads a stretch of an export (the whole file, or a part of a large one read in parallel)
 * and pushes its data rows to a measurer of the file's source profile. The header row, at
 * the file's start, is not data. Used alike by the import and by its worker threads.
 */
import type { CsvEncoding } from "../../core/sources/csvEncoding";
import type { Delimiter, Newline } from "../csv/sniffHeader";
import { streamCsvRows, type StreamCsvOptions, type StreamCsvResult } from "../csv/streamCsvRows";
// From the core directly, not measureContract: a worker thread should not load the profile schema (zod).
import { startMeasure, type Measurer } from "../../core/measures/measure";
import type { KeyHasher, SyncKeyHasher } from "../../core/privacy/keyHasher";
import type { SourceProfile } from "../../core/sources/profile";
import type { KeyedRow } from "../../core/measures/keyedRows";

/** What it takes to measure any stretch of one file: plain data, so a worker thread gets it as is. */
export interface MeasureJob {
  readonly path: string;
  /** The file as shown in messages. */
  readonly file: string;
  readonly encoding: CsvEncoding;
  readonly delimiter: Delimiter;
  readonly newline: Newline;
  readonly profile: SourceProfile;
  /** The header row's fields (its columns were checked against the profile already). */
  readonly header: readonly string[];
}

export interface Stretch {
  /** The first byte (past the BOM at the file's start). */
  readonly start: number;
  /** Just after a line break; the file's end when absent. */
  readonly end?: number;
  /** Whether the stretch starts the file (and its first row is the header). */
  readonly first: boolean;
}

export type StretchHooks = Pick<StreamCsvOptions, "onChunk" | "onBytes">;

/** A measurer for the job's file; throws when a profile column is missing (the import checks that first). */
export function openMeasurer(job: MeasureJob, hashKey: KeyHasher | SyncKeyHasher, onRow?: (row: KeyedRow) => void): Measurer {
  const started = startMeasure(job.profile, job.header, { file: job.file, hashKey, ...(onRow ? { onRow } : {}) });
  if (!started.ok) throw new Error(`${job.file}: ${started.issue.code}`);
  return started.value;
}

export async function measureStretch(job: MeasureJob, stretch: Stretch, measurer: Measurer, hooks: StretchHooks = {}): Promise<StreamCsvResult> {
  let headerAhead = stretch.first;
  return streamCsvRows({
    file: job.path,
    encoding: job.encoding,
    skip: stretch.start,
    ...(stretch.end !== undefined ? { end: stretch.end } : {}),
    startsInside: !stretch.first,
    delimiter: job.delimiter,
    newline: job.newline,
    ...hooks,
    // Cells of columns the profile does not read are not cut from the text (the header's
    // columns only: a field past them is always read, to tell a row with too many fields).
    unread: job.header.map((_, index) => !measurer.columns.has(index)),
    onRow: (fields, line) => {
      if (headerAhead) {
        headerAhead = false; // the header row, read already by sniffHeader
        return;
      }
      // The measurer checks the row's width (a truncated last line) and every cell.
      measurer.push(fields, line);
    },
  });
}
