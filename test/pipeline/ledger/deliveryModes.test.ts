// Issue 9, one test per delivery mode with an independent calculation (a plain loop over the
// cases), and the refusal: a file overlapping what the ledger holds, where the profile gives no
// rule, is refused with a Swedish message naming the file, the months and the earlier delivery,
// and the ledger stays byte for byte as it was. Replacing is never silent: the import outcome
// says which delivery's months or rows were replaced, with counts.
import { rmSync } from "node:fs";
import { formatIssue } from "../../../core/issues/messages.sv";
import type { FileOutcome } from "../../../pipeline/ledger/importFiles";
import { describeDeliveryChanges } from "../../../pipeline/ledger/describeDeliveryChanges";
import { openLedger } from "../../../pipeline/ledger/openLedger";
import { ledgerFingerprint, tempLedgerPath } from "../ledgerTestKit";
import { caseLine, caseProfile, csvText, importInto, ledgerFigures, plainFigures, recordsOf, writeFiles, type Case } from "./deliveryTestKit";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function files(...named: Array<readonly [string, readonly Case[], number?]>): string[] {
  const written = writeFiles(named.map(([name, cases, asOf]) => [name, csvText(cases.map((c) => caseLine(c, asOf)))] as const));
  dirs.push(written.dir);
  return written.paths;
}
function imported(outcome: FileOutcome | undefined) {
  if (outcome?.kind !== "imported") throw new Error(`expected an imported file, got ${JSON.stringify(outcome)}`);
  return outcome;
}
function rejected(outcome: FileOutcome | undefined) {
  if (outcome?.kind !== "rejected") throw new Error(`expected a rejected file, got ${JSON.stringify(outcome)}`);
  return outcome;
}

// Days since 2019-01-01: 10 = 11 jan, 40 = 10 feb, 70 = 12 mar.
const c = (number: number, applied: number, wait: number | null, unit = "EB Nord", applicant = `P${number}`): Case => ({ number, applied, wait, unit, applicant });
// Applied in January; decided in January, February and March.
const january = [c(1, 5, 3), c(2, 20, 25), c(3, 25, 40), c(4, 28, null), c(5, 29, 60)];
// Applied in February; decided in February and March.
const february = [c(6, 33, 4), c(7, 40, 30), c(8, 50, 2)];

describe('"any": the profile does not say how files combine', () => {
  it("refuses a file whose months the ledger holds, names file, months and earlier delivery, and changes no byte", async () => {
    const ledger = tempLedgerPath();
    const [jan, feb] = files(["ansokningar-2019-01.csv", january], ["ansokningar-2019-02.csv", february]);
    imported((await importInto(ledger, [jan!], caseProfile("any")))[0]);
    const before = ledgerFingerprint(ledger);

    const refused = rejected((await importInto(ledger, [feb!], caseProfile("any")))[0]);

    expect(ledgerFingerprint(ledger)).toBe(before);
    const message = formatIssue(refused.issues[0]!);
    expect(refused.issues[0]!.code).toBe("delivery/overlap");
    expect(message).toContain("ansokningar-2019-02.csv");
    expect(message).toContain("2019-02, 2019-03");
    expect(message).toContain("ansokningar-2019-01.csv (inläsning 1)");
    expect(message).toMatch(/säger inte hur .* ska kombineras/);
  });

  it("takes a file whose months the ledger does not hold", async () => {
    const ledger = tempLedgerPath();
    const [first, later] = files(["jan.csv", [c(1, 2, 3)]], ["feb.csv", [c(2, 33, 3)]]);
    imported((await importInto(ledger, [first!], caseProfile("any")))[0]);
    imported((await importInto(ledger, [later!], caseProfile("any")))[0]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures([c(1, 2, 3), c(2, 33, 3)]));
  });
});

describe('"rows": files are slices of one list, rows known by Ärendenummer', () => {
  it("files per application month add up to the plain loop's figures for every decision month", async () => {
    const ledger = tempLedgerPath();
    const paths = files(["ansokningar-2019-02.csv", february], ["ansokningar-2019-01.csv", january]);
    for (const path of paths) imported((await importInto(ledger, [path], caseProfile({ kind: "rows", key: "Ärendenummer" })))[0]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures([...january, ...february]));
  });

  it("a corrected re-delivery replaces its rows by key and says how many, and how many changed", async () => {
    const ledger = tempLedgerPath();
    const corrected = [c(1, 5, 3), c(2, 20, 26), c(3, 25, 40), c(4, 28, 10), c(5, 29, 60)]; // case 2 one day longer, case 4 decided
    const [first, again] = files(["ansokningar-2019-01.csv", january], ["ansokningar-2019-01-rattad.csv", corrected]);
    const profile = caseProfile({ kind: "rows", key: "Ärendenummer" });
    imported((await importInto(ledger, [first!], profile))[0]);
    const outcome = imported((await importInto(ledger, [again!], profile))[0]);

    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures(corrected));
    // The earlier file's rows, per month they counted in: 1 in Jan, 1 in Feb, 2 in Mar, 1 pending.
    expect(outcome.replacedRows.map((r) => [r.month, r.rows, r.changed, r.fileName])).toEqual([
      ["", 1, 1, "ansokningar-2019-01.csv"],
      ["2019-01", 1, 0, "ansokningar-2019-01.csv"],
      ["2019-02", 1, 1, "ansokningar-2019-01.csv"],
      ["2019-03", 2, 0, "ansokningar-2019-01.csv"],
    ]);
    expect(describeDeliveryChanges(outcome)).toContain("Ersätter 1 rad i 2019-02 från ansokningar-2019-01.csv (inläsning 1), ändrad.");
    // Every earlier row was replaced: the earlier delivery contributes to no month any more.
    const held = openLedger(ledger, { readonly: true });
    expect(held.contributions().map((x) => [x.month, x.fileName, x.rows])).toEqual([
      ["2019-01", "ansokningar-2019-01-rattad.csv", 1],
      ["2019-02", "ansokningar-2019-01-rattad.csv", 2],
      ["2019-03", "ansokningar-2019-01-rattad.csv", 2],
    ]);
    // `bilaga ledger --filer` reads which rows the later delivery replaced from the ledger itself.
    expect(held.batches()[1]!.replacesRows).toEqual([
      { batch: 1, month: "", rows: 1, changed: 1 },
      { batch: 1, month: "2019-01", rows: 1, changed: 0 },
      { batch: 1, month: "2019-02", rows: 1, changed: 1 },
      { batch: 1, month: "2019-03", rows: 2, changed: 0 },
    ]);
    held.close();
  });

  it("a case pending in one file and decided in a later one counts once, in its decision month", async () => {
    const ledger = tempLedgerPath();
    const profile = caseProfile({ kind: "rows", key: "Ärendenummer" });
    const early = [c(1, 5, 3), c(2, 20, 50)];
    // Sent on 31 January (case 2 pending), then on 31 March (case 2 decided 11 March).
    const [jan, mar] = files(["ansokningar-per-31-jan.csv", early, 30], ["ansokningar-per-31-mar.csv", early, 89]);
    imported((await importInto(ledger, [jan!], profile))[0]);
    imported((await importInto(ledger, [mar!], profile))[0]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures(early));
  });

  it("a key twice in one file: its later row is the one that counts", async () => {
    const ledger = tempLedgerPath();
    const written = writeFiles([["dubbel.csv", csvText([caseLine(c(1, 5, 3)), caseLine(c(2, 6, 4)), caseLine(c(1, 5, 40))])]]);
    dirs.push(written.dir);
    const outcome = imported((await importInto(ledger, written.paths, caseProfile({ kind: "rows", key: "Ärendenummer" })))[0]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures([c(2, 6, 4), c(1, 5, 40)]));
    // …and the row left out is said, not silent.
    expect(outcome.repeatedKeys).toBe(1);
    expect(describeDeliveryChanges(outcome)).toContain("1 rad i filen hade en nyckel som kommer igen längre ner i samma fil; bara den senare raden räknas.");
  });

  it("rejects a row without its key, naming the line and the column", async () => {
    const ledger = tempLedgerPath();
    const written = writeFiles([["utan-nyckel.csv", csvText([caseLine(c(1, 5, 3)), `;2019-01-10;2019-01-12;EB Nord;P2`])]]);
    dirs.push(written.dir);
    const profile = caseProfile({ kind: "rows", key: "Ärendenummer" });
    const [earlier] = files(["tidigare.csv", [c(7, 1, 2)]]);
    imported((await importInto(ledger, [earlier!], profile))[0]);
    const before = ledgerFingerprint(ledger);
    const alone = rejected((await importInto(ledger, written.paths, profile))[0]);
    expect(ledgerFingerprint(ledger)).toBe(before);
    const found = alone.issues.find((i) => i.code === "delivery/missing-row-key");
    expect(found).toMatchObject({ row: 3, column: 1 });
    expect(formatIssue(found!)).toContain('"Ärendenummer"');
    // In one run with a good file after it: nothing of the rejected file's rows is left over.
    const [next] = files(["nasta.csv", [c(8, 3, 4)]]);
    const both = await importInto(ledger, [written.paths[0]!, next!], profile);
    expect(both.map((o) => o.kind)).toEqual(["rejected", "imported"]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures([c(7, 1, 2), c(8, 3, 4)]));
  });
});

describe('"cumulative": everything so far', () => {
  it("the newest send replaces the months it covers; an older send read later changes nothing and says so", async () => {
    const ledger = tempLedgerPath();
    const cases = [c(1, 5, 3), c(2, 20, 30), c(3, 40, 45)];
    const [jan, mar] = files(["alla-per-31-jan.csv", cases, 30], ["alla-per-31-mar.csv", cases, 89]);
    imported((await importInto(ledger, [mar!], caseProfile("cumulative")))[0]);
    const older = imported((await importInto(ledger, [jan!], caseProfile("cumulative")))[0]);

    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures(cases));
    expect(older.superseded.map((s) => [s.month, s.fileName])).toEqual([["2019-01", "alla-per-31-mar.csv"]]);
    expect(describeDeliveryChanges(older)[0]).toMatch(/^Behåller 2019-01 från den nyare leveransen alla-per-31-mar.csv/);
  });
});

describe('"parts": one unit\'s part', () => {
  const profile = caseProfile({ kind: "parts", column: "Enhet" });
  const north = [c(1, 5, 3, "EB Nord", "P1"), c(2, 6, 4, "EB Nord", "P2")];
  const south = [c(3, 7, 5, "EB Syd", "P2"), c(4, 8, 6, "EB Syd", "P3")]; // P2 applied in both units

  it("two units' files for the same month add up; a person in both counts once", async () => {
    const ledger = tempLedgerPath();
    const [a, b] = files(["nord-2019-01.csv", north], ["syd-2019-01.csv", south]);
    imported((await importInto(ledger, [a!], profile))[0]);
    const second = imported((await importInto(ledger, [b!], profile))[0]);
    expect(second.addedTo.map((x) => [x.month, x.fileName, x.rows])).toEqual([["2019-01", "nord-2019-01.csv", 2]]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures([...north, ...south]));
    expect(ledgerFigures(recordsOf(ledger)).get("2019-01")?.applicants).toBe(3);
  });

  it("a unit's corrected file replaces only that unit's part, and says which file and how many rows", async () => {
    const ledger = tempLedgerPath();
    const fixedNorth = [c(1, 5, 10, "EB Nord", "P1")];
    const [a, b, fixed] = files(["nord-2019-01.csv", north], ["syd-2019-01.csv", south], ["nord-2019-01-rattad.csv", fixedNorth]);
    for (const path of [a!, b!]) imported((await importInto(ledger, [path], profile))[0]);
    const outcome = imported((await importInto(ledger, [fixed!], profile))[0]);
    expect(outcome.replaced.map((x) => [x.month, x.fileName, x.rows])).toEqual([["2019-01", "nord-2019-01.csv", 2]]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures([...fixedNorth, ...south]));
  });

  it("refuses a file that shares some but not all units with an earlier file, and changes no byte", async () => {
    const ledger = tempLedgerPath();
    const both = [...north, ...south];
    const northAndYouth = [c(5, 5, 3, "EB Nord"), c(6, 5, 3, "EB Ungdom")];
    const [a, b] = files(["nord-syd-2019-01.csv", both], ["nord-ungdom-2019-01.csv", northAndYouth]);
    imported((await importInto(ledger, [a!], profile))[0]);
    const before = ledgerFingerprint(ledger);
    const refused = rejected((await importInto(ledger, [b!], profile))[0]);
    expect(refused.issues[0]!.code).toBe("delivery/part-overlap");
    expect(formatIssue(refused.issues[0]!)).toContain("nord-syd-2019-01.csv (inläsning 1)");
    expect(ledgerFingerprint(ledger)).toBe(before);
  });
});

describe('"one-month": a month of the measured date', () => {
  it("a corrected month replaces the earlier delivery's month and says how many rows it had", async () => {
    const ledger = tempLedgerPath();
    const march = [c(1, 60, 3), c(2, 61, 5), c(3, 62, 7)];
    const fixed = [c(1, 60, 3), c(2, 61, 6)];
    const [a, b] = files(["beslut-2019-03.csv", march], ["beslut-2019-03-rattad.csv", fixed]);
    imported((await importInto(ledger, [a!], caseProfile("one-month")))[0]);
    const outcome = imported((await importInto(ledger, [b!], caseProfile("one-month")))[0]);
    expect(describeDeliveryChanges(outcome)).toEqual(["Ersätter 2019-03 från tidigare leverans beslut-2019-03.csv (inläsning 1, 3 rader)."]);
    expect(ledgerFigures(recordsOf(ledger))).toEqual(plainFigures(fixed));
  });
});

describe("a profile whose delivery changed", () => {
  it('refuses a "rows" file for months held by a "one-month" delivery (its rows could not be told apart), and changes no byte', async () => {
    const ledger = tempLedgerPath();
    const march = [c(1, 60, 3), c(2, 61, 5)];
    const [a, b] = files(["beslut-2019-03.csv", march], ["ansokningar-2019-03.csv", [c(3, 62, 4)]]);
    imported((await importInto(ledger, [a!], caseProfile("one-month")))[0]);
    const before = ledgerFingerprint(ledger);
    const refused = rejected((await importInto(ledger, [b!], caseProfile({ kind: "rows", key: "Ärendenummer" })))[0]);
    expect(refused.issues[0]!.code).toBe("delivery/mixed-modes");
    expect(formatIssue(refused.issues[0]!)).toContain('Månaderna 2019-03 har leveranser som lästes in som "one-month" (beslut-2019-03.csv (inläsning 1))');
    expect(ledgerFingerprint(ledger)).toBe(before);
  });
});
