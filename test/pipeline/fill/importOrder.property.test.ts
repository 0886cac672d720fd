// Importing the sample months one file at a time, in any order, gives the same outcomes and
// statuses as importing the whole folder at once (fast-check over a few random orders). Runs
// the in-process functions the commands call (importFiles, readPeriodRecords, planFill).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parsePeriod } from "../../../core/periods/period";
import { planFill } from "../../../pipeline/fill/fillWorkbook";
import { loadBindings } from "../../../pipeline/fill/loadBindings";
import { readPeriodRecords } from "../../../pipeline/fill/readPeriodRecords";
import { importFiles } from "../../../pipeline/ledger/importFiles";
import { shippedProfiles } from "../ledgerTestKit";
import { SAMPLE_EXPORTS } from "../../fixtures/sampleExportFigures";

const ROOT = join(__dirname, "../../..");
const WORKBOOK = join(ROOT, "samples", "verksamhetsplan-amn-2019.xlsx");
const FILES = readdirSync(SAMPLE_EXPORTS).filter((name) => /\.(csv|txt)$/.test(name)).sort().map((name) => join(SAMPLE_EXPORTS, name));
const env = { BILAGA_KEY: "0123456789abcdef0123456789abcdef" };
const period = (() => {
  const parsed = parsePeriod("2019-T2");
  if (!parsed.ok) throw new Error("period");
  return parsed.value;
})();

async function outcomesAfter(batches: ReadonlyArray<readonly string[]>): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-order-"));
  try {
    const ledgerPath = join(dir, "liggare.sqlite");
    const profiles = shippedProfiles();
    for (const batch of batches) {
      const report = await importFiles(batch, { ledgerPath, profiles, env });
      expect(report.files.every((f) => f.kind === "imported")).toBe(true);
    }
    const bindings = await loadBindings(join(ROOT, "samples", "config", "bindings.json"));
    const plan = await planFill({ workbook: WORKBOOK, period, records: readPeriodRecords(ledgerPath, bindings, period), bindings });
    return plan.assessment.rows.map((row) => ({
      name: row.name,
      outcome: row.outcome?.quantity,
      months: row.outcome?.monthsUsed,
      status: row.status.status,
      explanation: row.status.explanation,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it("one file at a time in any order gives the outcomes of the whole folder at once", async () => {
  const atOnce = await outcomesAfter([FILES]);
  expect((atOnce as unknown[]).length).toBeGreaterThan(5);
  await fc.assert(
    fc.asyncProperty(fc.shuffledSubarray(FILES, { minLength: FILES.length, maxLength: FILES.length }), async (order) => {
      const oneByOne = await outcomesAfter(order.map((file) => [file]));
      expect(oneByOne).toEqual(atOnce);
    }),
    { numRuns: 3 },
  );
}, 120_000);
