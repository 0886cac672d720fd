/**
 * The seed plan's activities (Arbetsmarknadsnämnden, verksamhetsplan 2019, "Aktiviteter" per
 * perspective) as one worksheet laid out as the plan prints them: a heading row per perspective
 * over its own header row (Nämndmål, Aktivitet, Slutfört), the board goals in a cell merged down
 * their activities (the Medborgare table lists its four goals together in one cell, one per
 * paragraph; the Verksamhet table has none), and the deadlines as published. To the right,
 * the follow-up columns of tertial 1 and 2 2019 with statuses, comments and roles that are
 * invented for the sample (the plan has none).
 *
 * Words the PDF hyphenated across lines are rejoined; the plan's own wording (and typing) is kept.
 * Consumed by the sample workbook generator and the tests (as a Grid via gridFromLayout).
 */
import type { LayoutCell, SheetLayout } from "./seedAppendix";

/** G Genomförd, P Pågår enligt plan, F Försenad, E Ej påbörjad, U Utgår. */
type Code = "G" | "P" | "F" | "E" | "U";
/** A status with its comment and who set it; undefined when nothing is reported for the tertial. */
type Report = readonly [Code, string?, string?] | undefined;

interface SeedActivity {
  readonly name: string;
  /** The "Slutfört" cell as published; "" where the plan leaves it empty. */
  readonly deadline: string;
  readonly t1?: Report;
  readonly t2?: Report;
}

interface SeedGoalGroup {
  /** The goal cell: one goal per paragraph; "" when the plan gives none. */
  readonly goal: string;
  readonly activities: readonly SeedActivity[];
}

export interface SeedPerspective {
  readonly perspective: string;
  readonly groups: readonly SeedGoalGroup[];
}

const AMS = "Enhetschef AMS";
const JKT = "Enhetschef JKT";
const OSA = "Enhetschef OSA";
const EKONOMI = "Ekonomichef";
const HR = "HR-chef";
const UTV = "Verksamhetsutvecklare";

export const SEED_ACTIVITIES: readonly SeedPerspective[] = [
  {
    perspective: "Medborgare",
    groups: [
      {
        goal: [
          "Fler deltagare ska efter arbetsmarknadsnämndens insatser övergå från sysselsättning till egen försörjning.",
          "Samtliga deltagare ska efter arbetsmarknadsnämndens arbetsmarknadsinsatser ha fått redskap för att kunna försörja sig själva.",
          "Antal hushåll i Linköping som uppbär försörjningsstöd ska minska 2019-2022.",
          "Arbetsmarknadsnämnden erbjuder ett professionellt bemötande och verksamheten har en god tillgänglighet.",
        ].join("\n\n"),
        activities: [
          { name: "Utveckla Evidensbaserad verksamhet (Forskning- internationellt och nationellt, beprövad erfarenhet samt medborgares synpunkter)", deadline: "Kontinuerligt", t1: ["P", "Forskningscirkel med LiU startad i mars.", UTV], t2: ["P", "Två arbetsmetoder utvärderade.", UTV] },
          { name: "Finnas representerade i prioriterade stadsdelar", deadline: "Q2", t1: ["P", "Lokal i Skäggetorp klar; Ryd återstår.", AMS], t2: ["G", "Finns nu i Skäggetorp, Ryd och Berga.", AMS] },
          { name: "Utveckla rättssäker och effektiv handläggning med lägsta effektiva omhändertagandenivå", deadline: "Q4", t1: ["P", "", OSA], t2: ["P", "", OSA] },
          { name: "Utveckla insatser i utsatt stadsdelar.", deadline: "Kontinuerligt", t1: ["P", "", AMS], t2: ["P", "", AMS] },
          { name: "Samverkan i regionen utifrån näringsliv, länsstyrelse och mellan kommuner – plan för samverkan", deadline: "Kontinuerligt", t1: ["E", "Planen för samverkan tas fram efter sommaren.", UTV], t2: ["P", "Första mötet med länsstyrelsen hölls i juni.", UTV] },
          { name: "Utveckla samverkan inom kommunens förvaltningar", deadline: "Kontinuerligt", t1: ["P", "", UTV], t2: ["P", "", UTV] },
          { name: "Utveckla enligt arbetet i \"Delegationen för unga och nyanlända till arbete\" (DUA) med Arbetsförmedlingen och område bildning.", deadline: "Q2", t1: ["P", "", JKT], t2: ["F", "Överenskommelsen med Arbetsförmedlingen dröjer; väntas i oktober.", JKT] },
          { name: "Utveckling enligt miljöplaner (ex. kemikalieplan och plan för koldioxidneutral kommun)", deadline: "", t1: ["P", "Kemikalieinventering pågår.", UTV] },
          { name: "Förbättra troheten till handlingsplan för hållbart resande (Grön resplan) genom utveckling av struktur och rutiner.", deadline: "Q1", t2: ["G", "Rutinerna klara i maj.", UTV] },
          { name: "Utveckla digitala kommunikationsmetoder för att minska resande för att medvetandegöra området hos samtliga medarbetare", deadline: "Q3", t1: ["E", "", UTV], t2: ["P", "", UTV] },
          { name: "Svara upp mot Länsstyrelsens fördelning av regionala flyktingmottagandet samt kvotflyktingar tillsammans med Integrationsguppen och bosättningsenheten", deadline: "Q4", t1: ["P", "", OSA], t2: ["P", "", OSA] },
          { name: "Nyttja projektmedel genom ESF-utlysningar", deadline: "Kontinuerligt", t1: ["P", "", UTV], t2: ["P", "", UTV] },
          { name: "Utveckla samarbete med samordningsförbundet – uppstart av ESF-projekt", deadline: "Kontinuerligt", t1: ["P", "", UTV], t2: ["U", "Ingen ESF-utlysning 2019; arbetet fortsätter i aktiviteten om Samordningsförbundet.", UTV] },
          { name: "Följa och ta tillvara kunskap från projektet VISA (varaktig inkludering i samhälle och arbetsmarknad)", deadline: "Q2", t1: ["P", "", JKT] },
          { name: "Införa nytt arbetssätt med fokus på att möta individen tidigt i processen med en systematisk uppföljning av genomförda insatser", deadline: "Succesivt avslut Q4", t1: ["P", "", JKT], t2: ["P", "Infört på två av tre enheter.", JKT] },
          { name: "Införande av digital ansökan", deadline: "Sept Q3", t1: ["P", "", OSA], t2: ["P", "Driftstart planerad till den 2 september.", OSA] },
          { name: "Stimulera till nyttjande av digital ansökan (mål 60% vid årets slut)", deadline: "Q4", t1: ["E", "Börjar när den digitala ansökan är i drift.", OSA], t2: ["E", "", OSA] },
          { name: "Möte efter första ansökan inom 5 arbetsdagar", deadline: "Q4", t1: ["P", "", OSA], t2: ["F", "I snitt 7 arbetsdagar i juni–augusti.", OSA] },
          { name: "Hänvisning till Jobb och kunskapstorget i anslutning till besök, (mät antal hänvisningar)", deadline: "Q4", t1: ["P", "", JKT], t2: ["P", "", JKT] },
          { name: "Rättssäker handläggning, uppföljning via stickprov", deadline: "Kontinuerligt, uppföljning Q4", t1: ["P", "", OSA], t2: ["P", "", OSA] },
          { name: "Utveckla samarbete med Samordningsförbundet", deadline: "Kontinuerligt, uppföljning Q4", t1: ["P", "", UTV], t2: ["P", "", UTV] },
        ],
      },
    ],
  },
  {
    perspective: "Ekonomi",
    groups: [
      {
        goal: "Avtalstrohet. Inköp ska följa kommunens inköpspolicy och regler",
        activities: [
          { name: "Verka för att implementera den nya upphandlingspolicyn inom hela verksamheten", deadline: "Q1", t1: ["G", "Policyn presenterad på alla arbetsplatsträffar.", EKONOMI] },
          { name: "Genomföra projektet E-handel", deadline: "Q2", t1: ["P", "", EKONOMI], t2: ["G", "", EKONOMI] },
        ],
      },
      {
        goal: "Effektivt lokalutnyttjande. Arbeta med lokalplanering som leder till kostnadseffektivt nyttjande",
        activities: [
          { name: "Utveckla enligt förvaltningens lokalförsörjningsplan", deadline: "Q1", t1: ["F", "Planen antas i juni i stället för i mars.", EKONOMI], t2: ["G", "Antagen i juni.", EKONOMI] },
        ],
      },
      {
        goal: "Kostnadseffektiva arbetsmarknadsåtgärder. Arbeta med metoder som ger störst nytta för insatta medel",
        activities: [
          { name: "Utveckling av riktlinjer och marknadsföring för projektmedel till föreningar", deadline: "Q1", t1: ["G", "", EKONOMI] },
          { name: "Samverkan med LiU för att kunna utvärdera utfall av insatser (Helix, ESF projekt med Samordningsförbundet)", deadline: "Kontinuerligt", t1: ["P", "", UTV], t2: ["P", "", UTV] },
          { name: "Färdigställa utvecklingen av indikatorer", deadline: "Q3", t1: ["P", "", UTV], t2: ["P", "", UTV] },
        ],
      },
      {
        goal: "God ekonomisk kontroll. Ekonomi i balans",
        activities: [
          { name: "Utveckla formerna för uppföljning inom ekonomi", deadline: "Q1", t1: ["G", "Månadsuppföljning per enhet från mars.", EKONOMI] },
          { name: "Öka kunskapen för samtliga nivåer inom AMI:s verksamhetsområde gällande kopplingen ekonomi – insatser- resultat", deadline: "Q3", t1: ["E", "", EKONOMI], t2: ["P", "", EKONOMI] },
          { name: "Utveckla former för att LEON principen (lägsta effektiva omhändertagandenivå) ska gälla för alla insatser som görs inom förvaltningarnas områden.", deadline: "Q4", t1: ["E", "", EKONOMI], t2: ["E", "", EKONOMI] },
        ],
      },
    ],
  },
  {
    perspective: "Verksamhet",
    groups: [
      {
        goal: "",
        activities: [
          { name: "Förbereda införande av digital strukturer för projektgenomförande och förbättrad uppföljning", deadline: "Q3", t1: ["P", "", UTV], t2: ["P", "", UTV] },
          { name: "Införande av processtyrningsmodeller", deadline: "Q1", t1: ["P", "Modellen prövas på två enheter först.", UTV] },
          { name: "Införande av strukturerad projektmodell", deadline: "Q1", t1: ["G", "", UTV] },
          { name: "Införande av indikatorer kopplade till projekt (LiU samarbete)", deadline: "Q3", t1: ["P", "", UTV], t2: ["P", "", UTV] },
        ],
      },
    ],
  },
  {
    perspective: "Medarbetare",
    groups: [
      {
        goal: "Framgångsrikt chef- och ledarskap",
        activities: [
          { name: "Utveckling av förvaltningens chefsförsörjningsutbildning och chefsintroduktion", deadline: "Q3", t1: ["P", "", HR], t2: ["P", "", HR] },
          { name: "Utveckla och förbättra interna mallar för styrning och ledning inom ny styrmodell", deadline: "Q2", t1: ["P", "", HR], t2: ["G", "", HR] },
          { name: "Utveckla lönebildningsmodell för ökad decentralisering och förbättrat stöd till lönesättande chefer", deadline: "Q3", t1: ["E", "", HR], t2: ["P", "", HR] },
          { name: "Genomföra aktiviteter enligt projektplan för chefers förutsättningar", deadline: "Q4", t1: ["P", "", HR], t2: ["P", "", HR] },
        ],
      },
      {
        goal: "Nya vägar för (tryggad) kompetensförsörjning",
        activities: [
          { name: "Utveckla användningen av sociala medier för förbättrad intern kommunikation", deadline: "Q4", t1: ["P", "", HR], t2: ["P", "", HR] },
          { name: "Utreda förutsättningarna för att behålla äldre medarbetare i arbete efter uppnådd pensionsålder", deadline: "Q2", t1: ["E", "", HR], t2: ["U", "Utredningen görs av kommunledningen i stället.", HR] },
        ],
      },
      {
        goal: "Goda arbetsplatser",
        activities: [
          { name: "Utveckling av stöd i social och organisatorisk arbetsmiljö med handledning till chefer i förebyggande arbetsmiljöarbete", deadline: "Q2", t1: ["P", "", HR], t2: ["G", "", HR] },
          { name: "Införande av rätt till heltid enligt beslutad projektplan", deadline: "Q4", t1: ["P", "", HR], t2: ["P", "", HR] },
        ],
      },
    ],
  },
];

/** The words a controller types for each code. */
export const STATUS_WORDS: Readonly<Record<Code, string>> = {
  G: "Genomförd",
  P: "Pågår enligt plan",
  F: "Försenad",
  E: "Ej påbörjad",
  U: "Utgår",
};

export const ACTIVITY_SHEET = "Aktiviteter";
export const ACTIVITY_HEADER = [
  "Nämndmål", "Aktivitet", "Slutfört",
  "Status T1 2019", "Kommentar T1 2019", "Satt av T1 2019",
  "Status T2 2019", "Kommentar T2 2019", "Satt av T2 2019",
] as const;
const LETTERS = "ABCDEFGHI";

/** The sheet layout: title rows, then per perspective a heading row, a header row and the activity rows. */
function layoutActivities(): SheetLayout & { readonly headerRows: readonly number[] } {
  const cells: LayoutCell[] = [];
  const merges: string[] = [];
  const headerRows: number[] = [];
  const put = (column: number, row: number, value: string, style?: LayoutCell["style"]): void => {
    if (value === "") return;
    cells.push({ address: `${LETTERS[column]}${row + 1}`, value, ...(style ? { style } : {}) });
  };
  put(0, 0, "Aktiviteter 2019 – arbetsmarknadsnämnden", { bold: true });
  put(0, 1, "Ur verksamhetsplanen 2019. Status per tertial: Genomförd, Pågår enligt plan, Försenad, Ej påbörjad eller Utgår.");
  let row = 3;
  for (const section of SEED_ACTIVITIES) {
    put(0, row, section.perspective, { bold: true });
    row += 1;
    headerRows.push(row);
    ACTIVITY_HEADER.forEach((text, column) => put(column, row, text, { bold: true, wrap: true }));
    row += 1;
    for (const group of section.groups) {
      const top = row;
      put(0, row, group.goal, { wrap: true, verticalAlign: "top" });
      for (const activity of group.activities) {
        put(1, row, activity.name, { wrap: true });
        put(2, row, activity.deadline);
        [activity.t1, activity.t2].forEach((report, index) => {
          if (!report) return;
          const [code, comment = "", setBy = ""] = report;
          put(3 + index * 3, row, STATUS_WORDS[code]);
          put(4 + index * 3, row, comment, { wrap: true });
          put(5 + index * 3, row, setBy);
        });
        row += 1;
      }
      if (group.goal !== "" && row - 1 > top) merges.push(`A${top + 1}:A${row}`);
    }
    row += 1;
  }
  return {
    sheet: ACTIVITY_SHEET,
    cells,
    merges,
    headerRows,
    columnWidths: { A: 38, B: 60, C: 14, D: 18, E: 40, F: 22, G: 18, H: 40, I: 22 },
  };
}

export const SEED_ACTIVITY_LAYOUT = layoutActivities();
