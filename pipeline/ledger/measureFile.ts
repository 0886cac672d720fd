/**
 * Measures an export's rows, in parallel when the file is large: it is cut at line breaks
 * into stretches of about equal size (findSplitPoints); worker threads measure the later
 * stretches while this thread measures the first and passes every byte of the file, in
 * order, to `onChunk` (the SHA-256); the workers' parts are then absorbed, their lines
 * shifted by the lines before them, so numbers, issues and line numbers are those of one pass.
 * A cut is only sure to be a row's end when no quote came before it: when a stretch before a
 * cut held a quote, or a worker failed, the file is measured again in one pass.
 * An export whose profile counts distinct ids (households, persons) is always read in one
 * pass: a worker's ids would be held twice while merged, and such exports are a few thousand
 * rows a month. (Measured in December 2026 with ids numbered in bitsets: two parts made
 * 1 000 000 payments of 100 000 households about 25 % faster on two cores, at a higher peak;
 * one pass of 400 000 households and their 267 000 adults peaks at about 295 MB.)
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Issue } from "../../core/issues/issues";
import type { KeyedRow } from "../../core/measures/keyedRows";
import { findSplitPoints } from "../csv/findSplitPoints";
import { readChunks } from "../csv/readChunks";
import type { StreamCsvResult } from "../csv/streamCsvRows";
import { findPackageRoot } from "./findPackageRoot";
import type { MeasureResult, SyncKeyHasher } from "./measureContract";
import { measureStretch, openMeasurer, type MeasureJob, type Stretch, type StretchHooks } from "./measureStretch";
import type { WorkerInput, WorkerOutput } from "./measureWorker";

export interface ParallelOptions {
  /** Files smaller than this are read in one pass (a worker costs some 50 ms to start). */
  readonly minBytes: number;
  /** Stretches at most (this thread and parts - 1 workers). */
  readonly parts: number;
}

/**
 * Two stretches where there are two cores. Each worker thread adds its own heap to the
 * import's peak memory (the bench's 1 000 000-row case list: about 75 MB in one pass, 100 MB
 * in two); two stretches keep that well under 200 MB on any machine.
 */
export const DEFAULT_PARALLEL: ParallelOptions = {
  minBytes: 32 * 1024 * 1024,
  parts: Math.min(availableParallelism(), 2),
};

export interface MeasureFileOptions extends StretchHooks {
  readonly job: MeasureJob;
  /** Where the text starts (after the BOM). */
  readonly skip: number;
  /** The file's size. */
  readonly bytes: number;
  readonly hashKey: SyncKeyHasher;
  readonly parallel?: Partial<ParallelOptions>;
  /** Every row of a "rows" delivery, keyed (see core/measures/measure.ts); the file is then read in one pass. */
  readonly onRow?: (row: KeyedRow) => void;
}

export interface MeasuredFile {
  readonly result: MeasureResult;
  /** Problems with the file's structure (quotes), with their lines in the file; the first ones only. */
  readonly streamIssues: readonly Issue[];
  /** Rows that a quote problem kept from the measurer (a stray quote rejects its row). */
  readonly streamRejected: number;
  /** How many stretches were measured apart (1: one pass). */
  readonly parts: number;
}

export async function measureFile(options: MeasureFileOptions): Promise<MeasuredFile> {
  const { job, skip, bytes } = options;
  const parallel = { ...DEFAULT_PARALLEL, ...options.parallel };
  // A "rows" delivery hands each row on in file order (a key seen twice keeps its later row): one pass.
  const countsIds = job.profile.measures.some((measure) => measure.kind === "distinct") || options.onRow !== undefined;
  const cuts =
    parallel.parts > 1 && bytes >= parallel.minBytes && !countsIds
      ? await findSplitPoints({ path: job.path, encoding: job.encoding, newline: job.newline, from: skip, bytes, parts: parallel.parts })
      : [];
  const whole = { start: skip, first: true };
  if (cuts.length === 0) return onePass(options, whole, options);

  const workers = cuts.map((start, index) => {
    const end = cuts[index + 1];
    return startWorker({ job, stretch: { start, ...(end !== undefined ? { end } : {}), first: false } });
  });
  try {
    const measurer = openMeasurer(job, options.hashKey);
    const first = await measureStretch(job, { start: skip, end: cuts[0]!, first: true }, measurer, options);
    // The rest of the file for onChunk (its hash), in order, while the workers read it too.
    if (options.onChunk) await passBytes(job.path, cuts[0]!, options);
    // From here on every byte has been to onChunk: a second pass measures only.
    if (first.quoted || first.endedInsideRow) return onePass(options, whole, {});
    const settled = await Promise.allSettled(workers.map((worker) => worker.output));
    const outputs = settled.flatMap((one) => (one.status === "fulfilled" ? [one.value] : []));
    const reads = [first, ...outputs.map((output) => output.read)];
    const cutsAreRowEnds = outputs.length === workers.length && reads.slice(0, -1).every((read) => !read.quoted && !read.endedInsideRow);
    if (!cutsAreRowEnds) return onePass(options, whole, {});

    let lineOffset = first.lines;
    const streamIssues = [...first.issues];
    for (const { read, part } of outputs) {
      measurer.absorb(part, lineOffset);
      const shift = lineOffset;
      streamIssues.push(...read.issues.map((found) => (found.row === undefined ? found : { ...found, row: found.row + shift })));
      lineOffset += read.lines;
    }
    const streamRejected = reads.reduce((sum, read) => sum + read.rejectedRows, 0);
    return { result: await measurer.finish(), streamIssues, streamRejected, parts: reads.length };
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

async function onePass(options: MeasureFileOptions, stretch: Stretch, hooks: StretchHooks): Promise<MeasuredFile> {
  const measurer = openMeasurer(options.job, options.hashKey, options.onRow);
  const read: StreamCsvResult = await measureStretch(options.job, stretch, measurer, hooks);
  return { result: await measurer.finish(), streamIssues: read.issues, streamRejected: read.rejectedRows, parts: 1 };
}

/** Reads the file from `from` to its end, for onChunk and onBytes only. */
async function passBytes(path: string, from: number, hooks: StretchHooks): Promise<void> {
  let offset = from;
  for await (const chunk of readChunks(path, { start: from })) {
    hooks.onChunk?.(chunk, offset);
    offset += chunk.length;
    hooks.onBytes?.(offset);
  }
}

interface RunningWorker {
  readonly output: Promise<WorkerOutput>;
  terminate(): Promise<number>;
}

/** A worker for one stretch; one that cannot even start (no thread to spare) fails like one that fails later. */
function startWorker(input: WorkerInput): RunningWorker {
  let worker: Worker;
  try {
    worker = new Worker(workerScript(), { workerData: input });
  } catch (error) {
    const failed = Promise.reject(error as Error);
    failed.catch(() => undefined);
    return { output: failed, terminate: () => Promise.resolve(0) };
  }
  const output = new Promise<WorkerOutput>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`arbetstråden avslutades (kod ${code})`)));
  });
  output.catch(() => undefined); // a worker no longer waited for (the file is read in one pass) may fail unheard
  return { output, terminate: () => worker.terminate() };
}

/** The compiled worker: beside this module in build/, or in build/ when this runs from the TypeScript sources (tests). */
function workerScript(): string {
  const beside = join(__dirname, "measureWorker.js");
  return existsSync(beside) ? beside : join(findPackageRoot(), "build", "pipeline", "ledger", "measureWorker.js");
}
