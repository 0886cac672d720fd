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
// The user survey is no longer among them: its export gives months and tertials (issue 13).
const YEARLY = ["Barn i befolkningen", "Attraktiv arbetsgivarindex", "Hållbart medarbetarengagemang", "Chefer med utomnordisk"];

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
    expect(yearly).toHaveLength(6);
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
    // The text target keeps its status set by hand, with its reason, beside the survey's difference between women and men.
    const equal = rows.find((r) => r.name.startsWith("Bemötande"))!;
    expect(equal.status).toBe("not-assessable");
    expect(equal.explanation).toMatch(/^Utfall -?\d+,\d\u00a0procentenheter; satt för hand: målvärdet är en text; /);
    expect(equal.provenance).toMatchObject([{ kind: "export", source: "brukarenkat" }]);
  });

  it('says "mäts per år" for T2 instead of leaving the yearly rows blank', () => {
    const run = bilaga(dir, "run", "--period", "2019-T2");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("(varav 6 rader som mäts per år och bedöms för helåret 2019)");
    const rows = report(dir, "2019-T2").rows;
    const yearly = rows.filter((r) => YEARLY.some((name) => r.name.startsWith(name)));
    expect(yearly).toHaveLength(6);
    // The user survey's export gives the tertial an outcome of its own.
    const survey = rows.find((r) => r.name === "Andel positiva svar i brukarenkät")!;
    expect(survey.outcome).not.toBeNull();
    expect(survey.provenance).toMatchObject([{ kind: "export", source: "brukarenkat" }]);
    for (const row of yearly) {
      expect(row.status).toBe("not-assessable");
      expect(row.explanation).toMatch(/^Mäts per år: /);
    }
  });

  it("keeps a changed manual value's history and never loses a value on re-import or re-fill", () => {
    const csv = join(dir, "manuella.csv");
    copyFileSync(MANUAL, csv);
    expect(bilaga(dir, "run", "--period", "2019", "--manuella", csv).status).toBe(0);
    // The controller corrects HME and leaves AVI out of the file: AVI stays, HME's old value is history.
    const lines = readFileSync(csv, "utf8").split("\r\n").filter((l) => !l.startsWith("avi;"));
    expect(lines.filter((l) => l.startsWith("hme;;2019;78;"))).toHaveLength(1);
    writeFileSync(csv, lines.map((l) => (l.startsWith("hme;;") ? "hme;;2019;80;Medarbetarenkät 2019, HME, rättad;EF;2020-03-01" : l)).join("\r\n"));
    const again = bilaga(dir, "run", "--period", "2019", "--manuella", csv);
    expect(again.status).toBe(0);
    const rows = report(dir, "2019").rows;
    expect(rows.find((r) => r.name === "Hållbart medarbetarengagemang (HME)")?.outcome?.value).toBe(80);
    expect(rows.find((r) => r.name === "Attraktiv arbetsgivarindex (AVI)")?.outcome?.value).toBe(112);
    const shown = bilaga(dir, "ledger", "--manuella").stdout;
    expect(shown).toContain("hme 2019: 80 – EF 2020-03-01, Medarbetarenkät 2019, HME, rättad");
    expect(shown).toMatch(/tidigare: 78 – AB 2020-02-10, Medarbetarenkät 2019, HME \(exempeldata\)/);
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
