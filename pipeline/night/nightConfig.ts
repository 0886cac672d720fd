/**
 * The night run's configuration file (JSON): the boards (each board's name, workbook,
 * bindings, sheet and output) and what they share (the exports, the source profiles, the
 * one ledger, the period). Paths are relative to the file's own folder. Checked with zod; an
 * error names the file and the key in Swedish, as the bindings and profiles do.
 *
 * @example loadNightConfig("natt.json")
 *   // { file: "/…/natt.json", period: "2019-T2", exports: ["/…/exports"], boards: [{ name: "Arbetsmarknadsnämnden", workbook: "/…/amn.xlsx", … }] }
 *   // an error: Fel: /…/natt.json: Fel i konfigurationen vid "boards[1].workbok": okänd nyckel; kontrollera stavningen.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { firstConfigIssue } from "../../core/issues/configIssue";
import { issue, type Issue } from "../../core/issues/issues";
import { BilagaError, EXIT } from "../cli/errors";

const path = z.string().trim().min(1);
const paths = z.union([path, z.array(path).min(1)], { error: "ska vara en sökväg eller en lista med sökvägar" });

const boardSchema = z.strictObject({
  /** The board's name as the reports show it ("Arbetsmarknadsnämnden"). */
  name: z.string().trim().min(1),
  workbook: path,
  bindings: path,
  sheet: z.string().trim().min(1).optional(),
  /** The filled workbook; default: `<outputDir>/<namn> utfall <period>.xlsx`. */
  output: path.optional(),
  /** The board's own exports (its case system), read into the one ledger with the shared ones. */
  exports: paths.optional(),
});

const nightSchema = z.strictObject({
  period: z.string().trim().min(1).optional(),
  ledger: path.optional(),
  profiles: path.optional(),
  exports: paths,
  manual: path.optional(),
  kolada: path.optional(),
  outputDir: path.optional(),
  report: path.optional(),
  pdf: z.enum(["auto", "required", "off"]).optional(),
  boards: z.array(boardSchema).min(1),
});

export interface NightBoardConfig {
  readonly name: string;
  readonly workbook: string;
  readonly bindings: string;
  readonly sheet?: string;
  /** Absent: the default name in outputDir. */
  readonly output?: string;
  readonly exports: readonly string[];
}

export interface NightConfig {
  /** The configuration file (absolute). */
  readonly file: string;
  readonly period?: string;
  readonly ledger?: string;
  readonly profiles?: string;
  /** The shared exports (absolute), each read once. */
  readonly exports: readonly string[];
  readonly manual?: string;
  readonly kolada?: string;
  readonly outputDir?: string;
  readonly report?: string;
  readonly pdf?: "auto" | "required" | "off";
  readonly boards: readonly NightBoardConfig[];
}

const list = (value: string | readonly string[] | undefined): readonly string[] => (value === undefined ? [] : typeof value === "string" ? [value] : value);

function invalid(file: string, found: Issue): BilagaError {
  return new BilagaError(`Rätta nattkörningens konfiguration ${file} och kör igen; ingenting lästes in.`, EXIT.rejected, [found]);
}

/** Parses and checks the configuration's JSON; paths resolved against `baseDir`. */
export function parseNightConfig(json: unknown, file: string, baseDir = dirname(file)): NightConfig {
  const parsed = nightSchema.safeParse(json);
  if (!parsed.success) throw invalid(file, firstConfigIssue(parsed.error.issues, file));
  const data = parsed.data;
  const at = (p: string): string => resolve(baseDir, p);
  const seenNames = new Map<string, number>();
  const seenOutputs = new Map<string, number>();
  const boards = data.boards.map((board, index): NightBoardConfig => {
    const key = board.name.toLocaleLowerCase("sv-SE");
    const earlier = seenNames.get(key);
    if (earlier !== undefined) throw invalid(file, configError(file, `boards[${index}].name`, `nämnden finns redan i boards[${earlier}]`));
    seenNames.set(key, index);
    if (board.output !== undefined) {
      const output = at(board.output);
      if (output === at(board.workbook)) throw invalid(file, configError(file, `boards[${index}].output`, "utfilen är samma fil som arbetsboken, som aldrig skrivs över"));
      const other = seenOutputs.get(output);
      if (other !== undefined) throw invalid(file, configError(file, `boards[${index}].output`, `samma utfil som boards[${other}]`));
      seenOutputs.set(output, index);
    }
    return {
      name: board.name,
      workbook: at(board.workbook),
      bindings: at(board.bindings),
      ...(board.sheet !== undefined && { sheet: board.sheet }),
      ...(board.output !== undefined && { output: at(board.output) }),
      exports: list(board.exports).map(at),
    };
  });
  return {
    file,
    ...(data.period !== undefined && { period: data.period }),
    ...(data.ledger !== undefined && { ledger: at(data.ledger) }),
    ...(data.profiles !== undefined && { profiles: at(data.profiles) }),
    exports: list(data.exports).map(at),
    ...(data.manual !== undefined && { manual: at(data.manual) }),
    ...(data.kolada !== undefined && { kolada: at(data.kolada) }),
    ...(data.outputDir !== undefined && { outputDir: at(data.outputDir) }),
    ...(data.report !== undefined && { report: at(data.report) }),
    ...(data.pdf !== undefined && { pdf: data.pdf }),
    boards,
  };
}

/** Reads the configuration file. Throws a Swedish BilagaError naming the file (and the key). */
export function loadNightConfig(file: string): NightConfig {
  const absolute = resolve(file);
  let text: string;
  try {
    text = readFileSync(absolute, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BilagaError(`Nattkörningens konfiguration "${file}" finns inte. Ange den med --boards.`, EXIT.environment);
    if (code === "EISDIR") throw new BilagaError(`"${file}" är en mapp; --boards ska vara en konfigurationsfil (JSON), t.ex. natt.json.`, EXIT.usage);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw invalid(absolute, configError(absolute, "(filen)", `inte giltig JSON: ${(error as Error).message}`));
  }
  return parseNightConfig(json, absolute);
}

function configError(file: string, key: string, reason: string): Issue {
  return issue("config/invalid", "error", { file, params: { path: key, reason } });
}
