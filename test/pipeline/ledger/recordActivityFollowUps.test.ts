/**
 * The activities' history in the ledger keeps no personal data in clear: who set a status is a
 * keyed hash (the same person gives the same hash, so a change of person is still a change),
 * and an identity number in a comment is masked.
 */
import Database from "better-sqlite3";
import { followUpActivities } from "../../../core/activities/followUpActivities";
import { parsePeriod } from "../../../core/periods/period";
import { recordActivityFollowUps } from "../../../pipeline/ledger/recordActivityFollowUps";
import { KeyMismatchError } from "../../../pipeline/ledger/writeBatch";
import { gridFromRows } from "../../fixtures/gridFromLayout";
import { tempLedgerPath } from "../ledgerTestKit";

const t1 = (() => {
  const parsed = parsePeriod("2019-T1");
  if (!parsed.ok) throw new Error("period");
  return parsed.value;
})();

const sheet = (setBy: string) =>
  gridFromRows("Aktiviteter", "A1", [
    ["Medarbetare"],
    ["Nämndmål", "Aktivitet", "Slutfört", "Status T1 2019", "Kommentar T1 2019", "Satt av T1 2019"],
    ["Goda arbetsplatser", "Införande av rätt till heltid", "Q4", "Pågår enligt plan", "Ring 19510104-1626 om schemat", setBy],
  ]);

it("keeps who set it as a keyed hash and masks an identity number in a comment; a new person is a new row", () => {
  const ledger = tempLedgerPath();
  const env = process.env["BILAGA_KEY"];
  process.env["BILAGA_KEY"] = "en nyckel för testet, minst sexton tecken";
  try {
    expect(recordActivityFollowUps(ledger, "plan.xlsx", followUpActivities(sheet("Anna Andersson"), t1), t1)).toEqual({ added: 1, unchanged: 0 });
    expect(recordActivityFollowUps(ledger, "plan.xlsx", followUpActivities(sheet("Anna Andersson"), t1), t1)).toEqual({ added: 0, unchanged: 1 });
    expect(recordActivityFollowUps(ledger, "plan.xlsx", followUpActivities(sheet("Bo Berg"), t1), t1)).toEqual({ added: 1, unchanged: 0 });
  } finally {
    if (env === undefined) delete process.env["BILAGA_KEY"];
    else process.env["BILAGA_KEY"] = env;
  }
  const db = new Database(ledger, { readonly: true });
  const rows = db.prepare("SELECT * FROM activity_follow_ups ORDER BY id").all() as Array<Record<string, unknown>>;
  db.close();
  expect(rows).toHaveLength(2);
  const dump = JSON.stringify(rows);
  expect(dump).not.toMatch(/Anna|Andersson|Bo Berg|19510104/);
  expect(rows[0]).toMatchObject({ status: "on-track", origin: "set", comment: "Ring [personnummer] om schemat", period: "2019-T1" });
  expect(rows[0]!["set_by_hash"]).toMatch(/^[0-9a-f]{64}$/);
  expect(rows[1]!["set_by_hash"]).not.toBe(rows[0]!["set_by_hash"]);
});

it("refuses another key than the ledger's, with the Swedish message, and records nothing", () => {
  const ledger = tempLedgerPath();
  const env = process.env["BILAGA_KEY"];
  try {
    process.env["BILAGA_KEY"] = "en nyckel för testet, minst sexton tecken";
    recordActivityFollowUps(ledger, "plan.xlsx", followUpActivities(sheet("Anna Andersson"), t1), t1);
    process.env["BILAGA_KEY"] = "en annan nyckel, också minst sexton tecken";
    expect(() => recordActivityFollowUps(ledger, "plan.xlsx", followUpActivities(sheet("Bo Berg"), t1), t1)).toThrow(KeyMismatchError);
  } finally {
    if (env === undefined) delete process.env["BILAGA_KEY"];
    else process.env["BILAGA_KEY"] = env;
  }
  const db = new Database(ledger, { readonly: true });
  expect(db.prepare("SELECT COUNT(*) FROM activity_follow_ups").pluck().get()).toBe(1);
  db.close();
});
