/**
 * The report as one self-contained HTML page (a pure string function: no DOM, no files), for
 * the web and for printing to PDF. Made to be read by everyone (WCAG 2.1 AA, lagen om
 * tillgänglighet till digital offentlig service): lang="sv", a title, headings in order
 * (h1 > h2 focus area > h3 municipal goal > h4 board goal), real tables with caption, th scope
 * and a header row repeated on each printed page, status as symbol AND text, forecasts marked
 * "prognos", and a trend picture per row whose words stand beside it.
 *
 * Every figure cell carries where it comes from: data-cell="F21" for a figure of the table,
 * data-outcome-row / data-status-row (one-based sheet row) for the period's outcome and status,
 * so a figure can be traced to the workbook (and a test compares them).
 */
import { MONTH_NAMES_SV } from "../periods/period";
import { STATUS_LOOKS } from "../status/statusLabels";
import { STATUSES, type Status } from "../status/status";
import { escapeHtml as esc } from "./escapeHtml";
import type { Report, ReportFigure, ReportFocusArea, ReportRow, ReportSection, StatusCounts } from "./reportModel";
import { renderActivitySection } from "./renderActivitySection";
import { REPORT_CSS } from "./reportStyles";
import { renderTrendSvg } from "./renderTrendSvg";

/** What a row without an outcome for the period shows as its status. */
export const NOT_FOLLOWED = { symbol: "–", label: "Ej uppföljd" } as const;

const COUNT_HEADERS: readonly { readonly key: Status; readonly text: string }[] = STATUSES.map((s) => ({
  key: s,
  text: `${STATUS_LOOKS[s].symbol} ${STATUS_LOOKS[s].label}`,
}));

/** "6 december 2026" from "2026-12-06T07:12:00.000Z" (the date as written, no time zone arithmetic). */
function swedishDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTH_NAMES_SV[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

function countsCells(counts: StatusCounts): string {
  return [...COUNT_HEADERS.map((h) => counts[h.key]), counts.followed, counts.notFollowed].map((n) => `<td>${n}</td>`).join("");
}

function summary(report: Report): string {
  const head = [
    `<th scope="col">Målområde</th>`,
    ...COUNT_HEADERS.map((h) => `<th scope="col">${esc(h.text)}</th>`),
    `<th scope="col">Uppföljda rader</th>`,
    `<th scope="col">Ej uppföljda indikatorer</th>`,
  ].join("");
  const rows = report.focusAreas.map((area) => `<tr><th scope="row">${esc(area.name)}</th>${countsCells(area.counts)}</tr>`).join("");
  return [
    `<section id="sammanfattning" aria-labelledby="sammanfattning-rubrik">`,
    `<h2 id="sammanfattning-rubrik">Sammanfattning per målområde</h2>`,
    `<p>Antal uppföljda rader (indikatorer och deras uppdelningar, t.ex. kvinnor och män) per status för ${esc(report.period.label)}, och antal indikatorer som inte har något utfall för perioden i denna rapport.</p>`,
    `<table class="summary"><caption>Måluppfyllelse per målområde, ${esc(report.period.label)}</caption>`,
    `<thead><tr>${head}</tr></thead><tbody>${rows}</tbody>`,
    `<tfoot><tr><th scope="row">Hela bilagan</th>${countsCells(report.totals)}</tr></tfoot></table>`,
    legend(),
    `</section>`,
  ].join("\n");
}

function legend(): string {
  const items = STATUSES.map((s) => {
    const look = STATUS_LOOKS[s];
    return `<li><span class="status status--${s}">${esc(`${look.symbol} ${look.label}`)}</span> (${esc(look.colourName)}): ${esc(look.meaning)}.</li>`;
  });
  items.push(
    `<li><span class="status status--none">${NOT_FOLLOWED.symbol} ${NOT_FOLLOWED.label}</span>: indikatorn har inget utfall för perioden i denna rapport (till exempel en årlig mätning eller en enkät).</li>`,
    `<li><strong>(prognos)</strong>: ett mål för helåret bedömt på prognos, utfallet hittills × 12 / antal månader.</li>`,
  );
  return `<h3>Teckenförklaring</h3>\n<ul class="legend">${items.join("")}</ul>`;
}

/** Longer than this, a cell's text is words ("Vissa smärre skillnader kan utläsas."): it wraps and aligns left. */
const FIGURE_LENGTH = 14;

function figureCell(figure: ReportFigure): string {
  if (figure.text === "" || figure.cell === undefined) return `<td class="num">–</td>`;
  const kind = figure.text.length > FIGURE_LENGTH ? "words" : "num";
  return `<td class="${kind}" data-cell="${esc(figure.cell)}">${esc(figure.text)}</td>`;
}

function outcomeCell(row: ReportRow, periodLabel: string): string {
  const at = `data-outcome-row="${row.sheetRow}"`;
  if (!row.followed || !row.measured) return `<td class="num" ${at}>–</td>`;
  if (row.outcome === undefined) {
    const none = row.noOutcome ?? { text: "Saknas", note: `Inga månadsvärden för ${periodLabel}.` };
    return `<td class="num" ${at}>${esc(none.text)}<span class="missing">${esc(none.note)}</span></td>`;
  }
  const parts = [esc(row.outcome.text)];
  if (row.status?.forecastText !== undefined) parts.push(`<span class="forecast">Prognos för helåret: ${esc(row.status.forecastText)}</span>`);
  if (row.outcome.missingMonths.length > 0) parts.push(`<span class="missing">Saknade månader: ${esc(row.outcome.missingMonths.join(", "))}</span>`);
  return `<td class="num" ${at}>${parts.join("")}</td>`;
}

function statusCell(row: ReportRow): string {
  const at = `data-status-row="${row.sheetRow}"`;
  if (row.status === undefined) return `<td ${at}><span class="status status--none">${NOT_FOLLOWED.symbol} ${NOT_FOLLOWED.label}</span></td>`;
  return `<td ${at}><span class="status status--${row.status.status}">${esc(row.status.text)}</span><span class="explanation">${esc(row.status.explanation)}</span></td>`;
}

function nameCell(row: ReportRow): string {
  const name =
    row.kind === "indicator"
      ? `<span class="name">${esc(row.name)}</span>`
      : `<span class="of">${esc(row.indicator)}</span>${esc(row.breakdown ?? row.name)}`;
  const notes = [...row.notes, ...row.footnotes.map((marker) => `Se fotnot ${marker} under tabellen.`)];
  const noteList = notes.length === 0 ? "" : `<ul class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>`;
  const source = row.source === undefined ? "" : `<p class="source">${esc(row.source)}</p>`;
  return `<th scope="row">${name}${noteList}${source}</th>`;
}

/** The picture (when there are two values or more to draw) and the trend in words. */
function trendCell(row: ReportRow, index: number): string {
  // Unique in the page even where a breakdown shares its indicator's sheet row.
  const id = `trend-${row.sheetRow}-${index}`;
  const values = [...row.trend.years, ...row.trend.months].filter((p) => p.value !== undefined).length;
  const picture = values >= 2 ? renderTrendSvg(row.trend, { id, hidden: true }) : "";
  return `<td class="trend-cell">${picture}<p class="trend-text">${esc(row.trendText)}</p></td>`;
}

function indicatorTable(report: Report, rows: readonly ReportRow[], caption: string): string {
  const { earlier, targets } = report.columns;
  const figureShare = earlier.length + targets.length;
  const cols = [
    `<col style="width:20%">`,
    ...Array.from({ length: figureShare }, () => `<col style="width:7%">`),
    `<col style="width:9%">`,
    `<col style="width:17%">`,
    `<col>`,
  ].join("");
  const head = [
    `<th scope="col">Indikator</th>`,
    ...earlier.map((y) => `<th scope="col" class="num">Utfall ${y}</th>`),
    ...targets.map((y) => `<th scope="col" class="num">Målvärde ${y}</th>`),
    `<th scope="col" class="num">Utfall ${esc(report.period.label)}</th>`,
    `<th scope="col">Status och förklaring</th>`,
    `<th scope="col">Trend</th>`,
  ].join("");
  const tr = (row: ReportRow, index: number): string =>
    [
      `<tr class="row-${row.kind}" data-row="${row.sheetRow}">`,
      nameCell(row),
      ...row.earlier.map(figureCell),
      ...row.targets.map(figureCell),
      outcomeCell(row, report.period.label),
      statusCell(row),
      trendCell(row, index),
      `</tr>`,
    ].join("");
  // One <tbody> per indicator and its breakdowns; each breakdown row names its indicator too, so
  // "Kvinnor" read alone (or printed on the next page) still says whose it is.
  const groups: ReportRow[][] = [];
  for (const row of rows) {
    if (row.kind === "indicator" || groups.length === 0) groups.push([row]);
    else groups[groups.length - 1]?.push(row);
  }
  const body = groups.map((group) => `<tbody>${group.map((row) => tr(row, rows.indexOf(row))).join("\n")}</tbody>`).join("\n");
  return `<table class="indicators"><caption class="vh">${esc(caption)}</caption><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead>\n${body}\n</table>`;
}

function countsLine(counts: StatusCounts): string {
  if (counts.followed === 0) return `<p>Ingen indikator under målområdet har utfall för perioden i denna rapport.</p>`;
  const parts = STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${STATUS_LOOKS[s].label.toLowerCase()}`);
  return `<p>${counts.followed} uppföljda rader: ${esc(parts.join(", "))}.${counts.notFollowed > 0 ? ` ${counts.notFollowed} indikatorer utan utfall för perioden.` : ""}</p>`;
}

/**
 * A focus area: its heading and counts, then per goal its heading and table. Printed, a heading
 * is never left at the foot of a page: each table goes in a block kept on one page when it fits,
 * with the headings that lead to it.
 */
function focusArea(report: Report, area: ReportFocusArea, index: number): string {
  const id = `malomrade-${index + 1}`;
  const parts = [`<section id="${id}" aria-labelledby="${id}-rubrik">`];
  let pending = [`<h2 id="${id}-rubrik">Målområde: ${esc(area.name)}</h2>`, countsLine(area.counts)];
  const block = (...content: string[]): void => {
    parts.push(`<div class="keep">`, ...pending, ...content, `</div>`);
    pending = [];
  };
  for (const goal of area.municipalGoals) {
    pending.push(`<h3>Kommunövergripande mål: ${esc(goal.text)}</h3>`);
    if (goal.rows.length === 0 && goal.boardGoals.length === 0) {
      block(`<p class="empty">Inga nämndmål eller indikatorer under målet i bilagan.</p>`);
      continue;
    }
    if (goal.rows.length > 0) block(indicatorTable(report, goal.rows, `Indikatorer under det kommunövergripande målet ${goal.text}`));
    for (const board of goal.boardGoals) {
      const title = board.number === undefined ? board.text : board.text.startsWith(board.number) ? board.text : `${board.number} ${board.text}`;
      pending.push(`<h4>Nämndmål: ${esc(title)}</h4>`);
      block(
        board.rows.length === 0
          ? `<p class="empty">Inga indikatorer under nämndmålet i bilagan.</p>`
          : indicatorTable(report, board.rows, `Indikatorer under nämndmålet ${title}`),
      );
    }
  }
  if (pending.length > 0) block();
  parts.push(`</section>`);
  return parts.join("\n");
}

function notesAndSources(report: Report): string {
  const footnotes =
    report.footnotes.length === 0
      ? `<p>Tabellen har inga fotnoter.</p>`
      : `<dl class="footnotes">${report.footnotes.map((f) => `<dt>${esc(f.marker)}</dt><dd>${esc(f.text)}</dd>`).join("")}</dl>`;
  const sources =
    report.sources.length === 0
      ? `<p>Inga utfall för perioden; alla värden kommer från bilagans tabell.</p>`
      : `<ul>${report.sources.map((s) => `<li>${esc(s)}</li>`).join("")}</ul>`;
  return [
    `<section id="fotnoter" aria-labelledby="fotnoter-rubrik">`,
    `<h2 id="fotnoter-rubrik">Fotnoter och källor</h2>`,
    `<h3>Fotnoter</h3>`,
    footnotes,
    `<h3>Källor</h3>`,
    `<p>Tidigare utfall och målvärden är bilagans egna. Utfallen för ${esc(report.period.label)} är beräknade ur:</p>`,
    sources,
    `<p>Ett utfall räknas ur månadernas summor och antal (aldrig ett medelvärde av procenttal). Trenden visar varje månads värde (för en summa över året: året hittills) och tidigare års utfall; den streckade linjen är målvärdet för ${report.period.year}.</p>`,
    `</section>`,
  ].join("\n");
}

function section(extra: ReportSection, index: number): string {
  switch (extra.kind) {
    case "paragraphs": {
      const id = `avsnitt-${index + 1}`;
      return [`<section id="${id}" aria-labelledby="${id}-rubrik">`, `<h2 id="${id}-rubrik">${esc(extra.heading)}</h2>`, ...extra.paragraphs.map((p) => `<p>${esc(p)}</p>`), `</section>`].join("\n");
    }
    case "activities":
      return renderActivitySection(extra, `avsnitt-${index + 1}`);
  }
}

/** The activities follow the indicators (before the table's footnotes and sources); other sections come last. */
const beforeNotes = (extra: ReportSection): boolean => extra.kind === "activities";

/** The sections with their index (their id), in the order of the page. */
function sectionsIn(report: Report, early: boolean): Array<{ extra: ReportSection; index: number }> {
  return report.sections.map((extra, index) => ({ extra, index })).filter(({ extra }) => beforeNotes(extra) === early);
}

function contents(report: Report): string {
  const items = [
    `<li><a href="#sammanfattning">Sammanfattning per målområde</a></li>`,
    ...report.focusAreas.map((a, i) => `<li><a href="#malomrade-${i + 1}">Målområde: ${esc(a.name)}</a></li>`),
    ...sectionsIn(report, true).map(({ extra, index }) => `<li><a href="#avsnitt-${index + 1}">${esc(extra.heading)}</a></li>`),
    `<li><a href="#fotnoter">Fotnoter och källor</a></li>`,
    ...sectionsIn(report, false).map(({ extra, index }) => `<li><a href="#avsnitt-${index + 1}">${esc(extra.heading)}</a></li>`),
  ];
  return `<nav aria-labelledby="innehall-rubrik"><h2 id="innehall-rubrik">Innehåll</h2><ol>${items.join("")}</ol></nav>`;
}

/**
 * @example renderReportHtml(buildReport({ appendix, assessment, records, period }))
 *   // '<!DOCTYPE html>\n<html lang="sv">…<title>Indikatorbilaga – uppföljning tertial 2 2019 (jan–aug)</title>…'
 */
export function renderReportHtml(report: Report): string {
  const source = report.workbook.file === undefined ? `bladet "${report.workbook.sheet}"` : `${report.workbook.file}, bladet "${report.workbook.sheet}"`;
  const made = report.madeAt === undefined ? "" : ` Sammanställd ${swedishDate(report.madeAt)}.`;
  return [
    `<!DOCTYPE html>`,
    `<html lang="sv">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${esc(report.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    `</head>`,
    `<body>`,
    `<header>`,
    `<h1>${esc(report.title)}</h1>`,
    `<p class="meta">Utfall och måluppfyllelse för ${esc(report.period.label)}. Underlag: ${esc(source)}.${esc(made)}</p>`,
    `</header>`,
    `<main>`,
    contents(report),
    summary(report),
    ...report.focusAreas.map((area, index) => focusArea(report, area, index)),
    ...sectionsIn(report, true).map(({ extra, index }) => section(extra, index)),
    notesAndSources(report),
    ...sectionsIn(report, false).map(({ extra, index }) => section(extra, index)),
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
