// `bilaga inspect` when the input is wrong: a missing file, a file that is not a workbook,
// a workbook without the table, a sheet that does not exist. Swedish on stderr, nothing on
// stdout, and the exit code a script can act on.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXIT } from "../../../pipeline/cli/errors";
import { copyInto, runBilaga, useCliFolder } from "./runCli";

const cli = useCliFolder();

describe("bilaga inspect with bad input", () => {
  it("says in Swedish that a missing file does not exist, and exits with the environment code", () => {
    const run = runBilaga(["inspect", "finns-inte.xlsx"], cli.dir);
    expect(run.status).toBe(EXIT.environment);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('Filen "finns-inte.xlsx" finns inte');
    expect(run.stderr).not.toMatch(/ENOENT|Internt fel/);
  });

  it("refuses a text file named .xlsx as not a workbook, exit 1", () => {
    writeFileSync(join(cli.dir, "bilaga.xlsx"), "Nämndindikator;2017;2018\nAntal hushåll;2996;3130\n", "utf8");
    const run = runBilaga(["inspect", "bilaga.xlsx", "--json"], cli.dir);
    expect(run.status).toBe(EXIT.rejected);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("ingen Excel-arbetsbok");
  });

  it("refuses a folder", () => {
    const run = runBilaga(["inspect", "."], cli.dir);
    expect(run.status).toBe(EXIT.environment);
    expect(run.stderr).toContain("är en mapp");
  });

  it("says when no sheet holds an indicator table, naming the sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Budget");
    sheet.getCell("A1").value = "Konto";
    sheet.getCell("B1").value = "Belopp 2019";
    sheet.getCell("A2").value = "Lokaler";
    sheet.getCell("B2").value = 125000;
    await workbook.xlsx.writeFile(join(cli.dir, "budget.xlsx"));
    const run = runBilaga(["inspect", "budget.xlsx"], cli.dir);
    expect(run.status).toBe(EXIT.rejected);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("Hittade ingen indikatortabell i budget.xlsx");
    expect(run.stderr).toContain('"Budget"');
  });

  it("with --sheet, reads that sheet and says so; a sheet without the table or a missing sheet is refused", () => {
    const file = copyInto(cli.dir, "samples/verksamhetsplan-amn-2019.xlsx");
    const named = runBilaga(["inspect", file, "--sheet", "Bilaga"], cli.dir);
    expect(named.status).toBe(EXIT.ok);
    expect(named.stdout).toContain("angivet med --sheet");

    const about = runBilaga(["inspect", file, "--sheet", "Om bilagan"], cli.dir);
    expect(about.status).toBe(EXIT.rejected);
    expect(about.stderr).toContain('Bladet "Om bilagan"');
    expect(about.stderr).toContain("Nämndindikator");

    const missing = runBilaga(["inspect", file, "--sheet", "Blad9"], cli.dir);
    expect(missing.status).toBe(EXIT.rejected);
    expect(missing.stderr).toContain('Bladet "Blad9" finns inte');
    expect(missing.stderr).toContain('"Bilaga"');
  });

  it("exits with the usage code when the workbook argument is left out", () => {
    const run = runBilaga(["inspect"], cli.dir);
    expect(run.status).toBe(EXIT.usage);
  });
});
