/**
 * The seed's indicator table (Arbetsmarknadsnämnden, verksamhetsplan 2019, bilaga) as plain
 * data describing one worksheet laid out the way a controller keeps it: two title rows, the
 * header row, focus areas in rotated cells merged down column A, municipal goals and board
 * goals merged over their rows, numbers stored as numbers with Excel number formats where a
 * controller would type them, some values as text exactly as the published table shows them,
 * note rows, breakdown rows, goals without indicators and the two footnotes under the table.
 *
 * Consumed by the tests (test/fixtures/gridFromLayout.ts turns it into a Grid) and by the
 * sample workbook generator (exceljs). Plain data only: no imports, no I/O.
 *
 * Words the PDF hyphenated across lines are rejoined ("arbetsmark-nadsnämndens" ->
 * "arbetsmarknadsnämndens").
 */

/** Style hints a workbook writer may apply; readers ignore them. */
export interface LayoutStyle {
  /** Text rotation in degrees (90 = bottom to top, as the focus-area cells). */
  readonly rotation?: number;
  readonly wrap?: boolean;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly verticalAlign?: "top" | "middle";
}

export interface LayoutCell {
  /** A1 address, e.g. "D21". */
  readonly address: string;
  /** Stored value: a number for numeric cells (0.048 for a cell shown as 4,80 %), else text. */
  readonly value: string | number;
  /** Excel number format code; "General" when left out. */
  readonly numberFormat?: string;
  readonly style?: LayoutStyle;
}

export interface SheetLayout {
  readonly sheet: string;
  readonly cells: readonly LayoutCell[];
  /** Merged areas as A1 ranges ("A5:A9"). */
  readonly merges: readonly string[];
  /** Column widths in Excel character units, keyed by column letters. */
  readonly columnWidths: Readonly<Record<string, number>>;
}

/** One value cell: text as published, or a number with the format a controller would type. */
type Value = string | number | { readonly n: number; readonly f: string } | undefined;

const INT = "# ##0";
const PCT2 = "0.00%";
const PCT0 = "0%";
const DEC1 = "0.0";
const DEC2 = "0.00";

const pct2 = (n: number): Value => ({ n, f: PCT2 });
const pct0 = (n: number): Value => ({ n, f: PCT0 });
const int = (n: number): Value => ({ n, f: INT });
const dec1 = (n: number): Value => ({ n, f: DEC1 });
const dec2 = (n: number): Value => ({ n, f: DEC2 });

interface RowSpec {
  readonly row: number;
  /** Column D: indicator name, breakdown label ("Män") or note ("Basvärde saknas!"). */
  readonly d?: string;
  /** Columns E..H: 2017, 2018, Målvärde 2019, Målvärde 2020. */
  readonly values?: readonly [Value, Value, Value, Value];
}

const cells: LayoutCell[] = [];
const merges: string[] = [];

function put(address: string, value: string | number, numberFormat?: string, style?: LayoutStyle): void {
  cells.push({
    address,
    value,
    ...(numberFormat === undefined ? {} : { numberFormat }),
    ...(style === undefined ? {} : { style }),
  });
}

/** A text cell spanning rows top..bottom of one column (merged when it spans more than one row). */
function span(column: string, top: number, bottom: number, text: string, style: LayoutStyle): void {
  put(`${column}${top}`, text, undefined, style);
  if (bottom > top) merges.push(`${column}${top}:${column}${bottom}`);
}

function focusArea(top: number, bottom: number, name: string): void {
  span("A", top, bottom, name, { rotation: 90, bold: true, verticalAlign: "middle" });
}
function municipalGoal(top: number, bottom: number, text: string): void {
  span("B", top, bottom, text, { wrap: true, verticalAlign: "top" });
}
function boardGoal(top: number, bottom: number, text: string): void {
  span("C", top, bottom, text, { wrap: true, verticalAlign: "top" });
}
function rows(specs: readonly RowSpec[]): void {
  for (const spec of specs) {
    if (spec.d !== undefined) put(`D${spec.row}`, spec.d, undefined, { wrap: true });
    (spec.values ?? []).forEach((value, index) => {
      if (value === undefined) return;
      const address = `${"EFGH"[index]}${spec.row}`;
      if (typeof value === "object") put(address, value.n, value.f);
      else put(address, value);
    });
  }
}

// Title rows and header (header on sheet row 4).
put("A1", "Arbetsmarknadsnämnden – Verksamhetsplan 2019", undefined, { bold: true });
put("A2", "Kommunövergripande mål med arbetsmarknadsnämndens nämndmål", undefined, { bold: true });
["Målområde", "Kommunövergripande mål", "Nämndmål", "Nämndindikator", 2017, 2018, "Målvärde 2019", "Målvärde 2020"].forEach(
  (header, index) => put(`${"ABCDEFGH"[index]}4`, header, undefined, { bold: true, wrap: true }),
);

// Samhälle: municipal goals without board goals or indicators.
focusArea(5, 9, "Samhälle");
municipalGoal(5, 5, "Trygg och sammanhållen kommun");
municipalGoal(6, 6, "Ekologiskt hållbar kommun");
municipalGoal(7, 7, "Attraktiv kommun");
municipalGoal(8, 8, "Starkt och mångfasetterat näringsliv");
municipalGoal(9, 9, "Stark röst – regionalt, nationellt och internationellt");

// Medborgare.
focusArea(10, 26, "Medborgare");
municipalGoal(10, 10, "Goda villkor för ett jämlikt, meningsfullt och hälsosamt liv");
municipalGoal(11, 11, "Goda välfärdstjänster med hög tillgänglighet");
municipalGoal(12, 26, "Hög egenförsörjningsgrad");
boardGoal(12, 17, "1 Fler deltagare ska efter arbetsmarknadsnämndens insatser övergå från sysselsättning till egen försörjning");
rows([
  {
    row: 12,
    d: "Antal deltagare i arbetsmarknadsnämndens insatser som varken avslutas till arbete eller utbildning ska minska varje år.",
    values: ["-", int(299), "Ska minska", "Ska minska"],
  },
  { row: 13, d: "Basvärde 2018 = 299 personer" },
  {
    row: 14,
    d: "Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som avslutas till arbete (både subventionerade och osubventionerade anställningar) eller studier ska öka.",
    values: ["-", int(182), "Ska öka", "Ska öka"],
  },
  { row: 15, d: "Basvärde 2018 = 182" },
  {
    row: 16,
    d: "Antal deltagare inskrivna inom OSA som avslutas till arbete eller studier ska öka.",
    values: ["-", "4 arbete", "Ska öka", "Ska öka"],
  },
  { row: 17, d: "Basvärde 2018 = 6 (4 till arbete + 2 till studier)", values: [undefined, "2 studier", undefined, undefined] },
]);
boardGoal(18, 20, "2 Samtliga deltagare ska efter arbetsmarknadsnämndens insatser ha fått redskap för att kunna försörja sig själva.");
rows([
  {
    row: 18,
    d: "Antal placeringar inom arbetsträning + praktik + arbetsmarknadsanställningar ska vara minst 677 under 2019 och minst 777 under 2020.",
    values: ["-", int(477), int(677), int(777)],
  },
  {
    row: 19,
    d: "Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som har höjt sin grundläggande anställningsbarhet ska öka.",
    values: ["-", "-", "Ska öka", "Ska öka"],
  },
  { row: 20, d: "Basvärde saknas!" },
]);
boardGoal(21, 23, "3 Antal hushåll i Linköping som uppbär försörjningsstöd ska minska 2019-2022.");
rows([
  { row: 21, d: "Antal hushåll med försörjningsstöd i snitt per månad.", values: [int(2996), int(3130), int(2800), int(2700)] },
  {
    row: 22,
    d: "Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.",
    values: [int(1384), int(1387), int(1150), int(850)],
  },
  {
    row: 23,
    d: "Barn i befolkningen som under året ingått i familjer med långvarigt ekonomiskt bistånd, andel av befolkningen (%).",
    values: [pct2(0.048), pct2(0.046), "4,20%", "3,20%"],
  },
]);
boardGoal(24, 26, "4 Arbetsmarknadsnämnden erbjuder ett professionellt bemötande och verksamheten har en god tillgänglighet.");
rows([
  { row: 24, d: "Andel positiva svar i brukarenkät", values: [pct0(0.86), pct0(0.87), pct0(0.88), pct0(0.88)] },
  {
    row: 25,
    d: "Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)",
    values: ["21 dagar", "19 dagar", "15 dagar", "5 dagar"],
  },
  {
    row: 26,
    d: "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.",
    values: [
      "Vissa smärre skillnader kan utläsas.",
      "Vissa smärre skillnader kan utläsas.",
      "Inga signifikanta skillnader",
      "Inga signifikanta skillnader",
    ],
  },
]);

// Ekonomi.
focusArea(27, 33, "Ekonomi");
municipalGoal(27, 31, "Kostnadseffektiv verksamhet");
boardGoal(27, 29, "Kostnadseffektiva arbetsmarknadsåtgärder. Arbeta med metoder som ger störst nytta för insatta medel.");
rows([
  {
    row: 27,
    d: "Antalet deltagare som slussas ut från arbetsmarknadsnämndens arbetsmarknadsinsatser till arbete eller studier per miljoner kronor**",
    values: [undefined, "JKT: 2,1", "Ska öka", "Ska öka"],
  },
  { row: 28, values: [undefined, "OSA: 0,3", undefined, undefined] },
  { row: 29, values: [undefined, "AMS: 4,9", undefined, undefined] },
]);
boardGoal(30, 30, "Effektivt lokalutnyttjande. Lokalplanering som leder till kostnadseffektivt nyttjande.");
rows([{ row: 30, d: "Lokalernas andel av totala kostnaden", values: [undefined, "11%*", "Ska inte öka", "Ska inte öka"] }]);
boardGoal(31, 31, "E-handelstrohet. Inköp ska följa kommunens inköpspolicy och regler.");
rows([{ row: 31, d: "E-handelstrohet, i %", values: ["Saknas", "Saknas", pct0(0.9), pct0(0.95)] }]);
municipalGoal(32, 33, "Hållbar ekonomi");
boardGoal(32, 32, "God ekonomisk kontroll");
rows([{ row: 32, d: "Avvikelse från budget, i %", values: ["6,6%*", "6,8%*", "≥0", "≥0"] }]);
boardGoal(33, 33, "Ekonomi i balans");

// Verksamhet: municipal goals without board goals or indicators.
focusArea(34, 36, "Verksamhet");
municipalGoal(34, 34, "Hög servicenivå med ett gott bemötande");
municipalGoal(35, 35, "Effektiva och hållbara arbetsmetoder");
municipalGoal(36, 36, "Verksamhet med god utvecklingsförmåga");

// Medarbetare.
focusArea(37, 57, "Medarbetare");
municipalGoal(37, 52, "Attraktiv arbetsgivare");
boardGoal(
  37,
  43,
  "Goda arbetsplatser\nVarje medarbetare känner arbetsglädje och stolthet samt har inflytande och möjlighet att utvecklas.",
);
rows([
  { row: 37, d: "Total sjukfrånvaro (%)", values: [dec1(5.5), dec1(6.8), dec1(5.5), dec1(5.3)] },
  { row: 38, d: "Män", values: [dec1(3.4), "–", dec1(3.3), dec1(3.3)] },
  { row: 39, d: "Kvinnor", values: [dec1(6.1), "–", dec1(6.2), 6] },
  { row: 40, d: "Andel (%) heltidsanställningar", values: [dec1(87.9), "88,3, tertial 1", dec1(88.6), 90] },
  { row: 41, d: "Män", values: [dec1(91.9), dec1(92.6), undefined, undefined] },
  { row: 42, d: "Kvinnor", values: [dec1(86.7), dec1(87.2), undefined, undefined] },
  { row: 43, d: "Attraktiv arbetsgivarindex (AVI)", values: [107, 111, 112, 113] },
]);
boardGoal(
  44,
  52,
  "Framgångsrikt chef- och ledarskap\nVarje chef leder och utvecklar sina verksamheter mot uppsatta mål med mod, engagemang och mänsklighet.",
);
rows([
  { row: 44, d: "Hållbart medarbetarengagemang (HME)", values: [undefined, 77, 78, 80] },
  { row: 45, d: "Män" },
  { row: 46, d: "Kvinnor" },
  { row: 47, d: "Chefsomsättning (andel tillsvidare chefer som har börjat eller slutat, %)", values: [6, 6, dec1(5.5), 5] },
  { row: 48, d: "Män", values: [dec1(4.9), undefined, undefined, undefined] },
  { row: 49, d: "Kvinnor", values: [dec1(6.3), undefined, undefined, undefined] },
  { row: 50, d: "Chefers sjukfrånvaro", values: [dec1(2.4), dec1(2.5), dec1(2.3), dec1(2.2)] },
  { row: 51, d: "Män" },
  { row: 52, d: "Kvinnor" },
]);
municipalGoal(53, 57, "God och hållbar kompetensförsörjning");
boardGoal(
  53,
  57,
  "Nya vägar för (tryggad) kompetensförsörjning\nUtveckling av den digitala medarbetaren, ett ansvarstagande för ett livslångt lärande och ett aktivt arbete med professionsanalyser för rätt använd kompetens skapar nya vägar för kompetensförsörjningen.",
);
rows([
  { row: 53, d: "Extern personalomsättning", values: [dec1(6.1), dec1(5.8), "5.5", dec1(5.2)] },
  { row: 54, d: "Mertid övertid", values: [dec1(0.6), dec1(0.6), dec1(0.5), dec1(0.5)] },
  { row: 55, d: "Balanstal chefer", values: [dec2(0.99), 1, 1, 1] },
  { row: 56, d: "Kvinnor" },
  { row: 57, d: "Chefer med utomnordisk bakgrund", values: [dec2(0.16), dec2(0.15), dec2(0.2), dec2(0.25)] },
]);

// Footnotes under the table.
put(
  "A59",
  "* Eftersom arbetsmarknadsnämnden blev en egen nämnd först 2019 har uppgifter från de verksamheter som kom att bli arbetsmarknadsnämnden aggregerats.",
  undefined,
  { italic: true },
);
put("A60", "** Siffrorna är inte jämförbara sinsemellan på grund av uppdragens olika målgrupper.", undefined, { italic: true });

/** The seed appendix sheet. */
export const SEED_APPENDIX: SheetLayout = {
  sheet: "Bilaga",
  cells,
  merges,
  columnWidths: { A: 6, B: 24, C: 32, D: 44, E: 11, F: 11, G: 11, H: 11 },
};

/** Names of the 25 indicators in table order, as in the seed (hyphenation rejoined). */
export const SEED_INDICATOR_NAMES: readonly string[] = [
  "Antal deltagare i arbetsmarknadsnämndens insatser som varken avslutas till arbete eller utbildning ska minska varje år.",
  "Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som avslutas till arbete (både subventionerade och osubventionerade anställningar) eller studier ska öka.",
  "Antal deltagare inskrivna inom OSA som avslutas till arbete eller studier ska öka.",
  "Antal placeringar inom arbetsträning + praktik + arbetsmarknadsanställningar ska vara minst 677 under 2019 och minst 777 under 2020.",
  "Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som har höjt sin grundläggande anställningsbarhet ska öka.",
  "Antal hushåll med försörjningsstöd i snitt per månad.",
  "Antal vuxna biståndsmottagare med mycket långvarigt ekonomiskt bistånd, aktuell > 2 år.",
  "Barn i befolkningen som under året ingått i familjer med långvarigt ekonomiskt bistånd, andel av befolkningen (%).",
  "Andel positiva svar i brukarenkät",
  "Väntetid i antal dagar från första kontakt till beslut inom försörjningsstöd (medelvärde)",
  "Bemötande, service och resursfördelning ska vara likvärdig för kvinnor och män, pojkar och flickor.",
  "Antalet deltagare som slussas ut från arbetsmarknadsnämndens arbetsmarknadsinsatser till arbete eller studier per miljoner kronor**",
  "Lokalernas andel av totala kostnaden",
  "E-handelstrohet, i %",
  "Avvikelse från budget, i %",
  "Total sjukfrånvaro (%)",
  "Andel (%) heltidsanställningar",
  "Attraktiv arbetsgivarindex (AVI)",
  "Hållbart medarbetarengagemang (HME)",
  "Chefsomsättning (andel tillsvidare chefer som har börjat eller slutat, %)",
  "Chefers sjukfrånvaro",
  "Extern personalomsättning",
  "Mertid övertid",
  "Balanstal chefer",
  "Chefer med utomnordisk bakgrund",
];
