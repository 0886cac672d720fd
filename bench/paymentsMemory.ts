/**
 * Peak memory of `bilaga import` on a large payment list (the försörjningsstöd export),
 * whose distinct households and adults are kept to be counted: memory grows with them,
 * not with rows. Invented people only: identity numbers with a wrong check digit.
 */
import { impossibleIdentityNumber } from "./generateCaseList";
import { writeLines } from "./writeLines";

const UNITS = ["EB Nord", "EB Syd", "EB Ungdom"];

/** Windows-1252, `;`, CRLF, as Excel on Swedish Windows saves it; `households` distinct households paid in June 2019. */
export async function generatePayments(path: string, rows: number, households: number): Promise<void> {
  await writeLines(path, {
    encoding: "latin1",
    header: "Hushållsnummer;Personnummer;Namn;Medsökande personnummer;Antal vuxna;Antal barn;Bistånd sedan;Utbetalningsdatum;Belopp;Enhet",
    rows,
    line: (i) => {
      const household = i % households;
      const coApplicant = household % 3 === 0 ? impossibleIdentityNumber(household + 5_000_000) : "";
      return (
        `H${100000 + household};${impossibleIdentityNumber(household)};Testperson Påhittad;${coApplicant};${coApplicant ? 2 : 1};1;` +
        `${household % 2 === 0 ? "2016-03-01" : "2019-01-15"};2019-06-${String(1 + (i % 28)).padStart(2, "0")};` +
        `${4000 + (i % 900)},50;${UNITS[household % UNITS.length]}`
      );
    },
  });
}
