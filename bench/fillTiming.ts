/**
 * Fill timing on the seed-sized table (the sample appendix, eight months of the three sample
 * sources): the sample exports are read into a temporary ledger, then the fill is timed in
 * process (read the workbook, assess, plan, apply the patch, write atomically; median of
 * several runs) and once as a user runs it (`bilaga fill`, a child process, Node's start
 * included). Goal: well under a second.
 *
 * Run alone: `npm run build:cli && node build/bench/fillTiming.js`; `npm run bench` calls it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fillWorkbook } from "../pipeline/fill/fillWorkbook";
import { readLedgerForFill } from "../pipeline/fill/readPeriodRecords";
import { runAlone } from "./runAlone";
import { median, verdict } from "./median";
import { prepareSampleLedger } from "./sampleLedger";

const RUNS = 9;
const GOAL_SECONDS = 1;

export interface FillTiming {
  /** Median of the in-process fills, seconds. */
  readonly medianSeconds: number;
  /** `bilaga fill` as a child process, seconds (Node start included). */
  readonly cliSeconds: number;
  readonly ok: boolean;
  /** Swedish lines for the bench output. */
  readonly text: string;
}

export async function timeFill(): Promise<FillTiming> {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-bench-fill-"));
  try {
    const { root, ledgerPath, env, period, workbook, bindings } = await prepareSampleLedger(dir);

    const seconds: number[] = [];
    let filledRows = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      const filled = await fillWorkbook({ workbook, period, bindings, ...readLedgerForFill(ledgerPath, bindings, period), output: join(dir, `ifylld-${run}.xlsx`) });
      seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      filledRows = filled.assessment.rows.length;
    }
    seconds.sort((a, b) => a - b);
    const medianSeconds = median(seconds);

    const started = process.hrtime.bigint();
    const cli = spawnSync(
      process.execPath,
      [join(root, "bin", "bilaga.js"), "fill", workbook, "--period", "2019-T2", "--ledger", ledgerPath, "--out", join(dir, "cli.xlsx")],
      { encoding: "utf8", env: { ...process.env, ...env } },
    );
    const cliSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (cli.status !== 0) throw new Error(`bilaga fill misslyckades (kod ${cli.status}):\n${cli.stdout}${cli.stderr}`);

    const ok = medianSeconds < GOAL_SECONDS;
    const ms = (s: number): string => `${Math.round(s * 1000)} ms`;
    const text =
      `bilaga fill, exempelbilagan (2019-T2, ${filledRows} ifyllda rader, bladet Månadsdata):\n` +
      `  i processen: median ${ms(medianSeconds)} av ${RUNS} körningar (snabbast ${ms(seconds[0] ?? Number.NaN)}, långsammast ${ms(seconds[seconds.length - 1] ?? Number.NaN)}) ` +
      `(mål < ${GOAL_SECONDS} s) ${verdict(ok)}\n` +
      `  som kommando (node bin/bilaga.js fill, med Nodes start): ${ms(cliSeconds)}\n`;
    return { medianSeconds, cliSeconds, ok, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runAlone(timeFill);
