// The command line speaks Swedish also where commander writes the words: help headings,
// the usage line and its own errors for wrong use (exit code 2).
import { runBilaga, useCliFolder } from "../inspect/runCli";
import { swedishCommanderError } from "../../../pipeline/cli/swedishCommander";

describe("bilaga's help and usage errors, in Swedish", () => {
  const cli = useCliFolder();

  it("shows Swedish headings and usage words in --help", () => {
    const run = runBilaga(["--help"], cli.dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Användning: bilaga \[alternativ\] \[kommando\]/);
    expect(run.stdout).toContain("Kommandon:");
    expect(run.stdout).toContain("fill [alternativ] <arbetsbok>");
    expect(run.stdout).not.toMatch(/Usage:|Options:|Commands:|\[options\]/);
  });

  it.each([
    [["fill", "bilaga.xlsx"], "Fel: alternativet '--period <period>' måste anges."],
    [["inspect"], "Fel: argumentet 'arbetsbok' saknas."],
    [["inspect", "--bogus", "a.xlsx"], "Fel: okänt alternativ '--bogus'."],
    [["fil"], "Fel: okänt kommando 'fil'."],
  ])("says what is wrong for %j, with exit code 2", (args, message) => {
    const run = runBilaga(args, cli.dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/^error:/m);
  });
});

describe("swedishCommanderError", () => {
  it("suggests the nearest command in Swedish and leaves unknown texts as they are", () => {
    expect(swedishCommanderError("error: unknown command 'fil'\n(Did you mean fill?)")).toBe(
      "Fel: okänt kommando 'fil'. Se bilaga --help.\n(Menade du fill?)",
    );
    expect(swedishCommanderError("något annat")).toBe("något annat");
  });
});
