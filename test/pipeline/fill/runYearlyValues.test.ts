// `bilaga run` with manual values and Kolada, end to end in a temporary folder: the year's
// outcomes and their provenance in the run report, "mäts per år" for a tertial, a changed manual
// value keeps its history, a manual value is never lost on re-import or re-fill, and a bad manual
// file stops the run with nothing written.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bilaga, REPO, requireBuild } from "../cliTestKit";

requireBuild();

const MANUAL = join(REPO, "samples", "manual", "manuella-varden.csv");
const YEARLY = ["Barn i befolkningen", "Andel positiva svar i brukarenkät", "Attraktiv arbetsgivarindex", "Hållbart medarbetarengagemang", "Chefer med utomnordisk"];

interface Row {
  name: string;
  outcome: { value: number; text: string } | null;
  status: string;
  explanation: string;
  provenance: { kind: string; [key: string]: unknown }[];
}
const report = (dir: string, period: string): { rows: Row[]; status: string } => JSON.parse(readFileSync(join(dir, "utdata", `korrapport-${period}.json`), "utf8"));

/** The sample CSV's rows as a plain loop reads them: measure|breakdown -> the newest entry's value. */
function newestSampleValues(): Map<string, number> {
  const newest = new Map<string, { at: string; value: number }>();
  const lines = readFileSync(MANUAL, "utf8").split(/\r?\n/).slice(1).filter((l) => l.trim() !== "");
  for (const line of lines) {
    const [measure, breakdown, , value, , , at] = line.split(";");
    const key = `${measure}|${breakdown}`;
    const number = Number((value ?? "").replace(",", "."));
    const held = newest.get(key);
    if (held === undefined || (at ?? "") >= held.at) newest.set(key, { at: at ?? "", value: number });
  }
  return new Map([...newest].map(([k, v]) => [k, v.value]));
}

describe("bilaga run with manual values and Kolada", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "bilaga-yearly-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("gives every yearly row of the seed an outcome or a stated reason for 2019, with provenance", () => {
    const run = bilaga(dir, "run", "--period", "2019");
    expect(run.status).toBe(0);
    // The summary credits Kolada beside its value.
    expect(run.stdout).toContain("Barn i befolkningen som under året ingått i familjer med långvarigt ekonomiskt bistånd, andel av befolkningen (%): 4,3\u00a0%. Källa: Kolada (nyckeltal N00011, kommun 0580, år 2019).");
    const rows = report(dir, "2019").rows;
    const yearly = rows.filter((r) => YEARLY.some((name) => r.name.startsWith(name)));
    expect(yearly).toHaveLength(7);
    for (const row of yearly) {
      expect(row.outcome !== null || row.explanation.length > 20).toBe(true);
    }
    const expected = newestSampleValues();
    const value = (name: string) => rows.find((r) => r.name === name)?.outcome?.value;
    expect(value("Attraktiv arbetsgivarindex (AVI)")).toBe(expected.get("avi|"));
    expect(value("Hållbart medarbetarengagemang (HME) – Kvinnor")).toBe(expected.get("hme|Kvinnor"));
    expect(value("Chefer med utomnordisk bakgrund")).toBe(expected.get("chefer-utomnordisk|"));
    const kolada = rows.find((r) => r.name.startsWith("Barn i befolkningen"))!;
    expect(kolada.outcome?.text).toBe("4,3\u00a0%");
    expect(kolada.provenance).toEqual([{ kind: "kolada", kpi: "N00011", municipality: "0580", year: 2019, credit: "Källa: Kolada" }]);
    expect(rows.find((r) => r.name === "Attraktiv arbetsgivarindex (AVI)")?.provenance).toMatchObject([{ kind: "manual", enteredBy: "CD", enteredAt: "2020-02-10" }]);
    // The text target keeps its status set by hand, with its reason.
    expect(rows.find((r) => r.name.startsWith("Bemötande"))?.explanation).toMatch(/^Satt för hand: /);
  });

  it('says "mäts per år" for T2 instead of leaving the yearly rows blank', () => {
    const run = bilaga(dir, "run", "--period", "2019-T2");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("(varav 7 rader som mäts per år och bedöms för helåret 2019)");
    const yearly = report(dir, "2019-T2").rows.filter((r) => YEARLY.some((name) => r.name.startsWith(name)));
    expect(yearly).toHaveLength(7);
    for (const row of yearly) {
      expect(row.status).toBe("not-assessable");
      expect(row.explanation).toMatch(/^Mäts per år: /);
    }
  });

  it("keeps a changed manual value's history and never loses a value on re-import or re-fill", () => {
    const csv = join(dir, "manuella.csv");
    copyFileSync(MANUAL, csv);
    expect(bilaga(dir, "run", "--period", "2019", "--manuella", csv).status).toBe(0);
    // The controller corrects the survey and leaves AVI out of the file: AVI stays, the survey's old value is history.
    const lines = readFileSync(csv, "utf8").split("\r\n").filter((l) => !l.startsWith("avi;"));
    writeFileSync(csv, lines.map((l) => (l.startsWith("brukarenkat-positiva;") ? "brukarenkat-positiva;;2019;89;Brukarenkät 2019, rättad;EF;2020-03-01" : l)).join("\r\n"));
    const again = bilaga(dir, "run", "--period", "2019", "--manuella", csv);
    expect(again.status).toBe(0);
    const rows = report(dir, "2019").rows;
    expect(rows.find((r) => r.name === "Andel positiva svar i brukarenkät")?.outcome?.value).toBe(89);
    expect(rows.find((r) => r.name === "Attraktiv arbetsgivarindex (AVI)")?.outcome?.value).toBe(112);
    const shown = bilaga(dir, "ledger", "--manuella").stdout;
    expect(shown).toContain("brukarenkat-positiva 2019: 89 – EF 2020-03-01, Brukarenkät 2019, rättad");
    expect(shown).toMatch(/tidigare: 87 – AB 2020-01-20, Brukarenkät 2019, Arbetsmarknadsförvaltningen \(exempeldata\)/);
    // fill from the ledger alone (no CSV) gives the same values.
    const filled = join(dir, "utdata", "verksamhetsplan-amn-2019 utfall 2019.xlsx");
    const fill = bilaga(dir, "fill", filled, "--period", "2019", "--out", join(dir, "igen.xlsx"));
    expect(fill.status).toBe(0);
    expect(fill.stdout).toContain("Uppfyllt");
  });

  it("stops with nothing written when the manual file has a bad row, naming line and column", () => {
    const csv = join(dir, "manuella.csv");
    writeFileSync(csv, "Mått;Uppdelning;År;Värde;Källa;Inmatat av;Inmatat\r\navi;;2019;;Enkät;AB;2020-01-01\r\n");
    mkdirSync(join(dir, "bilaga-data"), { recursive: true });
    const run = bilaga(dir, "run", "--period", "2019", "--manuella", csv);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("manuella.csv, rad 2, kolumn 4 (Värde)");
    expect(run.stderr).toContain("ett tomt värde blir aldrig 0");
    expect(existsSync(join(dir, "bilaga-data", "liggare.sqlite"))).toBe(false);
    expect(existsSync(join(dir, "utdata", "verksamhetsplan-amn-2019 utfall 2019.xlsx"))).toBe(false);
  });
});
