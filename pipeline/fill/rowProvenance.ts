/**
 * Where a run report row's value came from. For a row measured from exports: per source, the
 * files whose months the outcome used ({ kind: "export", source: "personal", files:
 * ["personal-2019-08.txt"] }); a month only the workbook's own Månadsdata held is named as that
 * sheet. The ledger keeps each import's file name and the months it still holds (a re-delivery
 * replaces a month), so the files named are the ones the numbers rest on.
 *
 * @example exportProvenance(bindingOverDeltagareAndEkonomi, ["2019-01", …, "2019-08"], deliveries)
 *   // [{ kind: "export", source: "deltagare", files: ["deltagare-2019-01.csv", …] }, { kind: "export", source: "ekonomi", files: [ … ] }]
 */
import { bindingMeasures, type MeasureBinding } from "../../core/outcomes/bindings";
import type { Month } from "../../core/records/records";

/** One source-month and the file (or sheet) that delivered it. */
export interface Delivery {
  readonly source: string;
  readonly month: Month;
  readonly file: string;
}

/** A value's origin: exports (this module); other kinds (Kolada, entered by hand) join this union. */
export type ReportedProvenance = { readonly kind: "export"; readonly source: string; readonly files: readonly string[] };

/** The export provenance of a row: one entry per source its binding reads, with the files behind the months used. */
export function exportProvenance(binding: MeasureBinding | undefined, monthsUsed: readonly Month[], deliveries: readonly Delivery[]): ReportedProvenance[] {
  if (binding === undefined) return [];
  const used = new Set(monthsUsed);
  const sources = [...new Set(bindingMeasures(binding).map(({ ref }) => ref.source))];
  return sources.map((source) => ({
    kind: "export" as const,
    source,
    files: [...new Set(deliveries.filter((d) => d.source === source && used.has(d.month)).map((d) => d.file))].sort(),
  }));
}
