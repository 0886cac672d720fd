import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatIssue } from "../../../core/issues/messages.sv";
import { parseProfile } from "../../../core/sources/profile";

const PROFILES = join(__dirname, "..", "..", "..", "samples", "config", "profiles");

const minimal = {
  id: "sjukfranvaro",
  name: "Sjukfrånvaro",
  recognise: { headers: ["Period", "Sjuktimmar"] },
  month: { column: "Period", format: "month" },
  dimensions: { kon: { column: "Kön", values: { Kvinna: "K", Man: "M" } } },
  measures: [{ id: "sjuktimmar", kind: "sum", column: "Sjuktimmar", breakdowns: ["kon"] }],
};

/** A copy of the minimal profile with one change made by `edit`. */
function changed(edit: (profile: Record<string, any>) => void): unknown { // eslint-disable-line @typescript-eslint/no-explicit-any -- test edits arbitrary keys
  const copy = JSON.parse(JSON.stringify(minimal)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  edit(copy);
  return copy;
}

describe("parseProfile", () => {
  it.each(readdirSync(PROFILES).filter((name) => name.endsWith(".json")))("accepts the sample profile %s", (name) => {
    const result = parseProfile(JSON.parse(readFileSync(join(PROFILES, name), "utf8")), name);
    expect(result.ok ? "ok" : formatIssue(result.issue)).toBe("ok");
  });

  it("fills in the defaults a controller may leave out", () => {
    const result = parseProfile(minimal, "p.json");
    expect(result).toMatchObject({
      ok: true,
      value: { encoding: "auto", delimiter: "auto", delivery: "any", filters: [], measures: [{ empty: "error", condition: [] }] },
    });
  });

  it.each<[string, (p: Record<string, any>) => void, string, RegExp]>([ // eslint-disable-line @typescript-eslint/no-explicit-any
    ["a misspelt key", (p) => { p.meassures = p.measures; }, "meassures", /okänd nyckel/],
    ["a misspelt key in a measure", (p) => { p.measures[0].colum = "x"; }, "measures[0].colum", /okänd nyckel/],
    ["an unknown measure kind", (p) => { p.measures[0].kind = "summa"; }, "measures[0].kind", /ska vara en av "distinct", "sum", "count", "duration"/],
    ["a missing month", (p) => { delete p.month; }, "month", /saknas/],
    ["a month format that does not exist", (p) => { p.month.format = "vecka"; }, "month.format", /"month", "date"/],
    ["an encoding that is not offered", (p) => { p.encoding = "latin1"; }, "encoding", /"windows-1252"/],
    ["a delimiter that is not offered", (p) => { p.delimiter = "|"; }, "delimiter", /ska vara en av/],
    ["a sum without its column", (p) => { delete p.measures[0].column; }, "measures[0].column", /kolumnen att summera/],
    ["a duration without an end", (p) => { p.measures[0] = { id: "vantedagar", kind: "duration", start: "Första kontakt" }; }, "measures[0].end", /slutdatumets kolumn/],
    ["a breakdown by an undeclared dimension", (p) => { p.measures[0].breakdowns = ["alder"]; }, "measures[0].breakdowns[0]", /dimensionen "alder" finns inte/],
    ["the same measure id twice", (p) => { p.measures.push({ ...p.measures[0] }); }, "measures[1].id", /finns två gånger/],
    ["a condition with two tests", (p) => { p.filters = [{ column: "Förvaltning", equals: "A", empty: true }]; }, "filters[0]", /precis ett villkor/],
    ["a condition with no test", (p) => { p.filters = [{ column: "Förvaltning" }]; }, "filters[0]", /precis ett villkor/],
    ["an id with capitals", (p) => { p.id = "Sjukfranvaro"; }, "id", /små bokstäver/],
    ["no required headers", (p) => { p.recognise.headers = []; }, "recognise.headers", /tom lista/],
    ["a number as a column name", (p) => { p.measures[0].column = 7; }, "measures[0].column", /ska vara en text/],
    ["no measures", (p) => { p.measures = []; }, "measures", /tom lista/],
  ])("names the key for %s, in Swedish", (_case, edit, path, reason) => {
    const result = parseProfile(changed(edit), "mitt-system.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issue).toMatchObject({ code: "config/invalid", file: "mitt-system.json", params: { path } });
    expect(String(result.issue.params?.reason)).toMatch(reason);
    const message = formatIssue(result.issue);
    expect(message).toContain("mitt-system.json");
    expect(message).toContain(`"${path}"`);
  });

  it("says the profile itself is wrong when it is not an object", () => {
    const result = parseProfile([1, 2], "lista.json");
    expect(result).toMatchObject({ ok: false, issue: { code: "config/invalid", params: { path: "(profilen)" } } });
    if (!result.ok) expect(formatIssue(result.issue)).toContain("ska vara ett objekt");
  });
});
