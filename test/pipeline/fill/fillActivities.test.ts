/**
 * `bilaga fill` with the sample workbook's activities, end to end in a temporary folder: the
 * period's follow-up lands in the Aktiviteter sheet (only the rule's Försenad and carried
 * statuses, signed "Bilaga (regel)"; every cell a person typed is as it was), the summary sheet
 * counts as a plain count of the sheet does, the ledger keeps the history (a changed status is
 * a new row, an unchanged run adds none; who set it only as a keyed hash), and a sheet named
 * Aktivitetsuppföljning that Bilaga did not write stops the fill before anything is written.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { readActivities } from "../../../core/activities/readActivities";
import { parseFollowUpStatus, RULE_SET_BY } from "../../../core/activities/followUpStatus";
import { toA1 } from "../../../core/workbook/address";
import { cellAt, type Grid } from "../../../core/workbook/grid";
import { applyPatch, openWorkbook } from "../../../pipeline/xlsx";
import { bilaga, REPO, requireBuild } from "../cliTestKit";
import { tempFolder } from "../inspect/runCli";

const SAMPLE = join(REPO, "samples/verksamhetsplan-amn-2019.xlsx");
const EXPORTS = join(REPO, "samples/exports");

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  requireBuild();
  ({ dir, cleanup } = tempFolder());
  const files = readdirSync(EXPORTS).filter((f) => /2019-0[1-8]/.test(f)).map((f) => join(EXPORTS, f));
  expect(bilaga(dir, "import", ...files, "--ledger", "l.sqlite").status).toBe(0);
});
afterAll(() => cleanup());

const texts = (grid: Grid): Map<string, string> => {
  const map = new Map<string, string>();
  grid.cells.forEach((row, r) => row?.forEach((cell, c) => cell && map.set(`${r + grid.origin.row},${c + grid.origin.column}`, cell.text || String(cell.value ?? ""))));
  return map;
};
const history = (sql: string, ...params: unknown[]): unknown[] => {
  const db = new Database(join(dir, "l.sqlite"), { readonly: true });
  try {
    return db.prepare(sql).all(...params);
  } finally {
    db.close();
  }
};

describe("fill for tertial 2 2019", () => {
  let before: Grid;
  let after: Grid;
  let summary: Grid;
  beforeAll(async () => {
    const run = bilaga(dir, "fill", SAMPLE, "--period", "2019-T2", "--ledger", "l.sqlite", "--out", "t2.xlsx");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    before = (await openWorkbook(SAMPLE)).readGrid("Aktiviteter");
    const filled = await openWorkbook(join(dir, "t2.xlsx"));
    after = filled.readGrid("Aktiviteter");
    summary = filled.readGrid("Aktivitetsuppföljning");
  });

  it("flags the Q2 activity nobody reported at T2 as Försenad, with the reason, signed by the rule", () => {
    const plan = readActivities(after);
    const visa = plan.activities.find((a) => a.name.startsWith("Följa och ta tillvara kunskap från projektet VISA"))!;
    const columns = plan.tables[visa.table]!.followUpColumns.find((c) => c.period === "2019-T2")!;
    expect(cellAt(after, visa.row, columns.status).text).toBe("! Försenad");
    expect(cellAt(after, visa.row, columns.comment!).text).toContain("slutdatumet Q2 (senast juni 2019) har passerat");
    expect(cellAt(after, visa.row, columns.setBy!).text).toBe(RULE_SET_BY);
  });

  it("leaves every cell a person typed as it was, and writes only in the T2 columns on rows with an empty status", () => {
    const old = texts(before);
    const now = texts(after);
    for (const [key, text] of old) expect({ key, text: now.get(key) }).toEqual({ key, text });
    const added = [...now.keys()].filter((key) => !old.has(key));
    expect(added.length).toBeGreaterThan(0);
    const plan = readActivities(before);
    const t2 = plan.tables[0]!.followUpColumns.find((c) => c.period === "2019-T2")!;
    const emptyRows = new Set(plan.activities.filter((a) => cellAt(before, a.row, t2.status).text === "").map((a) => a.row));
    for (const key of added) {
      const [row, column] = key.split(",").map(Number) as [number, number];
      expect({ key, ok: emptyRows.has(row) && [t2.status, t2.comment, t2.setBy].includes(column) }).toEqual({ key, ok: true });
    }
  });

  it("writes a summary whose counts per perspective are a plain count of the filled sheet", () => {
    const plan = readActivities(after);
    const t2 = (a: (typeof plan.activities)[number]) => {
      const columns = plan.tables[a.table]!.followUpColumns.find((c) => c.period === "2019-T2")!;
      return parseFollowUpStatus(cellAt(after, a.row, columns.status).text) ?? "not-reported";
    };
    const rowOf = (name: string): number => {
      for (let r = 0; r < summary.cells.length; r++) if (cellAt(summary, r, 0).text === name) return r;
      return -1;
    };
    const keys = ["done", "on-track", "late", "not-started", "cancelled", "not-reported"];
    for (const perspective of ["Medborgare", "Ekonomi", "Verksamhet", "Medarbetare"]) {
      const mine = plan.activities.filter((a) => a.perspective === perspective);
      const row = rowOf(perspective);
      expect(cellAt(summary, row, 1).value).toBe(mine.length);
      keys.forEach((key, i) => expect({ perspective, key, n: cellAt(summary, row, 2 + i).value }).toEqual({ perspective, key, n: mine.filter((a) => t2(a) === key).length }));
    }
    expect(cellAt(summary, rowOf("Totalt"), 1).value).toBe(42);
    // Status is never colour alone: every status header has its symbol and word.
    expect(cellAt(summary, 4, 4).text).toBe("! Försenad");
  });

  it("keeps the history in the ledger: who set it only as a keyed hash", () => {
    const rows = history("SELECT period, origin, status, set_by_hash AS setBy FROM activity_follow_ups WHERE activity_name LIKE 'Finnas representerade%' ORDER BY id") as Array<{ period: string; origin: string; status: string; setBy: string }>;
    expect(rows.map((r) => [r.period, r.origin, r.status])).toEqual([["2019-T1", "set", "on-track"], ["2019-T2", "set", "done"]]);
    expect(rows[0]!.setBy).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(history("SELECT * FROM activity_follow_ups"))).not.toContain("Enhetschef");
  });

  it("adds nothing to the history when the same workbook is filled again, and a row when a status changed", async () => {
    const count = () => (history("SELECT COUNT(*) AS n FROM activity_follow_ups") as Array<{ n: number }>)[0]!.n;
    const first = count();
    expect(bilaga(dir, "fill", SAMPLE, "--period", "2019-T2", "--ledger", "l.sqlite", "--out", "t2-igen.xlsx").status).toBe(0);
    expect(count()).toBe(first);

    // The controller sets the VISA activity to Genomförd for T2 in the filled workbook and fills it again.
    const filled = await openWorkbook(join(dir, "t2.xlsx"));
    const plan = readActivities(filled.readGrid("Aktiviteter"));
    const visa = plan.activities.find((a) => a.name.startsWith("Följa och ta tillvara kunskap från projektet VISA"))!;
    const columns = plan.tables[visa.table]!.followUpColumns.find((c) => c.period === "2019-T2")!;
    const edited = await applyPatch(filled, {
      sheets: [{ sheet: "Aktiviteter", writes: [
        { row: visa.row, column: columns.status, value: "Genomförd", asText: true },
        { row: visa.row, column: columns.comment!, value: "Klart i augusti.", asText: true },
        { row: visa.row, column: columns.setBy!, value: "Enhetschef JKT", asText: true },
      ] }],
    });
    writeFileSync(join(dir, "t2-andrad.xlsx"), edited);
    expect(bilaga(dir, "fill", "t2-andrad.xlsx", "--period", "2019-T2", "--ledger", "l.sqlite", "--out", "t2-andrad-ut.xlsx").status).toBe(0);
    const rows = history("SELECT origin, status, comment FROM activity_follow_ups WHERE activity_id = ? AND period = '2019-T2' ORDER BY id", visa.id);
    expect(rows).toEqual([
      { origin: "rule", status: "late", comment: expect.stringContaining("har passerat") },
      { origin: "set", status: "done", comment: "Klart i augusti." },
    ]);
    expect(count()).toBe(first + 1);
  });

  it("shows the history with `bilaga ledger --aktiviteter`: each change in order, never who set it", () => {
    const run = bilaga(dir, "ledger", "--ledger", "l.sqlite", "--aktiviteter");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    const at = lines.findIndex((line) => line.startsWith("Medborgare: Följa och ta tillvara kunskap från projektet VISA"));
    expect(at).toBeGreaterThan(0);
    const visa = lines.slice(at + 1).filter((line, i, all) => all.slice(0, i + 1).every((l) => l.startsWith("  ")));
    expect(visa.map((line) => line.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, "TID"))).toEqual([
      "  2019-T1: TID → Pågår enligt plan (satt) – verksamhetsplan-amn-2019.xlsx",
      "  2019-T2: TID ! Försenad (enligt regeln), \"slutdatumet Q2 (senast juni 2019) har passerat och ingen har rapporterat aktiviteten som genomförd.\" – verksamhetsplan-amn-2019.xlsx",
      "  2019-T2: TID ✓ Genomförd (satt), \"Klart i augusti.\" – t2-andrad.xlsx",
    ]);
    expect(run.stdout).not.toContain("Enhetschef");
  });
});

it("writes no activity status for a monthly period, and keeps no history for it", () => {
  const count = () => (history("SELECT COUNT(*) AS n FROM activity_follow_ups WHERE period NOT LIKE '%-T_'") as Array<{ n: number }>)[0]!.n;
  const run = bilaga(dir, "fill", SAMPLE, "--period", "2019-06", "--ledger", "l.sqlite", "--out", "juni.xlsx");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("Aktiviteter: följs upp per tertial; ingen aktivitetsstatus skrevs för juni 2019.");
  expect(count()).toBe(0);
});

it("refuses a workbook whose Aktivitetsuppföljning sheet is the controller's own, writing nothing", async () => {
  const sample = await openWorkbook(SAMPLE);
  const own = await applyPatch(sample, { sheets: [{ sheet: "Aktivitetsuppföljning", replaceWhole: true, writes: [{ row: 0, column: 0, value: "Mina egna anteckningar", asText: true }] }] });
  writeFileSync(join(dir, "egen.xlsx"), own);
  const run = bilaga(dir, "fill", "egen.xlsx", "--period", "2019-T2", "--ledger", "l.sqlite", "--out", "egen-ut.xlsx");
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('blad "Aktivitetsuppföljning" som Bilaga inte har skrivit');
  expect(existsSync(join(dir, "egen-ut.xlsx"))).toBe(false);
});

it("keeps a status signed by the rule that a person changed through the next fill, with a warning at its cell", async () => {
  // The controller sets the VISA activity (Försenad by the rule at T2) to Genomförd, leaving "Bilaga (regel)" in Satt av.
  const filled = await openWorkbook(join(dir, "t2.xlsx"));
  const plan = readActivities(filled.readGrid("Aktiviteter"));
  const visa = plan.activities.find((a) => a.name.startsWith("Följa och ta tillvara kunskap från projektet VISA"))!;
  const columns = plan.tables[visa.table]!.followUpColumns.find((c) => c.period === "2019-T2")!;
  expect(cellAt(filled.readGrid("Aktiviteter"), visa.row, columns.setBy!).text).toBe(RULE_SET_BY);
  const edited = await applyPatch(filled, {
    sheets: [{ sheet: "Aktiviteter", writes: [
      { row: visa.row, column: columns.status, value: "✓ Genomförd", asText: true },
      { row: visa.row, column: columns.comment!, value: "Klar i maj", asText: true },
    ] }],
  });
  writeFileSync(join(dir, "t2-regel-andrad.xlsx"), edited);
  const run = bilaga(dir, "fill", "t2-regel-andrad.xlsx", "--period", "2019-T2", "--ledger", "l.sqlite", "--out", "t2-regel-andrad-ut.xlsx");
  expect(run.status).toBe(0);
  const read = readActivities((await openWorkbook(join(dir, "t2-regel-andrad.xlsx"))).readGrid("Aktiviteter"));
  expect(read.issues.filter((i) => i.code === "activity/rule-status-edited").map((i) => [i.severity, i.cell])).toEqual([["warning", toA1({ row: visa.row, column: columns.status })]]);
  const after = (await openWorkbook(join(dir, "t2-regel-andrad-ut.xlsx"))).readGrid("Aktiviteter");
  expect([columns.status, columns.comment!, columns.setBy!].map((column) => cellAt(after, visa.row, column).text)).toEqual(["✓ Genomförd", "Klar i maj", RULE_SET_BY]);
});
