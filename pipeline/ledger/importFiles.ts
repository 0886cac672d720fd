/**
 * Imports CSV exports into the ledger, one file at a time, each file one transaction:
 * scan (SHA-256, encoding) -> header -> source profile -> stream rows through the core's
 * measurer (a large file in parallel parts, measureFile.ts) -> accept or reject the whole
 * file -> write its batch and records.
 * A file already imported (same SHA-256) changes nothing; a bad row rejects its file unless
 * the tolerance allows it; the ledger is locked for the whole run.
 *
 * @example
 * const report = await importFiles(["samples/exports"], { ledgerPath, profiles });
 * report.files[0].kind // "imported" | "unchanged" | "rejected"
 */
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { basename, isAbsolute, relative } from "node:path";
import { issue, locate, type Issue } from "../../core/issues/issues";
import { reportUnknownSource } from "../../core/sources/reportUnknownSource";
import type { KeyedRow } from "../../core/measures/keyedRows";
import type { Month } from "../../core/records/records";
import type { SourceProfile } from "../../core/sources/profile";
import { normalizeHeader } from "../../core/measures/columns";
import { chooseEncoding, detectBom } from "../../core/sources/chooseEncoding";
import { describeEncoding, encodingFromName } from "../../core/sources/csvEncoding";
import { locateByte } from "../csv/locateByte";
import { createUtf8Checker } from "../csv/checkUtf8";
import { completeUtf8Length, findInvalidUtf8 } from "../csv/findInvalidUtf8";
import { readHead, scanFile, type FileScan } from "../csv/scanFile";
import { delimiterFromName, sniffHeader } from "../csv/sniffHeader";
import { collectFiles } from "./collectFiles";
import { keyCheckValue, loadHashKey, makeKeyHasher } from "./loadHashKey";
import { lockLedger } from "./lockLedger";
import { measureFile, type ParallelOptions } from "./measureFile";
import { recogniseSource, startMeasure, type SyncKeyHasher } from "./measureContract";
import { openLedger, type Ledger } from "./openLedger";
import { openIncomingRows, type IncomingRows } from "./incomingRows";
import { checkKey, findBatchBySha, writeBatch, type DeliveryChange, type RowsReplaced } from "./writeBatch";
import { deliveryKind } from "../../core/sources/profile";

/** Issues kept per file; the rest are counted only (a file of a million bad rows stays small). */
const MAX_ISSUES_KEPT = 200;

export interface ImportOptions {
  readonly ledgerPath: string;
  readonly profiles: readonly SourceProfile[];
  /** Share of a file's rows that may be rejected without rejecting the file (0..1). Default 0. */
  readonly tolerance?: number;
  readonly onProgress?: (event: ImportProgress) => void;
  /** Called when a file is done, before the next starts. */
  readonly onFile?: (outcome: FileOutcome) => void;
  readonly env?: NodeJS.ProcessEnv;
  /** When a file is large enough to be read in parts, in parallel, and in how many (see measureFile.ts). */
  readonly parallel?: Partial<ParallelOptions>;
}

export interface ImportProgress {
  readonly file: string;
  readonly phase: "scan" | "read";
  readonly bytes: number;
  readonly total: number;
}

interface FileFacts {
  /** The file as shown to the user (relative to the working folder when inside it). */
  readonly file: string;
  readonly path: string;
  readonly sha256?: string;
  readonly bytes?: number;
}

export type FileOutcome =
  | (FileFacts & {
      readonly kind: "imported";
      readonly batchId: number;
      readonly source: string;
      readonly sourceName: string;
      readonly encoding: string;
      readonly months: readonly Month[];
      readonly rowsRead: number;
      readonly rowsAccepted: number;
      readonly rowsRejected: number;
      /** Rows a profile filter left out (another förvaltning, a pending case): not errors. */
      readonly rowsFiltered: number;
      readonly issueCount: number;
      /** Kept issues (warnings, and errors within the tolerance). */
      readonly issues: readonly Issue[];
      /** The profile's delivery mode ("one-month", "cumulative", "any", "rows", "parts"). */
      readonly delivery: string;
      /** Earlier deliveries whose month this file replaced (with the rows they had given it, when known). */
      readonly replaced: readonly DeliveryChange[];
      /** "cumulative": months a newer delivery keeps; this file's data for them is not used. */
      readonly superseded: readonly DeliveryChange[];
      /** "parts": months this file added to other units' deliveries. */
      readonly addedTo: readonly DeliveryChange[];
      /** "rows": earlier rows this file's rows replaced by key, per earlier delivery and month. */
      readonly replacedRows: readonly RowsReplaced[];
      /** "rows": rows left out because their key came again later in the same file. */
      readonly repeatedKeys: number;
      /** Stretches of the file read in parallel (1: read in one pass). */
      readonly parts: number;
    })
  | (FileFacts & {
      readonly kind: "unchanged";
      readonly batchId: number;
      readonly importedAt: string;
      readonly earlierName: string;
    })
  | (FileFacts & {
      readonly kind: "rejected";
      readonly source?: string;
      readonly rowsRead: number;
      readonly rowsRejected: number;
      readonly issueCount: number;
      readonly issues: readonly Issue[];
    });

export interface ImportReport {
  readonly ledgerPath: string;
  readonly files: readonly FileOutcome[];
}

/** Imports files and folders into the ledger at options.ledgerPath. Throws LedgerLockedError or KeyMismatchError. */
export async function importFiles(paths: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const files = collectFiles(paths);
  if (files.length === 0) return { ledgerPath: options.ledgerPath, files: [] };
  const lock = lockLedger(options.ledgerPath);
  let ledger: Ledger | undefined;
  try {
    ledger = openLedger(options.ledgerPath);
    const key = loadHashKey(options.ledgerPath, { create: true, ...(options.env ? { env: options.env } : {}) });
    if (!key) throw new Error("nyckeln kunde inte skapas");
    const keyCheck = keyCheckValue(key.key);
    const opened = ledger;
    opened.db.transaction(() => checkKey(opened.db, keyCheck)).immediate();
    const hashKey = makeKeyHasher(key.key);
    const outcomes: FileOutcome[] = [];
    for (const path of files) {
      const outcome = await importOne(path, opened, { ...options, hashKey, keyCheck });
      outcomes.push(outcome);
      options.onFile?.(outcome);
    }
    return { ledgerPath: options.ledgerPath, files: outcomes };
  } finally {
    ledger?.close();
    lock.release();
  }
}

function sizeAlreadyImported(ledger: Ledger, bytes: number): boolean {
  return ledger.db.prepare("SELECT 1 FROM batches WHERE bytes = ? LIMIT 1").get(bytes) !== undefined;
}

function displayName(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
}

interface Context extends ImportOptions {
  readonly hashKey: SyncKeyHasher;
  readonly keyCheck: string;
}

async function importOne(path: string, ledger: Ledger, context: Context): Promise<FileOutcome> {
  const file = displayName(path);
  const progress = context.onProgress;
  const facts: FileFacts = { file, path };

  const { head, bytes, modifiedMs } = await readHead(path);
  const scanWithProgress = (): Promise<FileScan> => scanFile(path, (done) => progress?.({ file, phase: "scan", bytes: done, total: bytes }));
  let scan: FileScan | undefined;
  let known: FileFacts = { ...facts, bytes };
  const reject = (issues: readonly Issue[], extra: { source?: string; rowsRead?: number; rowsRejected?: number; issueCount?: number } = {}): FileOutcome => ({
    ...known,
    kind: "rejected",
    ...(extra.source !== undefined ? { source: extra.source } : {}),
    rowsRead: extra.rowsRead ?? 0,
    rowsRejected: extra.rowsRejected ?? 0,
    issueCount: extra.issueCount ?? issues.length,
    issues,
  });

  // A file as large as one already imported may be that file: hash it first to say so
  // without parsing it. Otherwise the hash is taken while the rows are read (one pass).
  if (sizeAlreadyImported(ledger, bytes)) {
    scan = await scanWithProgress();
    known = { ...known, sha256: scan.sha256 };
    const already = findBatchBySha(ledger.db, scan.sha256);
    if (already) {
      return { ...known, kind: "unchanged", batchId: already.id, importedAt: already.importedAt, earlierName: already.fileName };
    }
  }

  const bom = detectBom(head);
  const headSkip = bom?.encoding === "utf-8" ? 3 : 0;
  const headInvalidAt = findInvalidUtf8(head.subarray(0, completeUtf8Length(head)), headSkip);
  const headIsUtf8 = headInvalidAt < 0;
  const auto = chooseEncoding({ head, validUtf8: scan ? scan.firstInvalidUtf8 < 0 : headIsUtf8 });
  const first = bytes > auto.skip ? sniffHeader(head, auto.encoding, auto.skip) : undefined;
  if (!first) return reject([issue("csv/empty-file", "error", { file })]);

  const profile = recogniseSource(context.profiles, first.fields);
  if (!profile) {
    const near = nearestProfile(context.profiles, first.fields);
    return reject([
      near
        ? issue("csv/missing-column", "error", { file, row: first.line, params: { expected: near.missing, found: first.fields.join(", "), profile: near.profile.id } })
        : reportUnknownSource(context.profiles, first.fields, { file, row: first.line }),
    ]);
  }

  let named = encodingFromName(profile.encoding);
  // A profile's windows-1252 file re-saved as UTF-8 (å as two bytes that are valid UTF-8):
  // read as what it is, if the whole file is valid UTF-8.
  const resavedAsUtf8 = !bom && named === "windows-1252" && headIsUtf8 && head.some((byte) => byte >= 0x80);
  // Neither a BOM nor the profile says: UTF-8 if the whole file is valid UTF-8, else windows-1252.
  if (!bom && (!named || resavedAsUtf8) && !scan) {
    scan = await scanWithProgress();
    known = { ...known, sha256: scan.sha256 };
  }
  if (resavedAsUtf8 && scan && scan.firstInvalidUtf8 < 0) named = "utf-8";
  const chosen = chooseEncoding({ head, validUtf8: scan ? scan.firstInvalidUtf8 < 0 : headIsUtf8, named });
  const delimiter = delimiterFromName(profile.delimiter) ?? first.delimiter;
  const undecodable = async (offset: number): Promise<FileOutcome> => {
    const place = await locateByte(path, offset, delimiter);
    return reject(
      [
        issue("csv/undecodable", "error", {
          file,
          row: place.line,
          column: place.column,
          params: { encoding: describeEncoding("utf-8") },
        }),
      ],
      { source: profile.id },
    );
  };
  if (chosen.encoding === "utf-8" && scan && scan.firstInvalidUtf8 >= 0) return undecodable(scan.firstInvalidUtf8);
  if (chosen.encoding === "utf-8" && !headIsUtf8) return undecodable(headInvalidAt);
  const header =
    chosen.encoding === auto.encoding && delimiter === first.delimiter
      ? first
      : sniffHeader(head, chosen.encoding, chosen.skip, delimiter);
  if (!header) return reject([issue("csv/empty-file", "error", { file })]);

  const started = startMeasure(profile, header.fields, { file, hashKey: context.hashKey });
  if (!started.ok) return reject([locate(started.issue, { file, row: started.issue.row ?? header.line })], { source: profile.id });
  // A list sliced into files: its rows go to a temporary table by key as they are read (memory stays bounded).
  const incoming: IncomingRows | undefined = deliveryKind(profile.delivery) === "rows" ? openIncomingRows(ledger.db) : undefined;
  const measureAndWrite = async (): Promise<FileOutcome> => {
    const hash = scan ? undefined : createHash("sha256").update(head.subarray(0, chosen.skip));
    const utf8 = !scan && chosen.encoding === "utf-8" ? createUtf8Checker() : undefined;
    const measured = await measureFile({
      job: { path, file, encoding: chosen.encoding, delimiter, newline: header.newline, profile, header: header.fields },
      skip: chosen.skip,
      bytes,
      hashKey: context.hashKey,
      ...(incoming ? { onRow: (row: KeyedRow) => incoming.add(row) } : {}),
      ...(context.parallel ? { parallel: context.parallel } : {}),
      onBytes: (done) => progress?.({ file, phase: "read", bytes: done, total: bytes }),
      ...(hash || utf8
        ? {
            onChunk: (chunk: Buffer, offset: number) => {
              hash?.update(chunk);
              utf8?.write(chunk, offset);
            },
          }
        : {}),
    });
    const { result } = measured;
    const sha256 = scan?.sha256 ?? hash!.digest("hex");
    known = { ...known, sha256 };
    // Written to while it was read (an export still being saved): its hash and rows may not agree.
    const after = await stat(path);
    if (after.size !== bytes || after.mtimeMs !== modifiedMs) {
      return reject([issue("csv/changed-while-read", "error", { file })], { source: profile.id });
    }
    const invalidAt = utf8?.end() ?? -1;
    if (invalidAt >= 0) return undecodable(invalidAt);

    const kept: Issue[] = [];
    let issueCount = 0;
    const keep = (found: readonly Issue[], count = found.length): void => {
      issueCount += count;
      for (const one of found) if (kept.length < MAX_ISSUES_KEPT) kept.push(one.file === undefined ? locate(one, { file }) : one);
    };
    // Quote errors: a quote never closed means the file was cut off (always rejected);
    // a stray quote rejects its row, which the measurer never saw.
    const structural = measured.streamIssues.filter((found) => found.code === "csv/malformed-quotes");
    const ownRejected = measured.streamRejected;
    keep(
      measured.streamIssues.map((found) => ({ ...found, file })),
      ownRejected + structural.length,
    );
    // The measurer's issues: each bad row's, then those only finish() knows (mixed months).
    const emptyFile = result.issues.filter((found) => found.code === "csv/empty-file").length;
    keep(
      result.issues.filter((found) => found.code !== "csv/empty-file"),
      result.issueCount - emptyFile,
    );

    const rowsRead = result.rowsRead + ownRejected;
    const rowsRejected = result.rowsRejected + ownRejected;
    const counts = { source: profile.id, rowsRead, rowsRejected };
    const errors = kept.filter((found) => found.severity === "error").length;
    if (structural.length > 0) return reject(sortIssues(kept), { ...counts, issueCount });
    if (rowsRead === 0) return reject([issue("csv/no-rows", "error", { file, row: header.line })], counts);
    const tolerance = context.tolerance ?? 0;
    if (errors > 0 && (rowsRejected === 0 || rowsRejected > tolerance * rowsRead)) {
      const summary =
        rowsRejected > 0
          ? [issue("csv/rows-rejected", "error", { file, params: { rejected: rowsRejected, read: rowsRead, tolerance: formatShare(tolerance) } })]
          : [];
      return reject([...sortIssues(kept), ...summary], { ...counts, issueCount: issueCount + summary.length });
    }

    incoming?.finish();
    const written = writeBatch(ledger.db, {
      fileName: basename(path),
      sha256,
      source: profile.id,
      months: result.months,
      bytes,
      rowsRead,
      rowsAccepted: result.rowsAccepted,
      rowsRejected,
      issueCount,
      records: result.records,
      keyCheck: context.keyCheck,
      delivery: profile.delivery,
      rowsByMonth: result.rowsByMonth,
      ...(result.partsByMonth ? { partsByMonth: result.partsByMonth } : {}),
      profile,
    });
    if (written.kind === "refused") return reject([written.issue], counts);
    if (written.kind === "already") {
      return { ...known, kind: "unchanged", batchId: written.batchId, importedAt: written.importedAt, earlierName: written.fileName };
    }
    return {
      ...known,
      kind: "imported",
      batchId: written.batchId,
      source: profile.id,
      sourceName: profile.name,
      encoding: describeEncoding(chosen.encoding),
      months: [...new Set([...result.months, ...result.records.map((r) => r.month)])].sort(),
      rowsRead,
      rowsAccepted: result.rowsAccepted,
      rowsRejected,
      rowsFiltered: result.rowsFiltered,
      issueCount,
      issues: sortIssues(kept),
      delivery: deliveryKind(profile.delivery),
      replaced: written.replaced,
      superseded: written.superseded,
      addedTo: written.addedTo,
      replacedRows: written.replacedRows,
      repeatedKeys: written.repeatedKeys,
      parts: measured.parts,
    };
  };
  try {
    return await measureAndWrite();
  } finally {
    incoming?.clear();
  }
}

/**
 * The profile a header nearly matches: all but one of its recognising headers present (and at
 * least two present). Then the user is told the missing column rather than "unknown file".
 */
function nearestProfile(profiles: readonly SourceProfile[], header: readonly string[]): { profile: SourceProfile; missing: string } | undefined {
  const present = new Set(header.map(normalizeHeader));
  for (const profile of profiles) {
    const missing = profile.recognise.headers.filter((name) => !present.has(normalizeHeader(name)));
    if (missing.length === 1 && profile.recognise.headers.length >= 3) return { profile, missing: missing[0]! };
  }
  return undefined;
}

function sortIssues(found: readonly Issue[]): Issue[] {
  return [...found].sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER) || (a.column ?? 0) - (b.column ?? 0));
}

/** 0.01 -> "1 %" */
export function formatShare(share: number): string {
  return `${String(Math.round(share * 10000) / 100).replace(".", ",")} %`;
}
