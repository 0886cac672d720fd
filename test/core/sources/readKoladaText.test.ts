// A saved Kolada response's text, read the same way by the task pane and the command line.
import * as fs from "node:fs";
import * as path from "node:path";
import { formatIssue } from "../../../core/issues/messages.sv";
import { readKoladaText } from "../../../core/sources/readKoladaText";

const SAMPLE = fs.readFileSync(path.join(__dirname, "../../../samples/kolada/N00011-0580.json"), "utf8");

describe("readKoladaText", () => {
  it("reads a response with a BOM, its values and the ones Kolada lacks", () => {
    const read = readKoladaText(`\uFEFF${SAMPLE}`, "N00011-0580.json");
    expect(read.rejected).toBe(false);
    expect(read.values.filter((v) => v.year === 2019).map((v) => v.value)).toEqual([4.3]);
    expect(read.issues.map((i) => i.code)).toEqual(["kolada/missing-value"]);
  });

  it("refuses text that is not JSON, naming the file", () => {
    const read = readKoladaText("<html>", "fel.json");
    expect(read).toMatchObject({ values: [], rejected: true });
    expect(read.issues.map(formatIssue)[0]).toMatch(/^Fel: fel\.json: .*inte giltig JSON: /);
  });
});
