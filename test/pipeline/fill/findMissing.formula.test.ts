import { parseBindings } from "../../../core/outcomes/bindings";
import { computeOutcome } from "../../../core/outcomes/computeOutcome";
import { parsePeriod } from "../../../core/periods/period";
import { findMissing } from "../../../pipeline/fill/findMissing";

describe("a formula that divides by zero, in the run's summary", () => {
  it("is listed among the outcomes that could not be computed, by its formula", () => {
    const parsed = parseBindings(
      { bindings: [{ indicator: "X", formula: "slutat / anstallda * 100", terms: { slutat: { source: "personal", measure: "slutat" }, anstallda: { source: "personal", measure: "anstallda" } } }] },
      "bindings.json",
    );
    const period = parsePeriod("2019-01");
    if (!parsed.ok || !period.ok) throw new Error("setup");
    const binding = parsed.value.entries[0]!.binding!;
    const records = [
      { source: "personal", measure: "slutat", month: "2019-01", breakdown: "", sum: 1, count: 1 },
      { source: "personal", measure: "anstallda", month: "2019-01", breakdown: "", sum: 0, count: 0 },
    ];
    const { outcome, issues } = computeOutcome(records, { ...binding, unit: "percent" }, period.value);
    expect(outcome).toBeUndefined();
    expect(findMissing(issues).noData).toEqual(["slutat / anstallda * 100"]);
  });
});
