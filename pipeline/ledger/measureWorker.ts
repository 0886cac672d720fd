/**
 * A worker thread's whole task: measure one stretch of a large export (see measureFile.ts)
 * and post back what it read and the measurer's part, for the main thread to absorb.
 */
import { parentPort, workerData } from "node:worker_threads";
import { makeKeyHasher } from "./loadHashKey";
import { measureStretch, openMeasurer, type MeasureJob, type Stretch } from "./measureStretch";
import type { MeasurePart } from "../../core/measures/measure";
import type { StreamCsvResult } from "../csv/streamCsvRows";

export interface WorkerInput {
  readonly job: MeasureJob;
  readonly stretch: Stretch;
  /** The hash key's bytes: ids are hashed here as in the main thread. */
  readonly key: Uint8Array;
}

export interface WorkerOutput {
  readonly read: StreamCsvResult;
  readonly part: MeasurePart;
}

async function run(): Promise<void> {
  const { job, stretch, key } = workerData as WorkerInput;
  const measurer = openMeasurer(job, makeKeyHasher(Buffer.from(key)));
  const read = await measureStretch(job, stretch, measurer);
  const output: WorkerOutput = { read, part: measurer.part() };
  parentPort!.postMessage(output);
}

// A failure reaches the main thread as the worker's "error" event.
void run();
