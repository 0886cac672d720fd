// The bench's DuckDB baselines must do the same work as `bilaga import` with the waiting-time
// and payment profiles, or their speed ratios mean nothing: each GROUP BY (run on a generated
// file, plus rows that test the profile's rules) is compared with a plain loop over the file
// and with the ledger the import writes, and the bench's check (compareTotals.ts) must catch
// a difference.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { comparePaymentTotals, compareTotals } from "../../bench/compareTotals";
import { computeWaitingTimes, type WaitingTimeTotal } from "../../bench/duckdbBaseline";
import { computePaymentTotals, type PaymentTotal } from "../../bench/duckdbPayments";
import { generateCaseList } from "../../bench/generateCaseList";
import { generatePayments } from "../../bench/paymentsMemory";
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

/** Rows, distinct households, amount paid per month and unit, and long-term adults per month, by hand. */
function plainPaymentTotals(file: string): Map<string, { rows: number; households: number; paid: number; adults?: number }> {
  const lines = readFileSync(file).toString("latin1").split("\r\n").slice(1);
  const id = (text: string): string => text.toUpperCase().split(/[\s-]/).join("");
  const groups = new Map<string, { rows: number; households: Set<string>; paidInOre: number; adults: Set<string> }>();
  for (const line of lines) {
    if (line === "") continue;
    const [household, person, , coApplicant, , , since, paidOn, amount, unit] = line.split(";");
    const month = paidOn!.slice(0, 7);
    // More than 24 months: the date 24 months on (its day kept within the month) is before the month's last day.
    const [y, m, d] = since!.split("-").map(Number);
    const later = new Date(Date.UTC(y! + 2, m! - 1, Math.min(d!, new Date(Date.UTC(y! + 2, m!, 0)).getUTCDate())));
    const monthEnd = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
    const longTerm = later < monthEnd;
    for (const key of [`${month} `, `${month} ${unit}`]) {
      const group = groups.get(key) ?? { rows: 0, households: new Set<string>(), paidInOre: 0, adults: new Set<string>() };
      group.rows++;
      group.households.add(id(household!));
      group.paidInOre += Math.round(Number(amount!.replace(",", ".")) * 100);
      if (longTerm) for (const adult of [person!, coApplicant!]) if (id(adult) !== "") group.adults.add(id(adult));
      groups.set(key, group);
    }
  }
  return new Map(
    [...groups].map(([key, group]) => [
      key,
      { rows: group.rows, households: group.households.size, paid: group.paidInOre / 100, ...(key.endsWith(" ") ? { adults: group.adults.size } : {}) },
    ]),
  );
}

describe("the bench's DuckDB baseline for the payment list", () => {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-duckdb-payments-"));
  const file = join(dir, "forsorjningsstod-2019-06.csv");
  const ledgerPath = join(dir, "liggare.sqlite");
  let totals: readonly PaymentTotal[] = [];

  beforeAll(async () => {
    await generatePayments(file, 3_000, 700);
    // Ids written otherwise (one household, one adult), an adult 24 months to the day before
    // the month's end (not more than 24: not counted) and one a day longer (counted).
    appendFileSync(
      file,
      Buffer.from(
        "h-100001;194101021014;Testperson Påhittad;;1;1;2016-03-01;2019-06-03;100,00;EB Syd\r\n" +
          "H900001;19990909-9990;Testperson Påhittad;;1;0;2017-06-30;2019-06-04;200,25;EB Nord\r\n" +
          "H900002;19990909-9981;Testperson Påhittad;19990909 9972;2;0;2017-06-29;2019-06-05;300,50;EB Nord\r\n",
        "latin1",
      ),
    );
    const imported = await importFiles([file], { ledgerPath, profiles: shippedProfiles(), env });
    expect(imported.files.map((f) => f.kind)).toEqual(["imported"]);
    totals = (await computePaymentTotals(file)).totals;
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives each month's and unit's households, amount and long-term adults, as a plain loop does", () => {
    const byKey = new Map(
      totals.map((group) => [
        `${group.month} ${group.unit ?? ""}`,
        { rows: group.rows, households: group.households, paid: group.paid, ...(group.adults !== undefined ? { adults: group.adults } : {}) },
      ]),
    );
    expect(byKey).toEqual(plainPaymentTotals(file));
    expect(byKey.get("2019-06 ")?.households).toBe(702); // "h-100001" is H100001; two new households
  });

  it("agrees with the ledger the import wrote", () => {
    const comparison = comparePaymentTotals(ledgerPath, totals);
    expect(comparison.differences).toEqual([]);
    expect(comparison.agree).toBe(true);
    expect(comparison.counted).toBe(3_003);
  });

  it("is caught when the ledger and DuckDB differ", () => {
    const db = new Database(ledgerPath);
    db.prepare("UPDATE records SET sum = sum + 1 WHERE measure = 'vuxna-langvarigt'").run();
    db.close();
    const comparison = comparePaymentTotals(ledgerPath, totals);
    expect(comparison.agree).toBe(false);
    expect(comparison.differences.join("\n")).toContain("vuxna");
  });
});
