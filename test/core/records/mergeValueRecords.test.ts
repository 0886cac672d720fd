// Fresh yearly values merge one per key: the same Kolada response given twice (a browser's
// "N00011 (1).json") is one value, not two summed; two that disagree keep the last given and say so.
import { formatIssue } from "../../../core/issues/messages.sv";
import type { Issue } from "../../../core/issues/issues";
import { mergeValueRecords } from "../../../core/records/mergeValueRecords";
import type { MonthlyRecord } from "../../../core/records/records";

const kolada = (sum: number): MonthlyRecord => ({ source: "kolada", measure: "N00011", month: "2019-12", breakdown: "kommun=0580", sum, count: 1 });
const hushall: MonthlyRecord = { source: "forsorjningsstod", measure: "hushall", month: "2019-08", breakdown: "", sum: 40, count: 40 };

describe("mergeValueRecords", () => {
  it("keeps one record of two identical fresh ones, and says nothing", () => {
    const issues: Issue[] = [];
    expect(mergeValueRecords([hushall, kolada(3.9)], [kolada(4.1), kolada(4.1)], { issues })).toEqual([hushall, kolada(4.1)]);
    expect(issues).toEqual([]);
  });

  it("keeps the last of two fresh records that disagree and names both files", () => {
    const issues: Issue[] = [];
    const [first, second] = [kolada(4.1), kolada(4.4)];
    const files = new Map([
      [first, "N00011.json"],
      [second, "N00011 (1).json"],
    ]);
    expect(mergeValueRecords([], [first, second], { issues, originOf: (r) => files.get(r) })).toEqual([kolada(4.4)]);
    expect(issues.map(formatIssue)).toEqual([
      'Varning: N00011 (1).json: Koladas värde för nyckeltal N00011, kommun 0580, 2019 (kön T) ersätts: 4,1 (ur "N00011.json") byts mot 4,4 (ur "N00011 (1).json"), det senast lästa svaret. Kontrollera att det är rätt svar.',
    ]);
  });
});
