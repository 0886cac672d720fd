// `bilaga inspect` shows the workbook's activities (issue 11): after the appendix in the sample,
// alone in a workbook that has activities but no indicator table (made with openpyxl).
import { copyInto, runBilaga, useCliFolder } from "./runCli";

const cli = useCliFolder();

it("shows the sample's activities after the appendix: perspectives, goals, deadlines in words, follow-ups per tertial", () => {
  const file = copyInto(cli.dir, "samples/verksamhetsplan-amn-2019.xlsx");
  const run = runBilaga(["inspect", file], cli.dir);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("Indikatorbilaga i verksamhetsplan-amn-2019.xlsx");
  expect(run.stdout).toContain('Aktiviteter i verksamhetsplan-amn-2019.xlsx, blad "Aktiviteter": 42 aktiviteter i 4 tabeller, uppföljning för 2019-T1, 2019-T2.');
  expect(run.stdout).toMatch(/Aktivitet: Införande av digital ansökan \(B\d+\)\n\s+Slutfört: Sept Q3 \(senast september\)\n\s+tertial 1 2019 \(jan–apr\): → Pågår enligt plan/);
  expect(run.stdout).toContain("Sammanfattning: Medborgare 21, Ekonomi 9, Verksamhet 4, Medarbetare 8; 42 aktiviteter.");
  expect(run.stdout).toMatch(/Varning: verksamhetsplan-amn-2019.xlsx, Aktiviteter!B13: Aktiviteten "Utveckling enligt miljöplaner/);
});

it("keeps --json to the appendix model alone (its schema is unchanged)", () => {
  const file = copyInto(cli.dir, "samples/verksamhetsplan-amn-2019.xlsx");
  const run = runBilaga(["inspect", file, "--json"], cli.dir);
  expect(run.status).toBe(0);
  expect(Object.keys(JSON.parse(run.stdout) as object)).not.toContain("activities");
});

it("shows the activities of a workbook without an indicator table, with doubts at their cells", () => {
  const file = copyInto(cli.dir, "test/fixtures/activities-other-layout/aktiviteter-annan-layout.xlsx");
  const run = runBilaga(["inspect", file], cli.dir);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('blad "Handlingsplan": 42 aktiviteter i 1 tabell');
  expect(run.stdout).toContain("Handlingsplan!E17: Aktiviteten \"Utveckling enligt miljöplaner");
});

it("still says there is no table in a sheet with neither", () => {
  const file = copyInto(cli.dir, "samples/verksamhetsplan-amn-2019.xlsx");
  const run = runBilaga(["inspect", file, "--sheet", "Om bilagan"], cli.dir);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('Bladet "Om bilagan"');
});
