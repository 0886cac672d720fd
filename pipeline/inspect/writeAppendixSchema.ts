/**
 * Generates schema/appendix.schema.json (JSON Schema 2020-12) from the zod schema of the
 * Appendix, so that the shipped file can never drift from the model: `npm run schema`
 * writes it, and a test checks that the committed file equals what this generates.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { appendixSchema, schemaMetadata } from "./appendixSchema";

/** Where the schema is committed, relative to the repository root. */
export const APPENDIX_SCHEMA_FILE = "schema/appendix.schema.json";

/** The JSON Schema of `bilaga inspect --json`, as the text committed in the repository. */
export function appendixJsonSchemaText(): string {
  const generated = z.toJSONSchema(appendixSchema, { target: "draft-2020-12", metadata: schemaMetadata });
  const { $schema, ...rest } = generated;
  const schema = {
    $schema,
    title: "Bilaga: indikatorbilagan (bilaga inspect --json)",
    $comment: "Genererad av `npm run schema` från pipeline/inspect/appendixSchema.ts; ändra inte för hand.",
    ...rest,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
  const target = resolve(process.argv[2] ?? APPENDIX_SCHEMA_FILE);
  writeFileSync(target, appendixJsonSchemaText(), "utf8");
  process.stdout.write(`Skrev ${target}\n`);
}
