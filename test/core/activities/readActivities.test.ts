// The activity reader's doubts and edge cases, each at its cell, on small sheets typed here.
import { readActivities } from "../../../core/activities/readActivities";
import { gridFromRows } from "../../fixtures/gridFromLayout";

const codes = (plan: ReturnType<typeof readActivities>) => plan.issues.map((i) => `${i.code} ${i.cell ?? ""} ${i.raw ?? ""}`.trim());

it("says there is no activity table in a sheet without Aktivitet and Slutfört headers", () => {
  const plan = readActivities(gridFromRows("Blad1", "A1", [["Nämndindikator", "2018"], ["Andel", 5]]));
  expect(plan.activities).toEqual([]);
  expect(plan.issues.map((i) => i.code)).toEqual(["activity/table-not-found"]);
});

it("reads a lone activity without a deadline at a table's end as an activity, not as the next table's heading", () => {
  const plan = readActivities(
    gridFromRows("Aktiviteter", "B2", [
      ["Mål", "Åtgärd", "Klart senast"],
      ["Mål 1", "Första åtgärden", "Q1"],
      [undefined, "Åtgärd utan slutdatum"],
      [],
      ["Mål", "Åtgärd", "Klart senast"],
      ["Mål 2", "Andra åtgärden", "Q3"],
    ]),
  );
  expect(plan.activities.map((a) => [a.name, a.deadline.kind, a.boardGoals.join()])).toEqual([
    ["Första åtgärden", "quarter", "Mål 1"],
    ["Åtgärd utan slutdatum", "missing", "Mål 1"],
    ["Andra åtgärden", "quarter", "Mål 2"],
  ]);
  expect(plan.tables).toHaveLength(2);
  expect(codes(plan)).toContain("activity/missing-deadline C4 Åtgärd utan slutdatum");
});

it("gives a repeated activity its own id and says so; reports a deadline with no activity and an unknown deadline", () => {
  const plan = readActivities(
    gridFromRows("Aktiviteter", "A1", [
      ["Ekonomi"],
      ["Nämndmål", "Aktivitet", "Slutfört"],
      ["Mål", "Samma aktivitet", "Q2"],
      [undefined, "Samma aktivitet", "Q3"],
      [undefined, undefined, "Q4"],
      [undefined, "Ny rutin", "snarast"],
    ]),
  );
  expect(plan.activities.map((a) => a.id)).toEqual(["ekonomi/samma aktivitet", "ekonomi/samma aktivitet#2", "ekonomi/ny rutin"]);
  expect(codes(plan)).toEqual([
    "activity/duplicate B4 Samma aktivitet",
    "activity/deadline-without-activity C5 Q4",
    "activity/unknown-deadline C6 snarast",
  ]);
});

it("reports follow-up columns it cannot place, and an activity without a perspective", () => {
  const plan = readActivities(
    gridFromRows("Aktiviteter", "A1", [
      ["Aktivitet", "Slutfört", "Status våren", "Kommentar T1 2019"],
      ["Ny rutin", "Q1", "Pågår", "Kommentar utan statuskolumn"],
    ]),
  );
  expect(codes(plan)).toEqual([
    "activity/follow-up-without-period C1 status våren",
    "activity/follow-up-without-status D1 kommentar t1 2019",
    "activity/without-perspective A2 Ny rutin",
    "activity/without-goal A2 Ny rutin",
  ]);
  expect(plan.activities[0]?.followUps).toEqual([]);
});

it("reads follow-up headers written 'tertial 2 2019', and 'Status T1' in the year of the title above", () => {
  const plan = readActivities(
    gridFromRows("Aktiviteter", "A1", [
      ["Handlingsplan 2019"],
      [],
      ["Aktivitet", "Slutfört", "Status T1", "Kommentar T1", "Status tertial 2 2019", "Satt av tertial 2 2019"],
      ["Ny rutin", "Q1", "Genomförd", "Klar i mars", "Genomförd", "Controller"],
    ]),
  );
  expect(plan.tables[0]?.followUpColumns).toEqual([
    { period: "2019-T1", status: 2, comment: 3 },
    { period: "2019-T2", status: 4, setBy: 5 },
  ]);
  expect(plan.activities[0]?.followUps).toEqual([
    { period: "2019-T1", status: "done", comment: "Klar i mars", setBy: "" },
    { period: "2019-T2", status: "done", comment: "", setBy: "Controller" },
  ]);
  expect(plan.year).toBe(2019);
});
