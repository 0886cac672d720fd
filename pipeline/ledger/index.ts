// Re-exports the ledger's public surface for the other commands (fill, run) and for tests.
export { importFiles, type FileOutcome, type ImportOptions, type ImportProgress, type ImportReport } from "./importFiles";
export { openLedger, monthsMissing, LedgerMissingError, type Ledger, type OpenLedgerOptions } from "./openLedger";
export type { BatchInfo, RecordFilter, SourceCoverage } from "./ledgerTypes";
export { resolveLedgerPath, keyPathFor, lockPathFor, DEFAULT_LEDGER_PATH } from "./ledgerPaths";
export { loadProfiles, resolveProfilesDir, type LoadedProfiles } from "./loadProfiles";
export { lockLedger, withLedgerLock, LedgerLockedError, type LedgerLock } from "./lockLedger";
export { loadHashKey, makeKeyHasher, keyCheckValue, HashKeyError, type HashKey } from "./loadHashKey";
export { KeyMismatchError } from "./writeBatch";
