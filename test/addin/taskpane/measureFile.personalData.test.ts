// Bug B1 in the task pane: a försörjningsstöd export without its header row is rejected with a
// message that shows neither the first row's personnummer nor its name, and says what to do.
import { SAMPLE_PROFILE_JSON } from "../../fixtures/sampleConfiguration";
import * as fs from "node:fs";
import * as path from "node:path";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { formatIssue } from "../../../core/issues/messages.sv";
import { loadConfiguration, measureFile } from "../../../addin/taskpane/analyse";
import { decodeCsvBytes, splitCsv } from "../../../addin/taskpane/readCsvFile";
import { createWebCryptoHasher } from "../../../addin/taskpane/webCryptoHasher";

const SAMPLES = path.join(__dirname, "../../../samples");

function profiles() {
  return loadConfiguration(SAMPLE_PROFILE_JSON, undefined).profiles;
}

describe("measureFile: a CSV whose header row is missing (B1)", () => {
  it("rejects it naming the file, the column count and the expected headers, without any cell of the first row", async () => {
    const bytes = fs.readFileSync(path.join(SAMPLES, "exports/forsorjningsstod-2019-06.csv"));
    const { text, encoding } = decodeCsvBytes(new Uint8Array(bytes.subarray(bytes.indexOf(0x0a) + 1)));
    const csv = splitCsv("fbs-utan-rubrik.csv", text, encoding);
    const first = csv.header; // the first data row, read as if it were the header
    expect(first[1]).toMatch(/^\d{8}-\d{4}$/);

    const result = await measureFile(csv, profiles(), createWebCryptoHasher(new TextEncoder().encode("test")));
    expect(result).toMatchObject({ rejected: true, records: [] });
    const message = result.issues.map(formatIssue).join("\n");
    expect(result.issues.map((i) => i.code)).toEqual(["csv/unknown-source"]);
    expect(message).toContain("fbs-utan-rubrik.csv");
    expect(message).toContain(`Första raden har ${first.length} kolumner och ingen av dem är en rubrik`);
    expect(message).toContain("Hushållsnummer, Personnummer");
    const leaked = first.filter((cell) => cell.length >= 4 && message.includes(cell));
    expect(leaked).toEqual([]);
    expect(message).not.toContain(first[2]!.split(" ").at(-1)!);
  });
});
