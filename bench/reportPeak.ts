/**
 * Preloaded into a measured child process (node -r): on exit, writes the process's peak
 * resident memory (maxRSS, bytes) and the processor time it used in all its threads (user +
 * system, seconds) as JSON to the file named by BILAGA_BENCH_PEAK_FILE.
 */
import { writeFileSync } from "node:fs";

const target = process.env["BILAGA_BENCH_PEAK_FILE"];
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
    writeFileSync(target, JSON.stringify({ peakBytes: usage.maxRSS * 1024, cpuSeconds }));
  });
}
