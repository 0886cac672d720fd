/**
 * Report timing on the seed-sized table (the sample appendix, eight months of the three sample
 * sources): the sample exports are read into a temporary ledger, then `bilaga report` is timed
 * in process, in two parts (median of several runs): the report itself (read the workbook,
 * assess, build the model and the HTML with a trend picture per row) and the PDF (headless
 * Chromium started, the page printed, the browser closed), and once as a user runs it (a child
 * process, Node's start included). Goal: the whole report well under 5 s.
 *
 * Run alone: `npm run build:cli && node build/bench/reportTiming.js`; `npm run bench` calls it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { planFill } from "../pipeline/fill/fillWorkbook";
import { readLedgerForFill } from "../pipeline/fill/readPeriodRecords";
import { findChromium } from "../pipeline/report/findChromium";
import { printPdf } from "../pipeline/report/printPdf";
import { planBoardReport } from "../pipeline/report/writeBoardReport";
import { runAlone } from "./runAlone";
import { median, verdict } from "./median";
import { prepareSampleLedger } from "./sampleLedger";

const RUNS = 5;
const GOAL_SECONDS = 5;

export interface ReportTiming {
  readonly ok: boolean;
  /** Swedish lines for the bench output. */
  readonly text: string;
}

const ms = (s: number): string => `${Math.round(s * 1000)} ms`;
const since = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

export async function timeReport(): Promise<ReportTiming> {
  const dir = mkdtempSync(join(tmpdir(), "bilaga-bench-report-"));
  try {
    const { root, ledgerPath, env, period, workbook, bindings } = await prepareSampleLedger(dir);
    const chromium = findChromium();

    const html: number[] = [];
    const pdf: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      const started = process.hrtime.bigint();
      const plan = await planFill({ workbook, period, bindings, ...readLedgerForFill(ledgerPath, bindings, period) });
      const made = planBoardReport(plan);
      rows = made.report.focusAreas.reduce((n, a) => n + a.municipalGoals.reduce((m, g) => m + g.rows.length + g.boardGoals.reduce((k, b) => k + b.rows.length, 0), 0), 0);
      html.push(since(started));
      if (chromium !== undefined) {
        const printing = process.hrtime.bigint();
        await printPdf(made.html, { title: made.report.title });
        pdf.push(since(printing));
      }
    }

    const started = process.hrtime.bigint();
    const cli = spawnSync(
      process.execPath,
      [join(root, "bin", "bilaga.js"), "report", "--period", "2019-T2", "--ledger", ledgerPath, "--out", join(dir, "rapport.html")],
      { encoding: "utf8", env: { ...process.env, ...env } },
    );
    const cliSeconds = since(started);
    if (cli.status !== 0) throw new Error(`bilaga report misslyckades (kod ${cli.status}):\n${cli.stdout}${cli.stderr}`);

    const whole = median(html) + (pdf.length > 0 ? median(pdf) : 0);
    const ok = whole < GOAL_SECONDS && cliSeconds < GOAL_SECONDS;
    const text =
      `bilaga report, exempelbilagan (2019-T2, ${rows} rader: indikatorer och uppdelningar, med trend; HTML och PDF):\n` +
      `  rapporten (läsa boken, bedöma, modell, HTML): median ${ms(median(html))} av ${RUNS} körningar\n` +
      (pdf.length > 0
        ? `  PDF (starta Chromium, skriva ut, stänga): median ${ms(median(pdf))} (snabbast ${ms(Math.min(...pdf))})\n`
        : `  PDF: ingen Chromium hittades, PDF:en mättes inte\n`) +
      `  som kommando (node bin/bilaga.js report, med Nodes start): ${ms(cliSeconds)} (mål < ${GOAL_SECONDS} s) ${verdict(ok)}\n`;
    return { ok, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) runAlone(timeReport);
