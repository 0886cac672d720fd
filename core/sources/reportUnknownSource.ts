/**
 * The issue for a CSV file no source profile recognises, shared by the pipeline and the task
 * pane. The first row is never quoted: when the header row is missing it is a data row
 * (identity numbers, names). The issue says instead how many columns the first row has, how
 * many of them are header names a profile expects, and which headers each profile expects
 * (the nearest profile first), so the user sees whether the header row is missing or other.
 */
import { issue, type Issue } from "../issues/issues";
import { normalizeHeader } from "../measures/columns";
import type { SourceProfile } from "./profile";

/**
 * @example reportUnknownSource(profiles, ["H104000", "19510104-1626", "Anna Lindqvist", …10 fields], { file: "fbs.csv", row: 1 })
 *   // issue("csv/unknown-source", "error", { file: "fbs.csv", row: 1, params: { columns: 10, matched: 0,
 *   //   profiles: "Försörjningsstöd, utbetalningar (Hushållsnummer, Personnummer, …); Sjukfrånvaro … (Period, …); …" } })
 */
export function reportUnknownSource(
  profiles: readonly SourceProfile[],
  firstRow: readonly string[],
  where: { readonly file: string; readonly row: number },
): Issue {
  const present = new Set(firstRow.map(normalizeHeader));
  const ranked = profiles
    .map((profile, order) => ({
      profile,
      order,
      matched: profile.recognise.headers.filter((name) => present.has(normalizeHeader(name))).length,
    }))
    .sort((a, b) => b.matched - a.matched || a.order - b.order);
  const expected = ranked.map(({ profile }) => `${profile.name} (${profile.recognise.headers.join(", ")})`).join("; ");
  return issue("csv/unknown-source", "error", {
    ...where,
    params: { columns: firstRow.length, matched: ranked[0]?.matched ?? 0, profiles: expected },
  });
}
