// Kolada's JSON (v2 and v3 paging keys) read into values and records; a value Kolada lacks is
// missing, never 0; a response of the wrong shape names the key in Swedish.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatIssue } from "../../../core/issues/messages.sv";
import { koladaRecords, missingKoladaValues, municipalityOf, parseKoladaResponse } from "../../../core/sources/koladaValues";

const SAMPLE = join(__dirname, "../../../samples/kolada/N00011-0580.json");

describe("parseKoladaResponse", () => {
  it("reads a v2 response with genders and a missing value, and the next page", () => {
    const parsed = parseKoladaResponse(
      {
        count: 1,
        next_page: "http://api.kolada.se/v2/data/kpi/N00011/municipality/0580/year/2019?page=2",
        values: [
          {
            kpi: "N00011",
            municipality: "0580",
            period: 2019,
            values: [
              { count: 1, gender: "T", status: "", value: 4.3 },
              { count: 1, gender: "K", status: "", value: 4.5 },
              { count: 0, gender: "M", status: "Missing", value: null },
            ],
          },
        ],
      },
      "svar.json",
    );
    if (!parsed.ok) throw new Error(formatIssue(parsed.issue));
    expect(parsed.value.nextPage).toBe("http://api.kolada.se/v2/data/kpi/N00011/municipality/0580/year/2019?page=2");
    expect(parsed.value.values).toEqual([
      { kpi: "N00011", municipality: "0580", year: 2019, gender: "T", value: 4.3, status: "" },
      { kpi: "N00011", municipality: "0580", year: 2019, gender: "K", value: 4.5, status: "" },
      { kpi: "N00011", municipality: "0580", year: 2019, gender: "M", value: null, status: "Missing" },
    ]);
    // The missing value gives no record (never a 0), and is reported.
    const records = koladaRecords(parsed.value.values);
    expect(records).toEqual([
      { source: "kolada", measure: "N00011", month: "2019-12", breakdown: "kommun=0580", sum: 4.3, count: 1 },
      { source: "kolada", measure: "N00011", month: "2019-12", breakdown: "kommun=0580&kon=K", sum: 4.5, count: 1 },
    ]);
    expect(records.some((r) => r.sum === 0)).toBe(false);
    const missing = missingKoladaValues(parsed.value.values, "svar.json");
    expect(missing.map(formatIssue)).toEqual([
      'Info: svar.json: Kolada saknar värde för nyckeltal N00011, kommun 0580, 2019 (kön M, status "Missing"); det visas som saknat, aldrig som 0.',
    ]);
  });

  it("reads v3's next_url and a year given as text", () => {
    const parsed = parseKoladaResponse(
      { values: [{ kpi: "N00011", municipality: "0580", period: "2018", values: [{ gender: "T", value: 4.6, status: null }] }], next_url: "/v3/page2" },
      "v3.json",
    );
    if (!parsed.ok) throw new Error(formatIssue(parsed.issue));
    expect(parsed.value).toEqual({ values: [{ kpi: "N00011", municipality: "0580", year: 2018, gender: "T", value: 4.6, status: "" }], nextPage: "/v3/page2" });
  });

  it.each([
    [{ value: [] }, "values"],
    [{ values: [{ kpi: "N00011", municipality: "0580", period: "tjugo", values: [] }] }, "values[0].period"],
    [{ values: [{ kpi: "N00011", municipality: "0580", period: 2019, values: [{ gender: "X", value: 1 }] }] }, "values[0].values[0].gender"],
  ])("names the key of a wrong shape (%j)", (json, key) => {
    const parsed = parseKoladaResponse(json, "fel.json");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issue.code).toBe("kolada/invalid-file");
    expect(formatIssue(parsed.issue)).toContain(`vid "${key}"`);
  });

  it("reads the shipped sample file: 2016 missing, three years with values", () => {
    const parsed = parseKoladaResponse(JSON.parse(readFileSync(SAMPLE, "utf8")), SAMPLE);
    if (!parsed.ok) throw new Error(formatIssue(parsed.issue));
    const records = koladaRecords(parsed.value.values);
    expect(records.map((r) => [r.month, r.sum])).toEqual([
      ["2017-12", 4.8],
      ["2018-12", 4.6],
      ["2019-12", 4.3],
    ]);
    expect(municipalityOf(records[0]!.breakdown)).toBe("0580");
  });
});
