/**
 * Stable, unique ids for the indicators of one appendix, from their names
 * ("Total sjukfrånvaro (%)" -> "total-sjukfranvaro"; a second one gets "-2"). The same name on
 * two rows is reported; two long names that only share a beginning are not.
 */
import { normalizeName } from "../values/normalizeName";

/** Longest id before it is cut at a word. */
const MAX_LENGTH = 60;

/**
 * @example slug("Total sjukfrånvaro (%)") // "total-sjukfranvaro"
 * @example slug("Väntetid i antal dagar från första kontakt till beslut") // "vantetid-i-antal-dagar-fran-forsta-kontakt-till-beslut"
 */
export function slug(name: string): string {
  const ascii = normalizeName(name)
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .normalize("NFD")
    .replace(/[^a-z0-9 ]/g, "")
    .trim()
    .replace(/ +/g, "-");
  if (ascii.length <= MAX_LENGTH) return ascii;
  const cut = ascii.slice(0, MAX_LENGTH);
  return cut.slice(0, Math.max(cut.lastIndexOf("-"), 20));
}

export interface IdAssigned {
  readonly id: string;
  /** True when an indicator of the same name already has an id: a doubt for the controller. */
  readonly repeatedName: boolean;
}

/**
 * Gives ids in the order indicators are finished.
 *
 * @example const next = idAssigner();
 *   next("Sjukfrånvaro (%)") // { id: "sjukfranvaro", repeatedName: false }
 *   next("Sjukfrånvaro (%)") // { id: "sjukfranvaro-2", repeatedName: true }
 *   next("")                 // { id: "indikator", repeatedName: false }
 */
export function idAssigner(): (name: string) => IdAssigned {
  const ids = new Set<string>();
  const names = new Set<string>();
  return (name) => {
    const base = slug(name) || "indikator";
    let id = base;
    let repeatedName = false;
    if (ids.has(base)) {
      let n = 2;
      while (ids.has(`${base}-${n}`)) n++;
      id = `${base}-${n}`;
      repeatedName = names.has(normalizeName(name));
    }
    ids.add(id);
    names.add(normalizeName(name));
    return { id, repeatedName };
  };
}
