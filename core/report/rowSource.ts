/**
 * Where a row's figure comes from, in the words the report prints under the indicator: the
 * row's own provenance when it carries one (a value fetched from Kolada says "Källa: Kolada",
 * as Kolada's terms ask), else the exports its measure is counted from (the source profile's
 * name). A provenance is read by shape, so any row type that gains one is credited.
 *
 * @example rowSource({ provenance: { kind: "kolada", kpi: "N00945", credit: "Källa: Kolada" } }) // "Källa: Kolada (N00945)"
 * @example rowSource({}, { measure: { source: "kolada" } })                           // "Källa: Kolada"
 * @example rowSource({}, { measure: { source: "sjukfranvaro" } }, { sjukfranvaro: "Sjukfrånvaro per enhet" })
 *   // "Källa: Sjukfrånvaro per enhet (månadsexport)"
 */
import { KOLADA_SOURCE } from "../sources/koladaValues";
import { MANUAL_SOURCE } from "../manual/manualValue";
import type { MeasureRef } from "../outcomes/outcome";

/** The shape of a row's provenance: at least its kind ("kolada", "manual", "export"). */
export interface ProvenanceLike {
  readonly kind: string;
  readonly [key: string]: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/**
 * One source line from a provenance: a Kolada value credits Kolada (its `credit`, "Källa: Kolada",
 * and the KPI), a value entered by hand says from what and by whom, an export names its source.
 */
export function sourceLine(provenance: ProvenanceLike, sourceNames: Readonly<Record<string, string>> = {}): string {
  const own = text(provenance["text"]) ?? text(provenance["label"]);
  switch (provenance.kind.toLowerCase()) {
    case "kolada": {
      const kpi = text(provenance["kpi"]) ?? text(provenance["kpiId"]);
      const credit = text(provenance["credit"]) ?? "Källa: Kolada";
      return `${credit}${kpi === undefined ? "" : ` (${kpi})`}`;
    }
    case "manual": {
      const from = text(provenance["sourceText"]);
      const by = [text(provenance["enteredBy"]) ?? text(provenance["by"]), text(provenance["enteredAt"])].filter((t): t is string => t !== undefined).join(", ");
      if (from !== undefined) return `Källa: ${from} (inmatat${by === "" ? "" : ` av ${by}`})`;
      return `Källa: inmatat för hand${by === "" ? "" : ` (${by})`}`;
    }
    case "export": {
      const source = text(provenance["source"]);
      if (source !== undefined) return `Källa: ${sourceNames[source] ?? source} (månadsexport)`;
      return "Källa: månadsexport";
    }
    default:
      return own === undefined ? `Källa: ${provenance.kind}` : own.startsWith("Källa") ? own : `Källa: ${own}`;
  }
}

/** Source ids whose values are not exports: Kolada's key figures and values entered by hand (issue 13). */
const VALUE_SOURCE_WORDS: Readonly<Record<string, string>> = { [KOLADA_SOURCE]: "Kolada", [MANUAL_SOURCE]: "inmatade värden" };

function asProvenance(found: unknown): ProvenanceLike | undefined {
  if (found === null || typeof found !== "object") return undefined;
  const kind = (found as { readonly kind?: unknown }).kind;
  return typeof kind === "string" && kind !== "" ? (found as ProvenanceLike) : undefined;
}

/** The row's provenance, or its outcome's (a value fetched for the row may carry it on either). */
function provenanceOf(row: object): ProvenanceLike | undefined {
  const outcome = (row as { readonly outcome?: unknown }).outcome;
  return (
    asProvenance((row as { readonly provenance?: unknown }).provenance) ??
    (outcome !== null && typeof outcome === "object" ? asProvenance((outcome as { readonly provenance?: unknown }).provenance) : undefined)
  );
}

/** What rowSource reads of a binding: the sources of its measure and denominator, or of a formula's terms. */
export interface BindingSources {
  readonly measure?: Pick<MeasureRef, "source">;
  readonly denominator?: Pick<MeasureRef, "source">;
  readonly terms?: readonly { readonly measure: Pick<MeasureRef, "source"> }[];
}

/** The row's source text, or undefined when neither a provenance nor a measure says it. */
export function rowSource(row: object, binding?: BindingSources, sourceNames: Readonly<Record<string, string>> = {}): string | undefined {
  const provenance = provenanceOf(row);
  if (provenance !== undefined) return sourceLine(provenance, sourceNames);
  if (binding === undefined) return undefined;
  const read = [binding.measure?.source, binding.denominator?.source, ...(binding.terms ?? []).map((term) => term.measure.source)];
  const ids = [...new Set(read.filter((id): id is string => id !== undefined))];
  if (ids.length === 0) return undefined;
  const words = ids.map((id) => VALUE_SOURCE_WORDS[id.toLowerCase()] ?? `${sourceNames[id] ?? id} (månadsexport)`);
  return `Källa: ${words.join(", ")}`;
}
