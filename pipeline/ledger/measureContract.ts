/**
 * The core's measure API as the import uses it: one place to adapt if the core's names move.
 */
export type { KeyHasher, SyncKeyHasher } from "../../core/privacy/keyHasher";
export { startMeasure, type Measurer, type MeasurePart, type MeasureResult } from "../../core/measures/measure";
export { recogniseSource } from "../../core/sources/recogniseSource";
export { parseProfile, type SourceProfile } from "../../core/sources/profile";
