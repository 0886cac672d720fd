/**
 * Bindings: the configuration that says which measure feeds which indicator row (and
 * breakdown row), how the months combine into a period, and how the status rules are
 * changed for an indicator. JSON, validated with zod; rows are matched by name.
 *
 * A bindings file:
 * {
 *   "bindings": [
 *     { "indicator": "Antal hushåll med försörjningsstöd i snitt per månad.",
 *       "measure": { "source": "forsorjningsstod", "measure": "hushall" },
 *       "combine": "mean-of-months", "unit": "count" },
 *     { "indicator": "Total sjukfrånvaro (%)", "breakdown": "Kvinnor",
 *       "measure": { "source": "sjukfranvaro", "measure": "sjuktimmar", "breakdown": "kon=K" },
 *       "denominator": { "source": "sjukfranvaro", "measure": "schematimmar", "breakdown": "kon=K" },
 *       "combine": "ratio-of-sums", "scale": 100, "unit": "percent" },
 *     { "indicator": "Avvikelse från budget, i %", "formula": "(budget - utfall) / budget * 100",
 *       "terms": { "budget": { "source": "ekonomi", "measure": "budget" }, "utfall": { "source": "ekonomi", "measure": "utfall" } },
 *       "unit": "percent" },
 *     { "indicator": "Balanstal chefer", "status": { "polarity": { "point": 1 }, "tolerance": 0.02 } },
 *     { "indicator": "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.",
 *       "status": { "manual": { "status": "partly-met", "reason": "Brukarenkäten visar vissa skillnader" } } }
 *   ]
 * }
 */
import { z } from "zod";
import { firstConfigIssue } from "../issues/configIssue";
import { issue, type Issue } from "../issues/issues";
import { allIndicators, type Appendix, type Breakdown, type Indicator, type Polarity, type Unit } from "../model";
import { normalizeName } from "../values/normalizeName";
import { COMBINES, type Combine, type MeasureRef } from "./outcome";
import { FORMULA_NAME, parseFormula, type Formula } from "./formula";
import { fail, ok, type Result } from "../issues/result";
import { STATUSES, type StatusOverrides } from "../status/status";
import { VALUE_SOURCES } from "./yearlyOutcome";

/** How one row's outcome is computed from the monthly records: one measure (and a denominator), or a formula. */
export type MeasureBinding = SingleMeasureBinding | FormulaBinding;

/** One measure (and, for ratio-of-sums, a denominator) combined over the period's months. */
export interface SingleMeasureBinding {
  readonly combine: Combine;
  readonly measure: MeasureRef;
  /** The denominator measure, for ratio-of-sums (sick leave: schematimmar). */
  readonly denominator?: MeasureRef;
  /** Multiplies the result: 100 for a percentage from a ratio of sums; 1 otherwise. */
  readonly scale: number;
  /** The outcome's unit when the configuration sets it; otherwise the indicator's. */
  readonly unit?: Unit;
  /** Decimals shown in the workbook; by default from the unit. */
  readonly decimals?: number;
  /**
   * Measured only per year (Kolada, a yearly survey): the value is the year's record (on its
   * December); any period shorter than a calendar year is Kan ej bedömas, "mäts per år".
   */
  readonly yearly?: boolean;
}

/** How a formula term's months combine into the period's total (ratio-of-sums is written as a formula). */
export const TERM_COMBINES = ["sum", "mean-of-months", "latest", "mean-of-records"] as const satisfies readonly Combine[];
export type TermCombine = (typeof TERM_COMBINES)[number];

/** A named total in a formula: one measure combined over the period ("kostnad": ekonomi/kostnad summed). */
export interface FormulaTerm {
  readonly name: string;
  readonly measure: MeasureRef;
  readonly combine: TermCombine;
}

/**
 * A formula over the period's named totals: "(budget - utfall) / budget * 100" with the terms
 * utfall and budget (core/outcomes/formula.ts parses it; never eval).
 */
export interface FormulaBinding {
  readonly combine: "formula";
  readonly formula: Formula;
  readonly terms: readonly FormulaTerm[];
  /** Multiplies the result; 1 unless set. */
  readonly scale: number;
  readonly unit?: Unit;
  readonly decimals?: number;
}

/**
 * Every measure a binding reads, with the key that names it in the configuration
 * ("measure", "denominator", "terms.kostnad").
 *
 * @example bindingMeasures(formulaBinding) // [{ key: "terms.utfall", ref: { source: "ekonomi", measure: "utfall", breakdown: "" } }, …]
 */
export function bindingMeasures(binding: MeasureBinding): { readonly key: string; readonly ref: MeasureRef }[] {
  if (binding.combine === "formula") return binding.terms.map((term) => ({ key: `terms.${term.name}`, ref: term.measure }));
  return [
    { key: "measure", ref: binding.measure },
    ...(binding.denominator === undefined ? [] : [{ key: "denominator", ref: binding.denominator }]),
  ];
}

/** One entry of the configuration, validated. */
export interface BindingEntry {
  /** The indicator's name as the table writes it. */
  readonly indicator: string;
  /** A breakdown row's label under the indicator ("Kvinnor"); absent for the indicator's own row. */
  readonly breakdown?: string;
  /** Absent for an entry that only changes the status rules (or sets a status by hand). */
  readonly binding?: MeasureBinding;
  readonly status: StatusOverrides;
  /** Where the entry is in the file: "bindings[3]". */
  readonly path: string;
}

export interface Bindings {
  readonly file: string;
  readonly entries: readonly BindingEntry[];
}

/** A binding resolved against a row: the unit is known. */
export type ResolvedBinding = MeasureBinding & { readonly unit: Unit };

/** A table row (an indicator's own row or one of its breakdown rows) matched by a binding entry. */
export interface BoundRow {
  readonly indicator: Indicator;
  readonly breakdown?: Breakdown;
  /** Zero-based sheet row of the row's values. */
  readonly row: number;
  /** "Total sjukfrånvaro (%)" or "Total sjukfrånvaro (%) – Kvinnor". */
  readonly name: string;
  readonly unit: Unit;
  /** Absent when the entry only changes the status rules. */
  readonly binding?: ResolvedBinding;
  /** The entry's overrides; a breakdown row inherits polarity, tolerance and cumulative from its indicator's entry. */
  readonly status: StatusOverrides;
}

const UNITS = ["count", "percent", "percentage-points", "days", "kr", "mnkr", "index", "ratio", "number"] as const satisfies readonly Unit[];

const nonEmpty = z.string().trim().min(1);

const measureSchema = z.strictObject({
  source: nonEmpty,
  measure: nonEmpty,
  breakdown: z.string().trim().optional(),
});

const termSchema = measureSchema.extend({
  /** How the term's months combine into the period's total; "sum" unless set. */
  combine: z.enum(TERM_COMBINES).optional(),
});

const polaritySchema = z.union(
  [z.literal("higher-better"), z.literal("lower-better"), z.strictObject({ point: z.number() })],
  { error: 'väntade "higher-better", "lower-better" eller { "point": 1 }' },
);

const statusSchema = z.strictObject({
  polarity: polaritySchema.optional(),
  tolerance: z.number().min(0).optional(),
  reference: z
    .union([z.number(), z.strictObject({ year: z.number().int() })], { error: 'väntade ett tal eller { "year": 2018 }' })
    .optional(),
  cumulative: z.boolean().optional(),
  manual: z
    .strictObject({ status: z.enum(STATUSES), reason: nonEmpty })
    .optional(),
});

const entrySchema = z
  .strictObject({
    indicator: nonEmpty,
    breakdown: nonEmpty.optional(),
    measure: measureSchema.optional(),
    denominator: measureSchema.optional(),
    combine: z.enum(COMBINES).optional(),
    formula: nonEmpty.optional(),
    terms: z.record(z.string(), termSchema).optional(),
    scale: z.number().positive().optional(),
    unit: z.enum(UNITS).optional(),
    decimals: z.number().int().min(0).max(6).optional(),
    yearly: z.boolean().optional(),
    status: statusSchema.optional(),
  })
  .superRefine((entry, ctx) => {
    const problem = (path: string, message: string): void => {
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (entry.formula !== undefined || entry.terms !== undefined) {
      checkFormulaEntry(entry, ctx);
      return;
    }
    if (entry.measure === undefined) {
      if (entry.status === undefined) problem("measure", "ange measure (och combine), formula (och terms) eller status");
      if (entry.combine !== undefined) problem("measure", "combine kräver ett measure");
    } else if (entry.combine === undefined && entry.yearly !== true) {
      problem("combine", `ange hur månaderna slås ihop: ${COMBINES.join(", ")} (eller "yearly": true för ett årsvärde)`);
    }
    if (entry.yearly === true && entry.measure === undefined) problem("yearly", "yearly kräver ett measure (t.ex. ett Kolada-nyckeltal eller ett manuellt värde)");
    if (entry.yearly === true && entry.combine !== undefined && entry.combine !== "latest") {
      problem("combine", 'ett årsvärde ("yearly": true) har ett värde per år; utelämna combine eller skriv "latest"');
    }
    if (entry.combine === "ratio-of-sums" && entry.denominator === undefined) {
      problem("denominator", "ratio-of-sums kräver en nämnare (denominator), t.ex. schematimmar");
    }
    if (entry.denominator !== undefined && entry.combine !== "ratio-of-sums") {
      problem("denominator", "denominator används bara med combine ratio-of-sums");
    }
  });

/** A formula entry: no measure, denominator or combine; the formula parses; its names and the terms match. */
function checkFormulaEntry(
  entry: { formula?: string | undefined; terms?: Record<string, unknown> | undefined; measure?: unknown; denominator?: unknown; combine?: unknown },
  ctx: z.RefinementCtx,
): void {
  const problem = (path: (string | number)[], message: string): void => {
    ctx.addIssue({ code: "custom", path, message });
  };
  for (const key of ["measure", "denominator", "combine"] as const) {
    if (entry[key] !== undefined) problem([key], `används inte med formula; ange måtten under "terms" (med "combine" per term vid behov)`);
  }
  if (entry.formula === undefined) {
    problem(["formula"], `"terms" kräver en formel, t.ex. "(budget - utfall) / budget * 100"`);
    return;
  }
  const terms = Object.keys(entry.terms ?? {});
  if (entry.terms === undefined || terms.length === 0) {
    problem(["terms"], `ange formelns namn med sina mått, t.ex. { "budget": { "source": "ekonomi", "measure": "budget" } }`);
    return;
  }
  for (const name of terms) {
    if (!FORMULA_NAME.test(name)) problem(["terms", name], "ett namn i en formel består av bokstäver, siffror och _ och börjar med en bokstav");
  }
  const parsed = parseFormula(entry.formula);
  if (!parsed.ok) {
    problem(["formula"], parsed.reason);
    return;
  }
  for (const name of parsed.value.names) {
    if (!terms.includes(name)) problem(["formula"], `namnet "${name}" finns inte under "terms" (där finns ${terms.map((t) => `"${t}"`).join(", ")})`);
  }
  for (const name of terms) {
    if (!parsed.value.names.includes(name)) problem(["terms", name], `termen "${name}" används inte i formeln "${entry.formula}"`);
  }
}

const bindingsSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  bindings: z.array(entrySchema),
});

type EntryInput = z.infer<typeof entrySchema>;

function toMeasureRef(input: NonNullable<EntryInput["measure"]>): MeasureRef {
  return { source: input.source, measure: input.measure, breakdown: input.breakdown ?? "" };
}

function toPolarity(input: NonNullable<NonNullable<EntryInput["status"]>["polarity"]>): Polarity {
  if (input === "higher-better") return { kind: "higher-better" };
  if (input === "lower-better") return { kind: "lower-better" };
  return { kind: "point", point: input.point };
}

function toStatusOverrides(input: EntryInput["status"]): StatusOverrides {
  if (input === undefined) return {};
  const { polarity, tolerance, reference, cumulative, manual } = input;
  return {
    ...(polarity !== undefined && { polarity: toPolarity(polarity) }),
    ...(tolerance !== undefined && { tolerance }),
    ...(reference !== undefined && { reference: typeof reference === "number" ? { value: reference } : { year: reference.year } }),
    ...(cumulative !== undefined && { cumulative }),
    ...(manual !== undefined && { manual: { status: manual.status, reason: manual.reason } }),
  };
}

/** The formula binding of a validated entry (checkFormulaEntry has checked that it parses). */
function toFormulaBinding(input: EntryInput): FormulaBinding | undefined {
  if (input.formula === undefined || input.terms === undefined) return undefined;
  const parsed = parseFormula(input.formula);
  if (!parsed.ok) return undefined;
  return {
    combine: "formula",
    formula: parsed.value,
    terms: Object.entries(input.terms).map(([name, term]) => ({ name, measure: toMeasureRef(term), combine: term.combine ?? "sum" })),
    scale: input.scale ?? 1,
    ...(input.unit !== undefined && { unit: input.unit }),
    ...(input.decimals !== undefined && { decimals: input.decimals }),
  };
}

function toEntry(input: EntryInput, index: number): BindingEntry {
  const combine = input.combine ?? (input.yearly === true ? "latest" : undefined);
  const binding: MeasureBinding | undefined = toFormulaBinding(input) ?? (
    input.measure !== undefined && combine !== undefined
      ? {
          combine,
          measure: toMeasureRef(input.measure),
          ...(input.denominator !== undefined && { denominator: toMeasureRef(input.denominator) }),
          scale: input.scale ?? (combine === "ratio-of-sums" ? 100 : 1),
          ...(input.unit !== undefined && { unit: input.unit }),
          ...(input.decimals !== undefined && { decimals: input.decimals }),
          ...(input.yearly === true && { yearly: true }),
        }
      : undefined);
  return {
    indicator: input.indicator,
    ...(input.breakdown !== undefined && { breakdown: input.breakdown }),
    ...(binding !== undefined && { binding }),
    status: toStatusOverrides(input.status),
    path: `bindings[${index}]`,
  };
}

/**
 * The key a binding row is matched by: the indicator's and the breakdown's names, normalised.
 *
 * @example bindingRowKey({ indicator: "Total sjukfrånvaro (%)", breakdown: "Kvinnor" }) === bindingRowKey({ indicator: "total sjukfrånvaro (%).", breakdown: "kvinnor" }) // true
 */
export function bindingRowKey(entry: { readonly indicator: string; readonly breakdown?: string | undefined }): string {
  return `${normalizeName(entry.indicator)}\u0000${entry.breakdown === undefined ? "" : normalizeName(entry.breakdown)}`;
}

/**
 * Validates a bindings configuration (parsed JSON). A wrong key fails with config/invalid,
 * naming the key's path and the reason in Swedish.
 *
 * @example parseBindings({ bindings: [{ indicator: "Total sjukfrånvaro (%)", combin: "sum" }] }, "bindings.json")
 *   // fail config/invalid: Fel i konfigurationen vid "bindings[0].combin": okänd nyckel; kontrollera stavningen.
 */
export function parseBindings(json: unknown, file: string): Result<Bindings> {
  const parsed = bindingsSchema.safeParse(json);
  if (!parsed.success) {
    return fail(firstConfigIssue(parsed.error.issues, file));
  }
  const entries = parsed.data.bindings.map(toEntry);
  const seen = new Map<string, string>();
  for (const entry of entries) {
    const key = bindingRowKey(entry);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      return fail(
        issue("config/invalid", "error", {
          file,
          params: { path: `${entry.path}.indicator`, reason: `raden är redan kopplad i ${earlier}` },
        }),
      );
    }
    seen.set(key, entry.path);
  }
  return ok({ file, entries });
}

/** The status overrides a breakdown row inherits from its indicator's own entry. */
function inherited(status: StatusOverrides): StatusOverrides {
  const { polarity, tolerance, cumulative } = status;
  return {
    ...(polarity !== undefined && { polarity }),
    ...(tolerance !== undefined && { tolerance }),
    ...(cumulative !== undefined && { cumulative }),
  };
}

function entryName(entry: BindingEntry): string {
  return entry.breakdown === undefined ? entry.indicator : `${entry.indicator} – ${entry.breakdown}`;
}

/**
 * Matches the configuration to the table's rows by name (tolerant of whitespace,
 * punctuation, case and a trailing full stop). A binding that finds no row is reported
 * as binding/row-not-found, an indicator no entry names as binding/indicator-unbound. A breakdown
 * written on the indicator's own row ("JKT: 2,1" beside it) is not bound when the indicator
 * is (binding/breakdown-on-indicator-row): the row has one outcome cell, never written twice.
 *
 * @example bindIndicators(appendix, bindings)
 *   // { bound: [{ name: "Total sjukfrånvaro (%) – Kvinnor", row: 38, binding: { combine: "ratio-of-sums", … } }, …],
 *   //   issues: [{ code: "binding/indicator-unbound", raw: "E-handelstrohet, i %" }, …] }
 */
export function bindIndicators(appendix: Appendix, bindings: Bindings): { bound: BoundRow[]; issues: Issue[] } {
  const indicators = allIndicators(appendix);
  const byName = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    const key = normalizeName(indicator.name);
    byName.set(key, [...(byName.get(key) ?? []), indicator]);
  }
  const bound: BoundRow[] = [];
  const issues: Issue[] = [];
  const named = new Set<Indicator>();
  const ownEntry = new Map<Indicator, BindingEntry>();
  for (const entry of bindings.entries) {
    if (entry.breakdown !== undefined) continue;
    for (const indicator of byName.get(normalizeName(entry.indicator)) ?? []) ownEntry.set(indicator, entry);
  }

  for (const entry of bindings.entries) {
    const matches = byName.get(normalizeName(entry.indicator)) ?? [];
    let found = false;
    for (const indicator of matches) {
      named.add(indicator);
      if (entry.breakdown === undefined) {
        found = true;
        bound.push(boundRow(indicator, undefined, entry, {}));
        continue;
      }
      const label = normalizeName(entry.breakdown);
      const breakdown = indicator.breakdowns.find((candidate) => normalizeName(candidate.label) === label);
      if (breakdown === undefined) continue;
      found = true;
      const own = ownEntry.get(indicator);
      if (breakdown.row === indicator.row && own !== undefined && (own.binding !== undefined || own.status.manual !== undefined)) {
        // "JKT: 2,1" beside the indicator's own value: one outcome cell for two rows would be overwritten.
        issues.push(issue("binding/breakdown-on-indicator-row", "warning", { file: bindings.file, raw: entryName(entry), params: { path: entry.path } }));
        continue;
      }
      const parent = ownEntry.get(indicator);
      bound.push(boundRow(indicator, breakdown, entry, parent === undefined ? {} : inherited(parent.status)));
    }
    if (!found) {
      issues.push(
        issue("binding/row-not-found", "warning", {
          file: bindings.file,
          raw: entryName(entry),
          params: { path: entry.path },
        }),
      );
    }
  }

  for (const indicator of indicators) {
    if (named.has(indicator)) continue;
    issues.push(
      issue("binding/indicator-unbound", "info", { sheet: appendix.sheet, cell: indicator.cell, raw: indicator.name }),
    );
  }
  bound.sort((a, b) => a.row - b.row);
  return { bound, issues };
}

function boundRow(
  indicator: Indicator,
  breakdown: Breakdown | undefined,
  entry: BindingEntry,
  inheritedStatus: StatusOverrides,
): BoundRow {
  const unit = entry.binding?.unit ?? indicator.unit;
  return {
    indicator,
    ...(breakdown !== undefined && { breakdown }),
    row: breakdown?.row ?? indicator.row,
    name: breakdown === undefined ? indicator.name : `${indicator.name} – ${breakdown.label}`,
    unit,
    ...(entry.binding !== undefined && { binding: { ...entry.binding, unit } }),
    status: { ...inheritedStatus, ...entry.status },
  };
}

/** What checkMeasures needs of a source profile (core/sources/profile.ts SourceProfile fits). */
export interface ProfileMeasures {
  readonly id: string;
  readonly measures: ReadonlyArray<{ readonly id: string }>;
}

/**
 * Reports every measure a binding names that no source profile has (binding/measure-missing),
 * so a misspelt measure id is found before a run gives empty outcomes.
 *
 * @example checkMeasures(bindings, profiles) // [{ code: "binding/measure-missing", params: { measure: "forsorjningsstod/hushal", path: "bindings[0].measure" } }]
 */
export function checkMeasures(bindings: Bindings, profiles: readonly ProfileMeasures[]): Issue[] {
  const known = new Set(profiles.flatMap((profile) => profile.measures.map((measure) => `${profile.id}/${measure.id}`)));
  const issues: Issue[] = [];
  for (const entry of bindings.entries) {
    for (const { key, ref } of entry.binding === undefined ? [] : bindingMeasures(entry.binding)) {
      // Kolada's key figures and manual values have no source profile: they are fetched or entered.
      if (VALUE_SOURCES.includes(ref.source) || known.has(`${ref.source}/${ref.measure}`)) continue;
      issues.push(
        issue("binding/measure-missing", "error", {
          file: bindings.file,
          raw: entryName(entry),
          params: { measure: `${ref.source}/${ref.measure}`, path: `${entry.path}.${key}` },
        }),
      );
    }
  }
  return issues;
}
