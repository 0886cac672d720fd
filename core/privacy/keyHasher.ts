/**
 * The keyed hash that stands in for an identity number or household id wherever one is kept:
 * HMAC-SHA256 under a secret key, as 64 lower-case hex digits. The core never computes it: each
 * shell injects its platform's own HMAC (node:crypto in the pipeline, the Web Crypto API in the
 * task pane), and the core asks for each distinct id's hash once, in one batch.
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

/**
 * The hash of every id in `ids`, each distinct id hashed once.
 *
 * @example await hashEach(hasher, new Set(["H1", "H2"])) // Map { "H1" => "9f…", "H2" => "c3…" }
 */
export async function hashEach(hasher: KeyHasher, ids: Iterable<string>): Promise<ReadonlyMap<string, string>> {
  const distinct = [...new Set(ids)];
  const hashes = distinct.length === 0 ? [] : await hasher.hashAll(distinct);
  if (hashes.length !== distinct.length) throw new Error(`hashAll gav ${hashes.length} hashvärden för ${distinct.length} id`);
  return new Map(distinct.map((id, index) => [id, hashes[index]!]));
}
