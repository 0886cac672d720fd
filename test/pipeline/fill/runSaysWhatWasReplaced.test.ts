// Replacing data is never silent (issue 9): a corrected re-delivery read by `bilaga run` is named
// in the Swedish summary and the run report with the delivery it replaced, the month and the
// rows that delivery had given it (counted here with a plain loop over the file), and
// `bilaga ledger` shows per source and month which deliveries give it and how many rows.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SAMPLE_EXPORTS } from "../../fixtures/sampleExportFigures";
import { REPO, bilaga } from "../cliTestKit";

const cwd = mkdtempSync(join(tmpdir(), "bilaga-ersatt-"));
const exportsDir = join(cwd, "exporter");
const ledger = join(cwd, "data", "liggare.sqlite");
const args = (name: string): string[] => [
  "--exports", exportsDir, "--workbook", join(REPO, "samples", "verksamhetsplan-amn-2019.xlsx"),
  "--ledger", ledger, "--out", join(cwd, `${name}.xlsx`), "--report", join(cwd, `${name}.json`),
];
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/**
 * The data rows of a sick-leave export (the rows the profile counts: since issue 14 every
 * administration's, for the per-administration measures; none is filtered out).
 */
const counted = (text: string): number => text.split("\r\n").filter((line) => line !== "").length - 1;

it("names the replaced delivery, month and rows in the summary, the run report and bilaga ledger", () => {
  cpSync(SAMPLE_EXPORTS, exportsDir, { recursive: true });
  expect(bilaga(cwd, "run", "--period", "2019-T2", ...args("forsta")).status).toBe(0);

  const original = readFileSync(join(SAMPLE_EXPORTS, "sjukfranvaro-2019-08.csv"), "utf8");
  const lines = original.trimEnd().split("\r\n");
  const amf = lines.findIndex((line, index) => index > 0 && line.split(";")[1] === "Arbetsmarknadsförvaltningen");
  const corrected = `${lines.filter((_, index) => index !== amf).join("\r\n")}\r\n`;
  writeFileSync(join(exportsDir, "sjukfranvaro-2019-08-rattad.csv"), corrected);

  const second = bilaga(cwd, "run", "--period", "2019-T2", ...args("andra"));
  expect(second.status).toBe(0);
  const rows = counted(original);
  expect(second.stdout).toContain("Leveranser som ersatte eller lades till tidigare inläst data:");
  expect(second.stdout).toMatch(
    new RegExp(`sjukfranvaro-2019-08-rattad\\.csv: Ersätter 2019-08 från tidigare leverans sjukfranvaro-2019-08\\.csv \\(inläsning \\d+, ${rows} rader\\)\\.`),
  );
  const report = JSON.parse(readFileSync(join(cwd, "andra.json"), "utf8")) as { imports: { details: Array<{ file: string; replaced?: unknown[] }> } };
  const detail = report.imports.details.find((d) => d.file.endsWith("sjukfranvaro-2019-08-rattad.csv"));
  expect(detail?.replaced).toEqual([expect.objectContaining({ month: "2019-08", fileName: "sjukfranvaro-2019-08.csv", rows })]);

  const shown = bilaga(cwd, "ledger", "--ledger", ledger);
  expect(shown.status).toBe(0);
  expect(shown.stdout).toMatch(new RegExp(`2019-08: sjukfranvaro-2019-08-rattad\\.csv \\(inläsning \\d+, ${rows - 1} rader\\)`));
  expect(shown.stdout).toMatch(new RegExp(`2019-07: sjukfranvaro-2019-07\\.csv \\(inläsning \\d+, ${counted(readFileSync(join(SAMPLE_EXPORTS, "sjukfranvaro-2019-07.csv"), "utf8"))} rader\\)`));
}, 120_000);
