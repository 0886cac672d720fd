import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadConfiguration } from "../../../addin/taskpane/analyse";
import { DEFAULT_BINDINGS, DEFAULT_PROFILES } from "../../../addin/taskpane/defaultConfiguration";

describe("the task pane's default configuration", () => {
  it("has every sample profile, so the pane reads every export the command line reads", () => {
    const shipped = readdirSync(join(__dirname, "../../../samples/config/profiles")).filter((f) => f.endsWith(".json")).sort();
    expect(DEFAULT_PROFILES.map((p) => p.file).sort()).toEqual(shipped);
  });

  it("loads without a configuration issue", () => {
    const configuration = loadConfiguration(DEFAULT_PROFILES, DEFAULT_BINDINGS);
    expect(configuration.issues).toEqual([]);
    expect(configuration.profiles.map((p) => p.id).sort()).toEqual(["brukarenkat", "deltagare", "ekonomi", "fakturor", "forsorjningsstod", "personal", "sjukfranvaro", "vantetider", "vantetider-ansokan"]);
  });
});
