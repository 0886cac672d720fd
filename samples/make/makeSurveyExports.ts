/**
 * Generates the sample exports of the continuous user survey (brukarenkät) in samples/exports/
 * (January–August 2019): each participant gets the questionnaire when their measure ends, and
 * the survey tool exports the month's answers. One row per returned questionnaire: answer date,
 * unit OSA/JKT/AMS, gender K/M/annat or blank, questions answered and positive answers. No
 * names or personnummer: the respondent number is the tool's running number, not an identity.
 * UTF-8 with BOM, ";", CRLF (see samples/EXPORTS.md). A seeded generator of its own, so the
 * other samples are unchanged when these are made again.
 *
 * Run: npm run build:cli && node build/samples/make/makeSurveyExports.js
 */
import { mkdirSync } from "node:fs";
import { day, daysInMonth, draws, iso, MONTHS, OUT, pad, write, YEAR } from "./sampleKit";

/** The questionnaire's questions; a respondent may skip some. */
const QUESTIONS = 12;
const UNITS = [
  { unit: "JKT", weight: 0.55, positive: 0.862 },
  { unit: "AMS", weight: 0.33, positive: 0.878 },
  { unit: "OSA", weight: 0.12, positive: 0.9 },
] as const;

function makeSurvey(): void {
  const d = draws(20190601);
  let respondent = 190_001;
  for (const month of MONTHS) {
    const lines = ["Svarsnummer;Svarsdatum;Enhet;Kön;Antal besvarade frågor;Antal positiva svar"];
    const count = d.between(230, 340);
    const answers: { answeredOn: Date; fields: string[] }[] = [];
    for (let i = 0; i < count; i++) {
      const roll = d.random();
      const place = roll < UNITS[0].weight ? UNITS[0] : roll < UNITS[0].weight + UNITS[1].weight ? UNITS[1] : UNITS[2];
      const g = d.random();
      // About 1 in 25 leaves the gender question blank, 1 in 100 answers "annat".
      const gender = g < 0.47 ? "K" : g < 0.95 ? "M" : g < 0.96 ? "annat" : "";
      // Women a little more positive than men: a small difference, as the seed's "vissa smärre skillnader".
      const positive = place.positive + (gender === "K" ? 0.012 : gender === "M" ? -0.008 : 0) + (month - 4) * 0.001;
      const answered = d.chance(0.7) ? QUESTIONS : d.between(6, QUESTIONS - 1);
      let positives = 0;
      for (let q = 0; q < answered; q++) if (d.chance(positive)) positives += 1;
      const answeredOn = day(YEAR, month, d.between(1, daysInMonth(YEAR, month)));
      answers.push({ answeredOn, fields: [iso(answeredOn), place.unit, gender, `${answered}`, `${positives}`] });
    }
    // The tool lists the month's answers in the order they came in, numbered as they came.
    answers.sort((a, b) => a.answeredOn.getTime() - b.answeredOn.getTime());
    for (const answer of answers) lines.push([`${respondent++}`, ...answer.fields].join(";"));
    write(`brukarenkat-${YEAR}-${pad(month)}.csv`, Buffer.from(`\ufeff${lines.join("\r\n")}\r\n`, "utf8"));
  }
}

mkdirSync(OUT, { recursive: true });
makeSurvey();
