// Names for matching rows: same indicator, however it was typed or pasted.
import { normalizeName } from "../../../core/values/normalizeName";

describe("normalizeName", () => {
  it.each([
    ["Antal hushåll med för-\nsörjningsstöd i snitt per månad.", "antal hushåll med försörjningsstöd i snitt per månad"],
    ["arbetsmark-\nnadsnämndens", "arbetsmarknadsnämndens"],
    ["  Total\u00a0 sjukfrånvaro (%) ", "total sjukfrånvaro"],
    ["per miljoner kronor**", "per miljoner kronor"],
    ["BALANSTAL CHEFER", "balanstal chefer"],
    ["aktuell > 2 år.", "aktuell > 2 år"],
    ["Framgångsrikt chef- och ledarskap", "framgångsrikt chef och ledarskap"],
    ["Framgångsrikt chef-\noch ledarskap", "framgångsrikt chef och ledarskap"],
  ])("%j -> %j", (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it("gives the seed name and its PDF-broken form the same key", () => {
    const pdf = "Antal deltagare inskrivna \ni arbetsmarknadsnämn-\ndens verksamheter som \navslutas till arbete";
    expect(normalizeName(pdf)).toBe(normalizeName("Antal deltagare inskrivna i arbetsmarknadsnämndens verksamheter som avslutas till arbete"));
  });
});
