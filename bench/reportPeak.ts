/**
 * Preloaded into a measured child process (node -r): on exit, writes the process's peak
 * resident memory (maxRSS, bytes) to the file named by BILAGA_BENCH_PEAK_FILE.
 */
import { writeFileSync } from "node:fs";

const target = process.env["BILAGA_BENCH_PEAK_FILE"];
if (target) {
  process.on("exit", () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
