// The patched workbook opens in a real spreadsheet program: LibreOffice converts it to PDF
// headless. Runs only where soffice is installed (skipped otherwise, e.g. in CI without it).
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { applyPatch, openWorkbook, writeFileAtomically } from "../../../pipeline/xlsx";

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const maybe = hasSoffice ? it : it.skip;

maybe("LibreOffice converts a patched workbook to PDF, with the new column in it", async () => {
  const dir = await mkdtemp(join(tmpdir(), "bilaga-soffice-"));
  const wb = await openWorkbook(join(__dirname, "../../fixtures/xlsx/controller-openpyxl.xlsx"));
  const bytes = await applyPatch(wb, {
    sheets: [
      {
        sheet: "Indikatorer",
        writes: [
          { row: 2, column: 7, value: "Utfall 2019-T2", style: { bold: true } },
          { row: 3, column: 7, value: 2509, numberFormat: "#,##0", note: "Utfall 2 509 mot målvärde 2 800 – uppfyllt" },
        ],
      },
    ],
  });
  const { path } = await writeFileAtomically(join(dir, "ifylld.xlsx"), bytes);
  const run = spawnSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, path],
    { encoding: "utf8", timeout: 120_000 },
  );
  expect(run.status).toBe(0);
  const pdf = join(dir, "ifylld.pdf");
  expect((await stat(pdf)).size).toBeGreaterThan(1000);
  const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  if (text.status === 0) expect(text.stdout).toContain("Utfall 2019-T2");
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe("%PDF-");
}, 180_000);
