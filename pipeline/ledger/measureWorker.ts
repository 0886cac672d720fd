/**
 * A worker thread's whole task: measure one stretch of a large export (see measureFile.ts)
 * and post back what it read and the measurer's part, for the main thread to absorb.
 */
import { parentPort, workerData } from "node:worker_threads";
import { measureStretch, openMeasurer, type MeasureJob, type Stretch } from "./measureStretch";
import type { MeasurePart } from "../../core/measures/measure";
import type { StreamCsvResult } from "../csv/streamCsvRows";

export interface WorkerInput {
  readonly job: MeasureJob;
  readonly stretch: Stretch;
}

/**
 * A worker's measurer never finishes: its part, ids not yet hashed, goes to the main thread,
 * whose measurer absorbs it and hashes every distinct id once. So a worker holds no key.
 */
const NO_HASHING = {
  hashAll: (): Promise<readonly string[]> => Promise.reject(new Error("en arbetstråd hashar inga id")),
};

export interface WorkerOutput {
  readonly read: StreamCsvResult;
  readonly part: MeasurePart;
}

async function run(): Promise<void> {
  const { job, stretch } = workerData as WorkerInput;
  const measurer = openMeasurer(job, NO_HASHING);
  const read = await measureStretch(job, stretch, measurer);
  const output: WorkerOutput = { read, part: measurer.part() };
  parentPort!.postMessage(output);
}

// A failure reaches the main thread as the worker's "error" event.
void run();
