// The sample sliced by application month (samples/exports-ansokningsmanad, profile
// vantetider-ansokan.json, "delivery": { "kind": "rows" }): the same invented cases as the
// waiting-time exports per decision month, so every decision month must give the same waiting
// days and decisions as the plain loop over the decision-month files (sampleExportFigures), in
// any import order. Read with "delivery": "any" instead, the second file is refused: the fault
// of issue 9 (later files silently replacing earlier months) cannot come back.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatIssue } from "../../../core/issues/messages.sv";
import { parseProfile } from "../../../core/sources/profile";
import { importFiles } from "../../../pipeline/ledger/importFiles";
import { openLedger } from "../../../pipeline/ledger/openLedger";
import { monthsOf2019, waitingMonth } from "../../fixtures/sampleExportFigures";
import { ROOT, ledgerFingerprint, shippedProfiles, tempLedgerPath } from "../ledgerTestKit";

const SLICED = join(ROOT, "samples", "exports-ansokningsmanad");
const FILES = readdirSync(SLICED).filter((name) => name.endsWith(".csv")).sort().map((name) => join(SLICED, name));
const env = { BILAGA_KEY: "0123456789abcdef0123456789abcdef" };

function vantedagar(ledgerPath: string, source: string) {
  const ledger = openLedger(ledgerPath, { readonly: true });
  try {
    return ledger.records({ source, measure: "vantedagar" });
  } finally {
    ledger.close();
  }
}

describe("the waiting-time cases exported per application month", () => {
  it("holds decisions of later months in each file (the slicing of issue 9)", () => {
    const later = FILES.filter((path) => {
      const month = /(\d{4}-\d{2})\.csv$/.exec(path)![1]!;
      const rows = readFileSync(path, "utf8").split("\r\n").slice(1).filter(Boolean);
      return rows.some((row) => (row.split(";")[2] ?? "").slice(0, 7) > month);
    });
    expect(later.length).toBeGreaterThanOrEqual(FILES.length - 2);
  });

  it("gives, per decision month, the waiting days and decisions of the decision-month files, in reverse order too", async () => {
    const ledgerPath = tempLedgerPath();
    const report = await importFiles([...FILES].reverse(), { ledgerPath, profiles: shippedProfiles(), env });
    expect(report.files.map((f) => [f.kind, f.kind === "imported" ? f.source : ""])).toEqual(FILES.map(() => ["imported", "vantetider-ansokan"]));
    const totals = vantedagar(ledgerPath, "vantetider-ansokan").filter((r) => r.breakdown === "");
    const expected = monthsOf2019(8).map((month) => {
      const plain = waitingMonth(month);
      return { month, sum: plain.days, count: plain.decisions };
    });
    expect(totals.map((r) => ({ month: r.month, sum: r.sum, count: r.count }))).toEqual(expected);
    // The tertial's mean waiting time (jan–aug): Σ days / Σ decisions, as the decision-month files give it.
    const days = expected.reduce((sum, m) => sum + m.sum, 0);
    const decisions = expected.reduce((sum, m) => sum + m.count, 0);
    expect(totals.reduce((sum, r) => sum + r.sum, 0) / totals.reduce((sum, r) => sum + r.count, 0)).toBeCloseTo(days / decisions, 10);
    // Rows are kept by keyed hash: no case number reaches the ledger in clear, in any form.
    const bytes = readFileSync(ledgerPath).toString("latin1") + readFileSync(ledgerPath).toString("utf8");
    const numbers = FILES.flatMap((path) => readFileSync(path, "utf8").split("\r\n").slice(1).filter(Boolean).map((row) => row.split(";")[0]!));
    expect(numbers.length).toBeGreaterThan(3000);
    expect(numbers.filter((number) => bytes.includes(number) || bytes.includes(number.replace("-", "")))).toEqual([]);
  });

  it("with a profile that gives no rule, the second file is refused and the ledger keeps the first file only", async () => {
    const json = JSON.parse(readFileSync(join(ROOT, "samples", "config", "profiles", "vantetider-ansokan.json"), "utf8")) as Record<string, unknown>;
    const parsed = parseProfile({ ...json, delivery: "any" }, "vantetider-ansokan.json");
    if (!parsed.ok) throw new Error("profile");
    const ledgerPath = tempLedgerPath();
    const first = await importFiles([FILES[1]!], { ledgerPath, profiles: [parsed.value], env });
    expect(first.files[0]!.kind).toBe("imported");
    const before = ledgerFingerprint(ledgerPath);
    const second = await importFiles([FILES[2]!], { ledgerPath, profiles: [parsed.value], env });
    const outcome = second.files[0]!;
    if (outcome.kind !== "rejected") throw new Error("expected a refusal");
    expect(formatIssue(outcome.issues[0]!)).toContain("vantetider-ansokan-2019-01.csv (inläsning 1)");
    expect(ledgerFingerprint(ledgerPath)).toBe(before);
  });
});
