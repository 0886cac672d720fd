/**
 * Indicators measured only per year (a Kolada key figure, a yearly survey entered by hand):
 * their value is one record on the year's December, from source "kolada" or "manuell". For the
 * whole calendar year the outcome is that value; for a month, a tertial or a half-year the row
 * is Kan ej bedömas with the reason "mäts per år", never left blank without a word. A year
 * with no value is missing (outcome/no-yearly-value), never 0.
 */
import { issue, type Issue } from "../issues/issues";
import { KOLADA_SOURCE, municipalityOf } from "../sources/koladaValues";
import { MANUAL_SOURCE, currentManualValues, type ManualValue } from "../manual/manualValue";
import { startsInJanuary, type Period } from "../periods/period";
import type { MonthlyRecord } from "../records/records";
import type { StatusResult } from "../status/status";
import { statusResult } from "../status/evaluateStatus";
import type { Target, Unit } from "../model";
import type { ResolvedBinding, SingleMeasureBinding } from "./bindings";
import type { OutcomeResult } from "./outcome";
import { KOLADA_CREDIT, provenanceText, type KoladaProvenance, type ManualProvenance } from "./provenance";

/** Sources whose values are entered or fetched, not measured from an export by a source profile. */
export const VALUE_SOURCES: readonly string[] = [KOLADA_SOURCE, MANUAL_SOURCE];

/**
 * True when the period is one whole calendar year (2019, or 2019-01..2019-12).
 *
 * @example isWholeYear(parsePeriod("2019")) // true
 * @example isWholeYear(parsePeriod("2019-T2")) // false
 */
export function isWholeYear(period: Period): boolean {
  return period.months.length === 12 && startsInJanuary(period);
}

/** The month a yearly value is kept on: the year's December. */
export function yearlyMonth(year: number): string {
  return `${year}-12`;
}

/** A resolved binding of one measure that is measured only per year. */
export type YearlyBinding = SingleMeasureBinding & { readonly unit: Unit; readonly yearly: true };

/**
 * The binding when it is one measure measured per year ("yearly": true); undefined otherwise
 * (a monthly measure, a formula, no binding).
 *
 * @example yearlyBindingOf(aviBinding)?.measure // { source: "manuell", measure: "avi", breakdown: "" }
 */
export function yearlyBindingOf(binding: ResolvedBinding | undefined): YearlyBinding | undefined {
  if (binding === undefined || binding.combine === "formula" || binding.yearly !== true) return undefined;
  return { ...binding, yearly: true };
}

function measureLabel(binding: YearlyBinding): string {
  const ref = binding.measure;
  return `${ref.source}/${ref.measure}${ref.breakdown === "" ? "" : ` (${ref.breakdown})`}`;
}

/**
 * The outcome of a yearly row for a whole year: the year's record (summed, should a breakdown
 * have several) × scale; none, with outcome/no-yearly-value, when the year has no value.
 *
 * @example computeYearlyOutcome(records, { measure: { source: "manuell", measure: "avi", breakdown: "" }, combine: "latest", scale: 1, unit: "index", yearly: true }, YEAR_2019, "Attraktiv arbetsgivarindex (AVI)")
 *   // { outcome: { quantity: { value: 112, unit: "index" }, monthsUsed: ["2019-12"], … }, issues: [] }
 */
export function computeYearlyOutcome(records: readonly MonthlyRecord[], binding: YearlyBinding, period: Period, rowName: string): OutcomeResult {
  const month = yearlyMonth(period.year);
  const ref = binding.measure;
  const found = records.filter((r) => r.source === ref.source && r.measure === ref.measure && r.breakdown === ref.breakdown && r.month === month);
  if (found.length === 0) {
    const hint =
      ref.source === KOLADA_SOURCE
        ? "Kolada har inget värde för året, eller så är det inte inläst (bilaga kolada); det visas som saknat, inte som 0."
        : ref.source === MANUAL_SOURCE
          ? 'Mata in det på bladet "Manuella värden" eller i filen med manuella värden.'
          : "Inget värde är inläst för året.";
    const missing: Issue = issue("outcome/no-yearly-value", "warning", {
      raw: rowName,
      params: { year: period.year, measure: measureLabel(binding), hint },
    });
    return { outcome: undefined, issues: [missing] };
  }
  const sum = found.reduce((total, r) => total + r.sum, 0);
  const count = found.reduce((total, r) => total + r.count, 0);
  return {
    outcome: {
      quantity: { value: sum * binding.scale, unit: binding.unit },
      combine: "latest",
      monthsUsed: [month],
      missingMonths: [],
      series: [{ month, sum, count }],
    },
    issues: [],
  };
}

/**
 * The status of a yearly row for a period shorter than the year: Kan ej bedömas, "mäts per år".
 *
 * @example measuredPerYear(T2_2019, target)
 *   // { status: "not-assessable", label: "Kan ej bedömas", explanation: "Mäts per år: utfallet finns för helåret 2019, inte för tertial 2 2019 (jan–aug) – kan ej bedömas" }
 */
export function measuredPerYear(period: Period, target?: Target): StatusResult {
  return statusResult("not-assessable", `Mäts per år: utfallet finns för helåret ${period.year}, inte för ${period.label} – kan ej bedömas`, {
    ...(target !== undefined && { target }),
  });
}

/**
 * Where a row's value comes from, for the rows whose values are fetched or entered: Kolada
 * (KPI, municipality, year; always credited "Källa: Kolada") or a manual value (who, when,
 * from what). Undefined for other sources and for a manual row without a value for the year.
 *
 * @example provenanceFor(koladaBinding, YEAR_2019, []) // { kind: "kolada", kpi: "N00011", municipality: "0580", year: 2019, credit: "Källa: Kolada" }
 */
export function provenanceFor(binding: ResolvedBinding | undefined, period: Period, manualValues: readonly ManualValue[]): KoladaProvenance | ManualProvenance | undefined {
  if (binding === undefined || binding.combine === "formula") return undefined;
  const ref = binding.measure;
  if (ref.source === KOLADA_SOURCE) {
    return { kind: "kolada", kpi: ref.measure, municipality: municipalityOf(ref.breakdown) ?? "", year: period.year, credit: KOLADA_CREDIT };
  }
  if (ref.source === MANUAL_SOURCE) {
    const value = currentManualValues(manualValues).find((v) => v.measure === ref.measure && v.breakdown === ref.breakdown && v.year === period.year);
    if (value === undefined) return undefined;
    return { kind: "manual", enteredBy: value.enteredBy, enteredAt: value.enteredAt, sourceText: value.sourceText, year: value.year };
  }
  return undefined;
}

/**
 * What a yearly row's outcome cell says besides the number: for a period shorter than the year,
 * "Mäts per år" in place of the outcome, with a note; for the year, where the value came from
 * ("Källa: Kolada …"), or that the year has no value (missing, never 0).
 *
 * @example yearlyOutcomeCell(T2_2019, false, undefined) // { placeholder: "Mäts per år", outcomeNote: "Indikatorn mäts per år; utfallet för 2019 skrivs när perioden är helåret 2019." }
 * @example yearlyOutcomeCell(YEAR_2019, true, koladaProvenance) // { outcomeNote: "Årsvärde 2019. Källa: Kolada (nyckeltal N00011, kommun 0580, år 2019)." }
 */
export function yearlyOutcomeCell(
  period: Period,
  hasOutcome: boolean,
  provenance: KoladaProvenance | ManualProvenance | undefined,
): { readonly placeholder?: string; readonly outcomeNote: string } {
  if (!isWholeYear(period)) {
    return { placeholder: "Mäts per år", outcomeNote: `Indikatorn mäts per år; utfallet för ${period.year} skrivs när perioden är helåret ${period.year}.` };
  }
  const source = provenance === undefined ? "" : ` ${provenanceText(provenance)}`;
  return { outcomeNote: hasOutcome ? `Årsvärde ${period.year}.${source}` : `Inget årsvärde för ${period.year}; visas som saknat, inte som 0.${source}` };
}
