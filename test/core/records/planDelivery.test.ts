// planDelivery: how a new file combines with the deliveries held, month by month, per mode.
import { formatIssue } from "../../../core/issues/messages.sv";
import { coveredMonths, monthsFromTo, planDelivery, type HeldMonth } from "../../../core/records/planDelivery";

const held = (month: string, id: number, file: string, lastMonth = month, parts?: string[]): HeldMonth => ({
  month,
  delivery: { id, file },
  lastMonth,
  ...(parts ? { parts } : {}),
});
const incoming = (months: string[], parts?: Record<string, string[]>) => ({ file: "ny.csv", source: "arenden", months, ...(parts ? { parts } : {}) });

describe("planDelivery", () => {
  it("months from one to another run across the new year", () => {
    expect(monthsFromTo("2018-11", "2019-02")).toEqual(["2018-11", "2018-12", "2019-01", "2019-02"]);
    expect(coveredMonths("cumulative", ["2019-03", "2018-12"])).toEqual(["2018-12", "2019-01", "2019-02", "2019-03"]);
    expect(coveredMonths("one-month", ["2019-03", "2018-12"])).toEqual(["2018-12", "2019-03"]);
  });

  it('"any" refuses an overlap and names every overlapping month and earlier delivery once', () => {
    const plan = planDelivery("any", incoming(["2019-02", "2019-03", "2019-04"]), [held("2019-02", 1, "a.csv"), held("2019-03", 1, "a.csv"), held("2019-03", 2, "b.csv")]);
    if (plan.ok) throw new Error("expected a refusal");
    expect(plan.issue).toMatchObject({ code: "delivery/overlap", file: "ny.csv", params: { months: "2019-02, 2019-03", earlier: "a.csv (inläsning 1), b.csv (inläsning 2)" } });
    expect(formatIssue(plan.issue)).toMatch(/^Fel: ny\.csv: Filen har månader som redan finns/);
  });

  it('"cumulative": a month held by a file reaching further is kept; the same last month is replaced', () => {
    const plan = planDelivery("cumulative", incoming(["2019-01", "2019-03"]), [held("2019-01", 1, "t-o-m-april.csv", "2019-04"), held("2019-02", 2, "t-o-m-mars.csv", "2019-03")]);
    if (!plan.ok) throw new Error("refused");
    expect(plan.value.map((a) => [a.month, a.action, a.replaces.map((h) => h.delivery.id), a.keeps.map((h) => h.delivery.id)])).toEqual([
      ["2019-01", "superseded", [], [1]],
      ["2019-02", "replace", [2], []],
      ["2019-03", "replace", [], []],
    ]);
  });

  it('"parts": disjoint units add, the same units replace, some shared units refuse', () => {
    const mode = { kind: "parts" as const, column: "Enhet" };
    const heldParts = [held("2019-06", 1, "nord.csv", "2019-06", ["Nord"]), held("2019-06", 2, "syd.csv", "2019-06", ["Syd"])];
    const add = planDelivery(mode, incoming(["2019-06"], { "2019-06": ["Ungdom"] }), heldParts);
    expect(add.ok && add.value[0]).toMatchObject({ action: "add", replaces: [], keeps: heldParts });
    const replace = planDelivery(mode, incoming(["2019-06"], { "2019-06": ["Nord", "Ungdom"] }), heldParts);
    expect(replace.ok && replace.value[0]).toMatchObject({ action: "add", replaces: [heldParts[0]], keeps: [heldParts[1]] });
    const both = [held("2019-06", 3, "nord-syd.csv", "2019-06", ["Nord", "Syd"])];
    const partly = planDelivery(mode, incoming(["2019-06"], { "2019-06": ["Nord"] }), both);
    if (partly.ok) throw new Error("expected a refusal");
    expect(formatIssue(partly.issue)).toContain("För 2019-06 har nord-syd.csv (inläsning 3) redan 2 enheter, och filen har 1 av dem bland sina 1.");
  });
});
