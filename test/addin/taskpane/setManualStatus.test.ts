import * as fs from "node:fs";
import * as path from "node:path";
import { parseBindings } from "../../../core/outcomes/bindings";
import { setManualStatus } from "../../../addin/taskpane/setManualStatus";

const sample = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../samples/config/bindings.json"), "utf8")) as { bindings: { indicator: string; status?: unknown }[] };

describe("setManualStatus", () => {
  it("adds the status and reason to the indicator's existing entry, matching the name loosely, and the core accepts it", () => {
    const first = sample.bindings[0]!;
    const result = setManualStatus(sample, {
      indicator: `  ${first.indicator.toUpperCase()}`,
      manual: { status: "partly-met", reason: " Ny mätmetod från mars " },
    });
    if (!result.ok) throw new Error(result.message);
    const entries = (result.json as typeof sample).bindings;
    expect(entries).toHaveLength(sample.bindings.length);
    expect(entries[0]!.status).toMatchObject({ manual: { status: "partly-met", reason: "Ny mätmetod från mars" } });
    const parsed = parseBindings(result.json, "arbetsboken");
    expect(parsed.ok).toBe(true);
    expect(sample.bindings[0]!.status).not.toHaveProperty("manual"); // the input is not changed
  });

  it("adds an entry for an indicator that has none, and removes it again", () => {
    // The sample configuration without its entry for one indicator: that indicator has none.
    const unnamed = "Chefer med utomnordisk bakgrund";
    const without = { ...sample, bindings: sample.bindings.filter((b) => b.indicator !== unnamed) };
    const added = setManualStatus(without, { indicator: unnamed, manual: { status: "met", reason: "Enkät 2019" } });
    if (!added.ok) throw new Error(added.message);
    expect((added.json as typeof sample).bindings).toHaveLength(without.bindings.length + 1);
    const removed = setManualStatus(added.json, { indicator: unnamed });
    if (!removed.ok) throw new Error(removed.message);
    expect((removed.json as typeof sample).bindings).toEqual(without.bindings);
  });

  it("refuses a status by hand without a reason", () => {
    const result = setManualStatus(sample, { indicator: "X", manual: { status: "met", reason: "  " } });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/varför/) });
  });
});
