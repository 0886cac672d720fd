// A hash key the user must mend is said in Swedish with what to do, exit code 1, and nothing
// is written: not an "internal error" with a stack trace.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SAMPLE_EXPORTS } from "../../fixtures/sampleExportFigures";
import { runBilaga, useCliFolder } from "../inspect/runCli";

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
