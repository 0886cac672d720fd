/**
 * The "Månadens filer" section: the drop zone with its file picker, what each file gave (source,
 * months, rows read) or why it was rejected whole (bad rows, or refused by its profile's delivery
 * mode), what each saved Kolada response gave (credited "Källa: Kolada"), a notice for each file
 * that replaced an earlier file of the same source and month, and for each month of an older
 * cumulative file that a newer delivery keeps.
 */
import type { Analysis } from "../analyse";
import type { PaneActions } from "../actions";
import { el } from "../dom";
import { describeIssue } from "../../../core/issues/messages.sv";

export function renderFiles(root: HTMLElement, analysis: Analysis | undefined, actions: PaneActions): void {
  root.append(el("h2", "Månadens filer"));
  root.append(dropZone(actions));
  if (!analysis) return;
  if (analysis.imports.length > 0) {
    const list = el("ul", undefined, "facts");
    for (const file of analysis.imports) {
      const what = `${file.file}: ${file.source ?? "okänd källa"}`;
      // Refused for how it combines with what is held (its profile's delivery), not for bad rows.
      const refusal = file.issues.find((found) => found.code.startsWith("delivery/") && found.code !== "delivery/missing-row-key");
      list.append(
        refusal
          ? el("li", `${what}: avvisad. ${describeIssue(refusal)}`, "rejected")
          : file.rejected
            ? el("li", `${what}: avvisad (${file.rowsRejected} rader med fel, se Tveksamheter). Rätta filen och släpp den igen; inget från den används.`, "rejected")
            : el("li", `${what}, ${file.months.join(", ") || "ingen månad"}; ${file.rowsAccepted} rader lästa.`),
      );
    }
    root.append(list);
  }
  if (analysis.koladaImports.length > 0) {
    const list = el("ul", undefined, "facts");
    for (const file of analysis.koladaImports) {
      list.append(
        file.rejected
          ? el("li", `${file.file}: Kolada, avvisad (se Tveksamheter); inget från den används.`, "rejected")
          : el(
              "li",
              `${file.file}: Kolada, ${file.values} värden${file.missing > 0 ? `, ${file.missing} saknas hos Kolada (visas som saknade, inte 0)` : ""}. Källa: Kolada.`,
            ),
      );
    }
    root.append(list);
  }
  for (const replaced of analysis.replacements) {
    root.append(
      el(
        "p",
        `${replaced.file} ersatte ${replaced.replacedFile} för ${replaced.source} ${replaced.month}: samma källa och månad räknas bara en gång, och filen som lades till sist gäller.`,
        "notice notice--warning",
      ),
    );
  }
  keptNotices(root, analysis);
}

function keptNotices(root: HTMLElement, analysis: Analysis): void {
  for (const kept of analysis.kept) {
    root.append(
      el(
        "p",
        `${kept.file} gav inget för ${kept.source} ${kept.month}: ${kept.keptFile} är en nyare leverans av allt hittills (den når en senare månad) och gäller för månaden.`,
        "notice notice--warning",
      ),
    );
  }
}

function dropZone(actions: PaneActions): HTMLDivElement {
  const picker = el("input");
  picker.type = "file";
  picker.multiple = true;
  picker.accept = ".csv,.txt,.json,text/csv,text/plain,application/json";
  picker.addEventListener("change", () => void actions.addFiles(picker.files));
  const drop = el("div", "Släpp CSV-filerna (och sparade svar från Kolada, .json) här eller välj dem:", "drop-zone");
  drop.append(picker);
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("drop-zone--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("drop-zone--over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    void actions.addFiles(event.dataTransfer?.files ?? null);
  });
  return drop;
}
