/**
 * The report page's style sheet, inlined so the HTML file stands alone (no request leaves
 * it). One sheet for the screen and for print: A4 landscape, table headers repeated on each
 * page, a row never split over two pages. Status colours are the workbook's (STATUS_LOOKS),
 * always with symbol and text. DejaVu Sans first: it has ✓ ◐ ✗ ○ and is embedded in the PDF.
 */
import { FOLLOW_UP_LOOKS } from "../activities/followUpStatus";
import { FOLLOW_UP_STATUSES } from "../activities/activity";
import { STATUS_LOOKS } from "../status/statusLabels";
import { STATUSES } from "../status/status";

const statusRules = STATUSES.map((s) => `.status--${s}{background:#${STATUS_LOOKS[s].fill};color:#${STATUS_LOOKS[s].fontColor};}`).join("\n");

const followUpRules = FOLLOW_UP_STATUSES.map((s) => `.follow--${s}{background:#${FOLLOW_UP_LOOKS[s].fill};color:#${FOLLOW_UP_LOOKS[s].fontColor};}`).join("\n");

export const REPORT_CSS = `
*{box-sizing:border-box;}
html{font-family:"DejaVu Sans","Segoe UI",Arial,sans-serif;font-size:14px;line-height:1.4;color:#1a1a1a;background:#fff;}
body{margin:0 auto;padding:24px;max-width:1280px;}
h1{font-size:1.6rem;margin:0 0 .3rem;}
h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-top:.3rem;border-top:2px solid #1f4e79;break-after:avoid;}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem;break-after:avoid;}
h4{font-size:1rem;margin:1rem 0 .4rem;font-weight:bold;break-after:avoid;}
p{margin:.3rem 0;}
a{color:#1f4e79;}
.meta{color:#333;}
.vh{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0;}
nav ol{margin:.2rem 0;padding-left:1.4rem;columns:2;}
nav li{margin:.1rem 0;}
nav a{display:inline-block;min-height:24px;padding:2px 0;}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;}
caption{text-align:left;font-weight:bold;padding:.2rem 0;caption-side:top;}
th,td{border:1px solid #8c8c8c;padding:4px 6px;vertical-align:top;text-align:left;}
thead th{background:#e8eef5;font-weight:bold;white-space:normal;vertical-align:bottom;}
thead{display:table-header-group;}
tr{break-inside:avoid;}
.keep{break-inside:avoid;}
td.num{text-align:right;white-space:nowrap;}
th.num{text-align:right;}
td.words{overflow-wrap:break-word;hyphens:auto;font-size:.86rem;}
table.summary{width:auto;min-width:60%;}
table.summary td{text-align:right;}
tfoot th,tfoot td{font-weight:bold;background:#f2f2f2;}
table.indicators{table-layout:fixed;}
table.indicators th[scope=row]{font-weight:normal;}
table.indicators tr.row-indicator th[scope=row] .name{font-weight:bold;}
table.indicators tr.row-breakdown th[scope=row]{padding-left:1.4rem;}
table.indicators .of{display:block;font-size:.78rem;color:#333;}
.notes{margin:.3rem 0 0;padding-left:1rem;font-size:.86rem;}
.source{font-size:.86rem;color:#333;margin-top:.2rem;}
.status{display:inline-block;padding:1px 6px;border-radius:3px;font-weight:bold;white-space:nowrap;}
${statusRules}
.status--none{background:#fff;color:#333;border:1px solid #8c8c8c;}
${followUpRules}
.follow--none{background:#fff;color:#333;border:1px solid #8c8c8c;}
table.activities{table-layout:fixed;}
table.activities th[scope=row]{font-weight:normal;}
table.activities .status{white-space:normal;}
table.activities td.set-by{overflow-wrap:anywhere;}
.reason,.comment{display:block;font-size:.86rem;}
.reason{font-style:italic;}
ul.goals{margin:.2rem 0 .4rem;padding-left:1.2rem;}
.explanation{display:block;font-size:.86rem;margin-top:.25rem;}
.forecast,.missing{display:block;font-size:.86rem;white-space:normal;text-align:right;}
.trend-cell svg{max-width:100%;height:auto;display:block;}
.trend-text{font-size:.8rem;margin:.2rem 0 0;}
.empty{color:#333;font-style:italic;}
.legend{list-style:none;padding:0;}
.legend li{margin:.25rem 0;}
dl.footnotes dt{font-weight:bold;float:left;margin-right:.5rem;}
dl.footnotes dd{margin:0 0 .3rem 1.5rem;}
@media screen and (max-width:800px){
  body{padding:12px;}
  table.indicators{table-layout:auto;}
  nav ol{columns:1;}
}
@page{size:A4 landscape;margin:12mm 10mm 14mm;}
@media print{
  html{font-size:9pt;}
  body{padding:0;max-width:none;}
  nav{display:none;}
  section.activities-section{break-before:page;}
  h2{margin-top:1.2rem;}
  a{color:inherit;text-decoration:none;}
}
`;
