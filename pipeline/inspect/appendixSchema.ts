/**
 * The Appendix model (core/model.ts) as a zod schema: the contract of `bilaga inspect --json`.
 * schema/appendix.schema.json is generated from it (writeAppendixSchema.ts), and the compiler
 * checks below that the schema and the TypeScript model describe exactly the same data.
 */
import { z } from "zod";
import { ISSUE_CODES, type Issue } from "../../core/issues/issues";
import type {
  Appendix,
  Baseline,
  BoardGoal,
  Breakdown,
  CellValue,
  Direction,
  ExtraCell,
  FocusArea,
  Footnote,
  Indicator,
  MunicipalGoal,
  Note,
  Polarity,
  PolaritySource,
  Quantity,
  TableColumn,
  Target,
  Unit,
  YearOutcome,
  YearTarget,
} from "../../core/model";

/**
 * Names and descriptions for the JSON Schema, kept in a registry of this module's own (not
 * zod's global one), so that no other schema in the process can clash with these ids.
 */
export const schemaMetadata = z.registry<{ id?: string; description?: string }>();

const issueSchema = z
  .object({
    code: z.enum(ISSUE_CODES),
    severity: z.enum(["error", "warning", "info"]),
    file: z.string().exactOptional(),
    sheet: z.string().exactOptional(),
    cell: z.string().exactOptional(),
    row: z.number().int().exactOptional(),
    column: z.number().int().exactOptional(),
    columnName: z.string().exactOptional(),
    raw: z.string().exactOptional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).exactOptional(),
  })
  .strict()
  .register(schemaMetadata, { id: "Issue", description: "Ett problem eller en tvekan om en cell, med kod, cell och rå text." });

const unitSchema = z.enum(["count", "percent", "percentage-points", "days", "kr", "mnkr", "index", "ratio", "number"]).register(schemaMetadata, { id: "Unit" });

const quantitySchema = z
  .object({ value: z.number(), unit: unitSchema })
  .strict()
  .register(schemaMetadata, { id: "Quantity", description: "Ett tal med enhet; en procentsats är { value: 4.8, unit: \"percent\" }." });

const footnoteMarkers = z.array(z.string());

const cellValueSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("number"),
      quantity: quantitySchema,
      footnotes: footnoteMarkers,
      annotation: z.string().exactOptional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("labelled"),
      label: z.string(),
      labelPosition: z.enum(["before", "after"]),
      quantity: quantitySchema,
      footnotes: footnoteMarkers,
    })
    .strict(),
  z.object({ kind: z.literal("missing"), raw: z.string() }).strict(),
  z.object({ kind: z.literal("text"), text: z.string(), footnotes: footnoteMarkers }).strict(),
]).register(schemaMetadata, { id: "CellValue" });

const directionSchema = z.enum(["increase", "decrease", "not-increase", "not-decrease"]);

const targetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("value"), quantity: quantitySchema }).strict(),
  z.object({ kind: z.literal("at-least"), quantity: quantitySchema }).strict(),
  z.object({ kind: z.literal("at-most"), quantity: quantitySchema }).strict(),
  z.object({ kind: z.literal("direction"), direction: directionSchema }).strict(),
  z.object({ kind: z.literal("text"), text: z.string() }).strict(),
  z.object({ kind: z.literal("missing"), raw: z.string() }).strict(),
]).register(schemaMetadata, { id: "Target" });

const polaritySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("higher-better") }).strict(),
  z.object({ kind: z.literal("lower-better") }).strict(),
  z.object({ kind: z.literal("point"), point: z.number() }).strict(),
]).register(schemaMetadata, { id: "Polarity" });

const polaritySourceSchema = z.enum(["wording", "targets", "configured", "inherited", "unknown"]);

const cellAddress = z
  .string()
  .regex(/^[A-Z]{1,3}[1-9][0-9]*$/)
  .register(schemaMetadata, { description: "A1-adress, t.ex. \"D14\"." });
const year = z.number().int();
const sheetIndex = z
  .number()
  .int()
  .min(0)
  .register(schemaMetadata, { description: "Nollbaserat rad- eller kolumnnummer i bladet." });

const yearOutcomeSchema = z
  .object({ year, cell: cellAddress, raw: z.string(), value: cellValueSchema })
  .strict()
  .register(schemaMetadata, { id: "YearOutcome" });

const yearTargetSchema = z
  .object({ year, cell: cellAddress, raw: z.string(), target: targetSchema, footnotes: footnoteMarkers })
  .strict()
  .register(schemaMetadata, { id: "YearTarget" });

const noteSchema = z.object({ cell: cellAddress, text: z.string() }).strict();

const baselineSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("value"), year: year.exactOptional(), quantity: quantitySchema, text: z.string() })
    .strict(),
  z.object({ kind: z.literal("missing"), text: z.string() }).strict(),
]).register(schemaMetadata, { id: "Baseline" });

const extraCellSchema = z
  .object({ header: z.string(), cell: cellAddress, text: z.string() })
  .strict()
  .register(schemaMetadata, { id: "ExtraCell", description: "En cell i en kolumn som tabellen inte känner (t.ex. Kommentar), bevarad." });

const breakdownSchema = z
  .object({
    kind: z.enum(["gender", "unit", "outcome-kind"]),
    label: z.string(),
    row: sheetIndex,
    cell: cellAddress,
    outcomes: z.array(yearOutcomeSchema),
    targets: z.array(yearTargetSchema),
    extra: z.array(extraCellSchema),
  })
  .strict()
  .register(schemaMetadata, { id: "Breakdown" });

const indicatorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    row: sheetIndex,
    cell: cellAddress,
    unit: unitSchema,
    polarity: polaritySchema,
    polaritySource: polaritySourceSchema,
    outcomes: z.array(yearOutcomeSchema),
    targets: z.array(yearTargetSchema),
    breakdowns: z.array(breakdownSchema),
    notes: z.array(noteSchema),
    baseline: baselineSchema.exactOptional(),
    footnotes: footnoteMarkers,
    extra: z.array(extraCellSchema),
  })
  .strict()
  .register(schemaMetadata, { id: "Indicator" });

const boardGoalSchema = z
  .object({
    text: z.string(),
    number: z.string().exactOptional(),
    cell: cellAddress,
    indicators: z.array(indicatorSchema),
  })
  .strict()
  .register(schemaMetadata, { id: "BoardGoal" });

const municipalGoalSchema = z
  .object({
    text: z.string(),
    cell: cellAddress,
    boardGoals: z.array(boardGoalSchema),
    indicators: z.array(indicatorSchema),
  })
  .strict()
  .register(schemaMetadata, { id: "MunicipalGoal" });

const focusAreaSchema = z
  .object({ name: z.string(), cell: cellAddress, municipalGoals: z.array(municipalGoalSchema) })
  .strict()
  .register(schemaMetadata, { id: "FocusArea" });

const footnoteSchema = z
  .object({ marker: z.string(), text: z.string(), cell: cellAddress, continuedTo: cellAddress.exactOptional() })
  .strict()
  .register(schemaMetadata, { id: "Footnote" });

const tableColumnSchema = z
  .object({
    role: z.enum(["focus-area", "municipal-goal", "board-goal", "indicator", "outcome", "target", "extra"]),
    column: sheetIndex,
    header: z.string(),
    year: year.exactOptional(),
  })
  .strict()
  .register(schemaMetadata, { id: "TableColumn" });

/** The whole appendix, as `bilaga inspect --json` prints it. */
export const appendixSchema = z
  .object({
    sheet: z.string(),
    headerRow: sheetIndex,
    firstRow: sheetIndex,
    lastRow: sheetIndex,
    columns: z.array(tableColumnSchema),
    focusAreas: z.array(focusAreaSchema),
    footnotes: z.array(footnoteSchema),
    issues: z.array(issueSchema),
  })
  .strict()
  .register(schemaMetadata, {
    description: "Indikatorbilagan som bilaga inspect läser den: målområden > kommunövergripande mål > nämndmål > indikatorer.",
  });

// ---- The compiler holds the schema to the model. ----
// Checked level by level: TypeScript stops comparing deeply nested generic types after a few
// levels and then assumes they match, so one check on Appendix alone would miss changes deep down.

/** The model without `readonly`, so that it can be compared with what zod infers. */
type Writable<T> = T extends readonly (infer E)[]
  ? Writable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Writable<T[K]> }
    : T;

type Assignable<From, To> = [From] extends [To] ? true : false;

/** The property names of each variant (by `kind`), so that a missing optional property is noticed too. */
type KeySets<T> = T extends unknown
  ? { readonly kind: T extends { readonly kind: infer K } ? K : never; readonly keys: keyof T }
  : never;

/** true when the schema's output and the model type accept the same data. */
type Matches<Schema extends z.ZodType, Model> = [
  Assignable<z.output<Schema>, Model>,
  Assignable<Writable<Model>, z.output<Schema>>,
  Assignable<KeySets<z.output<Schema>>, KeySets<Model>>,
  Assignable<KeySets<Model>, KeySets<z.output<Schema>>>,
] extends [true, true, true, true]
  ? true
  : false;

const schemaMatchesModel: {
  readonly [name: string]: true;
} = {
  issue: true satisfies Matches<typeof issueSchema, Issue>,
  unit: true satisfies Matches<typeof unitSchema, Unit>,
  quantity: true satisfies Matches<typeof quantitySchema, Quantity>,
  cellValue: true satisfies Matches<typeof cellValueSchema, CellValue>,
  direction: true satisfies Matches<typeof directionSchema, Direction>,
  target: true satisfies Matches<typeof targetSchema, Target>,
  polarity: true satisfies Matches<typeof polaritySchema, Polarity>,
  polaritySource: true satisfies Matches<typeof polaritySourceSchema, PolaritySource>,
  yearOutcome: true satisfies Matches<typeof yearOutcomeSchema, YearOutcome>,
  yearTarget: true satisfies Matches<typeof yearTargetSchema, YearTarget>,
  note: true satisfies Matches<typeof noteSchema, Note>,
  baseline: true satisfies Matches<typeof baselineSchema, Baseline>,
  extraCell: true satisfies Matches<typeof extraCellSchema, ExtraCell>,
  breakdown: true satisfies Matches<typeof breakdownSchema, Breakdown>,
  indicator: true satisfies Matches<typeof indicatorSchema, Indicator>,
  boardGoal: true satisfies Matches<typeof boardGoalSchema, BoardGoal>,
  municipalGoal: true satisfies Matches<typeof municipalGoalSchema, MunicipalGoal>,
  focusArea: true satisfies Matches<typeof focusAreaSchema, FocusArea>,
  footnote: true satisfies Matches<typeof footnoteSchema, Footnote>,
  tableColumn: true satisfies Matches<typeof tableColumnSchema, TableColumn>,
  appendix: true satisfies Matches<typeof appendixSchema, Appendix>,
};
void schemaMatchesModel;
