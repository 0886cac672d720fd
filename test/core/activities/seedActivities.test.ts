/**
 * Every activity of the seed plan's Medborgare, Ekonomi, Verksamhet and Medarbetare tables is
 * read from the sample workbook with its deadline. The expected list comes from the seed text
 * itself (the PDF's text, where the tables came out as loose lines), extracted here by a plain
 * scan that does not use the product's reader: the deadlines are the "Slutfört" tokens of each
 * section, and each activity's name must stand in the section right before its deadline.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readActivities } from "../../../core/activities/readActivities";
import type { Activity } from "../../../core/activities/activity";
import { openWorkbook } from "../../../pipeline/xlsx/openWorkbook";

const ROOT = join(__dirname, "../../..");
/**
 * The seed plan's text (verksamhetsplan-arbetsmarknadsnamnden-2019.txt, the PDF's text as the
 * project was given it) from its "Aktiviteter" heading to "Strategiska utvecklingsuppdrag",
 * unchanged: test/fixtures/seed/aktiviteter-2019.txt.
 */
const SEED = readFileSync(join(ROOT, "test/fixtures/seed/aktiviteter-2019.txt"), "utf8");
const PERSPECTIVES = ["Medborgare", "Ekonomi", "Verksamhet", "Medarbetare"] as const;

/** Letters and digits only, lower case: what survives the PDF's line breaks and hyphenation. */
const skeleton = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** The text of each perspective's activity table: from its "Aktivitet Slutfört" line to the next section. */
function seedSections(): Map<string, string> {
  const lines = SEED.split("\n");
  const start = lines.findIndex((line) => line.trim() === "Aktiviteter");
  const end = lines.findIndex((line, i) => i > start && line.trim() === "Strategiska utvecklingsuppdrag");
  const sections = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const trimmed = line.trim();
    if ((PERSPECTIVES as readonly string[]).includes(trimmed)) {
      if (current) sections.set(current, body.join("\n"));
      current = trimmed;
      body = [];
    } else body.push(line);
  }
  if (current) sections.set(current, body.join("\n"));
  // The table starts under its header line "Aktivitet Slutfört".
  for (const [name, text] of sections) sections.set(name, text.slice(text.indexOf("Aktivitet Slutfört") + "Aktivitet Slutfört".length));
  return sections;
}

/** The "Slutfört" tokens of a section, in order, as the PDF broke them. */
const DEADLINE_TOKEN = /Kontinuer-\s*ligt(?:,\s*uppfölj-\s*ning\s*Q4)?|Succe-\s*sivt\s+avslut\s*Q4|Sept\s+Q3|\bQ[1-4]\b/g;

let activities: readonly Activity[];
beforeAll(async () => {
  const workbook = await openWorkbook(join(ROOT, "samples/verksamhetsplan-amn-2019.xlsx"));
  activities = readActivities(workbook.readGrid("Aktiviteter"), { file: "verksamhetsplan-amn-2019.xlsx" }).activities;
});

describe.each(PERSPECTIVES)("the seed's %s activities", (perspective) => {
  const section = seedSections().get(perspective) ?? "";
  const tokens = [...section.matchAll(DEADLINE_TOKEN)].map((m) => m[0]);
  const mine = () => activities.filter((a) => a.perspective === perspective);

  it("has a table in the seed text (the scan found its deadlines)", () => {
    expect(tokens.length).toBeGreaterThanOrEqual(4);
  });

  it("are all read, each with the deadline the seed gives it, in the seed's order", () => {
    const withDeadline = mine().filter((a) => a.deadline.kind !== "missing");
    expect(withDeadline.map((a) => skeleton(a.deadline.kind === "missing" ? "" : a.deadline.raw))).toEqual(tokens.map(skeleton));
    // Each name stands in the section right before its deadline (or, without one, right before the next name).
    const text = skeleton(section);
    let at = 0;
    const list = mine();
    list.forEach((activity, index) => {
      const name = skeleton(activity.name);
      const found = text.indexOf(name, at);
      expect({ name: activity.name, found: found >= 0 }).toEqual({ name: activity.name, found: true });
      at = found + name.length;
      const follows = activity.deadline.kind === "missing" ? skeleton(list[index + 1]?.name ?? "") : skeleton(activity.deadline.raw);
      expect({ name: activity.name, next: text.slice(at, at + follows.length) }).toEqual({ name: activity.name, next: follows });
    });
  });

  it("parses each deadline as the seed's token says: a quarter (with its number) or ongoing", () => {
    const withDeadline = mine().filter((a) => a.deadline.kind !== "missing");
    tokens.forEach((token, index) => {
      const deadline = withDeadline[index]?.deadline;
      const quarter = /Q([1-4])\s*$/.exec(token)?.[1];
      if (token.startsWith("Kontinuer")) {
        expect(deadline).toMatchObject({ kind: "continuous" });
        if (quarter) expect(deadline).toMatchObject({ followUpQuarter: Number(quarter) });
      } else {
        expect(deadline).toMatchObject({ kind: "quarter", quarter: Number(quarter) });
      }
    });
  });

  it("names its board goals as the seed's table does", () => {
    const text = skeleton(section);
    for (const goal of new Set(mine().flatMap((a) => a.boardGoals))) expect({ goal, inSeed: text.includes(skeleton(goal)) }).toEqual({ goal, inSeed: true });
  });
});

it("reads 42 activities in all, and only the miljöplaner activity lacks a deadline (the seed leaves it empty)", () => {
  const counted = PERSPECTIVES.map((p) => [...(seedSections().get(p) ?? "").matchAll(DEADLINE_TOKEN)].length).reduce((a, b) => a + b, 0);
  const missing = activities.filter((a) => a.deadline.kind === "missing");
  expect(missing.map((a) => a.name)).toEqual(["Utveckling enligt miljöplaner (ex. kemikalieplan och plan för koldioxidneutral kommun)"]);
  expect(activities).toHaveLength(counted + missing.length);
  expect(counted + missing.length).toBe(42);
});
