/**
 * Peak memory of `bilaga import` on a large payment list (the försörjningsstöd export),
 * whose distinct households and adults are kept to be counted: memory grows with them,
 * not with rows. Invented people only: identity numbers with a wrong check digit.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { impossibleIdentityNumber } from "./generateCaseList";

const UNITS = ["EB Nord", "EB Syd", "EB Ungdom"];

/** Windows-1252, `;`, CRLF, as Excel on Swedish Windows saves it; `households` distinct households paid in June 2019. */
export async function generatePayments(path: string, rows: number, households: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(Buffer.from(text, "latin1"))) await once(out, "drain");
  };
  await write("Hushållsnummer;Personnummer;Namn;Medsökande personnummer;Antal vuxna;Antal barn;Bistånd sedan;Utbetalningsdatum;Belopp;Enhet\r\n");
  let batch = "";
  for (let i = 0; i < rows; i++) {
    const household = i % households;
    const coApplicant = household % 3 === 0 ? impossibleIdentityNumber(household + 5_000_000) : "";
    batch +=
      `H${100000 + household};${impossibleIdentityNumber(household)};Testperson Påhittad;${coApplicant};${coApplicant ? 2 : 1};1;` +
      `${household % 2 === 0 ? "2016-03-01" : "2019-01-15"};2019-06-${String(1 + (i % 28)).padStart(2, "0")};` +
      `${4000 + (i % 900)},50;${UNITS[household % UNITS.length]}\r\n`;
    if (batch.length > 256 * 1024) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  out.end();
  await once(out, "finish");
}
