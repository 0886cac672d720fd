/**
 * Is a higher outcome better, a lower one, or is a point aimed at? From the wording of the
 * indicator ("ska minska", "sjukfrånvaro", "väntetid", "omsättning" -> lower; "ska öka",
 * "minst" -> higher; "Balanstal" -> the point 1), else from the targets (a direction, a bound,
 * or a target value against the latest earlier outcome or the earlier target). Breakdown rows
 * have no polarity of their own: they inherit the indicator's.
 */
import type { Polarity, PolaritySource, Target, Quantity } from "../model";
import { normalizeName } from "../values/normalizeName";

export interface PolarityInference {
  readonly polarity: Polarity;
  readonly source: PolaritySource;
  /** Why, in Swedish, for the issue a controller reads ("målvärdet 2 800 är lägre än utfallet 3 130"). */
  readonly reason: string;
}

const LOWER_WORDS = /ska minska|ska inte öka|ska ej öka|sjukfrånvaro|väntetid|handläggningstid|omsättning|\bminska\b/;
const HIGHER_WORDS = /ska öka|ska inte minska|ska ej minska|\bminst\b|(?<!\p{L})öka(?!\p{L})|positiva svar|nöjd/u;

const higher: Polarity = { kind: "higher-better" };
const lower: Polarity = { kind: "lower-better" };

/** Targets and outcomes in year order, as numbers where they are numbers. */
export interface PolarityInput {
  readonly name: string;
  readonly targets: ReadonlyArray<{ readonly year: number; readonly target: Target }>;
  readonly outcomes: ReadonlyArray<{ readonly year: number; readonly quantity?: Quantity }>;
}

/**
 * @example inferPolarity({ name: "Antal hushåll med försörjningsstöd i snitt per månad.",
 *   outcomes: [{ year: 2018, quantity: 3130 }], targets: [{ year: 2019, target: value 2800 }] })
 *   // { polarity: lower-better, source: "targets" }
 * @example inferPolarity({ name: "Balanstal chefer", ... }) // { polarity: point 1, source: "wording" }
 */
export function inferPolarity(input: PolarityInput): PolarityInference {
  const words = normalizeName(input.name);
  if (/balanstal/.test(words)) return { polarity: { kind: "point", point: 1 }, source: "wording", reason: "balanstal" };
  const lowerWord = LOWER_WORDS.exec(words)?.[0];
  if (lowerWord) return { polarity: lower, source: "wording", reason: lowerWord };
  const higherWord = HIGHER_WORDS.exec(words)?.[0];
  if (higherWord) return { polarity: higher, source: "wording", reason: higherWord };

  for (const { target } of input.targets) {
    if (target.kind === "direction") {
      const down = target.direction === "decrease" || target.direction === "not-increase";
      return { polarity: down ? lower : higher, source: "targets", reason: "målvärdets riktning" };
    }
    if (target.kind === "at-least") return { polarity: higher, source: "targets", reason: "målvärdet är ett minsta värde" };
    if (target.kind === "at-most") return { polarity: lower, source: "targets", reason: "målvärdet är ett högsta värde" };
  }

  const targetValues = input.targets
    .flatMap((t) => (t.target.kind === "value" ? [{ year: t.year, value: t.target.quantity.value }] : []))
    .sort((a, b) => a.year - b.year);
  const outcomeValues = input.outcomes
    .flatMap((o) => (o.quantity ? [{ year: o.year, value: o.quantity.value }] : []))
    .sort((a, b) => a.year - b.year);
  const latest = outcomeValues[outcomeValues.length - 1];
  const first = targetValues[0];
  if (latest && first && first.value !== latest.value) {
    const down = first.value < latest.value;
    return {
      polarity: down ? lower : higher,
      source: "targets",
      reason: `målvärdet ${first.year} är ${down ? "lägre" : "högre"} än utfallet ${latest.year}`,
    };
  }
  const last = targetValues[targetValues.length - 1];
  if (first && last && first.value !== last.value) {
    const down = last.value < first.value;
    return {
      polarity: down ? lower : higher,
      source: "targets",
      reason: `målvärdet ${last.year} är ${down ? "lägre" : "högre"} än målvärdet ${first.year}`,
    };
  }
  return { polarity: higher, source: "unknown", reason: "varken formuleringen eller målvärdena visar riktningen" };
}
