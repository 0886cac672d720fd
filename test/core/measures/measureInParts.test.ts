/**
 * A file measured in stretches (the pipeline reads a large file in parallel parts) must give
 * what one pass gives: the same records, distinct counts across the cuts, the same issues at
 * the same lines, the same row counts. Each stretch's part crosses a structured clone, as it
 * does between a worker thread and the main thread.
 */
import fc from "fast-check";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { formatIssue } from "../../../core/issues/messages.sv";
import { startMeasure, type Measurer, type MeasureResult } from "../../../core/measures/measure";
import type { SourceProfile } from "../../../core/sources/profile";
import { SAMPLE_PROFILES } from "../../fixtures/sampleConfiguration";
import { column, exportFiles, householdMonth, readExport } from "../../fixtures/sampleExportFigures";

const hashKey = testHasher("nyckel för testet");
const profileOf = (id: string): SourceProfile => SAMPLE_PROFILES.find((profile) => profile.id === id)!;

function open(profile: SourceProfile, header: readonly string[]): Measurer {
  const started = startMeasure(profile, header, { file: "export.csv", hashKey });
  if (!started.ok) throw new Error(formatIssue(started.issue));
  return started.value;
}

/** One pass: the header is line 1, row i is line i + 2. */
async function onePass(profile: SourceProfile, header: readonly string[], rows: readonly string[][]): Promise<MeasureResult> {
  const measurer = open(profile, header);
  rows.forEach((row, index) => measurer.push(row, index + 2));
  return (await measurer.finish());
}

/** Stretches cut before the given row indexes, each counting lines from its own start, absorbed in order. */
async function inStretches(profile: SourceProfile, header: readonly string[], rows: readonly string[][], cuts: readonly number[]): Promise<MeasureResult> {
  const bounds = [0, ...cuts, rows.length];
  const first = open(profile, header);
  rows.slice(0, bounds[1]).forEach((row, index) => first.push(row, index + 2));
  for (let k = 1; k < bounds.length - 1; k++) {
    const stretch = open(profile, header);
    rows.slice(bounds[k], bounds[k + 1]).forEach((row, index) => stretch.push(row, index + 1));
    // The header line and the rows before the stretch.
    first.absorb(structuredClone(stretch.part()), 1 + bounds[k]!);
  }
  return (await first.finish());
}

const cutsOf = (length: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: length - 1 }), { minLength: 1, maxLength: 3 }).map((cuts) => [...cuts].sort((a, b) => a - b));

describe("measuring a file in stretches and absorbing them", () => {
  const payments = readExport(exportFiles("forsorjningsstod", ["2019-06"])[0]!);
  const household = column(payments, "Hushållsnummer");
  const amount = column(payments, "Belopp");
  const paidOn = column(payments, "Utbetalningsdatum");
  // Every household's payments at both ends of the file, so cuts fall between them; a few bad
  // rows and a payment of another month, so issues and the month check cross the cuts too.
  const rows = [...payments.rows, ...[...payments.rows].reverse()].map((row, index) => {
    const copy = [...row];
    if (index % 997 === 5) copy[amount] = "tusen kronor";
    if (index === 4321) copy[paidOn] = "2019-05-31";
    return copy;
  });

  it("gives one pass's records, counts and issues wherever the cuts fall", async () => {
    const whole = await onePass(profileOf("forsorjningsstod"), payments.header, rows);
    expect(whole.issues.length).toBeGreaterThan(5);
    await fc.assert(
      fc.asyncProperty(cutsOf(rows.length), async (cuts) => {
        expect(await inStretches(profileOf("forsorjningsstod"), payments.header, rows, cuts)).toEqual(whole);
      }),
      { numRuns: 25 },
    );
  });

  it("counts a household paid on both sides of a cut once, and one paid only after it", async () => {
    // Before the cut: 60 % of the month's payments; after it: the rest, then all of them again.
    const clean = [...payments.rows, ...[...payments.rows].reverse()];
    const result = await inStretches(profileOf("forsorjningsstod"), payments.header, clean, [Math.floor(payments.rows.length * 0.6)]);
    const total = result.records.find((record) => record.measure === "hushall" && record.breakdown === "")!;
    expect(total.sum).toBe(householdMonth("2019-06").households);
    expect(new Set(payments.rows.map((row) => row[household])).size).toBe(total.sum);
  });

  it("puts an issue of a later stretch at its line in the file", async () => {
    const result = await inStretches(profileOf("forsorjningsstod"), payments.header, rows, [1000, 3000]);
    const lines = result.issues.filter((found) => found.code === "csv/unparseable-number").map((found) => found.row);
    const expected = rows.flatMap((row, index) => (row[amount] === "tusen kronor" ? [index + 2] : []));
    expect(lines).toEqual(expected);
    expect(expected.some((line) => line > 3002)).toBe(true);
  });

  it("keeps the first issues and counts every one, also past the number kept", async () => {
    const bad = payments.rows.map((row) => row.map((cell, index) => (index === amount ? "x" : cell)));
    const whole = await onePass(profileOf("forsorjningsstod"), payments.header, bad);
    expect(whole.issueCount).toBeGreaterThan(whole.issues.length);
    const parts = await inStretches(profileOf("forsorjningsstod"), payments.header, bad, [600, 2500]);
    expect(parts.issueCount).toBe(whole.issueCount);
    expect(parts.issues).toEqual(whole.issues);
  });
});
