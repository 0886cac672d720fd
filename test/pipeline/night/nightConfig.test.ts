// The night run's configuration file: Swedish errors that name the file and the key, paths
// relative to the file, and the command line's refusals (issue 14).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatIssue } from "../../../core/issues/messages.sv";
import { BilagaError } from "../../../pipeline/cli/errors";
import { loadNightConfig, parseNightConfig } from "../../../pipeline/night/nightConfig";
import { bilaga, requireBuild } from "../cliTestKit";

const FILE = "/kommun/natt/natt.json";
const board = { name: "Arbetsmarknadsnämnden", workbook: "amn.xlsx", bindings: "amn.json" };

/** The Swedish text the user sees for a refused configuration (message and issues). */
function refusal(json: unknown): { text: string; exitCode: number } {
  try {
    parseNightConfig(json, FILE);
  } catch (error) {
    if (!(error instanceof BilagaError)) throw error;
    return { text: [...error.issues.map(formatIssue), error.message].join("\n"), exitCode: error.exitCode };
  }
  throw new Error("the configuration was accepted");
}

describe("parseNightConfig", () => {
  it("resolves every path against the file's folder and keeps the rest", () => {
    const config = parseNightConfig(
      { period: "2019-T2", ledger: "data/liggare.sqlite", exports: ["gemensamma", "/abs/hr"], boards: [{ ...board, sheet: "Bilaga", output: "ut/amn.xlsx", exports: "egna" }] },
      FILE,
    );
    expect(config).toMatchObject({
      period: "2019-T2",
      ledger: "/kommun/natt/data/liggare.sqlite",
      exports: ["/kommun/natt/gemensamma", "/abs/hr"],
      boards: [{ name: "Arbetsmarknadsnämnden", workbook: "/kommun/natt/amn.xlsx", bindings: "/kommun/natt/amn.json", sheet: "Bilaga", output: "/kommun/natt/ut/amn.xlsx", exports: ["/kommun/natt/egna"] }],
    });
  });

  it.each([
    [{ exports: "e", boards: [{ ...board, workbok: "x.xlsx" }] }, 'Fel i konfigurationen vid "boards[0].workbok": okänd nyckel'],
    [{ exports: "e", boards: [{ name: "AMN", bindings: "b.json" }] }, 'Fel i konfigurationen vid "boards[0].workbook": nyckeln saknas; den ska vara en text'],
    [{ boards: [board] }, 'Fel i konfigurationen vid "exports": ska vara en sökväg eller en lista med sökvägar'],
    [{ exports: "e", boards: [] }, 'Fel i konfigurationen vid "boards": får inte vara en tom lista'],
    [{ exports: "e", pdf: "ja", boards: [board] }, 'Fel i konfigurationen vid "pdf": ska vara en av "auto", "required", "off"'],
    [{ exports: "e", boards: [board, { ...board, name: "arbetsmarknadsnämnden" }] }, 'Fel i konfigurationen vid "boards[1].name": nämnden finns redan i boards[0]'],
    [{ exports: "e", boards: [{ ...board, output: "amn.xlsx" }] }, 'Fel i konfigurationen vid "boards[0].output": utfilen är samma fil som arbetsboken'],
    [{ exports: "e", boards: [{ ...board, output: "ut.xlsx" }, { ...board, name: "UN", output: "ut.xlsx" }] }, 'Fel i konfigurationen vid "boards[1].output": samma utfil som boards[0]'],
  ])("refuses %j in Swedish, naming the file and the key", (json, message) => {
    const { text, exitCode } = refusal(json);
    expect(text).toContain(`Fel: ${FILE}: ${message}`);
    expect(text).toContain(`Rätta nattkörningens konfiguration ${FILE}`);
    expect(exitCode).toBe(1);
  });

  it("says when the file is not JSON or is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "bilaga-nattfil-"));
    try {
      writeFileSync(join(dir, "natt.json"), "{ boards: [ }");
      expect(() => loadNightConfig(join(dir, "natt.json"))).toThrow(BilagaError);
      try {
        loadNightConfig(join(dir, "natt.json"));
      } catch (error) {
        expect(formatIssue((error as BilagaError).issues[0]!)).toContain(`${join(dir, "natt.json")}: Fel i konfigurationen vid "(filen)": inte giltig JSON`);
      }
      expect(() => loadNightConfig(join(dir, "saknas.json"))).toThrow('Nattkörningens konfiguration "' + join(dir, "saknas.json") + '" finns inte');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bilaga run --boards: wrong use", () => {
  let dir = "";
  beforeAll(() => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), "bilaga-nattcli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints the configuration error with the file and the key, exit 1, and reads nothing", () => {
    writeFileSync(join(dir, "natt.json"), JSON.stringify({ exports: "e", ledger: "l.sqlite", boards: [{ ...board, blad: "Bilaga" }] }));
    const run = bilaga(dir, "run", "--boards", "natt.json", "--period", "2019-T2");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Fel: ${join(dir, "natt.json")}: Fel i konfigurationen vid "boards[0].blad": okänd nyckel; kontrollera stavningen.`);
    expect(existsSync(join(dir, "l.sqlite"))).toBe(false);
  });

  it("refuses single-board options beside --boards (exit 2) and asks for the period when neither says it", () => {
    writeFileSync(join(dir, "natt.json"), JSON.stringify({ exports: ".", boards: [board] }));
    const withWorkbook = bilaga(dir, "run", "--boards", "natt.json", "--period", "2019-T2", "--workbook", "a.xlsx");
    expect(withWorkbook.status).toBe(2);
    expect(withWorkbook.stderr).toContain("--workbook kan inte anges med --boards");
    const noPeriod = bilaga(dir, "run", "--boards", "natt.json");
    expect(noPeriod.status).toBe(2);
    expect(noPeriod.stderr).toContain('Ange perioden med --period (t.ex. --period 2019-T2) eller som "period" i');
    // Two boards whose workbooks share a name in different folders would get the same default output.
    writeFileSync(
      join(dir, "natt.json"),
      JSON.stringify({ period: "2019-T2", exports: ".", boards: [{ ...board, workbook: "amn/plan.xlsx" }, { ...board, name: "Utbildningsnämnden", workbook: "un/plan.xlsx" }] }),
    );
    const shared = bilaga(dir, "run", "--boards", "natt.json");
    expect(shared.status).toBe(2);
    expect(shared.stderr).toContain(`Nämnderna Arbetsmarknadsnämnden och Utbildningsnämnden skulle skriva samma fil ${join(dir, "utdata", "plan utfall 2019-T2.xlsx")}`);
    // One board's output over another board's workbook.
    writeFileSync(
      join(dir, "natt.json"),
      JSON.stringify({ period: "2019-T2", exports: ".", boards: [board, { ...board, name: "Utbildningsnämnden", workbook: "un.xlsx", output: "amn.xlsx" }] }),
    );
    const over = bilaga(dir, "run", "--boards", "natt.json");
    expect(over.status).toBe(2);
    expect(over.stderr).toContain("Nämnden Utbildningsnämnden skulle skriva över Arbetsmarknadsnämndens arbetsbok");
    const plainRun = bilaga(dir, "run");
    expect(plainRun.status).toBe(2);
    expect(plainRun.stderr).toContain("Fel: alternativet '--period <period>' måste anges.");
  });
});
