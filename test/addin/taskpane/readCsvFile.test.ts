import * as fs from "node:fs";
import * as path from "node:path";
import { csvRowsFromBytes, decodeCsvBytes, splitCsv } from "../../../addin/taskpane/readCsvFile";
import { parseProfile } from "../../../core/sources/profile";

describe("decodeCsvBytes", () => {
  it("reads Windows-1252 (Excel's Swedish CSV) when the bytes are not UTF-8", () => {
    const bytes = Uint8Array.from([0x46, 0xf6, 0x72, 0x76, 0x61, 0x6c, 0x74, 0x6e, 0x69, 0x6e, 0x67]); // "Förvaltning"
    expect(decodeCsvBytes(bytes)).toEqual({ text: "Förvaltning", encoding: "windows-1252" });
  });

  it("drops a UTF-8 BOM and reads UTF-16LE with a BOM", () => {
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc3, 0xa5]))).toEqual({ text: "å", encoding: "utf-8" });
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, 0xe5, 0x00]))).toEqual({ text: "å", encoding: "utf-16le" });
  });
});

describe("splitCsv", () => {
  it("detects the semicolon, keeps quoted semicolons and numbers as text, numbers lines from the header", () => {
    const rows = splitCsv("fsb-2019-06.csv", 'Månad;Belopp;Kommentar\n2019-06;"1 234,50";"a;b"\n\n2019-06;=SUMMA(A1);\n');
    expect(rows.header).toEqual(["Månad", "Belopp", "Kommentar"]);
    expect(rows.rows).toEqual([
      { fields: ["2019-06", "1 234,50", "a;b"], line: 2 },
      { fields: ["2019-06", "=SUMMA(A1)", ""], line: 4 }, // after a blank line
    ]);
    expect(rows.problems).toEqual([]);
  });

  it("numbers a row after a quoted field with a line break by the line it starts on", () => {
    const rows = splitCsv("x.csv", 'A;B\n1;"två\nrader"\n2;x\n');
    expect(rows.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it("reports an unclosed quote instead of inventing rows", () => {
    const rows = splitCsv("trasig.csv", 'A;B\n1;"avklippt\n');
    expect(rows.problems.length).toBeGreaterThan(0);
  });
});

describe("csvRowsFromBytes (the pane reads a file as the pipeline does)", () => {
  // The pane used to guess the encoding only; a profile's named encoding beats the guess in
  // the pipeline (core/sources/chooseEncoding), so it must in the pane too.
  const samples = path.join(__dirname, "../../../samples");
  const profileJson = JSON.parse(fs.readFileSync(path.join(samples, "config/profiles/sjukfranvaro.json"), "utf8")) as Record<string, unknown>;
  const profileNaming = (encoding: string) => {
    const parsed = parseProfile({ ...profileJson, encoding }, "sjukfranvaro.json");
    if (!parsed.ok) throw new Error("profile");
    return parsed.value;
  };
  // A sick-leave export as UTF-8 without BOM: the header is ASCII but for "ö"/"å"/"Ö".
  const withBom = new Uint8Array(fs.readFileSync(path.join(samples, "exports/sjukfranvaro-2019-03.csv")));
  const bytes = withBom.subarray(3);

  it("decodes by the profile's named encoding, not by the guess", () => {
    const asUtf8 = csvRowsFromBytes("s.csv", bytes, [profileNaming("utf-8")]);
    expect(asUtf8.encoding).toBe("utf-8");
    expect(asUtf8.header).toContain("Förvaltning");
    const as1252 = csvRowsFromBytes("s.csv", bytes, [profileNaming("windows-1252")]);
    expect(as1252.encoding).toBe("windows-1252");
    expect(as1252.header).toContain("FÃ¶rvaltning");
  });

  it("guesses as the pipeline does when the profile says auto", () => {
    const rows = csvRowsFromBytes("s.csv", bytes, [profileNaming("auto")]);
    expect(rows.encoding).toBe("utf-8");
    expect(rows.rows.length).toBeGreaterThan(10);
  });
});
