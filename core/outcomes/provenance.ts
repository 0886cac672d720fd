/**
 * Provenance: where a row's value came from, as the run report and the cell notes say it.
 * A discriminated union by `kind`, so each source of values adds its own member and every
 * reader can switch on it exhaustively: "export" (the files of a source whose months the
 * outcome used), "kolada" (a key figure from Kolada, credited "Källa: Kolada") and "manual"
 * (a value the controller entered, with who, when and from what). The run report lists a row's
 * provenances (one per source it reads).
 */

/** Values measured from a source's exports: the files behind the months used. */
export interface ExportProvenance {
  readonly kind: "export";
  /** The source profile id, "forsorjningsstod". */
  readonly source: string;
  /** The files (or "<bok> (bladet Månadsdata)") that delivered the months used. */
  readonly files: readonly string[];
}

/** A value from Kolada's open database: one KPI, one municipality, one year. */
export interface KoladaProvenance {
  readonly kind: "kolada";
  /** Kolada's KPI id, "N00011". */
  readonly kpi: string;
  /** Kolada's municipality id, "0580" (Linköping). */
  readonly municipality: string;
  readonly year: number;
  /** Always "Källa: Kolada": Kolada's terms require the credit beside the value. */
  readonly credit: string;
}

/** A value the controller entered (the sheet "Manuella värden", a CSV or the task pane). */
export interface ManualProvenance {
  readonly kind: "manual";
  /** Who entered it, as they signed it ("AB", "controller.amn"). */
  readonly enteredBy: string;
  /** When it was entered, "2020-01-20". */
  readonly enteredAt: string;
  /** Where the figure comes from, "Brukarenkät 2019, Arbetsmarknadsförvaltningen". */
  readonly sourceText: string;
  readonly year: number;
}

export type Provenance = ExportProvenance | KoladaProvenance | ManualProvenance;

/** The credit Kolada asks for beside every value taken from it. */
export const KOLADA_CREDIT = "Källa: Kolada";

/**
 * One Swedish line for a cell note or a summary.
 *
 * @example provenanceText({ kind: "export", source: "forsorjningsstod", files: ["forsorjningsstod-2019-01.csv"] })
 *   // "Källa: forsorjningsstod (forsorjningsstod-2019-01.csv)."
 * @example provenanceText({ kind: "kolada", kpi: "N00011", municipality: "0580", year: 2019, credit: "Källa: Kolada" })
 *   // "Källa: Kolada (nyckeltal N00011, kommun 0580, år 2019)."
 * @example provenanceText({ kind: "manual", enteredBy: "AB", enteredAt: "2020-01-20", sourceText: "Brukarenkät 2019", year: 2019 })
 *   // "Inmatat värde för 2019: AB, 2020-01-20, källa: Brukarenkät 2019."
 */
export function provenanceText(provenance: Provenance): string {
  switch (provenance.kind) {
    case "export":
      return `Källa: ${provenance.source} (${provenance.files.length === 0 ? "inga filer" : provenance.files.join(", ")}).`;
    case "kolada":
      return `${provenance.credit} (nyckeltal ${provenance.kpi}, kommun ${provenance.municipality}, år ${provenance.year}).`;
    case "manual":
      return `Inmatat värde för ${provenance.year}: ${provenance.enteredBy}, ${provenance.enteredAt}, källa: ${provenance.sourceText}.`;
  }
}
