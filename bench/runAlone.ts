// Runs one timing of the bench as a program of its own (node build/bench/fillTiming.js):
// prints its text, and exits 1 when its goal is not met or it fails.
export function runAlone(timing: () => Promise<{ readonly ok: boolean; readonly text: string }>): void {
  void timing()
    .then((result) => {
      process.stdout.write(result.text);
      if (!result.ok) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
}
