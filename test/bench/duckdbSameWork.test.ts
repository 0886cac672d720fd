// The bench's DuckDB baseline must do the same work as `bilaga import` with the waiting-time
// profile, or its speed ratio means nothing: its GROUP BY (run on a generated case list, plus
// rows the import leaves out) is compared with a plain loop over the file and with the
// ledger the import writes, and the bench's check (compareTotals) must catch a difference.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { compareTotals } from "../../bench/compareTotals";
import { computeWaitingTimes, type WaitingTimeTotal } from "../../bench/duckdbBaseline";
import { generateCaseList } from "../../bench/generateCaseList";
import { importFiles } from "../../pipeline/ledger/importFiles";
import { shippedProfiles } from "../pipeline/ledgerTestKit";

const env = { BILAGA_KEY: "test-key-0123456789abcdef" };

/** Count and summed days per month and unit, by hand: "1/5 2019" is 1 May 2019; pending and negative waits left out. */
function plainTotals(file: string): Map<string, { count: number; sum: number }> {
  const lines = readFileSync(file).toString("utf16le").replace(/^\uFEFF/, "").split("\r\n").slice(1);
  const totals = new Map<string, { count: number; sum: number }>();
  const day = (text: string): number => {
    const [d, m, y] = text.split(/[/ ]/).map(Number);
    return Date.UTC(y!, m! - 1, d!) / 86_400_000;
  };
  for (const line of lines) {
    if (line === "") continue;
    const [, , first, decided, unit] = line.split("\t");
    if (!decided) continue;
    const days = day(decided) - day(first!);
    if (days < 0) continue;
    const month = `${decided.split(" ")[1]}-${decided.split(/[/ ]/)[1]!.padStart(2, "0")}`;
    for (const key of [`${month} `, `${month} ${unit}`]) {
      const total = totals.get(key) ?? { count: 0, sum: 0 };
      total.count++;
      total.sum += days;
      totals.set(key, total);
    }
  }
  return totals;
}

const keyOf = (group: WaitingTimeTotal): string => `${group.month} ${group.unit ?? ""}`;

describe("the bench's DuckDB baseline", () => {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-duckdb-"));
  const file = join(dir, "vantetider-2019-06.txt");
  const ledgerPath = join(dir, "liggare.sqlite");
  let totals: readonly WaitingTimeTotal[] = [];

  beforeAll(async () => {
    await generateCaseList(file, 5_000);
    // A decision before the first contact: the import rejects the row (within a tolerance;
    // without one, the whole file), so must DuckDB.
    appendFileSync(file, Buffer.from("AE-999999\t19500101-1234\t20/6 2019\t3/6 2019\tEB Nord\r\n", "utf16le"));
    const imported = await importFiles([file], { ledgerPath, profiles: shippedProfiles(), env, tolerance: 0.01 });
    expect(imported.files.map((f) => f.kind)).toEqual(["imported"]);
    totals = (await computeWaitingTimes(file, "utf-16")).totals;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the UTF-16 file and gives the month's total and each unit's, as a plain loop does", () => {
    const expected = plainTotals(file);
    expect(new Map(totals.map((group) => [keyOf(group), { count: group.count, sum: group.sum }]))).toEqual(expected);
    expect(totals.find((group) => group.unit === undefined)?.count).toBe(4_500); // every tenth case is pending
  });

  it("agrees with the ledger the import wrote", () => {
    const comparison = compareTotals(ledgerPath, totals);
    expect(comparison.differences).toEqual([]);
    expect(comparison.agree).toBe(true);
    expect(comparison.groups).toBe(6);
  });

  it("is caught when the ledger and DuckDB differ", () => {
    const db = new Database(ledgerPath);
    db.prepare("UPDATE records SET count = count + 1 WHERE breakdown = 'enhet=EB Syd'").run();
    db.close();
    const comparison = compareTotals(ledgerPath, totals);
    expect(comparison.agree).toBe(false);
    expect(comparison.differences.join("\n")).toContain("EB Syd");
  });
});
