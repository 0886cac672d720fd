/**
 * Turns a zod validation issue into the product's config/invalid issue: the path of the
 * wrong key ("bindings[2].combine") and a Swedish reason. Usable for any JSON configuration.
 *
 * @example configIssue({ code: "unrecognized_keys", keys: ["combin"], path: ["bindings", 0], message: "" }, "bindings.json")
 *   // config/invalid, params { path: "bindings[0].combin", reason: "okänd nyckel; kontrollera stavningen" }
 */
import type { z } from "zod";
import { issue, type Issue } from "./issues";

const TYPE_SV: Readonly<Record<string, string>> = {
  string: "en text",
  number: "ett tal",
  int: "ett heltal",
  boolean: "true eller false",
  array: "en lista [ … ]",
  object: "ett objekt { … }",
  record: "ett objekt { … }",
};

/** "bindings[2].measure.source" from ["bindings", 2, "measure", "source"]. */
export function formatConfigPath(path: readonly PropertyKey[], root = "(roten)"): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text === "" ? root : text;
}

function reasonOf(found: z.core.$ZodIssue): string {
  switch (found.code) {
    case "invalid_type":
      return found.input === undefined
        ? `nyckeln saknas; den ska vara ${TYPE_SV[found.expected] ?? found.expected}`
        : `ska vara ${TYPE_SV[found.expected] ?? found.expected}`;
    case "unrecognized_keys":
      return `okänd nyckel${found.keys.length > 1 ? ` (även ${found.keys.slice(1).join(", ")})` : ""}; kontrollera stavningen`;
    case "invalid_value":
      return `ska vara en av ${found.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      if (found.origin === "array") return "får inte vara en tom lista";
      if (found.origin === "string") return "får inte vara tom";
      return `ska vara minst ${String(found.minimum)}`;
    case "too_big":
      return `får vara högst ${String(found.maximum)}`;
    case "invalid_union":
      // A schema may give its own Swedish message for a union; zod's default is English.
      return found.message !== "" && !found.message.startsWith("Invalid") ? found.message : "värdet har fel form";
    case "custom":
      return found.message;
    default:
      return found.message;
  }
}

/** The config/invalid issue for one zod issue; unknown keys get their own path. */
export function configIssue(found: z.core.$ZodIssue, file: string, others = 0, root?: string): Issue {
  const path = found.code === "unrecognized_keys" ? [...found.path, found.keys[0] ?? ""] : found.path;
  const more = others > 0 ? ` (och ${others} fel till)` : "";
  return issue("config/invalid", "error", {
    file,
    params: { path: formatConfigPath(path, root), reason: `${reasonOf(found)}${more}` },
  });
}

/**
 * The issue to show for a failed validation: an unknown key first (a misspelt key also
 * makes the right one "missing", and the misspelling is what the user must fix).
 */
export function firstConfigIssue(issues: readonly z.core.$ZodIssue[], file: string, root?: string): Issue {
  const first = issues.find((i) => i.code === "unrecognized_keys") ?? issues[0];
  if (first === undefined) throw new Error("zod reported a failure without issues");
  return configIssue(first, file, issues.length - 1, root);
}
