/**
 * The inMonth condition: people starting or leaving in the row's month, read from a date
 * column, as a profile says it (no code). Counted by eye from the rows below.
 */
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { formatIssue } from "../../../core/issues/messages.sv";
import { startMeasure } from "../../../core/measures/measure";
import { parseProfile, type SourceProfile } from "../../../core/sources/profile";

function profile(json: unknown): SourceProfile {
  const parsed = parseProfile(json, "personal.json");
  if (!parsed.ok) throw new Error(formatIssue(parsed.issue));
  return parsed.value;
}

const REGISTER = profile({
  id: "personal",
  name: "Personal",
  recognise: { headers: ["Anst.nr"] },
  month: { column: "Löneperiod", format: "month" },
  measures: [
    { id: "slutat", kind: "distinct", column: "Anst.nr", condition: [{ column: "Anställd tom", inMonth: true }] },
    { id: "kvar", kind: "distinct", column: "Anst.nr", condition: [{ column: "Anställd tom", inMonth: false }] },
    { id: "borjat", kind: "count", condition: [{ column: "Anställd from", inMonth: true }] },
  ],
});
const HEADER = ["Löneperiod", "Anst.nr", "Anställd from", "Anställd tom"];

async function measure(rows: string[][]) {
  const started = startMeasure(REGISTER, HEADER, { file: "personal-2019-06.txt", hashKey: testHasher("k") });
  if (!started.ok) throw new Error("start");
  const issues = rows.flatMap((row, index) => started.value.push(row, index + 2));
  const result = (await started.value.finish());
  const total = (id: string): number | undefined => result.records.find((r) => r.measure === id && r.breakdown === "")?.sum;
  return { issues, total, result };
}

describe("inMonth", () => {
  it("counts a date within the row's month (first and last day too); an empty cell or another month is not in it", async () => {
    const { issues, total } = await measure([
      ["201906", "1", "20100101", "20190630"], // leaves on the last day of June
      ["201906", "2", "20190601", "2019-07-01"], // starts on the first day, leaves in July: not a June leaver
      ["201906", "3", "2019-06-15", ""], // starts in June, stays
      ["201906", "4", "20180101", "20190531"], // left in May (listed late): not a June leaver
      ["201906", "5", "20180101", "15/6 2019"], // leaves in June, another date form
    ]);
    expect(issues).toEqual([]);
    expect(total("slutat")).toBe(2);
    expect(total("kvar")).toBe(3);
    expect(total("borjat")).toBe(2);
  });

  it("rejects a row whose date cannot be read, naming the line and the column", async () => {
    const { issues, result } = await measure([
      ["201906", "1", "20100101", "snart"],
      ["201906", "2", "20100101", ""],
    ]);
    expect(issues.map((i) => [i.code, i.row, i.columnName])).toEqual([["csv/unparseable-date", 2, "Anställd tom"]]);
    expect(result.rowsRejected).toBe(1);
  });

  it("goes with no other operator in the same condition (a Swedish error naming the key)", async () => {
    const parsed = parseProfile(
      { id: "p", name: "P", recognise: { headers: ["A"] }, month: { column: "A", format: "month" }, measures: [{ id: "m", kind: "count", condition: [{ column: "B", inMonth: true, equals: "x" }] }] },
      "p.json",
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(formatIssue(parsed.issue)).toContain('"measures[0].condition[0]"');
  });
});
