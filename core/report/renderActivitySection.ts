/**
 * The report's activities section as HTML (part of renderReportHtml's page): a summary table
 * per perspective, then per perspective (h3) and board goal (h4) a table of the activities with
 * their deadline, the tertial's status as symbol and word (never colour alone), the comment or
 * the rule's reason, and who set it. A period without follow-up gets its sentence only.
 *
 * Every activity row carries the activity sheet cell of its name (data-activity-cell="B7"), so
 * the report can be traced to the workbook.
 */
import { FOLLOW_UP_LOOKS, RULE_SET_BY } from "../activities/followUpStatus";
import { summaryKeyText } from "../activities/planActivitySummary";
import { NO_GOAL, SUMMARY_KEYS, type SummaryKey } from "../activities/summarizeActivities";
import { escapeHtml as esc } from "./escapeHtml";
import type { ReportActivitiesSection, ReportActivity, ReportActivityCounts, ReportActivityGoal, ReportActivityPerspective } from "./reportModel";

/** The counts line's words per summary key, one and many: "1 genomförd", "5 genomförda". */
const COUNT_WORDS: Readonly<Record<SummaryKey, readonly [string, string]>> = {
  done: ["genomförd", "genomförda"],
  "on-track": ["pågår enligt plan", "pågår enligt plan"],
  late: ["försenad", "försenade"],
  "not-started": ["ej påbörjad", "ej påbörjade"],
  cancelled: ["utgår", "utgår"],
  "not-reported": ["ej rapporterad", "ej rapporterade"],
};

/** Up to this many activities, a goal's table is kept on one printed page with its headings. */
const KEEP_ROWS = 10;

function countCells(line: ReportActivityCounts): string {
  return [line.total, ...SUMMARY_KEYS.map((key) => line.counts[key])].map((n) => `<td>${n}</td>`).join("");
}

function summaryTable(section: ReportActivitiesSection, label: string): string {
  const head = [`<th scope="col">Perspektiv</th>`, `<th scope="col">Antal aktiviteter</th>`, ...SUMMARY_KEYS.map((key) => `<th scope="col">${esc(summaryKeyText(key))}</th>`)].join("");
  const rows = section.perspectives.map((p) => `<tr><th scope="row">${esc(p.perspective)}</th>${countCells(p)}</tr>`).join("");
  return [
    `<table class="summary activity-summary"><caption>Aktiviteternas status per perspektiv, ${esc(label)}</caption>`,
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody>`,
    `<tfoot><tr><th scope="row">Totalt</th>${countCells(section.total)}</tr></tfoot></table>`,
  ].join("\n");
}

function countsLine(p: ReportActivityPerspective): string {
  const parts = SUMMARY_KEYS.filter((key) => p.counts[key] > 0).map((key) => `${p.counts[key]} ${COUNT_WORDS[key][p.counts[key] === 1 ? 0 : 1]}`);
  return `<p>${p.total} ${p.total === 1 ? "aktivitet" : "aktiviteter"}: ${esc(parts.join(", "))}.</p>`;
}

function statusSpan(activity: ReportActivity): string {
  const kind = activity.status ?? "none";
  return `<span class="status follow--${kind}">${esc(activity.statusText)}</span>`;
}

function activityRow(activity: ReportActivity): string {
  const notes = [
    ...(activity.reason === undefined ? [] : [`<span class="reason">${esc(activity.reason)}</span>`]),
    ...(activity.comment === "" ? [] : [`<span class="comment">${esc(activity.comment)}</span>`]),
  ];
  const setBy = activity.origin === "rule" ? RULE_SET_BY : activity.setBy;
  return [
    `<tr data-activity-cell="${esc(activity.cell)}">`,
    `<th scope="row">${esc(activity.name)}</th>`,
    `<td>${esc(activity.deadline)}</td>`,
    `<td data-activity-status>${statusSpan(activity)}</td>`,
    `<td>${notes.length === 0 ? `<span class="vh">Ingen kommentar</span>` : notes.join("")}</td>`,
    `<td class="set-by">${setBy === "" ? `<span class="vh">Inte angivet</span>` : esc(setBy)}</td>`,
    `</tr>`,
  ].join("");
}

function goalHeading(goal: ReportActivityGoal): string {
  if (goal.boardGoals.length === 0) return `<h4>${esc(NO_GOAL)}</h4>`;
  if (goal.boardGoals.length === 1) return `<h4>Nämndmål: ${esc(goal.boardGoals[0] ?? "")}</h4>`;
  return `<h4>Nämndmål (aktiviteterna hör till alla ${goal.boardGoals.length})</h4><ul class="goals">${goal.boardGoals.map((g) => `<li>${esc(g)}</li>`).join("")}</ul>`;
}

function activityTable(goal: ReportActivityGoal, perspective: string, label: string): string {
  const cols = `<colgroup><col style="width:31%"><col style="width:11%"><col style="width:17%"><col><col style="width:15%"></colgroup>`;
  const head = [`Aktivitet`, `Slutfört`, `Status ${label}`, `Kommentar eller skäl`, `Satt av`].map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const caption = `Aktiviteter, ${perspective}${goal.boardGoals.length === 0 ? "" : `, nämndmål ${goal.boardGoals.join("; ")}`}`;
  return `<table class="activities"><caption class="vh">${esc(caption)}</caption>${cols}<thead><tr>${head}</tr></thead><tbody>${goal.activities.map(activityRow).join("\n")}</tbody></table>`;
}

/**
 * @example renderActivitySection(activitySection(followUpOfT2, t2), "avsnitt-1")
 *   // '<section id="avsnitt-1" …><h2 …>Aktiviteter – uppföljning tertial 2 2019 (jan–aug)</h2>…<td data-activity-status><span class="status follow--late">! Försenad</span>…'
 */
export function renderActivitySection(section: ReportActivitiesSection, id: string): string {
  const parts = [`<section id="${id}" class="activities-section" aria-labelledby="${id}-rubrik">`, `<h2 id="${id}-rubrik">${esc(section.heading)}</h2>`];
  if (section.followUp === undefined) {
    parts.push(`<p>${esc(section.note ?? "")}</p>`, `</section>`);
    return parts.join("\n");
  }
  const label = section.followUp.label;
  const late = FOLLOW_UP_LOOKS.late;
  parts.push(
    `<p>Planens aktiviteter per perspektiv och nämndmål med status för ${esc(label)}, samma som i arbetsbokens blad "${esc(section.sheet)}". ` +
      `En aktivitet vars slutdatum har passerat och som ingen har rapporterat som genomförd markeras ${esc(late.label)} (${esc(late.symbol)}) enligt regeln, med skälet. ` +
      `Genomförd och Utgår från ett tidigare tertial gäller tills någon sätter något annat.</p>`,
    `<div class="keep"><h3>Sammanfattning per perspektiv</h3>`,
    summaryTable(section, label),
    `</div>`,
  );
  const short = section.followUp.id.replace(/^(\d{4})-T(\d)$/, "T$2 $1");
  for (const perspective of section.perspectives) {
    let pending = [`<h3>Perspektiv: ${esc(perspective.perspective)}</h3>`, countsLine(perspective)];
    for (const goal of perspective.goals) {
      // A short table is kept on one page with its headings; a long one (more than a page) is
      // let to start under them (the headings never end a page, the header row repeats).
      const [open, close] = goal.activities.length <= KEEP_ROWS ? [`<div class="keep">`, `</div>`] : [`<div>`, `</div>`];
      parts.push(open, ...pending, goalHeading(goal), activityTable(goal, perspective.perspective, short), close);
      pending = [];
    }
    parts.push(...pending);
  }
  parts.push(`</section>`);
  return parts.join("\n");
}
