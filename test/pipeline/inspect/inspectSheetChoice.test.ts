// Without --sheet, `bilaga inspect` tries every sheet and takes the one with the table; a hidden
// copy of the table does not win over the visible one.
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Appendix } from "../../../core/model";
import { addLayoutSheet } from "../../../samples/make/makeAppendixWorkbook";
import { SEED_APPENDIX } from "../../../samples/make/seedAppendix";
import { runBilaga, useCliFolder } from "./runCli";

const cli = useCliFolder();

it("takes the visible table over a hidden copy placed before it", async () => {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet("Anteckningar");
  notes.getCell("A1").value = "Indikatorer att följa upp 2019";
  const hidden = addLayoutSheet(workbook, { ...SEED_APPENDIX, sheet: "Gammal kopia" });
  hidden.state = "hidden";
  addLayoutSheet(workbook, { ...SEED_APPENDIX, sheet: "Bilaga 2019" });
  await workbook.xlsx.writeFile(join(cli.dir, "flera-blad.xlsx"));

  const json = runBilaga(["inspect", "flera-blad.xlsx", "--json"], cli.dir);
  expect(json.status).toBe(0);
  expect((JSON.parse(json.stdout) as Appendix).sheet).toBe("Bilaga 2019");

  const text = runBilaga(["inspect", "flera-blad.xlsx"], cli.dir);
  expect(text.stdout.split("\n")[0]).toContain('blad "Bilaga 2019" (hittat bland arbetsbokens blad ("Anteckningar", "Gammal kopia", "Bilaga 2019")');
});
