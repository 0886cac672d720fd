/**
 * How a new delivered file combines with the deliveries held already, month by month, as its
 * source profile's `delivery` says (core/sources/profile.ts deliverySchema). Pure: the ledger
 * (pipeline) and the Månadsdata sheet (add-in) each say what they hold and apply the plan, so
 * a file never replaces or adds to data without the plan saying which and why, and a file the
 * profile gives no rule for is refused (delivery/overlap) before anything is written.
 *
 * @example
 * planDelivery("any", { file: "vantetider-ansokan-2019-03.txt", source: "vantetider", months: ["2019-03", "2019-04"] },
 *   [{ month: "2019-04", delivery: { id: 2, file: "vantetider-ansokan-2019-02.txt" }, lastMonth: "2019-05" }])
 * // fail delivery/overlap { months: "2019-04", earlier: "vantetider-ansokan-2019-02.txt (inläsning 2)" }
 * planDelivery("cumulative", { file: "alla-2019-03.txt", source: "vantetider", months: ["2019-01", "2019-03"] }, [])
 * // ok [{ month: "2019-01", action: "replace", … }, { month: "2019-02", … }, { month: "2019-03", … }]
 */
import { issue, type Issue } from "../issues/issues";
import { fail, ok, type Result } from "../issues/result";
import { monthOf, splitMonth } from "../periods/period";
import { deliveryKind, type DeliveryMode } from "../sources/profile";
import type { Month } from "./records";

/** An earlier delivery: its id where it is kept (a ledger batch number; none for the sheet) and its file. */
export interface DeliveryRef {
  readonly id?: number;
  readonly file: string;
}

/** One month an earlier delivery holds now. */
export interface HeldMonth {
  readonly month: Month;
  readonly delivery: DeliveryRef;
  /** The last month that delivery covers: of two cumulative files, the one reaching further is newer. */
  readonly lastMonth: Month;
  /** Parts (units) it holds for the month, for "parts" deliveries. */
  readonly parts?: readonly string[];
  /** Rows it gave the month, when known. */
  readonly rows?: number;
  /** Its delivery mode's kind, when the store knows it ("rows" and "parts" keep shares the others do not). */
  readonly kind?: string;
}

/** The new file, as measured. */
export interface IncomingDelivery {
  readonly file: string;
  readonly source: string;
  /** Months its counted rows fall in, sorted. */
  readonly months: readonly Month[];
  /** Parts (units) per month, for "parts" deliveries. */
  readonly parts?: Readonly<Record<Month, readonly string[]>>;
}

/**
 * What the file does to one month:
 * - replace: its data is the month's now; `replaces` are the earlier deliveries it takes over from;
 * - add: its data is added to `keeps` (other units' parts);
 * - superseded: a newer cumulative delivery (`keeps`) stays; this file's data for the month is not used;
 * - rows: rows replace rows by their key (the store compares keys; month-level nothing is dropped).
 */
export interface MonthAction {
  readonly month: Month;
  readonly action: "replace" | "add" | "superseded" | "rows";
  readonly replaces: readonly HeldMonth[];
  readonly keeps: readonly HeldMonth[];
}

/** "2019-01".."2019-03" -> ["2019-01", "2019-02", "2019-03"]. */
export function monthsFromTo(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  let { year, month } = splitMonth(first);
  for (let current = first; current <= last && months.length < 1200; current = monthOf(year, month)) {
    months.push(current);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/**
 * The months a file speaks for: a cumulative file ("everything so far") every month from its
 * first to its last, also a month without a counted row (it says that month had none); any
 * other file the months of its rows.
 */
export function coveredMonths(mode: DeliveryMode, months: readonly Month[]): Month[] {
  const sorted = [...new Set(months)].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (deliveryKind(mode) !== "cumulative" || first === undefined || last === undefined) return sorted;
  return monthsFromTo(first, last);
}

/** "a.txt (inläsning 3), b.txt" */
export function describeDeliveries(held: readonly HeldMonth[]): string {
  const seen = new Map<string, DeliveryRef>();
  for (const one of held) seen.set(`${one.delivery.id ?? ""}\u0000${one.delivery.file}`, one.delivery);
  return [...seen.values()].map((ref) => (ref.id === undefined ? ref.file : `${ref.file} (inläsning ${ref.id})`)).join(", ");
}

/** The plan for each covered month, or the issue that refuses the file (nothing is to be written then). */
export function planDelivery(mode: DeliveryMode, incoming: IncomingDelivery, held: readonly HeldMonth[]): Result<MonthAction[]> {
  const kind = deliveryKind(mode);
  const covered = coveredMonths(mode, incoming.months);
  const heldIn = (month: Month): HeldMonth[] => held.filter((one) => one.month === month);
  const lastMonth = covered[covered.length - 1] ?? "";

  if (kind === "any") {
    const overlapping = held.filter((one) => covered.includes(one.month));
    if (overlapping.length > 0) {
      const months = [...new Set(overlapping.map((one) => one.month))].sort();
      return fail(overlapIssue(incoming, months, overlapping));
    }
  }

  // A "rows" or "parts" month is kept as its rows or parts; a file of another kind cannot take
  // over or add to it (nor the other way round) without losing what the other kept.
  const shareKinds = new Set(["rows", "parts"]);
  const mixed = held.filter(
    (one) => covered.includes(one.month) && one.kind !== undefined && one.kind !== kind && (shareKinds.has(one.kind) || shareKinds.has(kind)),
  );
  if (mixed.length > 0) {
    return fail(
      issue("delivery/mixed-modes", "error", {
        file: incoming.file,
        params: {
          source: incoming.source,
          months: [...new Set(mixed.map((one) => one.month))].sort().join(", "),
          earlier: describeDeliveries(mixed),
          earlierKind: mixed[0]!.kind ?? "",
          kind,
        },
      }),
    );
  }

  const actions: MonthAction[] = [];
  for (const month of covered) {
    const earlier = heldIn(month);
    switch (kind) {
      case "any":
      case "one-month":
        actions.push({ month, action: "replace", replaces: earlier, keeps: [] });
        break;
      case "cumulative": {
        // Of two cumulative files the one that reaches a later month is newer; at the same last
        // month the file imported later is a corrected re-send and replaces.
        const newer = earlier.filter((one) => one.lastMonth > lastMonth);
        if (newer.length > 0) actions.push({ month, action: "superseded", replaces: [], keeps: newer });
        else actions.push({ month, action: "replace", replaces: earlier, keeps: [] });
        break;
      }
      case "rows":
        actions.push({ month, action: "rows", replaces: [], keeps: earlier });
        break;
      case "parts": {
        const mine = new Set(incoming.parts?.[month] ?? []);
        const replaces: HeldMonth[] = [];
        const keeps: HeldMonth[] = [];
        for (const one of earlier) {
          const theirs = one.parts ?? [];
          const shared = theirs.filter((part) => mine.has(part)).length;
          if (shared === 0 && theirs.length > 0) keeps.push(one);
          else if (shared === theirs.length) replaces.push(one);
          else return fail(partOverlapIssue(incoming, month, one, shared, mine.size));
        }
        actions.push({ month, action: keeps.length > 0 ? "add" : "replace", replaces, keeps });
        break;
      }
    }
  }
  return ok(actions);
}

function overlapIssue(incoming: IncomingDelivery, months: readonly Month[], overlapping: readonly HeldMonth[]): Issue {
  return issue("delivery/overlap", "error", {
    file: incoming.file,
    params: { source: incoming.source, months: months.join(", "), earlier: describeDeliveries(overlapping) },
  });
}

function partOverlapIssue(incoming: IncomingDelivery, month: Month, earlier: HeldMonth, shared: number, mine: number): Issue {
  return issue("delivery/part-overlap", "error", {
    file: incoming.file,
    params: {
      source: incoming.source,
      month,
      earlier: describeDeliveries([earlier]),
      shared,
      theirs: earlier.parts?.length ?? 0,
      mine,
    },
  });
}
