/**
 * Generates the sample exports of the board's other sources in samples/exports/ (January–August
 * 2019), each in a format of its own (see samples/EXPORTS.md): the participants of the
 * labour-market measures (case system), the HR staff register (personnel system), the
 * financial ledger export and the invoice list (financial system). Invented people, invented
 * companies; a seeded generator, so the files are the same on every run.
 *
 * Run: npm run build:cli && node build/samples/make/makeStaffAndFinanceExports.js
 */
import { mkdirSync } from "node:fs";
import {
  day, daysInMonth, draws, fakeName, fakePersonnummer, iso, MONTHS, OUT, pad, swedishAmount, windows1252, write, YEAR,
  type Draws,
} from "./sampleKit";

const MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"];
const monthStart = (month: number): Date => day(YEAR, month, 1);
const monthEnd = (month: number): Date => day(YEAR, month, daysInMonth(YEAR, month));
/** A day of the month, from `from` to the month's last day. */
const dayIn = (d: Draws, month: number, from = 1): Date => day(YEAR, month, d.between(from, daysInMonth(YEAR, month)));

// ---------------------------------------------------------------------------
// Participants: one row per measure a participant is enrolled in during the month (case system).
// UTF-8 without BOM, "," with every field quoted, LF; the month as "juni 2019".

type MeasureType = "Arbetsträning" | "Praktik" | "Arbetsmarknadsanställning" | "Studie- och yrkesvägledning" | "Jobbsökaraktivitet";

interface Placement {
  participant: string;
  personnummer: string;
  gender: "Kvinna" | "Man";
  id: string;
  type: MeasureType;
  unit: "JKT" | "OSA" | "AMS";
  enrolled: Date;
  ended?: Date;
  reason?: "Arbete" | "Studier" | "Annat";
  employability?: "Ja" | "Nej";
}

function makeParticipants(): void {
  const d = draws(20190201);
  let nextParticipant = 31_000;
  let nextPlacement = 88_000;
  const people: { participant: string; personnummer: string; gender: "Kvinna" | "Man" }[] = [];
  const person = (): { participant: string; personnummer: string; gender: "Kvinna" | "Man" } => {
    // One in ten new measures is for someone already known (a second measure, a return).
    if (people.length > 50 && d.chance(0.1)) return d.pick(people);
    const found = { participant: `D-${nextParticipant++}`, personnummer: fakePersonnummer(d, d.between(1955, 2001)), gender: d.chance(0.46) ? "Kvinna" as const : "Man" as const };
    people.push(found);
    return found;
  };
  const start = (type: MeasureType, unit: Placement["unit"], enrolled: Date): Placement => ({ ...person(), id: `I-${nextPlacement++}`, type, unit, enrolled });
  const placementUnit = (): Placement["unit"] => (d.chance(0.62) ? "JKT" : "AMS");
  const placementType = (): MeasureType => d.pick(["Arbetsträning", "Arbetsträning", "Praktik", "Arbetsmarknadsanställning"] as const);

  const all: Placement[] = [];
  // Enrolled before 2019: about 560 placements and activities, and 45 in OSA.
  for (let i = 0; i < 520; i++) all.push(start(i % 5 === 4 ? "Studie- och yrkesvägledning" : placementType(), placementUnit(), day(d.between(2017, 2018), d.between(1, 12), d.between(1, 28))));
  for (let i = 0; i < 45; i++) all.push(start("Arbetsmarknadsanställning", "OSA", day(d.between(2016, 2018), d.between(1, 12), d.between(1, 28))));

  for (const month of MONTHS) {
    // New this month: placements in the three kinds, and guidance and job-search activities.
    const placements = d.between(48, 64);
    for (let i = 0; i < placements; i++) all.push(start(placementType(), d.chance(0.04) ? "OSA" : placementUnit(), dayIn(d, month)));
    const activities = d.between(10, 18);
    for (let i = 0; i < activities; i++) all.push(start(d.pick(["Studie- och yrkesvägledning", "Jobbsökaraktivitet"] as const), "JKT", dayIn(d, month)));
    // Ends this month: a measure enrolled before this month ends with a chance; OSA seldom.
    for (const placement of all) {
      if (placement.ended !== undefined || placement.enrolled >= monthStart(month)) continue;
      if (!d.chance(placement.unit === "OSA" ? 0.025 : 0.065)) continue;
      placement.ended = dayIn(d, month);
      const toWork = placement.unit === "OSA" ? 0.35 : placement.type === "Arbetsmarknadsanställning" ? 0.38 : 0.24;
      const roll = d.random();
      placement.reason = roll < toWork ? "Arbete" : roll < toWork + 0.12 ? "Studier" : "Annat";
      placement.employability = d.chance(placement.reason === "Annat" ? 0.35 : 0.75) ? "Ja" : "Nej";
    }
    const quote = (field: string): string => `"${field.replace(/"/g, '""')}"`;
    const lines = [["Deltagar-ID", "Personnummer", "Insats-ID", "Insatstyp", "Enhet", "Inskrivningsdatum", "Avslutsdatum", "Avslutsorsak", "Höjd anställningsbarhet", "Kön", "Rapportmånad"].map(quote).join(",")];
    for (const p of all) {
      // Listed: enrolled by the month's end and not ended before it began. An end after this month is not known yet.
      if (p.enrolled > monthEnd(month) || (p.ended !== undefined && p.ended < monthStart(month))) continue;
      const endedNow = p.ended !== undefined && p.ended <= monthEnd(month);
      lines.push([p.participant, p.personnummer, p.id, p.type, p.unit, iso(p.enrolled), endedNow ? iso(p.ended!) : "",
        endedNow ? p.reason! : "", endedNow ? p.employability! : "", p.gender, `${MONTH_NAMES[month - 1]} ${YEAR}`].map(quote).join(","));
    }
    write(`deltagare-${YEAR}-${pad(month)}.csv`, Buffer.from(`${lines.join("\n")}\n`, "utf8"));
  }
}

// ---------------------------------------------------------------------------
// HR staff register: one row per employee employed some day of the month (personnel system).
// windows-1252, tab, CRLF (Excel "Text (tabbavgränsad)" on Swedish Windows); dates as 20190615.

type Form = "Tillsvidare" | "Visstid" | "Timavlönad";

interface Employee {
  number: string;
  name: string;
  gender: "K" | "M";
  unit: string;
  form: Form;
  degree: number;
  manager: boolean;
  from: Date;
  to?: Date;
  leaving?: string;
}

const STAFF_UNITS = ["JKT", "OSA", "AMS", "EB", "Stab"];
const compact = (date: Date): string => iso(date).replace(/-/g, "");

function makeStaffRegister(): void {
  const d = draws(20190301);
  let nextNumber = 7_100;
  const hire = (from: Date, options: { manager?: boolean; form?: Form } = {}): Employee => {
    const gender = d.chance(0.71) ? "K" as const : "M" as const;
    const form = options.form ?? (d.chance(0.88) ? "Tillsvidare" : d.chance(0.7) ? "Visstid" : "Timavlönad");
    const fullTime = options.manager === true || d.chance(gender === "K" ? 0.865 : 0.925);
    return {
      number: String(nextNumber++),
      name: fakeName(d),
      gender,
      unit: d.pick(STAFF_UNITS),
      form,
      degree: form === "Timavlönad" ? 0 : fullTime ? 100 : d.pick([50, 75, 80, 90]),
      manager: options.manager === true,
      from,
    };
  };
  const staff: Employee[] = [];
  for (let i = 0; i < 33; i++) staff.push(hire(day(d.between(2005, 2018), d.between(1, 12), 1), { manager: true, form: "Tillsvidare" }));
  for (let i = 0; i < 440; i++) staff.push(hire(day(d.between(1995, 2018), d.between(1, 12), d.pick([1, 1, 1, 15]))));

  for (const month of MONTHS) {
    const first = monthStart(month);
    const last = monthEnd(month);
    // Leaving this month (the last day of employment is in the month), and new people starting.
    for (const employee of staff) {
      if (employee.to !== undefined || employee.from > last) continue;
      const rate = employee.form === "Visstid" ? 0.05 : employee.manager ? 0.007 : 0.0045;
      if (!d.chance(rate)) continue;
      employee.to = dayIn(d, month);
      employee.leaving = employee.form === "Visstid" ? "Avslutad visstid" : d.pick(["Egen begäran", "Egen begäran", "Pension", "Annan förvaltning"]);
      const replacement = hire(dayIn(d, month), { manager: employee.manager, ...(employee.manager && { form: "Tillsvidare" as const }) });
      if (replacement.from <= employee.to) replacement.from = employee.to; // never two in one post on the same day
      staff.push(replacement);
    }
    const lines = ["Löneperiod\tAnst.nr\tNamn\tKön\tEnhet\tAnställningsform\tSyss.grad\tChef\tAnställd from\tAnställd tom\tAvgångsorsak\tOrdinarie tid\tSjukfrånvaro tim\tMertid tim\tÖvertid tim"];
    for (const e of staff) {
      if (e.from > last || (e.to !== undefined && e.to < first)) continue;
      const from = e.from > first ? e.from : first;
      const to = e.to !== undefined && e.to < last ? e.to : last;
      const share = (to.getTime() - from.getTime()) / 86_400_000 / daysInMonth(YEAR, month) + 1 / daysInMonth(YEAR, month);
      const ordinary = e.form === "Timavlönad" ? 0 : Math.round(168 * (e.degree / 100) * share * 2) / 2;
      const sickRate = e.manager ? 0.022 : e.gender === "K" ? 0.065 : 0.04;
      const sick = d.chance(e.manager ? 0.16 : 0.22) ? Math.min(ordinary, Math.round(ordinary * sickRate * (2 + d.random() * 6) * 2) / 2) : 0;
      const additional = e.degree > 0 && e.degree < 100 && d.chance(0.35) ? d.between(1, 12) + 0.5 * d.between(0, 1) : 0;
      const overtime = e.degree === 100 && d.chance(0.1) ? d.between(1, 10) : 0;
      lines.push([`${YEAR}${pad(month)}`, e.number, e.name, e.gender, e.unit, e.form, swedishAmount(e.degree, 2, ""), e.manager ? "J" : "N",
        compact(e.from), e.to !== undefined && e.to <= last ? compact(e.to) : "", e.to !== undefined && e.to <= last ? e.leaving ?? "" : "",
        swedishAmount(ordinary, 1, ""), swedishAmount(sick, 1, ""), swedishAmount(additional, 1, ""), swedishAmount(overtime, 1, "")].join("\t"));
    }
    write(`personal-${YEAR}-${pad(month)}.txt`, windows1252(`${lines.join("\r\n")}\r\n`));
  }
}

// ---------------------------------------------------------------------------
// Financial ledger: outcome and budget per account, responsibility and activity for the month.
// UTF-8 without BOM, "," with the amounts quoted ("-1234567,89"), LF.

const RESPONSIBILITIES = [
  { code: "41000", name: "Förvaltningsledning", staff: 0.08 },
  { code: "42100", name: "Jobb- och kunskapstorget", staff: 0.34 },
  { code: "42200", name: "OSA och arbetsmarknadsanställningar", staff: 0.12 },
  { code: "42300", name: "Arbetsmarknadsservice", staff: 0.14 },
  { code: "43000", name: "Ekonomiskt bistånd", staff: 0.32 },
];
/** Monthly budget in kr for the whole board, per account; the revenue accounts are negative. */
const ACCOUNTS: readonly { account: string; name: string; monthly: number; only?: string }[] = [
  { account: "3410", name: "Statsbidrag", monthly: -6_800_000 },
  { account: "3510", name: "Försäljning av tjänster", monthly: -1_100_000 },
  { account: "4610", name: "Försörjningsstöd", monthly: 28_600_000, only: "43000" },
  { account: "5110", name: "Löner månadsavlönade", monthly: 19_800_000 },
  { account: "5410", name: "Arbetsgivaravgifter", monthly: 8_300_000 },
  { account: "6110", name: "Lokalhyror", monthly: 5_900_000 },
  { account: "6120", name: "El och värme", monthly: 420_000 },
  { account: "6150", name: "Lokalvård", monthly: 610_000 },
  { account: "6410", name: "Förbrukningsmaterial", monthly: 530_000 },
  { account: "6510", name: "IT-tjänster", monthly: 940_000 },
  { account: "7010", name: "Köpta tjänster", monthly: 1_600_000 },
];
const ACTIVITIES = ["100", "200", "300"];

/**
 * The other administrations in the municipality's ledger export (issue 14: the night run fills
 * their boards' appendices from the same file). Their rows come after Arbetsmarknadsförvaltningen's
 * in each month's file and are drawn from a generator of their own, so the AMF rows are the same
 * as before they were added. Monthly budgets in kr per account for the whole administration.
 */
const OTHER_ADMINISTRATIONS: readonly { responsibilities: readonly { code: string; name: string; share: number }[]; accounts: readonly { account: string; name: string; monthly: number }[] }[] = [
  {
    // Utbildningsförvaltningen
    responsibilities: [
      { code: "61000", name: "Förvaltningsledning utbildning", share: 0.06 },
      { code: "62100", name: "Grundskola Öst", share: 0.58 },
      { code: "62200", name: "Gymnasiet", share: 0.36 },
    ],
    accounts: [
      { account: "3410", name: "Statsbidrag", monthly: -9_400_000 },
      { account: "5110", name: "Löner månadsavlönade", monthly: 61_000_000 },
      { account: "5410", name: "Arbetsgivaravgifter", monthly: 25_600_000 },
      { account: "6110", name: "Lokalhyror", monthly: 17_800_000 },
      { account: "6150", name: "Lokalvård", monthly: 2_100_000 },
      { account: "6410", name: "Förbrukningsmaterial", monthly: 3_300_000 },
      { account: "7010", name: "Köpta tjänster", monthly: 6_900_000 },
    ],
  },
  {
    // Kultur- och fritidsförvaltningen
    responsibilities: [
      { code: "71000", name: "Förvaltningsledning kultur och fritid", share: 0.12 },
      { code: "72100", name: "Bibliotek", share: 0.46 },
      { code: "72200", name: "Fritidsgårdar", share: 0.42 },
    ],
    accounts: [
      { account: "3510", name: "Försäljning av tjänster", monthly: -1_900_000 },
      { account: "5110", name: "Löner månadsavlönade", monthly: 7_200_000 },
      { account: "5410", name: "Arbetsgivaravgifter", monthly: 3_000_000 },
      { account: "6110", name: "Lokalhyror", monthly: 4_700_000 },
      { account: "6120", name: "El och värme", monthly: 650_000 },
      { account: "6410", name: "Förbrukningsmaterial", monthly: 800_000 },
    ],
  },
];

function makeLedger(): void {
  const d = draws(20190401);
  const others = draws(20191401);
  const amount = (value: number): string => `"${value.toFixed(2).replace(".", ",")}"`;
  for (const month of MONTHS) {
    const lines = ["Konto,Kontotext,Ansvar,Ansvarstext,Verksamhet,Period,Utfall,Budget"];
    for (const account of ACCOUNTS) {
      for (const responsibility of RESPONSIBILITIES) {
        if (account.only !== undefined && account.only !== responsibility.code) continue;
        const share = account.only !== undefined ? 1 : account.account.startsWith("3") && responsibility.code === "43000" ? 0.02 : responsibility.staff;
        for (const activity of ACTIVITIES) {
          const budget = Math.round((account.monthly * share) / ACTIVITIES.length);
          // Salaries are lower in July (holiday pay is booked in June); costs come in a little under budget.
          const season = account.account.startsWith("5") ? (month === 7 ? 0.62 : month === 6 ? 1.3 : 1) : 1;
          const outcome = Math.round(budget * season * (0.9 + d.random() * 0.16) * 100) / 100;
          lines.push([account.account, account.name, responsibility.code, responsibility.name, activity, `${YEAR}-${pad(month)}`, amount(outcome), amount(budget)].join(","));
        }
      }
    }
    for (const administration of OTHER_ADMINISTRATIONS) {
      for (const account of administration.accounts) {
        for (const responsibility of administration.responsibilities) {
          const budget = Math.round(account.monthly * responsibility.share);
          const season = account.account.startsWith("5") ? (month === 7 ? 0.6 : month === 6 ? 1.28 : 1) : 1;
          const outcome = Math.round(budget * season * (0.91 + others.random() * 0.15) * 100) / 100;
          lines.push([account.account, account.name, responsibility.code, responsibility.name, "100", `${YEAR}-${pad(month)}`, amount(outcome), amount(budget)].join(","));
        }
      }
    }
    write(`ekonomi-${YEAR}-${pad(month)}.csv`, Buffer.from(`${lines.join("\n")}\n`, "utf8"));
  }
}

// ---------------------------------------------------------------------------
// Invoice list: one row per supplier invoice booked in the month, with whether it came through
// the e-commerce system. UTF-8 with BOM, ";", LF.

const SUPPLIERS = ["Kontorsgrossisten Nord AB", "Städ & Service i Östergötland AB", "Lokalbolaget Fyrtornet AB", "IT-partner Linnea AB",
  "Livsmedel Grönt & Gott AB", "Utbildning Framtid AB", "Taxi Stångå AB", "Hantverkarna i Öst AB", "Trycksaker Ekvall AB", "Konsult Ragnhild AB"];

function makeInvoices(): void {
  const d = draws(20190501);
  let invoice = 550_000;
  for (const month of MONTHS) {
    const lines = ["Fakturanr;Leverantör;Fakturadatum;Bokföringsdatum;Belopp inkl. moms;Ansvar;E-handel"];
    const count = d.between(520, 640);
    // E-handel grows over the year as more suppliers are connected.
    const eCommerce = 0.83 + month * 0.008;
    for (let i = 0; i < count; i++) {
      const booked = dayIn(d, month);
      const issued = new Date(booked.getTime() - d.between(2, 20) * 86_400_000);
      const value = Math.round((200 + d.random() * d.random() * 40_000) * 100) / 100;
      lines.push([`${invoice++}`, d.pick(SUPPLIERS), iso(issued), iso(booked), swedishAmount(value, 2, " "), d.pick(RESPONSIBILITIES).code,
        d.chance(eCommerce) ? "Ja" : "Nej"].join(";"));
    }
    write(`fakturor-${YEAR}-${pad(month)}.csv`, Buffer.from(`\ufeff${lines.join("\n")}\n`, "utf8"));
  }
}

mkdirSync(OUT, { recursive: true });
makeParticipants();
makeStaffRegister();
makeLedger();
makeInvoices();
