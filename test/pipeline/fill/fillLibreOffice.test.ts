// The workbook `bilaga run` writes opens in a real spreadsheet program: LibreOffice converts it
// to PDF headless (exit 0, a PDF with the new columns' header and the statuses in it). Skipped,
// with a message saying why, where soffice is not installed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(__dirname, "../../..");
const hasSoffice = spawnSync("which", ["soffice"], { encoding: "utf8" }).status === 0;
if (!hasSoffice) {
  console.warn("LibreOffice (soffice) finns inte: testet som konverterar den ifyllda bilagan till PDF hoppas över.");
}
const maybe = hasSoffice ? it : it.skip;

maybe("LibreOffice converts the filled appendix to PDF", () => {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-fill-soffice-"));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ["BILAGA_LEDGER", "BILAGA_KEY", "BILAGA_PROFILES", "BILAGA_BINDINGS"]) delete env[name];
    const run = spawnSync(process.execPath, [join(ROOT, "bin", "bilaga.js"), "run", "--period", "2019-T2", "--out", join(dir, "ifylld.xlsx")], { cwd: dir, env, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const convert = spawnSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(join(dir, "profil")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "ifylld.xlsx")],
      { encoding: "utf8", timeout: 150_000 },
    );
    expect(convert.status).toBe(0);
    const pdf = join(dir, "ifylld.pdf");
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const text = spawnSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    if (text.status === 0) {
      expect(text.stdout).toContain("Utfall tertial 2");
      expect(text.stdout).toContain("Delvis uppfyllt");
      expect(text.stdout).toContain("Teckenförklaring, status");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
