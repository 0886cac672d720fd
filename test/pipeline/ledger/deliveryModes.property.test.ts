// Issue 9: no delivery is lost or counted twice, however a source slices its files.
// - "rows": any partition of one case list into files (by any column, or any way at all),
//   imported in any order with any number of repeats, gives exactly the ledger of the whole
//   list imported as one file, and the figures of a plain loop over the cases.
// - "cumulative": a file "all cases so far" sent every month, cases changing from pending to
//   decided between sends, imported in any order with repeats, gives exactly the newest send.
// Both also equal the whole list read with "any" (the plain one-file path, no keyed rows).
import { rmSync } from "node:fs";
import fc from "fast-check";
import { tempLedgerPath } from "../ledgerTestKit";
import {
  caseLine,
  caseProfile,
  csvText,
  decidedDay,
  decisionMonth,
  importInto,
  isoDay,
  ledgerFigures,
  plainFigures,
  recordsOf,
  writeFiles,
  type Case,
} from "./deliveryTestKit";

const UNITS = ["EB Nord", "EB Syd", "EB Ungdom"];

/** 1–40 cases applied in January–April 2019; about one in five still pending. */
const caseList = fc
  .array(
    fc.record({
      applied: fc.integer({ min: 0, max: 119 }),
      wait: fc.option(fc.integer({ min: 0, max: 70 }), { freq: 5 }),
      unit: fc.constantFrom(...UNITS),
      applicant: fc.integer({ min: 1, max: 12 }).map((n) => `P${n}`),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((cases): Case[] => cases.map((c, index) => ({ ...c, number: 1000 + index })));

/** How the list is cut into files: by a column's value, or each case to any file. */
const slicing = fc.oneof(
  fc.constant<"application-month">("application-month"),
  fc.constant<"decision-month">("decision-month"),
  fc.constant<"unit">("unit"),
  fc.constant<"applicant">("applicant"),
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
);

function sliceOf(c: Case, index: number, how: "application-month" | "decision-month" | "unit" | "applicant" | number[]): string {
  if (Array.isArray(how)) return `del-${how[index]}`;
  switch (how) {
    case "application-month":
      return isoDay(c.applied).slice(0, 7);
    case "decision-month":
      return decisionMonth(c) ?? "pagaende";
    case "unit":
      return c.unit.replace(" ", "-");
    case "applicant":
      return c.applicant;
  }
}

function byKey(a: { source: string; measure: string; month: string; breakdown: string }, b: typeof a): number {
  return `${a.source}|${a.measure}|${a.month}|${a.breakdown}`.localeCompare(`${b.source}|${b.measure}|${b.month}|${b.breakdown}`);
}

describe('"rows": a list sliced into files', () => {
  it("any partition, any order, any repeats: exactly the whole list's ledger and the plain loop's figures", async () => {
    await fc.assert(
      fc.asyncProperty(caseList, slicing, fc.integer({ min: 0, max: 2 ** 30 }), fc.array(fc.nat(), { maxLength: 4 }), async (cases, how, seed, repeats) => {
        const slices = new Map<string, string[]>();
        cases.forEach((c, index) => {
          const name = sliceOf(c, index, how);
          slices.set(name, [...(slices.get(name) ?? []), caseLine(c)]);
        });
        const whole = writeFiles([["hela-listan.csv", csvText(cases.map((c) => caseLine(c)))]]);
        const parts = writeFiles([...slices].map(([name, lines]) => [`arenden-${name}.csv`, csvText(lines)] as const));
        try {
          // Any order (a seeded shuffle) with repeats of any file.
          const order = [...parts.paths, ...repeats.map((n) => parts.paths[n % parts.paths.length]!)];
          let state = seed;
          for (let i = order.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2 ** 31;
            const j = state % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const sliced = tempLedgerPath();
          const outcomes = [];
          for (const path of order) outcomes.push(...(await importInto(sliced, [path], caseProfile({ kind: "rows", key: "Ärendenummer" }))));
          // Every slice is read once; each repeat is "Redan inläst"; nothing is refused.
          expect(outcomes.filter((o) => o.kind === "rejected")).toEqual([]);
          expect(outcomes.filter((o) => o.kind === "unchanged")).toHaveLength(repeats.length);

          const wholeRows = tempLedgerPath();
          await importInto(wholeRows, whole.paths, caseProfile({ kind: "rows", key: "Ärendenummer" }));
          const wholeAny = tempLedgerPath();
          await importInto(wholeAny, whole.paths, caseProfile("any"));

          const got = recordsOf(sliced).sort(byKey);
          expect(got).toEqual(recordsOf(wholeRows).sort(byKey));
          expect(got).toEqual(recordsOf(wholeAny).sort(byKey));
          expect(ledgerFigures(got)).toEqual(plainFigures(cases));
        } finally {
          rmSync(whole.dir, { recursive: true, force: true });
          rmSync(parts.dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 30 },
    );
  }, 180_000);
});

describe('"cumulative": everything so far, re-sent every month', () => {
  it("sends in any order with repeats, cases decided between sends: exactly the newest send", async () => {
    await fc.assert(
      fc.asyncProperty(caseList, fc.integer({ min: 0, max: 2 ** 30 }), fc.array(fc.nat(), { maxLength: 3 }), async (generated, seed, repeats) => {
        // Each month's send ends on its last day and has a decision that month (so it reaches it).
        const sendEnds = [30, 58, 89, 119]; // 31 jan, 28 feb, 31 mar, 30 apr (days since 1 jan)
        const anchors: Case[] = sendEnds.map((end, index) => ({ number: 9000 + index, applied: end - 3, wait: 2, unit: "EB Nord", applicant: "P1" }));
        const cases = [...generated, ...anchors];
        const sends = sendEnds.map((end, index) => {
          const known = cases.filter((c) => c.applied <= end);
          return [`alla-arenden-t-o-m-${index + 1}.csv`, csvText(known.map((c) => caseLine(c, end)))] as const;
        });
        const files = writeFiles(sends);
        const newest = sendEnds[sendEnds.length - 1]!;
        // The newest send's state: a decision after its day is still pending in it.
        const asOfNewest = cases.filter((c) => c.applied <= newest).map((c) => ({ ...c, wait: decidedDay(c) !== undefined && decidedDay(c)! <= newest ? c.wait : null }));
        try {
          const order = [...files.paths, ...repeats.map((n) => files.paths[n % files.paths.length]!)];
          let state = seed;
          for (let i = order.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2 ** 31;
            const j = state % (i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const sent = tempLedgerPath();
          for (const path of order) {
            const [outcome] = await importInto(sent, [path], caseProfile("cumulative"));
            expect(outcome?.kind).not.toBe("rejected");
          }
          const latestOnly = tempLedgerPath();
          await importInto(latestOnly, [files.paths[files.paths.length - 1]!], caseProfile("cumulative"));
          const latestAny = tempLedgerPath();
          await importInto(latestAny, [files.paths[files.paths.length - 1]!], caseProfile("any"));

          const got = recordsOf(sent).sort(byKey);
          expect(got).toEqual(recordsOf(latestOnly).sort(byKey));
          expect(got).toEqual(recordsOf(latestAny).sort(byKey));
          expect(ledgerFigures(got)).toEqual(plainFigures(asOfNewest));
        } finally {
          rmSync(files.dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
