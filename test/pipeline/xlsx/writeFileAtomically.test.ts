// Atomic writes: the new file appears whole, the old one is kept as a backup when asked,
// and the input workbook is never overwritten unless asked.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomically, writeWorkbookAtomically } from "../../../pipeline/xlsx";

const folder = (): Promise<string> => mkdtemp(join(tmpdir(), "bilaga-write-"));

it("writes the bytes and leaves no temporary file", async () => {
  const dir = await folder();
  const result = await writeFileAtomically(join(dir, "ut.xlsx"), new Uint8Array([1, 2, 3]));
  expect(await readFile(result.path)).toEqual(Buffer.from([1, 2, 3]));
  expect(await readdir(dir)).toEqual(["ut.xlsx"]);
  expect(result.backupPath).toBeUndefined();
});

it("keeps the old file as <name>.bak.xlsx, then timestamped", async () => {
  const dir = await folder();
  const path = join(dir, "bilaga.xlsx");
  await writeFile(path, "gammal");
  const first = await writeFileAtomically(path, new Uint8Array(Buffer.from("ny")), { backup: true });
  expect(first.backupPath).toBe(join(dir, "bilaga.bak.xlsx"));
  expect(await readFile(join(dir, "bilaga.bak.xlsx"), "utf8")).toBe("gammal");
  expect(await readFile(path, "utf8")).toBe("ny");
  const second = await writeFileAtomically(path, new Uint8Array(Buffer.from("nyare")), { backup: true });
  expect(second.backupPath).toMatch(/bilaga\.bak-\d{8}-\d{6}\.xlsx$/);
  expect(await readFile(second.backupPath as string, "utf8")).toBe("ny");
});

it("refuses to overwrite the input unless asked, then backs it up", async () => {
  const dir = await folder();
  const input = join(dir, "bilaga.xlsx");
  await writeFile(input, "indata");
  await expect(writeWorkbookAtomically(new Uint8Array([9]), { input, output: input })).rejects.toMatchObject({ name: "BilagaError" });
  expect(await readFile(input, "utf8")).toBe("indata");
  const done = await writeWorkbookAtomically(new Uint8Array(Buffer.from("ifylld")), { input, output: input, inPlace: true });
  expect(await readFile(input, "utf8")).toBe("ifylld");
  expect(await readFile(done.backupPath as string, "utf8")).toBe("indata");
});
