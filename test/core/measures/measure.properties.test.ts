/**
 * Invariants of measuring (fast-check): the records do not depend on row order, and the
 * breakdown records add up to the total (sums and counts; the union of ids for distinct).
 */
import fc from "fast-check";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { startMeasure, type MeasureResult } from "../../../core/measures/measure";
import { parseProfile, type SourceProfile } from "../../../core/sources/profile";

const parsed = parseProfile(
  {
    id: "prov",
    name: "Provexport",
    recognise: { headers: ["Id", "Period"] },
    month: { column: "Period", format: "month" },
    filters: [{ column: "Status", notEquals: "Makulerad" }],
    dimensions: {
      kon: { column: "Kön", values: { Kvinna: "K", Man: "M" } },
      enhet: { column: "Enhet" },
    },
    measures: [
      { id: "personer", kind: "distinct", column: "Id", breakdowns: ["kon", "enhet", ["enhet", "kon"]] },
      { id: "timmar", kind: "sum", column: "Timmar", breakdowns: ["kon", "enhet", ["enhet", "kon"]] },
      { id: "rader", kind: "count", breakdowns: ["kon", "enhet"] },
      { id: "dagar", kind: "duration", start: "Start", end: "Slut", breakdowns: ["kon", "enhet", ["enhet", "kon"]] },
    ],
  },
  "prov.json",
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issue));
const profile: SourceProfile = parsed.value;
const HEADER = ["Id", "Period", "Status", "Kön", "Enhet", "Timmar", "Start", "Slut"];

/** "12 345,67" with a no-break space, as Swedish Excel writes hundredths. */
function swedish(hundredths: number): string {
  const whole = String(Math.floor(hundredths / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return `${whole},${String(hundredths % 100).padStart(2, "0")}`;
}

const row = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map((n) => `P${n}`),
  month: fc.constantFrom("2019-01", "201902", "mars 2019"),
  status: fc.constantFrom("Aktiv", "Aktiv", "Aktiv", "Makulerad"),
  gender: fc.constantFrom("Kvinna", "Man", "K", ""),
  unit: fc.constantFrom("JKT", "OSA", "AMS"),
  hours: fc.oneof(fc.integer({ min: 0, max: 2_000_000 }).map(swedish), fc.constant("saknas")),
  start: fc.integer({ min: 1, max: 28 }),
  wait: fc.oneof(fc.integer({ min: 0, max: 60 }).map(String), fc.constant("")),
});
type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function fields(r: Row): string[] {
  const start = `2018-12-${String(r.start).padStart(2, "0")}`;
  const end = r.wait === "" ? "" : new Date(Date.UTC(2018, 11, r.start + Number(r.wait))).toISOString().slice(0, 10);
  return [r.id, r.month, r.status, r.gender, r.unit, r.hours, start, end];
}

async function run(rows: readonly { line: number; fields: string[] }[]): Promise<MeasureResult> {
  const started = startMeasure(profile, HEADER, { file: "prov.csv", hashKey: testHasher("k") });
  if (!started.ok) throw new Error("start");
  for (const r of rows) started.value.push(r.fields, r.line);
  return (await started.value.finish());
}

const numbered = (rows: Row[]): { line: number; fields: string[] }[] => rows.map((r, i) => ({ line: i + 2, fields: fields(r) }));

describe("measuring, for any rows", () => {
  it("gives the same records, counts and issues whatever the order of the rows", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 80 }).chain((rows) => {
          const lines = numbered(rows);
          return fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length }));
        }),
        async ([inOrder, shuffled]) => {
          const a = await run(inOrder);
          const b = await run(shuffled);
          expect(b.records).toEqual(a.records);
          expect(b.months).toEqual(a.months);
          expect([b.rowsRead, b.rowsAccepted, b.rowsRejected, b.rowsFiltered]).toEqual([a.rowsRead, a.rowsAccepted, a.rowsRejected, a.rowsFiltered]);
          const byLine = (result: MeasureResult): string[] => result.issues.map((found) => JSON.stringify(found)).sort();
          expect(byLine(b)).toEqual(byLine(a));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("has breakdown records that add up to the total, in every month and every breakdown", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 80 }), async (rows) => {
        const result = await run(numbered(rows));
        for (const month of result.months) {
          for (const measure of ["personer", "timmar", "rader", "dagar"]) {
            const records = result.records.filter((r) => r.month === month && r.measure === measure);
            const total = records.find((r) => r.breakdown === "")!;
            expect(total).toBeDefined();
            const families = new Map<string, typeof records>();
            for (const r of records) {
              if (r.breakdown === "") continue;
              const family = r.breakdown.split("&").map((part) => part.split("=")[0]).join("&");
              families.set(family, [...(families.get(family) ?? []), r]);
            }
            // Nothing counted (all pending, say): a zero total and no breakdowns.
            expect(families.size > 0).toBe(total.count > 0);
            for (const [, parts] of families) {
              if (measure === "personer") {
                // A person's id falls in one value of a breakdown per row; together they are the total's ids.
                const union = new Set(parts.flatMap((r) => r.keys ?? []));
                expect([...union].sort()).toEqual(total.keys);
              } else {
                const scaled = (x: number): number => Math.round(x * 10_000);
                expect(parts.reduce((s, r) => s + scaled(r.sum), 0)).toBe(scaled(total.sum));
              }
              expect(parts.reduce((s, r) => s + r.count, 0)).toBe(total.count);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("accepts, rejects or filters every row it reads", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 60 }), async (rows) => {
        const result = await run(numbered(rows));
        expect(result.rowsRead).toBe(rows.length);
        expect(result.rowsAccepted + result.rowsRejected + result.rowsFiltered).toBe(rows.length);
        expect(result.rowsRejected).toBe(rows.filter((r) => r.status !== "Makulerad" && r.hours === "saknas").length);
      }),
    );
  });
});
