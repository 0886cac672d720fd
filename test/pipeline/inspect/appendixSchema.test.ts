// The shipped JSON Schema (schema/appendix.schema.json) is what the zod schema generates, and
// the JSON that `bilaga inspect --json` prints for the sample and the second board fits it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { appendixJsonSchemaText, APPENDIX_SCHEMA_FILE } from "../../../pipeline/inspect/writeAppendixSchema";
import { copyInto, REPO, requireBuild, runBilaga, tempFolder } from "./runCli";

const committed = readFileSync(join(REPO, APPENDIX_SCHEMA_FILE), "utf8");
/** A validator built from the committed file itself, not from the zod schema it came from. */
const validator = z.fromJSONSchema(JSON.parse(committed) as Parameters<typeof z.fromJSONSchema>[0]);

describe("schema/appendix.schema.json", () => {
  it("is exactly what `npm run schema` generates from the model's zod schema", () => {
    expect(committed).toBe(appendixJsonSchemaText());
  });

  describe.each([
    ["the sample workbook", "samples/verksamhetsplan-amn-2019.xlsx"],
    ["the second board", "test/fixtures/second-board/barn-och-ungdomsnamnden-2022.xlsx"],
  ])("holds the inspect --json output of %s", (_label, workbook) => {
    let output: unknown;
    let cleanup = (): void => undefined;
    beforeAll(() => {
      requireBuild();
      const folder = tempFolder();
      cleanup = folder.cleanup;
      const run = runBilaga(["inspect", copyInto(folder.dir, workbook), "--json"], folder.dir);
      expect(run.status).toBe(0);
      output = JSON.parse(run.stdout);
    });
    afterAll(() => cleanup());

    it("validates", () => {
      const result = validator.safeParse(output);
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it("would not validate with a broken indicator (the check can fail)", () => {
      const broken = JSON.parse(JSON.stringify(output)) as { focusAreas: Array<{ municipalGoals: Array<{ boardGoals: Array<{ indicators: Array<Record<string, unknown>> }> }> }> };
      const indicator = broken.focusAreas
        .flatMap((a) => a.municipalGoals)
        .flatMap((g) => g.boardGoals)
        .flatMap((b) => b.indicators)[0];
      expect(indicator).toBeDefined();
      if (indicator) indicator["polarity"] = { kind: "better" };
      expect(validator.safeParse(broken).success).toBe(false);
    });
  });
});
