/**
 * The two-core section of `npm run bench` (no pinning: the import may read a large file in
 * two parts at once, pipeline/ledger/measureFile.ts): `bilaga import` of the case list and
 * papaparse alone on it in turns, BILAGA_BENCH_REPEAT rounds; the share of papaparse's
 * throughput is taken per round and its median judged (goal ≥ 70 %). Peak memory must not
 * grow with the file (goal < 200 MB for every import here): a case list three times as large
 * with a new unit name every 1 000 rows is imported once, so is the payment list (its rows/s
 * printed beside the case list's; the goal for that share is judged on one core, oneCore.ts),
 * and so is the case list read as a slice of a list (delivery "rows": every row kept by key).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchFiles, SectionResult } from "./benchFiles";
import { generateCaseList } from "./generateCaseList";
import { importOnce } from "./importOnce";
import { mb, median, percent, percentAgainst, rowsPerSecond, runsLine, verdict } from "./median";
import { runMeasured, type Run } from "./runMeasured";

const SPEED_GOAL = 0.7;
const MEMORY_GOAL_BYTES = 200e6;

export async function timeTwoCores(files: BenchFiles, write: (text: string) => void): Promise<SectionResult> {
  const { root, dir, caseList: file, caseRows: rows, payments, paymentRows, households, repeat } = files;
  const bytes = statSync(file).size;
  write(`TVÅ KÄRNOR (obundet, som en användare kör), ${repeat} omgångar växelvis:\n`);

  // Each is run `repeat` times, in turns; every import gets a fresh ledger.
  const runs: { parse: Run[]; imported: Run[] } = { parse: [], imported: [] };
  for (let round = 0; round < repeat; round++) {
    const parse = runMeasured(dir, [join(__dirname, "parseOnly.js"), file, "utf16le"]);
    if (parse.status !== 0) throw new Error(`papaparse misslyckades:\n${parse.output}`);
    const imported = importOnce(root, dir, file, `tva-karnor-${round}`);
    runs.parse.push(parse);
    runs.imported.push(imported);
    write(
      `Omgång ${round + 1}: papaparse ${parse.seconds.toFixed(2)} s, bilaga import ${imported.seconds.toFixed(2)} s ` +
        `(${percent(parse.seconds / imported.seconds)})\n`,
    );
  }

  const line = (name: string, list: readonly Run[]): string => runsLine(name, list, rows, { nameWidth: 16, bytes });
  write(`\nTvå kärnor, median av ${repeat} omgångar (topp-RSS: högsta):\n${line("papaparse ensam", runs.parse)}\n${line("bilaga import", runs.imported)}\n\n`);
  const share = median(runs.parse.map((parse, round) => parse.seconds / runs.imported[round]!.seconds));
  const bestShare = Math.min(...runs.parse.map((run) => run.seconds)) / Math.min(...runs.imported.map((run) => run.seconds));

  // Peak memory must not grow with the file: one import of a file three times as large,
  // its unit names new every 1 000 rows (each is kept for the breakdown)…
  const larger = join(dir, "vantetider-2019-06-storre.txt");
  await generateCaseList(larger, rows * 3, { newUnitEvery: 1000 });
  const largerRun = importOnce(root, dir, larger, "storre");
  write(
    `bilaga import av ${(rows * 3).toLocaleString("sv-SE")} rader med ${Math.ceil((rows * 3) / 1000).toLocaleString("sv-SE")} enheter ` +
      `(${mb(statSync(larger).size)} MB): ${largerRun.seconds.toFixed(2)} s, topp-RSS ${mb(largerRun.peakBytes)} MB\n`,
  );
  rmSync(larger);
  // …and of a payment list whose households are counted distinctly…
  const paymentsRun = importOnce(root, dir, payments, "tva-karnor-utbetalningar");
  const caseRowsPerSecond = rows / median(runs.imported.map((run) => run.seconds));
  write(
    `bilaga import av ${paymentRows.toLocaleString("sv-SE")} utbetalningar till ${households.toLocaleString("sv-SE")} hushåll ` +
      `(${mb(statSync(payments).size)} MB): ${paymentsRun.seconds.toFixed(2)} s, ${rowsPerSecond(paymentRows, paymentsRun.seconds)} rader/s ` +
      `(${percent(paymentRows / paymentsRun.seconds / caseRowsPerSecond)} av ärendelistans rader/s; målet bedöms på en kärna), ` +
      `topp-RSS ${mb(paymentsRun.peakBytes)} MB\n`,
  );
  // …and of the case list as a slice of a list ("delivery": { "kind": "rows" }): every row is
  // kept by its keyed hash, through a temporary table, so memory must not grow with rows here either.
  const rowsProfiles = join(dir, "profiler-rows");
  mkdirSync(rowsProfiles, { recursive: true });
  const waiting = JSON.parse(readFileSync(join(root, "samples", "config", "profiles", "vantetider.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(rowsProfiles, "vantetider.json"), JSON.stringify({ ...waiting, delivery: { kind: "rows", key: "Ärendenummer" } }));
  const rowsRun = importOnce(root, dir, file, "rader", { extra: ["--profiles", rowsProfiles] });
  write(
    `bilaga import av ${rows.toLocaleString("sv-SE")} ärenden som delar av en lista (rader efter Ärendenummer): ` +
      `${rowsRun.seconds.toFixed(2)} s, topp-RSS ${mb(rowsRun.peakBytes)} MB\n\n`,
  );

  const peakBytes = Math.max(largerRun.peakBytes, paymentsRun.peakBytes, rowsRun.peakBytes, ...runs.imported.map((run) => run.peakBytes));
  const speedOk = share >= SPEED_GOAL;
  const memoryOk = peakBytes < MEMORY_GOAL_BYTES;
  const text =
    `Importens genomströmning i förhållande till papaparse, två kärnor: ${percentAgainst(share, SPEED_GOAL)} (median per omgång; ` +
    `snabbast mot snabbast ${percent(bestShare)}) (mål ≥ ${percent(SPEED_GOAL)}) ${verdict(speedOk)}\n` +
    `Toppminne för import, alla filerna: ${mb(peakBytes)} MB (mål < ${mb(MEMORY_GOAL_BYTES)} MB) ${verdict(memoryOk)}\n`;
  return { ok: speedOk && memoryOk, text };
}
