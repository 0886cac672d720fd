// `bilaga manual` and `bilaga kolada` with files, as a user runs them: the same file twice stores
// nothing new, a bad file is refused whole with a Swedish message naming what to mend (exit 1),
// a missing file is exit 4, and a locked ledger is exit 3.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lockLedger } from "../../../pipeline/ledger/lockLedger";
import { bilaga, REPO, requireBuild } from "../cliTestKit";

requireBuild();

describe("bilaga manual and bilaga kolada", () => {
  let dir: string;
  let ledger: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bilaga-yearly-cli-"));
    ledger = join(dir, "liggare.sqlite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("stores a manual file once; the same file again changes nothing", () => {
    const csv = join(REPO, "samples", "manual", "manuella-varden.csv");
    const first = bilaga(dir, "manual", csv, "--ledger", ledger);
    expect(first.status).toBe(0);
    // 6 rows: 5 keys, AVI entered twice (the later one a change, kept with its history). The user
    // survey is not among them: it comes from its export (issue 13).
    expect(first.stdout).toContain("5 nya, 1 ändrade, 0 oförändrade värden.");
    const again = bilaga(dir, "manual", csv, "--ledger", ledger);
    expect(again.stdout).toContain("0 nya, 0 ändrade, 6 oförändrade värden.");
    expect(bilaga(dir, "ledger", "--ledger", ledger).stdout).toContain("Manuella värden: 5 (1 tidigare värde i historiken); Kolada-värden: 0. Visa dem med --manuella.");
  });

  it("refuses a manual file with a bad row whole (exit 1), and a missing file is exit 4", () => {
    const csv = join(dir, "m.csv");
    writeFileSync(csv, "Mått;Uppdelning;År;Värde;Källa;Inmatat av;Inmatat\navi;;2019;112;Enkät;AB;2020-01-01\nhme;;2019;ca 78;Enkät;AB;2020-01-01\n");
    const bad = bilaga(dir, "manual", csv, "--ledger", ledger);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('m.csv, rad 3, kolumn 4 (Värde): Manuella värden: "ca 78" går inte att läsa: väntade ett tal');
    expect(bilaga(dir, "ledger", "--ledger", ledger, "--manuella").stdout).not.toContain("avi 2019");
    expect(bilaga(dir, "manual", join(dir, "finns-inte.csv"), "--ledger", ledger).status).toBe(4);
  });

  it("refuses a file that is not Kolada's response, naming the key (exit 1), and stores the sample", () => {
    const bad = join(dir, "fel.json");
    writeFileSync(bad, JSON.stringify({ values: [{ kpi: "N00011", municipality: "0580", period: 2019, values: [{ gender: "T", value: "4,3" }] }] }));
    const refused = bilaga(dir, "kolada", bad, "--ledger", ledger);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('vid "values[0].values[0].value"');
    const stored = bilaga(dir, "kolada", join(REPO, "samples", "kolada"), "--ledger", ledger);
    expect(stored.status).toBe(0);
    expect(stored.stdout).toContain("N00011-0580.json: 4 nya eller ändrade värden. Källa: Kolada.");
  });

  it("says the ledger is in use (exit 3) when another run holds it", () => {
    bilaga(dir, "kolada", join(REPO, "samples", "kolada"), "--ledger", ledger);
    const lock = lockLedger(ledger);
    try {
      const locked = bilaga(dir, "manual", join(REPO, "samples", "manual", "manuella-varden.csv"), "--ledger", ledger);
      expect(locked.status).toBe(3);
      expect(locked.stderr).toContain("Liggaren används redan");
    } finally {
      lock.release();
    }
  });
});
