/**
 * Source profile: how to recognise and read one export, and which monthly records its
 * rows make. A new export is added by writing a profile (JSON), not code. This module
 * holds the type, its zod schema and parseProfile, which turns a wrong key into a Swedish
 * message naming the key (issue code config/invalid, params.path and params.reason).
 *
 * @example
 * parseProfile({ id: "sjukfranvaro", name: "Sjukfrånvaro", recognise: { headers: ["Sjuktimmar"] },
 *   month: { column: "Period", format: "month" }, measures: [{ id: "sjuktimmar", kind: "sum", column: "Sjuktimmar" }] },
 *   "sjukfranvaro.json")
 * // ok { id: "sjukfranvaro", encoding: "auto", delimiter: "auto", delivery: "any", ... }
 * parseProfile({ ...sameProfile, measures: [{ id: "sjuktimmar", kind: "summa" }] }, "sjukfranvaro.json")
 * // fail config/invalid { path: "measures[0].kind", reason: "ska vara en av \"distinct\", \"sum\", ..." }
 */
import { z } from "zod";
import { firstConfigIssue } from "../issues/configIssue";
import { fail, ok, type Result } from "../issues/result";

const text = z.string().trim().min(1);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ska bestå av små bokstäver a–z, siffror och bindestreck");
const oneOrMore = z.union([z.string(), z.array(z.string()).min(1)]);

const CONDITION_OPERATORS = ["equals", "notEquals", "empty", "olderThanMonths", "inMonth", "atLeast", "atMost"] as const;

/**
 * A test on one column of a row. Exactly one operator (atLeast and atMost may go together):
 * - equals / notEquals: the cell is (not) one of the texts, ignoring case and spaces;
 * - empty: true = the cell is empty, false = it is not;
 * - olderThanMonths: the cell is a date more than N months before the last day of the row's month;
 * - inMonth: true = the cell is a date within the row's month (an end date, a start date: people
 *   leaving or starting that month); false = it is not (an empty cell is not in the month);
 * - atLeast / atMost: the cell is a number within the bound.
 */
export const conditionSchema = z
  .strictObject({
    column: text,
    equals: oneOrMore.optional(),
    notEquals: oneOrMore.optional(),
    empty: z.boolean().optional(),
    olderThanMonths: z.number().int().min(0).optional(),
    inMonth: z.boolean().optional(),
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
  })
  .superRefine((condition, context) => {
    const used = CONDITION_OPERATORS.filter((operator) => condition[operator] !== undefined);
    const bounds = used.every((operator) => operator === "atLeast" || operator === "atMost");
    if (used.length === 0 || (used.length > 1 && !bounds)) {
      context.addIssue({
        code: "custom",
        message: `ska ha precis ett villkor av ${CONDITION_OPERATORS.map((o) => `"${o}"`).join(", ")}`,
      });
    }
  });

export const dimensionSchema = z.strictObject({
  /** The column the dimension's value is read from. */
  column: text,
  /** Cell text -> value, ignoring case and spaces: { "Kvinna": "K", "Man": "M" }. Unlisted texts are kept as written. */
  values: z.record(z.string(), z.string().min(1)).optional(),
});

export const MEASURE_KINDS = ["distinct", "sum", "count", "duration"] as const;

export const measureSchema = z.strictObject({
  id: slug,
  /** Swedish name for people ("Hushåll med utbetalning"). */
  name: z.string().optional(),
  /**
   * distinct: number of distinct ids in `column` (or `columns`) per month; sum = that number,
   *   count = rows counted, keys = the keyed hashes of the ids.
   * sum: sum of the numbers in `column`; count = rows.
   * count: number of rows (sum = count).
   * duration: calendar days from the date in `start` to the date in `end`; sum = days,
   *   count = rows with an end date (an empty end date is pending and not counted).
   */
  kind: z.enum(MEASURE_KINDS),
  column: text.optional(),
  columns: z.array(text).min(1).optional(),
  start: text.optional(),
  end: text.optional(),
  /** For "sum": an empty cell is an error (default), zero, or skipped. */
  empty: z.enum(["error", "zero", "skip"]).default("error"),
  /** All must hold for a row to count in this measure. */
  condition: z.array(conditionSchema).default([]),
  /** Breakdowns besides the total: a dimension id, or several for a combination (["enhet", "kon"]). */
  breakdowns: z.array(z.union([slug, z.array(slug).min(1)])).default([]),
});

/**
 * What one delivered file is, in the controller's words, and so how a new file combines with
 * those held already (core/records/planDelivery.ts applies it):
 * - "one-month": a month of the measured date; rows of another month are issues; a new file of
 *   the same month replaces the earlier one (a corrected re-delivery);
 * - "cumulative": everything so far ("alla ärenden sedan 1 januari", re-sent every month); the
 *   file covers the months from its first to its last and replaces what earlier files said about
 *   them, unless an earlier file reaches a later month (it is newer);
 * - { kind: "rows", key }: a slice of one list by another column (application month, payment
 *   run); each row is identified by its key column (Ärendenummer) and a row seen again replaces
 *   its earlier version, whichever file it came in;
 * - { kind: "parts", column }: one unit's part; files of other units for the same month add up,
 *   a new file of the same units replaces their earlier file;
 * - "any" (the default): the profile does not say; a file whose months are held already is refused.
 */
export const deliverySchema = z.union(
  [
    z.enum(["one-month", "cumulative", "any"]),
    z.strictObject({ kind: z.literal("rows"), key: text }),
    z.strictObject({ kind: z.literal("parts"), column: text }),
  ],
  {
    error: () =>
      'ska vara "one-month", "cumulative", "any", { "kind": "rows", "key": "<kolumn med radens id>" } eller { "kind": "parts", "column": "<kolumn med enheten>" }',
  },
);
export type DeliveryMode = z.infer<typeof deliverySchema>;

/** The mode's name: "one-month", "cumulative", "any", "rows" or "parts". */
export function deliveryKind(mode: DeliveryMode): "one-month" | "cumulative" | "any" | "rows" | "parts" {
  return typeof mode === "string" ? mode : mode.kind;
}

export const ENCODINGS = ["auto", "utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export const DELIMITERS = ["auto", ";", ",", "\t"] as const;

export const sourceProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: slug,
    name: text,
    description: z.string().optional(),
    recognise: z.strictObject({
      /** Header names that must all be present (case, spaces and a BOM do not matter). */
      headers: z.array(text).min(1),
    }),
    /** For the shell that decodes the bytes. */
    encoding: z.enum(ENCODINGS).default("auto"),
    delimiter: z.enum(DELIMITERS).default("auto"),
    /** The column that says which month a row belongs to: a month ("201906", "juni 2019") or a date. */
    month: z.strictObject({ column: text, format: z.enum(["month", "date"]) }),
    /** What one file is, and so how it combines with what is held already (see deliverySchema). */
    delivery: deliverySchema.default("any"),
    /** Rows that fail a filter are skipped (not errors): e.g. another förvaltning, a pending case. */
    filters: z.array(conditionSchema).default([]),
    dimensions: z.record(slug, dimensionSchema).default({}),
    measures: z.array(measureSchema).min(1),
  })
  .superRefine((profile, context) => {
    const seen = new Set<string>();
    profile.measures.forEach((measure, index) => {
      const at = (key: string): (string | number)[] => ["measures", index, key];
      if (seen.has(measure.id)) {
        context.addIssue({ code: "custom", path: at("id"), message: `måttet "${measure.id}" finns två gånger` });
      }
      seen.add(measure.id);
      const needs = (key: "column" | "start" | "end", why: string): void => {
        if (measure[key] === undefined) context.addIssue({ code: "custom", path: at(key), message: `saknas: ${why}` });
      };
      if (measure.kind === "distinct" && measure.column === undefined && measure.columns === undefined) {
        needs("column", `ett mått av typen "distinct" behöver "column" eller "columns" med id:n att räkna`);
      }
      if (measure.kind === "sum") needs("column", `ett mått av typen "sum" behöver kolumnen att summera`);
      if (measure.kind === "duration") {
        needs("start", `ett mått av typen "duration" behöver startdatumets kolumn`);
        needs("end", `ett mått av typen "duration" behöver slutdatumets kolumn`);
      }
      measure.breakdowns.forEach((breakdown, position) => {
        for (const dimension of typeof breakdown === "string" ? [breakdown] : breakdown) {
          if (profile.dimensions[dimension] === undefined) {
            context.addIssue({
              code: "custom",
              path: ["measures", index, "breakdowns", position],
              message: `dimensionen "${dimension}" finns inte under "dimensions"`,
            });
          }
        }
      });
    });
  });

/** A validated source profile (defaults filled in). */
export type SourceProfile = z.infer<typeof sourceProfileSchema>;
export type MeasureSpec = SourceProfile["measures"][number];
export type ConditionSpec = z.infer<typeof conditionSchema>;
export type DimensionSpec = z.infer<typeof dimensionSchema>;

/** Validates a profile read from JSON; a mistake becomes config/invalid naming the key, in Swedish. */
export function parseProfile(json: unknown, file: string): Result<SourceProfile> {
  const parsed = sourceProfileSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  return fail(firstConfigIssue(parsed.error.issues, file, "(profilen)"));
}
