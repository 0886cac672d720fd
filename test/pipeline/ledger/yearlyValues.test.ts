// The ledger's yearly values (migration 004): the same manual entry twice changes nothing, a
// changed value is added and the earlier kept as history, an older entry read later does not
// replace a newer one, and Kolada's missing values are kept as missing (null), never 0.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { Issue } from "../../../core/issues/issues";
import { formatIssue } from "../../../core/issues/messages.sv";
import type { ManualValue } from "../../../core/manual/manualValue";
import { openLedger } from "../../../pipeline/ledger/openLedger";
import { readKoladaValues, readManualHistory, readManualValues, readYearlyRecords, writeKoladaValues, writeManualValues } from "../../../pipeline/ledger/yearlyValues";
import { importYearlyValues } from "../../../pipeline/ledger/importYearlyValues";
import { tempLedgerPath } from "../ledgerTestKit";

const avi = (value: number, enteredAt: string, enteredBy = "AB"): ManualValue => ({ measure: "avi", breakdown: "", year: 2019, value, enteredBy, enteredAt, sourceText: "Medarbetarenkät 2019" });

describe("manual values in the ledger", () => {
  it("stores an entry once, adds a changed value and keeps the earlier as history", () => {
    const ledger = openLedger(tempLedgerPath());
    expect(writeManualValues(ledger.db, [avi(110, "2020-01-15")], "a.csv")).toMatchObject({ added: 1, changed: 0, unchanged: 0 });
    expect(writeManualValues(ledger.db, [avi(110, "2020-01-15")], "a.csv")).toMatchObject({ added: 0, changed: 0, unchanged: 1 });
    const changed = writeManualValues(ledger.db, [avi(112, "2020-02-10", "CD")], "b.csv");
    expect(changed).toMatchObject({ added: 0, changed: 1, unchanged: 0 });
    expect(changed.issues[0]?.params).toMatchObject({ old: 110, oldBy: "AB", oldAt: "2020-01-15", new: 112, newBy: "CD", newAt: "2020-02-10" });
    expect(readManualValues(ledger.db).map((v) => v.value)).toEqual([112]);
    expect(readManualHistory(ledger.db).map((v) => [v.value, v.enteredBy, v.enteredAt, v.origin])).toEqual([
      [110, "AB", "2020-01-15", "a.csv"],
      [112, "CD", "2020-02-10", "b.csv"],
    ]);
    // An older entry read later (a file from January read again) is history, not the value.
    expect(writeManualValues(ledger.db, [avi(105, "2020-01-01")], "old.csv")).toMatchObject({ added: 0, changed: 0, older: 1, issues: [] });
    expect(readManualValues(ledger.db).map((v) => v.value)).toEqual([112]);
    expect(readYearlyRecords(ledger.db)).toEqual([{ source: "manuell", measure: "avi", month: "2019-12", breakdown: "", sum: 112, count: 1 }]);
    ledger.close();
  });

  it("whatever the order the entries are stored in, the newest counts and none is lost", () => {
    const entries = [avi(101, "2020-01-01"), avi(102, "2020-01-02"), avi(103, "2020-01-03"), { ...avi(7, "2020-01-02"), breakdown: "kon=K" }];
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }), (order) => {
        const ledger = openLedger(tempLedgerPath());
        for (const entry of order) writeManualValues(ledger.db, [entry], "x.csv");
        // Independently: per breakdown, the entry with the latest date.
        const expected = new Map<string, number>();
        for (const e of [...entries].sort((a, b) => a.enteredAt.localeCompare(b.enteredAt))) expected.set(e.breakdown, e.value);
        const current = new Map(readManualValues(ledger.db).map((v) => [v.breakdown, v.value]));
        const history = readManualHistory(ledger.db).length;
        ledger.close();
        expect(current).toEqual(expected);
        expect(history).toBe(entries.length);
      }),
      { numRuns: 25 },
    );
  });
});

describe("Kolada values in the ledger", () => {
  it("keeps a missing value as missing, and counts only new or changed values", () => {
    const ledger = openLedger(tempLedgerPath());
    const values = [
      { kpi: "N00011", municipality: "0580", year: 2016, gender: "T" as const, value: null, status: "Missing" },
      { kpi: "N00011", municipality: "0580", year: 2019, gender: "T" as const, value: 4.3, status: "" },
    ];
    expect(writeKoladaValues(ledger.db, values, "a.json")).toBe(2);
    expect(writeKoladaValues(ledger.db, values, "a.json")).toBe(0);
    expect(writeKoladaValues(ledger.db, [{ ...values[1]!, value: 4.4 }], "b.json")).toBe(1);
    expect(readKoladaValues(ledger.db).map((v) => [v.year, v.value, v.status])).toEqual([
      [2016, null, "Missing"],
      [2019, 4.4, ""],
    ]);
    expect(readYearlyRecords(ledger.db).map((r) => [r.month, r.sum])).toEqual([["2019-12", 4.4]]);
    ledger.close();
  });
});

describe("a Kolada value the ledger holds", () => {
  const v2019 = { kpi: "N00011", municipality: "0580", year: 2019, gender: "T" as const, value: 4.3, status: "" };

  it("is not replaced by a newer response that lacks it: the number stays and a message says so", () => {
    const ledger = openLedger(tempLedgerPath());
    writeKoladaValues(ledger.db, [v2019], "a.json");
    const issues: Issue[] = [];
    expect(writeKoladaValues(ledger.db, [{ ...v2019, value: null, status: "Missing" }], "b.json", new Date(), issues)).toBe(0);
    expect(readYearlyRecords(ledger.db).map((r) => [r.month, r.sum])).toEqual([["2019-12", 4.3]]);
    expect(issues.map(formatIssue)).toEqual([
      'Info: b.json: Koladas nyare svar (ur "b.json") saknar värde för nyckeltal N00011, kommun 0580, 2019 (kön T, status "Missing"); liggarens värde 4,3 (ur "a.json") behålls.',
    ]);
    ledger.close();
  });

  it("replaced by a revised number says old -> new, with both files", () => {
    const ledger = openLedger(tempLedgerPath());
    writeKoladaValues(ledger.db, [v2019], "a.json");
    const issues: Issue[] = [];
    expect(writeKoladaValues(ledger.db, [{ ...v2019, value: 4.4 }], "b.json", new Date(), issues)).toBe(1);
    expect(readYearlyRecords(ledger.db).map((r) => [r.month, r.sum])).toEqual([["2019-12", 4.4]]);
    expect(issues.map(formatIssue)).toEqual([
      'Info: b.json: Koladas värde för nyckeltal N00011, kommun 0580, 2019 (kön T) ersätts: 4,3 (ur "a.json") byts mot 4,4 (ur "b.json"), det senast lästa svaret. Kontrollera att det är rätt svar.',
    ]);
    // The same value read again says nothing.
    const again: Issue[] = [];
    writeKoladaValues(ledger.db, [{ ...v2019, value: 4.4 }], "c.json", new Date(), again);
    expect(again).toEqual([]);
    ledger.close();
  });
});

describe("importYearlyValues (bilaga kolada, bilaga run)", () => {
  it("hands on the message when a later file lacks a value the ledger holds", () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-kolada-"));
    const response = (value: number | null) => JSON.stringify({ values: [{ kpi: "N00011", municipality: "0580", period: 2019, values: [{ gender: "T", status: value === null ? "Missing" : "", value }] }] });
    const [a, b] = [join(dir, "a.json"), join(dir, "b.json")];
    writeFileSync(a, response(4.3));
    writeFileSync(b, response(null));
    const ledgerPath = tempLedgerPath();
    const result = importYearlyValues(ledgerPath, { koladaFiles: [a, b] });
    expect(result.issues.map((i) => [i.code, i.params?.["old"]])).toEqual([["kolada/missing-value", undefined], ["kolada/missing-kept", 4.3]]);
    const ledger = openLedger(ledgerPath);
    expect(readYearlyRecords(ledger.db).map((r) => r.sum)).toEqual([4.3]);
    ledger.close();
  });
});
