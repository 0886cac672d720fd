/**
 * Kolada's data responses, read from JSON (a saved file or a page from the live API) into
 * plain values, and those values as monthly records.
 *
 * Kolada (api.kolada.se) answers `data/kpi/{kpi}/municipality/{id}/year/{years}` with
 *   { "values": [{ "kpi": "N00011", "municipality": "0580", "period": 2019,
 *                  "values": [{ "gender": "T", "count": 1, "status": "", "value": 4.1 }, …] }, …],
 *     "count": 1, "next_page": "…" }
 * (v2 names the next page `next_page`, v3 `next_url`; both are read). Gender is T (total),
 * K (women) or M (men). A value Kolada lacks has `"value": null` and a status such as
 * "Missing": it is kept as missing and never becomes 0.
 *
 * A yearly key figure becomes one MonthlyRecord on the year's last month ("2019-12"), source
 * "kolada", measure the KPI id, breakdown "kommun=0580" (and "&kon=K"/"&kon=M" by gender),
 * so the ledger, the Månadsdata sheet and the outcomes treat it like any other record.
 */
import { z } from "zod";
import { configIssue } from "../issues/configIssue";
import { issue, type Issue } from "../issues/issues";
import { fail, ok, type Result } from "../issues/result";
import { breakdownKey, type MonthlyRecord } from "../records/records";

/** The source id of Kolada's records. */
export const KOLADA_SOURCE = "kolada";

export type KoladaGender = "T" | "K" | "M";

/** One value of one KPI, municipality, year and gender; `value` null when Kolada has none. */
export interface KoladaValue {
  readonly kpi: string;
  readonly municipality: string;
  readonly year: number;
  readonly gender: KoladaGender;
  readonly value: number | null;
  /** Kolada's status: "" for a normal value, e.g. "Missing" for none. */
  readonly status: string;
}

/** One response page: its values and the address of the next page, if any. */
export interface KoladaPage {
  readonly values: readonly KoladaValue[];
  readonly nextPage?: string;
}

const genderSchema = z.enum(["T", "K", "M"], { error: 'väntade kön "T", "K" eller "M"' });

const valueSchema = z.looseObject({
  gender: genderSchema,
  count: z.number().optional(),
  status: z.string().nullable().optional(),
  value: z.number().nullable().optional(),
});

const entrySchema = z.looseObject({
  kpi: z.string().trim().min(1),
  municipality: z.string().trim().min(1),
  period: z.union([z.number().int(), z.string().regex(/^\d{4}$/)], { error: "väntade ett årtal, t.ex. 2019" }),
  values: z.array(valueSchema),
});

const responseSchema = z.looseObject({
  values: z.array(entrySchema),
  count: z.number().optional(),
  next_page: z.string().nullable().optional(),
  next_url: z.string().nullable().optional(),
});

/**
 * Reads one Kolada data response (parsed JSON). A response of the wrong shape fails with
 * kolada/invalid-file naming the key.
 *
 * @example parseKoladaResponse({ values: [{ kpi: "N00011", municipality: "0580", period: 2019,
 *   values: [{ gender: "T", count: 1, status: "", value: 4.1 }] }], count: 1 }, "N00011.json")
 *   // ok { values: [{ kpi: "N00011", municipality: "0580", year: 2019, gender: "T", value: 4.1, status: "" }] }
 * @example parseKoladaResponse({ values: [{ kpi: "N00011", municipality: "0580", period: "tjugo", values: [] }] }, "f.json")
 *   // fail kolada/invalid-file: vid "values[0].period": väntade ett årtal, t.ex. 2019
 */
export function parseKoladaResponse(json: unknown, file: string): Result<KoladaPage> {
  // reportInput: a key that is there with the wrong type is not reported as missing.
  const parsed = responseSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const first = parsed.error.issues.find((i) => i.code === "unrecognized_keys") ?? parsed.error.issues[0];
    if (first === undefined) throw new Error("zod reported a failure without issues");
    const asConfig = configIssue(first, file, parsed.error.issues.length - 1);
    return fail(issue("kolada/invalid-file", "error", { file, ...(asConfig.params !== undefined && { params: asConfig.params }) }));
  }
  const values: KoladaValue[] = [];
  for (const entry of parsed.data.values) {
    const year = typeof entry.period === "number" ? entry.period : Number(entry.period);
    for (const v of entry.values) {
      values.push({
        kpi: entry.kpi.trim(),
        municipality: entry.municipality.trim(),
        year,
        gender: v.gender,
        value: typeof v.value === "number" && Number.isFinite(v.value) ? v.value : null,
        status: v.status ?? "",
      });
    }
  }
  const next = parsed.data.next_page ?? parsed.data.next_url;
  return ok({ values, ...(typeof next === "string" && next !== "" && { nextPage: next }) });
}

/** The breakdown key of a Kolada value: "kommun=0580", "kommun=0580&kon=K". */
export function koladaBreakdown(municipality: string, gender: KoladaGender): string {
  return breakdownKey(gender === "T" ? { kommun: municipality } : { kommun: municipality, kon: gender });
}

/** The municipality named in a Kolada breakdown key ("kommun=0580&kon=K" -> "0580"). */
export function municipalityOf(breakdown: string): string | undefined {
  for (const part of breakdown.split("&")) {
    const [name, value] = part.split("=");
    if (name === "kommun" && value !== undefined && value !== "") return value;
  }
  return undefined;
}

/**
 * The records of the values Kolada has; a missing value (null) gives no record, so the
 * outcome is missing, never 0.
 *
 * @example koladaRecords([{ kpi: "N00011", municipality: "0580", year: 2019, gender: "T", value: 4.1, status: "" }])
 *   // [{ source: "kolada", measure: "N00011", month: "2019-12", breakdown: "kommun=0580", sum: 4.1, count: 1 }]
 */
export function koladaRecords(values: readonly KoladaValue[]): MonthlyRecord[] {
  return values.flatMap((v) =>
    v.value === null
      ? []
      : [{ source: KOLADA_SOURCE, measure: v.kpi, month: `${v.year}-12`, breakdown: koladaBreakdown(v.municipality, v.gender), sum: v.value, count: 1 }],
  );
}

/**
 * One info issue per value Kolada lacks (kolada/missing-value), so a run says which are missing.
 *
 * @example missingKoladaValues([{ kpi: "N00011", municipality: "0580", year: 2016, gender: "T", value: null, status: "Missing" }], "N00011.json")
 *   // [{ code: "kolada/missing-value", params: { kpi: "N00011", municipality: "0580", year: 2016, gender: "T", status: "Missing" } }]
 */
export function missingKoladaValues(values: readonly KoladaValue[], file?: string): Issue[] {
  return values
    .filter((v) => v.value === null)
    .map((v) =>
      issue("kolada/missing-value", "info", {
        ...(file !== undefined && { file }),
        params: { kpi: v.kpi, municipality: v.municipality, year: v.year, gender: v.gender, status: v.status === "" ? "tom" : v.status },
      }),
    );
}
