/**
 * The keyed hash that stands in for an identity number or household id wherever one is kept:
 * HMAC-SHA256 under a secret key, as 64 lower-case hex digits. The core never computes it: each
 * shell injects its platform's own HMAC (node:crypto in the pipeline, the Web Crypto API in the
 * task pane), and the core asks for each distinct id's hash once, in one batch (a file's ids
 * when it has been read: core/measures/measure.ts).
 *
 * @example
 * const hasher: KeyHasher = { hashAll: async (ids) => ids.map((id) => hmacHex(key, id)) };
 * await hasher.hashAll(["198503121235", "H104233"]) // ["64 hex digits", "64 hex digits"], in order
 */

/** Hashes ids, answering in their order; may be asynchronous (Web Crypto is). */
export interface KeyHasher {
  hashAll(ids: readonly string[]): Promise<readonly string[]>;
}

/**
 * A hasher that also answers one id at once: what a "rows" delivery needs, whose rows are
 * stored one by one under their key's hash while the file is read (the pipeline only).
 */
export interface SyncKeyHasher extends KeyHasher {
  hashOne(id: string): string;
}
