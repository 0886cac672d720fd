/**
 * The unit of an indicator: from what its values say ("4,80%", "21 dagar", a percent number
 * format), else from its name ("(%)", "i %", "Antal", "index", "Balanstal"), else a guess.
 */
import type { Quantity, Unit } from "../model";
import { normalizeName } from "../values/normalizeName";

export interface UnitInference {
  readonly unit: Unit;
  /** Set when the unit is a guess the controller should check: why it was guessed. */
  readonly guess?: string;
}

const EXPLICIT: ReadonlySet<Unit> = new Set<Unit>(["percent", "days", "kr", "mnkr"]);

/**
 * @example inferUnit("Total sjukfrånvaro (%)", [{ value: 5.5, unit: "number" }]) // { unit: "percent" }
 * @example inferUnit("Väntetid ...", [{ value: 21, unit: "days" }])           // { unit: "days" }
 * @example inferUnit("Chefers sjukfrånvaro", [...])                          // { unit: "percent", guess: "sjukfrånvaro" }
 */
export function inferUnit(name: string, quantities: readonly Quantity[]): UnitInference {
  const counts = new Map<Unit, number>();
  for (const q of quantities) if (EXPLICIT.has(q.unit)) counts.set(q.unit, (counts.get(q.unit) ?? 0) + 1);
  const fromValues = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (fromValues) return { unit: fromValues };

  const raw = name.toLowerCase();
  const words = normalizeName(name);
  if (/%|\bprocent\b/.test(raw)) return { unit: "percent" };
  if (/\bdagar\b|väntetid|handläggningstid/.test(words)) return { unit: "days" };
  if (/\bmnkr\b|\bmkr\b|miljoner kronor$/.test(words) && !/\bper\b/.test(words)) return { unit: "mnkr" };
  if (/index\b|\bavi\b|\bhme\b|\bnki\b|\bnmi\b/.test(words)) return { unit: "index" };
  if (/balanstal|\bkvot\b|\bper miljon(?:er)? kronor\b|\bper invånare\b|\bper \d/.test(words)) return { unit: "ratio" };
  if (/^(?:antal|antalet)\b/.test(words)) return { unit: "count" };
  if (/^andel\b|\bandel\b/.test(words)) return { unit: "percent", guess: "andel" };
  if (/sjukfrånvaro/.test(words)) return { unit: "percent", guess: "sjukfrånvaro" };
  if (/omsättning/.test(words)) return { unit: "percent", guess: "omsättning" };
  if (/\bkronor\b|\bkr\b|kostnad per/.test(words)) return { unit: "kr", guess: "kronor" };
  const numbers = quantities.map((q) => q.value);
  if (numbers.length > 0 && numbers.every((n) => Number.isInteger(n) && n > 1)) return { unit: "count", guess: "heltal" };
  return { unit: "number" };
}
