// Hand-built indicators for the status tests: the seed's rows, independent of the table reader.
import type { Baseline, Breakdown, CellValue, Indicator, Polarity, Quantity, Target, Unit } from "../../../core/model";
import type { Outcome } from "../../../core/outcomes/outcome";

export const q = (value: number, unit: Unit = "count"): Quantity => ({ value, unit });

const cellValue = (value: number | string, unit: Unit): CellValue =>
  typeof value === "number"
    ? { kind: "number", quantity: q(value, unit), footnotes: [] }
    : value === "-" || value === "–"
      ? { kind: "missing", raw: value }
      : { kind: "text", text: value, footnotes: [] };

export interface RowSpec {
  readonly name: string;
  readonly unit?: Unit;
  readonly polarity?: Polarity;
  /** Earlier outcomes by year. */
  readonly outcomes?: Readonly<Record<number, number | string>>;
  /** Targets by year. */
  readonly targets?: Readonly<Record<number, Target>>;
  readonly baseline?: Baseline;
  readonly breakdowns?: readonly Breakdown[];
}

export function indicator(spec: RowSpec): Indicator {
  const unit = spec.unit ?? "count";
  return {
    id: spec.name.toLowerCase().replace(/[^a-zåäö0-9]+/g, "-"),
    name: spec.name,
    row: 10,
    cell: "D11",
    unit,
    polarity: spec.polarity ?? { kind: "higher-better" },
    polaritySource: "configured",
    outcomes: Object.entries(spec.outcomes ?? {}).map(([year, value]) => ({
      year: Number(year),
      cell: "E11",
      raw: String(value),
      value: cellValue(value, unit),
    })),
    targets: Object.entries(spec.targets ?? {}).map(([year, target]) => ({ year: Number(year), cell: "G11", raw: "", target, footnotes: [] })),
    breakdowns: spec.breakdowns ?? [],
    notes: [],
    ...(spec.baseline !== undefined && { baseline: spec.baseline }),
    footnotes: [],
    extra: [],
  };
}

export function breakdown(label: string, spec: Pick<RowSpec, "outcomes" | "targets" | "unit">, row = 11): Breakdown {
  const unit = spec.unit ?? "count";
  return {
    kind: "gender",
    label,
    row,
    cell: `D${row + 1}`,
    outcomes: Object.entries(spec.outcomes ?? {}).map(([year, value]) => ({ year: Number(year), cell: "E", raw: String(value), value: cellValue(value, unit) })),
    targets: Object.entries(spec.targets ?? {}).map(([year, target]) => ({ year: Number(year), cell: "G", raw: "", target, footnotes: [] })),
    extra: [],
  };
}

export function outcome(value: number, unit: Unit, months: readonly string[], combine: Outcome["combine"] = "mean-of-months"): Outcome {
  return {
    quantity: q(value, unit),
    combine,
    monthsUsed: months,
    missingMonths: [],
    series: months.map((month) => ({ month, sum: value / months.length, count: 1 })),
  };
}

export const value = (n: number, unit: Unit = "count"): Target => ({ kind: "value", quantity: q(n, unit) });
export const atLeast = (n: number, unit: Unit = "count"): Target => ({ kind: "at-least", quantity: q(n, unit) });
export const atMost = (n: number, unit: Unit = "count"): Target => ({ kind: "at-most", quantity: q(n, unit) });
export const direction = (d: "increase" | "decrease" | "not-increase" | "not-decrease"): Target => ({ kind: "direction", direction: d });
