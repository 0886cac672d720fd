/**
 * Reads the bindings configuration (JSON) from a file and validates it with the core's
 * parseBindings; a missing file or a wrong key is a BilagaError with a Swedish message.
 */
import { readFile } from "node:fs/promises";
import { parseBindings, type Bindings } from "../../core/outcomes/bindings";
import { issue } from "../../core/issues/issues";
import { BilagaError, EXIT } from "../cli/errors";

/** @example await loadBindings("samples/config/bindings.json") // { file: "…/bindings.json", entries: [ … 8 … ] } */
export async function loadBindings(path: string): Promise<Bindings> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new BilagaError(`Kopplingsfilen "${path}" finns inte. Ange den med --bindings.`, EXIT.environment);
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BilagaError(`Rätta kopplingsfilen ${path} och kör igen.`, EXIT.rejected, [
      issue("config/invalid", "error", { file: path, params: { path: "(filen)", reason: `inte giltig JSON: ${(error as Error).message}` } }),
    ]);
  }
  const parsed = parseBindings(json, path);
  if (!parsed.ok) throw new BilagaError(`Rätta kopplingsfilen ${path} och kör igen.`, EXIT.rejected, [parsed.issue]);
  return parsed.value;
}
