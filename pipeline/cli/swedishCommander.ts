/**
 * Commander speaks English in its help headings and usage errors; the command line is
 * Swedish. This puts the headings, the usage line and commander's own errors into Swedish.
 */
import { Help, type Command } from "commander";

const TITLES: Readonly<Record<string, string>> = {
  "Usage:": "Användning:",
  "Options:": "Alternativ:",
  "Global Options:": "Gemensamma alternativ:",
  "Arguments:": "Argument:",
  "Commands:": "Kommandon:",
};

/** Commander's error texts, in the order they are tried; $1... are the quoted names. */
const ERRORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^error: unknown command '(.*?)'/, "Fel: okänt kommando '$1'. Se bilaga --help."],
  [/^error: unknown option '(.*?)'/, "Fel: okänt alternativ '$1'."],
  [/^error: missing required argument '(.*?)'/, "Fel: argumentet '$1' saknas."],
  [/^error: required option '(.*?)' not specified/, "Fel: alternativet '$1' måste anges."],
  [/^error: option '(.*?)' argument missing/, "Fel: alternativet '$1' saknar värde."],
  [/^error: too many arguments.*?Expected (\d+) argument.* but got (\d+)\./, "Fel: för många argument: väntade $1, fick $2."],
  [/^\(Did you mean (.*?)\?\)$/m, "(Menade du $1?)"],
];

/** The Swedish text of one of commander's error messages (unknown ones pass unchanged). */
export function swedishCommanderError(text: string): string {
  let out = text;
  for (const [pattern, swedish] of ERRORS) out = out.replace(pattern, swedish);
  return out;
}

const swedishUsage = (usage: string): string => usage.replace("[options]", "[alternativ]").replace("[command]", "[kommando]");
const englishHelp = new Help();

/** Swedish headings, usage words and errors for a program and all its subcommands. */
export function useSwedish(program: Command): void {
  const visit = (command: Command): void => {
    command.configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      subcommandTerm: (sub) => swedishUsage(englishHelp.subcommandTerm(sub)),
    });
    command.configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(swedishCommanderError(text)),
    });
    command.usage(swedishUsage(command.usage()));
    command.commands.forEach(visit);
  };
  visit(program);
}
