/**
 * Measuring rows with a profile: what a controller would notice — the figures, and a
 * clear issue (file, line, column, raw text) for every bad row, which then counts in nothing.
 */
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { formatIssue } from "../../../core/issues/messages.sv";
import { startMeasure, type MeasureOptions, type MeasureResult } from "../../../core/measures/measure";
import { parseProfile, type SourceProfile } from "../../../core/sources/profile";
import type { MonthlyRecord } from "../../../core/records/records";

function profileOf(json: unknown): SourceProfile {
  const parsed = parseProfile(json, "test.json");
  if (!parsed.ok) throw new Error(formatIssue(parsed.issue));
  return parsed.value;
}

const payments = profileOf({
  id: "forsorjningsstod",
  name: "Försörjningsstöd",
  recognise: { headers: ["Hushåll", "Datum"] },
  month: { column: "Datum", format: "date" },
  delivery: "one-month",
  dimensions: { enhet: { column: "Enhet" } },
  measures: [
    { id: "hushall", kind: "distinct", column: "Hushåll", breakdowns: ["enhet"] },
    { id: "vuxna-langvarigt", kind: "distinct", columns: ["Sökande", "Medsökande"], condition: [{ column: "Sedan", olderThanMonths: 24 }] },
    { id: "utbetalt", kind: "sum", column: "Belopp" },
  ],
});
const PAYMENT_HEADER = ["Hushåll", "Sökande", "Medsökande", "Sedan", "Datum", "Belopp", "Enhet"];

const sick = profileOf({
  id: "sjukfranvaro",
  name: "Sjukfrånvaro",
  recognise: { headers: ["Period", "Sjuktimmar"] },
  month: { column: "Period", format: "month" },
  filters: [{ column: "Förvaltning", equals: "Arbetsmarknadsförvaltningen" }],
  dimensions: { kon: { column: "Kön", values: { Kvinna: "K", K: "K", Man: "M", M: "M" } } },
  measures: [
    { id: "sjuktimmar", kind: "sum", column: "Sjuktimmar", empty: "zero", breakdowns: ["kon"] },
    { id: "rader", kind: "count" },
  ],
});
const SICK_HEADER = ["Period", "Förvaltning", "Kön", "Sjuktimmar"];

const cases = profileOf({
  id: "vantetider",
  name: "Väntetider",
  recognise: { headers: ["Första kontakt", "Beslutsdatum"] },
  month: { column: "Beslutsdatum", format: "date" },
  filters: [{ column: "Beslutsdatum", empty: false }],
  measures: [{ id: "vantedagar", kind: "duration", start: "Första kontakt", end: "Beslutsdatum" }],
});
const CASE_HEADER = ["Ärende", "Första kontakt", "Beslutsdatum"];

const hashed: string[] = [];
const options = (extra: Partial<MeasureOptions> = {}): MeasureOptions => ({
  file: "export.csv",
  hashKey: {
    hashOne: (id) => {
      hashed.push(id);
      return hmacHex("nyckel", id);
    },
    hashAll: (ids) => {
      hashed.push(...ids);
      return Promise.resolve(ids.map((id) => hmacHex("nyckel", id)));
    },
  },
  ...extra,
});

async function measure(profile: SourceProfile, header: string[], rows: string[][], extra: Partial<MeasureOptions> = {}): Promise<MeasureResult> {
  const started = startMeasure(profile, header, options(extra));
  if (!started.ok) throw new Error(formatIssue(started.issue));
  rows.forEach((row, index) => started.value.push(row, index + 2));
  return (await started.value.finish());
}

const find = (result: MeasureResult, measureId: string, month: string, breakdown = ""): MonthlyRecord | undefined =>
  result.records.find((r) => r.measure === measureId && r.month === month && r.breakdown === breakdown);

describe("startMeasure", () => {
  it("fails with csv/missing-column naming the column and listing the header", async () => {
    const started = startMeasure(sick, ["Period", "Förvaltning", "Sjuktimmar"], options());
    expect(started).toMatchObject({ ok: false, issue: { code: "csv/missing-column", file: "export.csv", params: { expected: "Kön" } } });
    if (!started.ok) {
      expect(formatIssue(started.issue)).toBe('Fel: export.csv, rad 1: Kolumnen "Kön" saknas. Rubrikraden har: Period, Förvaltning, Sjuktimmar.');
    }
  });

  it("finds columns whatever their case, spacing or a BOM before the first", async () => {
    const result = await measure(sick, ["\ufeffPERIOD", " förvaltning ", "Kön", "SJUKTIMMAR\u00a0"], [
      ["201906", "Arbetsmarknadsförvaltningen", "K", "10,5"],
    ]);
    expect(find(result, "sjuktimmar", "2019-06")?.sum).toBe(10.5);
  });
});

describe("a measurer", () => {
  it("counts a household with two payments once, and hashes every id before keeping it", async () => {
    hashed.length = 0;
    const result = await measure(payments, PAYMENT_HEADER, [
      ["H1", "19850312-1235", "", "2015-01-01", "2019-06-25", "8 432,50", "EB Nord"],
      ["H1", "19850312-1235", "", "2015-01-01", "2019-06-10", "1 000", "EB Nord"],
      ["H2", "19900101-1111", "19910101-2222", "2019-05-01", "2019-06-25", "9\u00a0000,25", "EB Syd"],
    ]);
    expect(find(result, "hushall", "2019-06")).toMatchObject({ sum: 2, count: 3 });
    expect(find(result, "hushall", "2019-06", "enhet=EB Nord")).toMatchObject({ sum: 1, count: 2 });
    expect(find(result, "utbetalt", "2019-06")).toMatchObject({ sum: 18432.75, count: 3 });
    expect(hashed).toContain("H1");
    const stored = JSON.stringify(result);
    for (const clear of ["H1", "H2", "19850312", "1235", "19910101"]) expect(stored).not.toContain(clear);
    expect(find(result, "hushall", "2019-06")?.keys).toEqual([hmacHex("nyckel", "H1"), hmacHex("nyckel", "H2")].sort());
  });

  it("counts adults whose aid has lasted more than 24 months at the month's end, applicant and co-applicant", async () => {
    const result = await measure(payments, PAYMENT_HEADER, [
      ["H1", "19850312-1235", "19860101-2222", "2017-06-29", "2019-06-25", "1", "A"], // 24 months and a day: both count
      ["H2", "19700101-1111", "", "2017-06-30", "2019-06-25", "1", "A"], // exactly 24 months: not more than
      ["H3", "19600101-1111", "", "2019-01-01", "2019-06-25", "1", "A"],
    ]);
    expect(find(result, "vuxna-langvarigt", "2019-06")).toMatchObject({ sum: 2, count: 1 });
  });

  it("still reports a month with no hits as zero, not as missing", async () => {
    const result = await measure(payments, PAYMENT_HEADER, [["H3", "19600101-1111", "", "2019-01-01", "2019-06-25", "1", "A"]]);
    expect(find(result, "vuxna-langvarigt", "2019-06")).toMatchObject({ sum: 0, count: 0, keys: [] });
  });

  it("rejects a row with a text in a number column, with file, line, column and the raw text", async () => {
    const result = await measure(payments, PAYMENT_HEADER, [
      ["H1", "19850312-1235", "", "2015-01-01", "2019-06-25", "100", "A"],
      ["H2", "19850312-1235", "", "2015-01-01", "2019-06-25", "åtta hundra", "A"],
    ]);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "csv/unparseable-number", file: "export.csv", row: 3, column: 6, columnName: "Belopp", raw: "åtta hundra" }),
    ]);
    expect(formatIssue(result.issues[0]!)).toBe(
      'Fel: export.csv, rad 3, kolumn 6 (Belopp): Väntade ett tal i kolumnen "Belopp" men fann "åtta hundra".',
    );
    // The bad row counts in nothing: not even its household.
    expect(find(result, "hushall", "2019-06")?.sum).toBe(1);
    expect(find(result, "utbetalt", "2019-06")?.sum).toBe(100);
    expect(result).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
  });

  it("returns each row's issues from push as they happen", async () => {
    const started = startMeasure(cases, CASE_HEADER, options());
    if (!started.ok) throw new Error("start");
    expect(started.value.push(["1", "2019-06-01", "2019-06-05"], 2)).toEqual([]);
    expect(started.value.push(["2", "igår", "2019-06-05"], 3)).toEqual([
      expect.objectContaining({ code: "csv/unparseable-date", row: 3, column: 2, columnName: "Första kontakt", raw: "igår" }),
    ]);
  });

  it("reports a truncated row and a row with extra fields; empty trailing fields are fine", async () => {
    const result = await measure(sick, SICK_HEADER, [
      ["201906", "Arbetsmarknadsförvaltningen", "K", "1"],
      ["201906", "Arbetsmarknadsförvaltningen", "K"],
      ["201906", "Arbetsmarknadsförvaltningen", "K", "2", "3"],
      ["201906", "Arbetsmarknadsförvaltningen", "K", "4", "", " "],
      [""],
    ]);
    expect(result.issues.map((found) => [found.code, found.row, found.params])).toEqual([
      ["csv/truncated-row", 3, { found: 3, expected: 4 }],
      ["csv/too-many-fields", 4, { found: 5, expected: 4 }],
    ]);
    expect(find(result, "sjuktimmar", "2019-06")?.sum).toBe(5);
    expect(result).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsRejected: 2 });
  });

  it("reports an unreadable month", async () => {
    const result = await measure(sick, SICK_HEADER, [["sommar 2019", "Arbetsmarknadsförvaltningen", "K", "1"]]);
    expect(result.issues[0]).toMatchObject({ code: "csv/unparseable-month", row: 2, column: 1, columnName: "Period", raw: "sommar 2019" });
    expect(result.months).toEqual([]);
  });

  it("leaves out rows of another förvaltning without calling them errors", async () => {
    const result = await measure(sick, SICK_HEADER, [
      ["201906", "Arbetsmarknadsförvaltningen", "Kvinna", "1,5"],
      ["201906", " arbetsmarknadsförvaltningen ", "Man", "2"],
      ["201906", "Kultur- och fritidsförvaltningen", "K", "text that is never read"],
    ]);
    expect(result.issues).toEqual([]);
    expect(result).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsFiltered: 1, rowsRejected: 0 });
    expect(find(result, "sjuktimmar", "2019-06")).toMatchObject({ sum: 3.5, count: 2 });
    expect(find(result, "sjuktimmar", "2019-06", "kon=K")).toMatchObject({ sum: 1.5, count: 1 });
    expect(find(result, "sjuktimmar", "2019-06", "kon=M")).toMatchObject({ sum: 2, count: 1 });
    expect(find(result, "rader", "2019-06")).toMatchObject({ sum: 2, count: 2 });
  });

  it("keeps an unmapped breakdown value as written and calls an empty one okänd", async () => {
    const result = await measure(sick, SICK_HEADER, [
      ["201906", "Arbetsmarknadsförvaltningen", "Annat", "1"],
      ["201906", "Arbetsmarknadsförvaltningen", "", "2"],
      ["201906", "Arbetsmarknadsförvaltningen", "K", ""],
    ]);
    expect(result.records.filter((r) => r.measure === "sjuktimmar").map((r) => [r.breakdown, r.sum, r.count])).toEqual([
      ["", 3, 3],
      ["kon=Annat", 1, 1],
      ["kon=K", 0, 1],
      ["kon=okänd", 2, 1],
    ]);
  });

  it("takes a dot decimal with a warning, without rejecting the row", async () => {
    const result = await measure(sick, SICK_HEADER, [["201906", "Arbetsmarknadsförvaltningen", "K", "5.5"]]);
    expect(result.issues).toEqual([expect.objectContaining({ code: "value/dot-decimal", severity: "warning", row: 2, column: 4 })]);
    expect(find(result, "sjuktimmar", "2019-06")?.sum).toBe(5.5);
    expect(result.rowsRejected).toBe(0);
  });

  it("measures days from first contact to decision for decisions only; pending cases are not decisions", async () => {
    const result = await measure(cases, CASE_HEADER, [
      ["1", "2019-05-20", "2019-06-03"], // 14 days
      ["2", "1/6 2019", "15/6 2019"], // 14 days, Swedish form
      ["3", "2019-06-20", ""], // pending
      ["4", "2019-06-30", "2019-06-30"], // decided the same day: 0 days
    ]);
    expect(find(result, "vantedagar", "2019-06")).toMatchObject({ sum: 28, count: 3 });
    expect(result.rowsFiltered).toBe(1);
  });

  it("reports a decision before the first contact", async () => {
    const result = await measure(cases, CASE_HEADER, [["1", "2019-06-20", "2019-06-03"]]);
    expect(result.issues[0]).toMatchObject({ code: "csv/end-before-start", row: 2, column: 3, raw: "2019-06-03" });
    expect(formatIssue(result.issues[0]!)).toContain("ligger före startdatumet 2019-06-20");
  });

  it("reports each row of another month when the shell knows the file's month", async () => {
    const result = await measure(cases, CASE_HEADER, [
      ["1", "2019-05-20", "2019-06-03"],
      ["2", "2019-05-20", "2019-05-31"],
    ], { expectedMonth: "2019-06" });
    expect(result.issues).toEqual([
      expect.objectContaining({ code: "csv/month-outside-file", row: 3, column: 3, raw: "2019-05-31", params: { expected: "2019-06" } }),
    ]);
    expect(result.months).toEqual(["2019-06"]);
    expect(find(result, "vantedagar", "2019-05")).toBeUndefined();
  });

  it("in a one-month delivery, reports the stray month at its first line and keeps the file's month", async () => {
    const rows = [
      ["H1", "1", "", "2019-01-01", "2019-06-25", "1", "A"],
      ["H2", "2", "", "2019-01-01", "2019-07-01", "1", "A"],
      ["H3", "3", "", "2019-01-01", "2019-06-26", "1", "A"],
      ["H4", "4", "", "2019-01-01", "2019-07-02", "1", "A"],
      ["H5", "5", "", "2019-01-01", "2019-06-27", "1", "A"],
    ];
    const result = await measure(payments, PAYMENT_HEADER, rows);
    expect(result.months).toEqual(["2019-06"]);
    expect(result.issues.map((found) => found.code)).toEqual(["csv/mixed-months", "csv/month-outside-file"]);
    expect(result.issues[1]).toMatchObject({ row: 3, raw: "2019-07", params: { expected: "2019-06", rows: 2 } });
    expect(formatIssue(result.issues[0]!)).toContain("2019-06 (3 rader), 2019-07 (2 rader)");
    expect(result).toMatchObject({ rowsAccepted: 3, rowsRejected: 2 });
    expect(find(result, "hushall", "2019-06")?.sum).toBe(3);
    expect(result.records.every((r) => r.month === "2019-06")).toBe(true);
  });

  it("lets a file without a one-month delivery cover several months", async () => {
    const result = await measure(sick, SICK_HEADER, [
      ["201906", "Arbetsmarknadsförvaltningen", "K", "1"],
      ["juli 2019", "Arbetsmarknadsförvaltningen", "K", "2"],
    ]);
    expect(result.months).toEqual(["2019-06", "2019-07"]);
    expect(find(result, "sjuktimmar", "2019-07")?.sum).toBe(2);
  });

  it("calls a file without data rows empty", async () => {
    const result = await measure(sick, SICK_HEADER, [[""]]);
    expect(result.issues).toEqual([expect.objectContaining({ code: "csv/empty-file", file: "export.csv" })]);
    expect(result).toMatchObject({ rowsRead: 0, records: [], months: [] });
  });

  it("keeps at most maxIssues issues but counts every rejected row", async () => {
    const rows = Array.from({ length: 50 }, () => ["fel", "Arbetsmarknadsförvaltningen", "K", "1"]);
    const result = await measure(sick, SICK_HEADER, rows, { maxIssues: 10 });
    expect(result.issues).toHaveLength(10);
    expect(result.rowsRejected).toBe(50);
  });
});

describe("the columns a measurer reads (the pipeline leaves the others uncut, issue 14)", () => {
  it("are the profile's columns, found in the header", () => {
    const started = startMeasure(cases, CASE_HEADER, options());
    expect(started.ok && [...started.value.columns].sort()).toEqual([1, 2]);
    const all = startMeasure(payments, PAYMENT_HEADER, options());
    expect(all.ok && [...all.value.columns].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("are all it looks at: the text of any other column changes no figure and no issue", async () => {
    const rows = [
      ["Ä-1", "2019-05-02", "2019-06-03"],
      ["Ä-2", "2019-06-01", "2019-05-30"], // ends before it starts
      ["Ä-3", "2019-05-20", ""], // pending
      ["Ä-4", "åtta", "2019-06-10"], // unreadable start
      ["Ä-5"], // truncated
      ["Ä-6", "2019-06-01", "2019-06-11", "extra"], // too many fields
      ["", "2019-06-01", "2019-06-11"],
    ];
    const started = startMeasure(cases, CASE_HEADER, options());
    if (!started.ok) throw new Error("startMeasure failed");
    const unread = (row: string[]): string[] => (row.length < 2 ? row : row.map((text, column) => (column < CASE_HEADER.length && !started.value.columns.has(column) ? "" : text)));
    const whole = await measure(cases, CASE_HEADER, rows);
    expect(whole.rowsAccepted).toBe(2);
    expect(await measure(cases, CASE_HEADER, rows.map(unread))).toEqual(whole);
  });
});
