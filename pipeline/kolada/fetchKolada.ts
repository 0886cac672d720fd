/**
 * Kolada's live API, for when the machine has internet: fetches one KPI's values for
 * municipalities and years, page after page (Kolada gives at most 5 000 values a page and the
 * address of the next in `next_page`, v3 `next_url`), and gives them in the shape of a saved
 * response, so `bilaga run --kolada` reads the saved file offline exactly as it reads the live one.
 *
 * Only pages on the same address as the first are followed (a next page elsewhere is refused),
 * and a page seen twice stops the loop.
 */
import { parseKoladaResponse, type KoladaValue } from "../../core/sources/koladaValues";
import { formatIssue } from "../../core/issues/messages.sv";

export const KOLADA_BASE_URL = "https://api.kolada.se/v2";

/** A failed fetch, with a Swedish message for the command line. */
export class KoladaFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KoladaFetchError";
  }
}

export interface KoladaQuery {
  readonly kpi: string;
  readonly municipalities: readonly string[];
  readonly years: readonly number[];
  /** Default https://api.kolada.se/v2 (a test gives a server on 127.0.0.1). */
  readonly baseUrl?: string;
  /** Values per page (Kolada's `per_page`); default Kolada's own (5 000). */
  readonly perPage?: number;
  /** Most pages followed; default 100. */
  readonly maxPages?: number;
}

export interface KoladaFetch {
  readonly values: KoladaValue[];
  /** Every address fetched, in order. */
  readonly pages: string[];
}

/** The first page's address: {base}/data/kpi/{kpi}/municipality/{ids}/year/{years}. */
export function koladaDataUrl(query: KoladaQuery): string {
  const base = (query.baseUrl ?? KOLADA_BASE_URL).replace(/\/+$/, "");
  const path = `/data/kpi/${encodeURIComponent(query.kpi)}/municipality/${query.municipalities.map(encodeURIComponent).join(",")}/year/${query.years.join(",")}`;
  return `${base}${path}${query.perPage === undefined ? "" : `?per_page=${query.perPage}`}`;
}

/**
 * @example await fetchKolada({ kpi: "N00011", municipalities: ["0580"], years: [2017, 2018, 2019] })
 *   // { values: [{ kpi: "N00011", municipality: "0580", year: 2017, gender: "T", value: …, status: "" }, …], pages: ["https://api.kolada.se/v2/data/kpi/N00011/municipality/0580/year/2017,2018,2019"] }
 */
export async function fetchKolada(query: KoladaQuery): Promise<KoladaFetch> {
  const first = koladaDataUrl(query);
  const origin = new URL(first).origin;
  const values: KoladaValue[] = [];
  const pages: string[] = [];
  let next: string | undefined = first;
  const maxPages = query.maxPages ?? 100;
  while (next !== undefined) {
    if (pages.includes(next)) break;
    if (pages.length >= maxPages) throw new KoladaFetchError(`Kolada gav fler än ${maxPages} sidor; hämta färre år eller kommuner åt gången.`);
    if (new URL(next, first).origin !== origin) throw new KoladaFetchError(`Kolada pekade nästa sida till en annan adress (${next}); den följs inte.`);
    const url = new URL(next, first).toString();
    pages.push(url);
    let response: Response;
    try {
      response = await fetch(url, { headers: { accept: "application/json" } });
    } catch (error) {
      throw new KoladaFetchError(`Kunde inte nå Kolada (${url}): ${(error as Error).message}. Saknar datorn internet? Använd då en sparad fil med --kolada.`);
    }
    if (!response.ok) throw new KoladaFetchError(`Kolada svarade ${response.status} ${response.statusText} för ${url}.`);
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new KoladaFetchError(`Kolada svarade inte med JSON för ${url}.`);
    }
    const parsed = parseKoladaResponse(json, url);
    if (!parsed.ok) throw new KoladaFetchError(formatIssue(parsed.issue));
    values.push(...parsed.value.values);
    next = parsed.value.nextPage;
  }
  return { values, pages };
}

/**
 * Values as a saved response in Kolada's own shape (v2), with where and when they were fetched.
 *
 * @example savedResponse(fetched, new Date()) // { hamtat_fran: […], hamtat: "2026-…", count: 3, values: [{ kpi, municipality, period, values: [{ gender, count, status, value }] }] }
 */
export function savedResponse(fetched: KoladaFetch, at: Date): unknown {
  const groups = new Map<string, { kpi: string; municipality: string; period: number; values: { gender: string; count: number; status: string; value: number | null }[] }>();
  for (const v of fetched.values) {
    const key = `${v.kpi}\u0000${v.municipality}\u0000${v.year}`;
    const group = groups.get(key) ?? { kpi: v.kpi, municipality: v.municipality, period: v.year, values: [] };
    group.values.push({ gender: v.gender, count: v.value === null ? 0 : 1, status: v.status, value: v.value });
    groups.set(key, group);
  }
  const values = [...groups.values()];
  return { hamtat_fran: fetched.pages, hamtat: at.toISOString(), count: values.length, values };
}
