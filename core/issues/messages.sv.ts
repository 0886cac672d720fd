/**
 * Swedish messages for every issue code: used by the task pane and the command line alike.
 * A message says what was expected, quotes the input and says what to do.
 *
 * Personal data: this module is the one choke point where an issue becomes text, so every
 * sentence and location leaves through redactPersonalData (identity numbers shown as
 * "[personnummer]"). Not issue()/locate(): issues are also built by spreading ({ ...found,
 * raw }) and their `raw` is data the program uses; what reaches the terminal, the run
 * report (its `message`) and the task pane is only what describeIssue/describeLocation
 * return. Names cannot be masked by shape: a csv/* message quotes a CSV cell's text only
 * when mayQuoteCellText says it cannot be a name, and otherwise says that the text is not
 * shown (showsCell and cellText below; a shifted row puts a name in a number column). No
 * message may quote a whole CSV row or a field that failed to decode (csv/unknown-source,
 * csv/undecodable quote neither). Workbook texts (table/*, value/*, binding/*) are the
 * controller's own and are quoted as they are.
 */
import type { Issue, IssueCode } from "./issues";
import type { Unit } from "../model";
import { mayQuoteCellText } from "../privacy/mayQuoteCellText";
import { redactPersonalData } from "../privacy/redactPersonalData";

type Describe = (issue: Issue) => string;

const q = (text: string | undefined): string => `"${text ?? ""}"`;
const p = (issue: Issue, name: string): string => String(issue.params?.[name] ?? "");
/** A number param with a decimal comma: 4.3 -> "4,3". */
const decimal = (issue: Issue, name: string): string => p(issue, name).replace(".", ",");
/** ' (ur "N00011.json")' when the param names a file, else "". */
const fromFile = (issue: Issue, name: string): string => (p(issue, name) === "" ? "" : ` (ur ${q(p(issue, name))})`);

/** In place of a CSV cell's text that may be a name (mayQuoteCellText), in a clause and as a sentence. */
const HIDDEN_TEXT = "en text som inte visas här eftersom den kan vara ett namn";
const FIELD_HIDDEN = "fältets text visas inte här eftersom den kan vara ett namn";
/** Whether a CSV issue's cell text (`raw`) may be quoted: not when it may be a name. */
const showsCell = (issue: Issue): boolean => mayQuoteCellText(issue.raw ?? "");
/** A CSV issue's cell text: '"ca 40"', or, when it may be a name, 'en text som inte visas här ...'. */
const cellText = (issue: Issue): string => (showsCell(issue) ? q(issue.raw) : HIDDEN_TEXT);

/** csv/unknown-source: how many cells of the first row are header names the nearest profile expects. */
const matchedHeaders = (n: number): string =>
  n === 0 ? "ingen av dem är en rubrik som någon profil väntar sig" : `bara ${n} av dem ${n === 1 ? "är en rubrik" : "är rubriker"} som en profil väntar sig`;

const MESSAGES: Record<IssueCode, Describe> = {
  "value/unparseable-number": (i) => `Kunde inte läsa ${q(i.raw)} som ett tal. Skriv till exempel 2 996, 4,8 % eller 21 dagar.`,
  "value/dot-decimal": (i) => `${q(i.raw)} har punkt som decimaltecken; det lästes som ${p(i, "read")}. Skriv decimalkomma om det är fel.`,
  "value/ambiguous-separator": (i) => `${q(i.raw)} kan läsas på flera sätt (tusentalsavgränsare eller decimal?). Skriv talet med decimalkomma och mellanslag som tusentalsavgränsare.`,
  "value/unparseable-target": (i) => `Målvärdet ${q(i.raw)} känns inte igen; det behandlas som text och kan inte bedömas. Skriv ett tal, "minst 677", "högst 125 000 kr", "≥0" eller "Ska öka"/"Ska minska"/"Ska inte öka".`,
  "table/header-not-found": () => `Hittade ingen rubrikrad med "Nämndindikator" (eller "Indikator") och årtal. Kontrollera att bladet innehåller indikatortabellen.`,
  "table/year-column-missing": (i) => `Rubriken ${q(i.raw)} saknar årtal. Skriv till exempel "2018" eller "Målvärde 2019".`,
  "table/unknown-column": (i) => `Kolumnen ${q(i.raw)} är okänd; den behålls som den är men används inte i beräkningar.`,
  "table/indicator-without-goal": (i) => `Indikatorn ${q(i.raw)} står utan nämndmål eller kommunövergripande mål ovanför.`,
  "table/orphan-breakdown": (i) => `Raden ${q(i.raw)} ser ut som en uppdelning (t.ex. Kvinnor/Män) men har ingen indikator ovanför.`,
  "table/unparseable-outcome": (i) => `Utfallet ${q(i.raw)} kunde inte läsas som ett tal; det behålls som text.`,
  "table/unparseable-target": (i) => `Målvärdet ${q(i.raw)} kunde inte tolkas; det behålls som text och kan inte bedömas.`,
  "table/footnote-without-text": (i) => `Fotnoten ${q(i.raw)} används i tabellen men har ingen förklaring under tabellen.`,
  "table/polarity-guessed": (i) => `För ${q(i.raw)} är det gissat att ${p(i, "polarity")} är bättre (${p(i, "reason")}). Ange riktningen i konfigurationen om det är fel.`,
  "table/unit-guessed": (i) => `Enheten för ${q(i.raw)} är gissad som ${p(i, "unit")}.`,
  "table/duplicate-indicator": (i) => `Indikatorn ${q(i.raw)} finns på flera rader; den får id ${q(p(i, "id"))}.`,
  "table/unexpected-text": (i) => `Texten ${q(i.raw)} står där tabellen inte väntar sig något; den hoppas över.`,
  "table/percent-as-fraction": (i) =>
    `Talet ${q(i.raw)} står i en cell utan procentformat och lästes som ${p(i, "read")}, men indikatorns övriga värden är 1 % eller mer: avsågs ${p(i, "meant")}? Skriv i så fall ${q(p(i, "meant"))} i cellen eller ge den talformatet procent.`,
  "config/invalid": (i) => `Fel i konfigurationen vid ${q(p(i, "path"))}: ${p(i, "reason")}.`,
  "csv/empty-file": () => `Filen är tom: den har varken rubrikrad eller rader.`,
  "csv/undecodable": (i) => `Filen kunde inte avkodas som ${p(i, "encoding")}: fältet på den här platsen har ett tecken som inte är giltig ${p(i, "encoding")}, troligen sparat som Windows-1252 (ANSI). Fältets text visas inte, den kan vara en personuppgift. Spara filen som ${p(i, "encoding")} eller ange rätt teckenkodning i profilen.`,
  "csv/missing-column": (i) => `Kolumnen ${q(p(i, "expected"))} saknas. Rubrikraden har: ${p(i, "found")}.`,
  "csv/unparseable-number": (i) => `Väntade ett tal i kolumnen ${q(i.columnName)} men fann ${cellText(i)}.`,
  "csv/unparseable-date": (i) => `Väntade ett datum (t.ex. 2019-06-15 eller 15/6 2019) i kolumnen ${q(i.columnName)} men fann ${cellText(i)}.`,
  "csv/unparseable-month": (i) => `Väntade en månad (t.ex. 2019-06, 201906 eller "juni 2019") i kolumnen ${q(i.columnName)} men fann ${cellText(i)}.`,
  "csv/month-outside-file": (i) =>
    showsCell(i)
      ? `Månaden ${q(i.raw)} hör inte till filens månad ${p(i, "expected")}.`
      : `Månaden i fältet hör inte till filens månad ${p(i, "expected")}; ${FIELD_HIDDEN}.`,
  "csv/truncated-row": (i) => `Raden har ${p(i, "found")} fält men rubrikraden har ${p(i, "expected")}: filen verkar avklippt eller felaktig.`,
  "csv/unknown-source": (i) =>
    `Ingen källprofil känner igen filen. Första raden har ${p(i, "columns")} kolumner och ${matchedHeaders(Number(i.params?.["matched"] ?? 0))} (raden visas inte, den kan innehålla personuppgifter). Profilerna väntar sig rubrikerna: ${p(i, "profiles") || "(inga profiler finns)"}. Saknas rubrikraden, spara om exporten med rubrikrad; är filen från ett annat system, lägg till en källprofil för den.`,
  "csv/malformed-quotes": () => `Ett citattecken öppnas men stängs aldrig: filen verkar avklippt mitt i.`,
  "csv/too-many-fields": (i) => `Raden har ${p(i, "found")} fält men rubrikraden har ${p(i, "expected")}.`,
  "csv/mixed-months": (i) => `Filen innehåller flera månader (${p(i, "months")}); en leverans ska avse en månad.`,
  "csv/stray-quote": (i) => `Ett citattecken står mitt i ett fält (${showsCell(i) ? q(i.raw) : FIELD_HIDDEN}). Ett fält med citattecken ska börja och sluta med "; spara om filen från källsystemet.`,
  "csv/no-rows": () => `Filen har en rubrikrad men inga rader.`,
  "csv/rows-rejected": (i) => `${p(i, "rejected")} av ${p(i, "read")} rader har fel; det är mer än toleransen ${p(i, "tolerance")}. Filen avvisas och liggaren är oförändrad. Rätta raderna och läs in filen igen.`,
  "csv/changed-while-read": () => `Filen ändrades medan den lästes in (ett annat program skrev till den). Inget av den lästes in; läs in den igen när den är färdigskriven.`,
  "delivery/overlap": (i) =>
    `Filen har månader som redan finns från en tidigare leverans: ${p(i, "months")} (från ${p(i, "earlier")}). ` +
    `Källprofilen "${p(i, "source")}" säger inte hur sådana leveranser ska kombineras, så filen läses inte in och inget ändras. ` +
    `Ange i profilen vad en fil är: "delivery": "one-month" (en hel månad som ersätter en tidigare leverans av samma månad), ` +
    `"cumulative" (allt hittills; den nyaste filen ersätter månaderna den täcker), { "kind": "rows", "key": "Ärendenummer" } ` +
    `(en del av en lista uppdelad efter en annan kolumn, t.ex. ansökningsmånad; en rad som kommer igen ersätter sin tidigare version) ` +
    `eller { "kind": "parts", "column": "Enhet" } (en enhets del; filer för olika enheter läggs ihop).`,
  "delivery/part-overlap": (i) =>
    `För ${p(i, "month")} har ${p(i, "earlier")} redan ${p(i, "theirs")} enheter, och filen har ${p(i, "shared")} av dem bland sina ${p(i, "mine")}. ` +
    `En fil ska antingen ha alla enheter från den tidigare leveransen (den ersätts) eller inga av dem (de läggs ihop). ` +
    `Filen läses inte in och inget ändras; leverera om den tidigare filens enheter tillsammans eller i en egen fil.`,
  "delivery/missing-row-key": (i) =>
    `Raden saknar ${q(i.columnName)}, som identifierar raden när filerna är delar av samma lista (källprofilens "delivery": { "kind": "rows" }). Fyll i värdet eller ta bort raden.`,
  "delivery/mixed-modes": (i) =>
    `Månaderna ${p(i, "months")} har leveranser som lästes in som "${p(i, "earlierKind")}" (${p(i, "earlier")}), men källprofilen "${p(i, "source")}" säger nu "${p(i, "kind")}". ` +
    `Då går det inte att säga vilka rader eller enheter filen ersätter, så den läses inte in och inget ändras. Läs in källan i en ny liggare med den nya profilen, eller återställ profilens "delivery".`,
  "delivery/not-in-addin": (i) =>
    `Källan "${p(i, "source")}" levereras ${p(i, "mode")}; det kan Excel-tillägget inte slå ihop med bladet Månadsdata, ` +
    `eftersom bladet bara har månadernas summor. Filen läses inte in här. Läs in den med batchkörningen (bilaga import eller bilaga run).`,
  "csv/end-before-start": (i) => `Slutdatumet ${showsCell(i) ? q(i.raw) : `${p(i, "end")} (läst ur ${HIDDEN_TEXT})`} i kolumnen ${q(i.columnName)} ligger före startdatumet ${p(i, "start")}. Rätta datumen i källsystemet.`,
  "period/unparseable": (i) => `Perioden ${q(i.raw)} känns inte igen. Skriv till exempel 2019-06, 2019-T1, 2019-T2, 2019-H1, 2019 eller 2019-01..2019-05.`,
  "period/missing-month": (i) => `Månaden ${p(i, "month")} saknas för ${q(p(i, "measure"))} i perioden ${p(i, "period")}.`,
  "binding/row-not-found": (i) => `Kopplingen ${q(i.raw)} hittar ingen indikatorrad med det namnet i tabellen.`,
  "binding/indicator-unbound": (i) => `Indikatorn ${q(i.raw)} har ingen koppling till något mått; den fylls inte i.`,
  "binding/measure-missing": (i) => `Måttet ${q(p(i, "measure"))} finns inte i någon källprofil.`,
  "binding/breakdown-on-indicator-row": (i) =>
    `Kopplingen ${q(i.raw)} (${p(i, "path")}) gäller en uppdelning som står på samma rad som indikatorn; raden har bara en utfallscell, så uppdelningen fylls inte i. Koppla indikatorn eller uppdelningen, inte båda.`,
  "outcome/no-data": (i) => `Utfallet för ${q(i.raw)} kan inte räknas för ${p(i, "period")}: det finns inget att dela med (inga beslut, inga schemalagda timmar).`,
  "outcome/formula-undefined": (i) => `Formeln ${q(i.raw)} ger inget utfall för ${p(i, "period")}: ${p(i, "reason")}.`,
  "monthly/unreadable-row": (i) => `Raden på bladet Månadsdata kunde inte läsas (${p(i, "reason")}); den hoppas över. Läs in månadens export igen.`,
  "monthly/unreadable-rows-kept": (i) =>
    `Bladet Månadsdata har rader som inte kan läsas (rad ${p(i, "rows")}). Bilaga skriver inte till arbetsboken, för då skulle de raderna försvinna. Rätta eller ta bort raderna, läs tabellen igen och skriv sedan.`,
  "status/manual": (i) => `Status satt för hand: ${p(i, "reason")}.`,
  "workbook/encrypted": () => `Arbetsboken är krypterad eller lösenordsskyddad. Spara en kopia utan lösenord (Arkiv > Info > Skydda arbetsbok) och försök igen.`,
  "workbook/legacy-xls": () => `Filen är i det gamla formatet .xls. Öppna den i Excel och spara som Excel-arbetsbok (.xlsx).`,
  "workbook/binary-xlsb": () => `Filen är en binär arbetsbok (.xlsb). Spara den som Excel-arbetsbok (.xlsx).`,
  "workbook/not-xlsx": (i) => `Filen är ingen Excel-arbetsbok (.xlsx)${i.raw ? `: ${i.raw}` : ""}.`,
  "workbook/strict-ooxml": () => `Arbetsboken är sparad som "Strikt Open XML". Spara den som vanlig Excel-arbetsbok (.xlsx).`,
  "workbook/sheet-not-found": (i) => `Bladet ${q(i.sheet)} finns inte i arbetsboken. Bladen är: ${p(i, "sheets")}.`,
  "workbook/sheet-protected": (i) => `Bladet ${q(i.sheet)} är skyddat. Ta bort bladskyddet (Granska > Ta bort skydd) och försök igen.`,
  "workbook/not-a-worksheet": (i) => `${q(i.sheet)} är ett ${p(i, "kind")} och inte ett kalkylblad; där kan inga celler skrivas.`,
  "workbook/structure-protected": (i) => `Arbetsbokens struktur är skyddad, så bladet ${q(i.sheet)} kan inte läggas till. Ta bort skyddet (Granska > Skydda arbetsbok) och försök igen.`,
  "workbook/invalid-sheet-name": (i) => `Bladnamnet ${q(i.sheet)} går inte att använda: högst 31 tecken och inget av : \\ / ? * [ ].`,
  "workbook/sheet-has-objects": (i) => `Bladet ${q(i.sheet)} skulle ersättas helt men innehåller ${p(i, "objects")}, som då skulle gå förlorade. Byt namn på bladet eller flytta innehållet.`,
  "workbook/foreign-monthly-sheet": (i) =>
    `Arbetsboken har redan ett blad ${q(i.sheet)} som Bilaga inte har skrivit (Bilagas blad har rubriken "Månadsdata" i A1 och kolumnrubrikerna i rad 4). Bilaga skriver inte över det; inget skrevs. Byt namn på ditt blad och försök igen.`,
  "workbook/shared-formula": () => `Cellen innehåller en formel som andra celler delar; den skulle gå sönder om cellen skrevs över. Flytta tabellen eller ta bort formeln.`,
  "workbook/threaded-comment": () => `Cellen har en trådad kommentar; en anteckning kan inte läggas där utan att kommentaren skadas. Flytta kommentaren eller lös den.`,
  // Activities and their follow-up (issue 11)
  "activity/table-not-found": () => `Hittade ingen aktivitetstabell: en rubrikrad med "Aktivitet" och "Slutfört" (eller "Klart senast") behövs.`,
  "activity/missing-deadline": (i) => `Aktiviteten ${q(i.raw)} har inget slutdatum i kolumnen Slutfört; den kan inte bedömas som försenad. Skriv till exempel "Q2", "Sept Q3" eller "Kontinuerligt".`,
  "activity/unknown-deadline": (i) => `Slutdatumet ${q(i.raw)} känns inte igen; det behålls som text och aktiviteten bedöms inte som försenad. Skriv till exempel "Q2", "Sept Q3", "Succesivt avslut Q4" eller "Kontinuerligt".`,
  "activity/deadline-without-activity": (i) => `Slutdatumet ${q(i.raw)} står på en rad utan aktivitet; det hoppas över.`,
  "activity/without-perspective": (i) => `Aktiviteten ${q(i.raw)} står utan perspektiv (Medborgare, Ekonomi, Verksamhet, Medarbetare) ovanför eller i en perspektivkolumn.`,
  "activity/without-goal": (i) => `Aktiviteten ${q(i.raw)} står utan nämndmål; den räknas under "Inget nämndmål angivet" i sammanfattningen.`,
  "activity/duplicate": (i) => `Aktiviteten ${q(i.raw)} finns flera gånger under samma perspektiv; den här raden får id ${q(p(i, "id"))}.`,
  "activity/unknown-status": (i) => `Statusen ${q(i.raw)} känns inte igen; den hoppas över. Skriv Genomförd, Pågår enligt plan, Försenad, Ej påbörjad eller Utgår.`,
  "activity/comment-without-status": (i) => `Kommentaren ${q(i.raw)} står utan status för perioden; den används inte och Bilaga skriver inget på raden. Skriv en status bredvid.`,
  "activity/rule-status-edited": (i) =>
    `Statusen ${q(i.raw)} är signerad "Bilaga (regel)" i Satt av men har ändrats för hand; den behålls som den står och Bilaga skriver inte över den. Töm eller ändra "Satt av" för att signera den.`,
  "activity/follow-up-without-period": (i) => `Kolumnen ${q(i.raw)} anger ingen period Bilaga känner igen; skriv till exempel "Status T1 2019".`,
  "activity/follow-up-without-status": (i) => `Kolumnen ${q(i.raw)} hör till en period utan statuskolumn; lägg till till exempel "Status T1 2019".`,
  "activity/rule-late": (i) => `Aktiviteten ${q(i.raw)} är markerad Försenad: ${p(i, "reason")}`,
  "activity/foreign-summary-sheet": (i) =>
    `Arbetsboken har redan ett blad ${q(i.sheet)} som Bilaga inte har skrivit. Bilaga skriver inte över det; inget skrevs. Byt namn på ditt blad och försök igen.`,
  "activity/unknown-activity": (i) => `Aktiviteten ${q(i.raw)} finns inte längre i aktivitetstabellen; läs tabellen igen och välj den på nytt.`,
  "activity/not-a-tertial": (i) => `Aktiviteterna följs upp per tertial; för ${i.raw ?? "perioden"} skrivs ingen aktivitetsstatus. Kör med till exempel --period 2019-T2 (eller 2019 för helåret).`,
  "activity/cell-has-formula": (i) => `Statuscellen på aktivitetens rad innehåller en formel; Bilaga skriver inte över den. Ta bort formeln eller skriv statusen själv.`,
  // Kolada, manual values and yearly indicators (issue 13)
  "kolada/invalid-file": (i) =>
    `Filen är inte ett svar från Kolada i väntad form: vid ${q(p(i, "path"))}: ${p(i, "reason")}. Spara svaret från api.kolada.se (data/kpi/…/municipality/…/year/…) som det är.`,
  "kolada/missing-value": (i) =>
    `Kolada saknar värde för nyckeltal ${p(i, "kpi")}, kommun ${p(i, "municipality")}, ${p(i, "year")} (kön ${p(i, "gender")}, status ${q(p(i, "status"))}); det visas som saknat, aldrig som 0.`,
  "kolada/changed": (i) =>
    `Koladas värde för nyckeltal ${p(i, "kpi")}, kommun ${p(i, "municipality")}, ${p(i, "year")} (kön ${p(i, "gender")}) ersätts: ${decimal(i, "old")}${fromFile(i, "oldFile")} byts mot ${decimal(i, "new")}${fromFile(i, "newFile")}, det senast lästa svaret. Kontrollera att det är rätt svar.`,
  "kolada/missing-kept": (i) =>
    `Koladas nyare svar${fromFile(i, "newFile")} saknar värde för nyckeltal ${p(i, "kpi")}, kommun ${p(i, "municipality")}, ${p(i, "year")} (kön ${p(i, "gender")}, status ${q(p(i, "status"))}); liggarens värde ${decimal(i, "old")}${fromFile(i, "oldFile")} behålls.`,
  "manual/missing-column": (i) =>
    `Manuella värden: kolumnen ${p(i, "column")} saknas. Rubrikraden ska ha Mått, Uppdelning, År, Värde, Källa, Inmatat av och Inmatat.`,
  "manual/bad-row": (i) => `Manuella värden: ${q(i.raw)} går inte att läsa: ${p(i, "reason")}.`,
  "manual/changed": (i) =>
    `Det manuella värdet ${q(i.raw)} för ${p(i, "year")} ändrades från ${p(i, "old")} (${p(i, "oldBy")}, ${p(i, "oldAt")}) till ${p(i, "new")} (${p(i, "newBy")}, ${p(i, "newAt")}); det tidigare värdet finns kvar i historiken (bilaga ledger --manuella).`,
  "outcome/measured-per-year": (i) => `${q(i.raw)} mäts per år och kan inte bedömas för ${p(i, "period")}; välj helåret (${p(i, "year")}).`,
  "outcome/no-yearly-value": (i) => `${q(i.raw)}: inget årsvärde för ${p(i, "year")} (${p(i, "measure")}). ${p(i, "hint")}`,
  // The board's report (issue 10)
  "report/pdf-unavailable": (i) =>
    `Rapporten skrevs som HTML men inte som PDF: ${p(i, "reason")}.${p(i, "removed") === "" ? "" : ` En äldre PDF med samma namn (${p(i, "removed")}) togs bort så att den inte misstas för den här periodens rapport.`} Installera Chromium (Debian/Ubuntu: apt-get install chromium fonts-dejavu-core) eller ange sökvägen till den i CHROMIUM_PATH och kör igen; med --no-pdf skrivs bara HTML utan varning.`,
  "report/old-pdf-removed": (i) =>
    `En äldre PDF med samma namn (${p(i, "removed")}) togs bort: med --no-pdf skrevs bara HTML, och den gamla PDF:en är inte den här periodens rapport.`,
};

/** Where an issue is, in Swedish: "fil.csv, rad 3, kolumn 2 (Belopp)" or "Blad1!D14". */
export function describeLocation(found: Issue): string {
  const parts: string[] = [];
  if (found.file) parts.push(found.file);
  if (found.sheet && found.cell) parts.push(`${found.sheet}!${found.cell}`);
  else if (found.cell) parts.push(`cell ${found.cell}`);
  if (found.row !== undefined && !found.cell) parts.push(`rad ${found.row}`);
  if (found.column !== undefined && !found.cell) {
    parts.push(found.columnName ? `kolumn ${found.column} (${found.columnName})` : `kolumn ${found.column}`);
  }
  return redactPersonalData(parts.join(", "));
}

const SEVERITY_SV = { error: "Fel", warning: "Varning", info: "Info" } as const;

/** The Swedish sentence for an issue, without its location. */
export function describeIssue(found: Issue): string {
  return redactPersonalData(MESSAGES[found.code](found));
}

/** "Fel: fil.csv, rad 3, kolumn 2 (Belopp): Väntade ett tal ..." */
export function formatIssue(found: Issue): string {
  const where = describeLocation(found);
  return `${SEVERITY_SV[found.severity]}${where ? `: ${where}` : ""}: ${describeIssue(found)}`;
}

/** Swedish names of the units, for messages and the table as understood. */
export const UNIT_NAMES_SV: Readonly<Record<Unit, string>> = {
  count: "antal",
  percent: "procent",
  "percentage-points": "procentenheter",
  days: "dagar",
  kr: "kronor",
  mnkr: "miljoner kronor",
  index: "index",
  ratio: "kvot",
  number: "tal",
};
