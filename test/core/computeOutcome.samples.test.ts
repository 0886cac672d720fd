/**
 * The sample exports, measured by the core and combined by the sample bindings for T2 2019,
 * give the outcomes an independent calculation gives: the files are decoded and split here,
 * and each figure is recomputed from the raw fields with plain loops (sums first, divided last).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBindings } from "../../core/bindings";
import { createKeyHasher } from "../../core/hmacSha256";
import { startMeasure } from "../../core/measure";
import { parsePeriod } from "../../core/period";
import { parseProfile, type SourceProfile } from "../../core/profile";
import { readTable } from "../../core/readTable";
import { recogniseSource } from "../../core/recogniseSource";
import type { MonthlyRecord } from "../../core/records";
import { assessAppendix } from "../../core/status/assessAppendix";
import { SEED_APPENDIX } from "../../samples/make/seedAppendix";
import { gridFromLayout } from "../fixtures/gridFromLayout";

const ROOT = join(__dirname, "..", "..", "samples");
const EXPORTS = join(ROOT, "exports");

const profiles: SourceProfile[] = readdirSync(join(ROOT, "config", "profiles"))
  .filter((name) => name.endsWith(".json"))
  .map((name) => {
    const parsed = parseProfile(JSON.parse(readFileSync(join(ROOT, "config", "profiles", name), "utf8")), name);
    if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.issue)}`);
    return parsed.value;
  });
const bindingsJson: unknown = JSON.parse(readFileSync(join(ROOT, "config", "bindings.json"), "utf8"));
const parsedBindings = parseBindings(bindingsJson, "bindings.json");
if (!parsedBindings.ok) throw new Error("sample bindings");
const bindings = parsedBindings.value;

interface Table {
  readonly header: string[];
  readonly rows: string[][];
}

const ENCODING: Readonly<Record<string, string>> = { forsorjningsstod: "windows-1252", sjukfranvaro: "utf-8", vantetider: "utf-16le" };
const DELIMITER: Readonly<Record<string, string>> = { forsorjningsstod: ";", sjukfranvaro: ";", vantetider: "\t" };

function table(file: string): Table {
  const source = file.split("-")[0] ?? "";
  const text = new TextDecoder(ENCODING[source], { fatal: true }).decode(readFileSync(join(EXPORTS, file)));
  const lines = text.split(/\r?\n/).filter((line) => line !== "");
  const [header = "", ...rows] = lines;
  const delimiter = DELIMITER[source] ?? ";";
  return { header: header.split(delimiter), rows: rows.map((line) => line.split(delimiter)) };
}

const files = readdirSync(EXPORTS).filter((name) => /-2019-0[1-8]\.(csv|txt)$/.test(name)).sort();
const tables = new Map(files.map((file) => [file, table(file)]));

const records: MonthlyRecord[] = files.flatMap((file) => {
  const t = tables.get(file)!;
  const profile = recogniseSource(profiles, t.header);
  if (profile === undefined) throw new Error(`no profile for ${file}`);
  const started = startMeasure(profile, t.header, { file, hashKey: createKeyHasher("provnyckel") });
  if (!started.ok) throw new Error(JSON.stringify(started.issue));
  t.rows.forEach((fields, index) => started.value.push(fields, index + 2));
  return started.value.finish().records;
});

const T2 = (() => {
  const p = parsePeriod("2019-T2");
  if (!p.ok) throw new Error("period");
  return p.value;
})();
const assessment = assessAppendix(readTable(gridFromLayout(SEED_APPENDIX)), bindings, records, T2);
const outcomeOf = (name: string): number | undefined => assessment.rows.find((r) => r.name === name)?.outcome?.quantity.value;

/** "1 047,0", "89,25", "" -> number, written plainly for the test. */
function hours(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return cleaned === "" ? 0 : Number(cleaned);
}

/** Days since an epoch for "2019-03-02" or "2/3 2019". */
function day(text: string): number {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const swedish = /^(\d{1,2})\/(\d{1,2}) (\d{4})$/.exec(text.trim());
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : swedish ? [swedish[3], swedish[2], swedish[1]] : [];
  if (y === undefined) throw new Error(`date ${text}`);
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000;
}

describe("the sample bindings on the sample exports, T2 2019", () => {
  it("name sources, measures and breakdown dimensions the profiles have", () => {
    for (const entry of bindings.entries) {
      for (const ref of [entry.binding?.measure, entry.binding?.denominator]) {
        if (ref === undefined) continue;
        const profile = profiles.find((p) => p.id === ref.source);
        const measure = profile?.measures.find((m) => m.id === ref.measure);
        expect(measure).toBeDefined();
        for (const part of ref.breakdown === "" ? [] : ref.breakdown.split("&")) {
          expect(measure?.breakdowns).toContain(part.split("=")[0]);
        }
      }
    }
  });

  it("miss no month", () => {
    expect(assessment.issues.filter((i) => i.code === "period/missing-month")).toEqual([]);
  });

  it("give the sick-leave rate as Σ sick hours / Σ scheduled hours × 100 for Arbetsmarknadsförvaltningen, total and by gender", () => {
    const sums = { "": [0, 0], K: [0, 0], M: [0, 0] } as Record<string, [number, number]>;
    for (const [file, t] of tables) {
      if (!file.startsWith("sjukfranvaro")) continue;
      const col = (name: string): number => t.header.findIndex((h) => h.replace("\ufeff", "") === name);
      for (const row of t.rows) {
        if (row[col("Förvaltning")] !== "Arbetsmarknadsförvaltningen") continue;
        const gender = (row[col("Kön")] ?? "").startsWith("K") ? "K" : "M";
        for (const key of ["", gender]) {
          sums[key]![0] += hours(row[col("Sjukfrånvarotimmar")] ?? "");
          sums[key]![1] += hours(row[col("Ordinarie arbetstid timmar")] ?? "");
        }
      }
    }
    const rate = (key: string): number => (sums[key]![0] / sums[key]![1]) * 100;
    expect(outcomeOf("Total sjukfrånvaro (%)")).toBeCloseTo(rate(""), 9);
    expect(outcomeOf("Total sjukfrånvaro (%) – Kvinnor")).toBeCloseTo(rate("K"), 9);
    expect(outcomeOf("Total sjukfrånvaro (%) – Män")).toBeCloseTo(rate("M"), 9);
  });

  it("give households 'i snitt per månad' as the mean of each month's distinct households", () => {
    const counts: number[] = [];
    for (const [file, t] of tables) {
      if (!file.startsWith("forsorjningsstod")) continue;
      const col = t.header.indexOf("Hushållsnummer");
      counts.push(new Set(t.rows.map((row) => (row[col] ?? "").trim()).filter((id) => id !== "")).size);
    }
    expect(counts).toHaveLength(8);
    expect(outcomeOf("Antal hushåll med försörjningsstöd i snitt per månad.")).toBeCloseTo(counts.reduce((a, b) => a + b, 0) / 8, 9);
  });

  it("give waiting days as Σ days from first contact to decision / the number of decisions (pending cases left out)", () => {
    let days = 0;
    let decisions = 0;
    for (const [file, t] of tables) {
      if (!file.startsWith("vantetider")) continue;
      const first = t.header.findIndex((h) => h.replace("\ufeff", "") === "Första kontakt");
      const decided = t.header.indexOf("Beslutsdatum");
      for (const row of t.rows) {
        const decision = (row[decided] ?? "").trim();
        if (decision === "") continue;
        days += day(decision) - day(row[first] ?? "");
        decisions += 1;
      }
    }
    expect(outcomeOf("Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)")).toBeCloseTo(days / decisions, 9);
  });

  it("give the long-term adults the August figure (a point-in-time count)", () => {
    const august = records.filter((r) => r.source === "forsorjningsstod" && r.measure === "vuxna-langvarigt" && r.month === "2019-08" && r.breakdown === "");
    expect(august).toHaveLength(1);
    expect(outcomeOf("Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.")).toBe(august[0]?.sum);
  });
});
