// A hash key the user must mend is said in Swedish with what to do, exit code 1, and nothing
// is written: not an "internal error" with a stack trace.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLE_EXPORTS } from "../../fixtures/sampleExportFigures";
import Database from "better-sqlite3";
import { REPO, runBilaga, useCliFolder } from "../inspect/runCli";

describe("bilaga import with a key too short", () => {
  const cli = useCliFolder();

  it("names the key file and the rule, and imports nothing", () => {
    const ledger = join(cli.dir, "liggare.sqlite");
    writeFileSync(`${ledger}.key`, "kort\n");
    const run = runBilaga(["import", SAMPLE_EXPORTS, "--ledger", ledger], cli.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Nyckeln i ${ledger}.key är för kort (4 tecken): använd minst 16 tecken`);
    expect(run.stderr).not.toMatch(/Internt fel|    at /);
    expect(run.stdout).not.toMatch(/inläst/);
    expect(runBilaga(["ledger", "--ledger", ledger], cli.dir).stdout).toContain("Liggaren är tom.");
  });
});

describe("bilaga fill with another key than the ledger's", () => {
  const cli = useCliFolder();

  it("says the key is not the ledger's, with exit code 1, and adds no activity history", () => {
    const ledger = join(cli.dir, "liggare.sqlite");
    expect(runBilaga(["run", "--period", "2019-T1", "--ledger", ledger, "--no-pdf"], cli.dir).status).toBe(0);
    const history = (): number => {
      const db = new Database(ledger, { readonly: true });
      try {
        return db.prepare("SELECT COUNT(*) FROM activity_follow_ups").pluck().get() as number;
      } finally {
        db.close();
      }
    };
    const before = history();
    writeFileSync(`${ledger}.key`, `${"ab".repeat(32)}\n`);
    const run = runBilaga(["fill", join(REPO, "samples", "verksamhetsplan-amn-2019.xlsx"), "--period", "2019-T2", "--ledger", ledger, "--out", join(cli.dir, "ut.xlsx")], cli.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Nyckeln för nyckelhashar hör inte till den här liggaren");
    expect(run.stderr).not.toMatch(/Internt fel|    at /);
    expect(history()).toBe(before);
  });
});
