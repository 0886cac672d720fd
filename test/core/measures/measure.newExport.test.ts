/**
 * An export the project has never seen — another system's column names, comma separated
 * with quoted fields, UTF-8 without BOM, months written "juni 2019" — is taken in by
 * writing a profile only, as a new user would: the profile is JSON text, the shell part
 * (decoding, splitting) follows what the profile says, and the figures are counted by eye
 * from the ten rows below.
 */
import { SAMPLE_PROFILES } from "../../fixtures/sampleConfiguration";
import Papa from "papaparse";
import { hmacHex, testHasher } from "../../fixtures/keyHasher";
import { formatIssue } from "../../../core/issues/messages.sv";
import { startMeasure } from "../../../core/measures/measure";
import { parseProfile, type SourceProfile } from "../../../core/sources/profile";
import { recogniseSource } from "../../../core/sources/recogniseSource";

const PROFILE_TEXT = `{
  "id": "insatser",
  "name": "Deltagare som avslutat insats",
  "recognise": { "headers": ["Deltagar-ID", "Avslutsmånad", "Avslutsorsak"] },
  "encoding": "utf-8",
  "delimiter": ",",
  "month": { "column": "Avslutsmånad", "format": "month" },
  "filters": [{ "column": "Kommun", "equals": "Linköping" }],
  "dimensions": {
    "kon": { "column": "Kön", "values": { "Kvinna": "K", "Man": "M", "Flicka": "K", "Pojke": "M" } }
  },
  "measures": [
    { "id": "avslutade-arbete-studier", "kind": "count", "condition": [{ "column": "Avslutsorsak", "equals": ["Arbete", "Studier"] }], "breakdowns": ["kon"] },
    { "id": "deltagare", "kind": "distinct", "column": "Deltagar-ID" },
    { "id": "insatstimmar", "kind": "sum", "column": "Timmar i insats", "breakdowns": ["kon"] }
  ]
}`;

const EXPORT = [
  '"Deltagar-ID","Kommun","Kön","Insats","Avslutsmånad","Avslutsorsak","Timmar i insats"',
  '"D-001","Linköping","Kvinna","Jobbspår, steg 2","juni 2019","Arbete","120,5"',
  '"D-002","Linköping","Man","Jobbspår, steg 1","juni 2019","Avbrott","40"',
  '"D-003","Linköping","Kvinna","Språk och arbete","juni 2019","Studier","1 200,25"',
  '"D-001","Linköping","Kvinna","Uppföljning","jun-19","Arbete","2"',
  '"D-004","Norrköping","Man","Jobbspår, steg 2","juni 2019","Arbete","80"',
  '"D-005","Linköping","Pojke","Feriejobb ""Sommar""","juli 2019","Arbete","60"',
  '"D-006","Linköping","Flicka","Feriejobb ""Sommar""","juli 2019","Studier","60,5"',
  '"D-007","Linköping","Man","Praktik,\nmed handledare","juli 2019","Sjukskrivning","10"',
].join("\r\n");

/** The shell's part, as the profile says: decode with its encoding, split with its delimiter. */
function readRows(bytes: Uint8Array, profile: SourceProfile): string[][] {
  const text = new TextDecoder(profile.encoding === "auto" ? "utf-8" : profile.encoding).decode(bytes);
  const parsed = Papa.parse<string[]>(text, { delimiter: profile.delimiter === "auto" ? "" : profile.delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const sampleProfiles = SAMPLE_PROFILES;

describe("a new export, taken in by writing a profile only", () => {
  const parsed = parseProfile(JSON.parse(PROFILE_TEXT), "insatser.json");
  if (!parsed.ok) throw new Error(formatIssue(parsed.issue));
  const profile = parsed.value;
  const [header = [], ...rows] = readRows(new TextEncoder().encode(EXPORT), profile);

  it("is recognised by its header among the sample profiles, and the samples are not taken for it", async () => {
    expect(recogniseSource([...sampleProfiles, profile], header)?.id).toBe("insatser");
    expect(recogniseSource(sampleProfiles, header)).toBeUndefined();
    expect(recogniseSource([...sampleProfiles, profile], ["Period", "Förvaltning", "Enhet", "Kön", "Åldersgrupp", "Sjukfrånvarotimmar", "Ordinarie arbetstid timmar"])?.id).toBe("sjukfranvaro");
  });

  it("gives the monthly figures counted by hand", async () => {
    const started = startMeasure(profile, header, { file: "insatser-2019.csv", hashKey: testHasher("nyckel") });
    if (!started.ok) throw new Error(formatIssue(started.issue));
    rows.forEach((fields, index) => expect(started.value.push(fields, index + 2)).toEqual([]));
    const result = (await started.value.finish());
    const figure = (measure: string, month: string, breakdown = ""): [number, number] | undefined => {
      const found = result.records.find((r) => r.measure === measure && r.month === month && r.breakdown === breakdown);
      return found && [found.sum, found.count];
    };

    expect(result.months).toEqual(["2019-06", "2019-07"]);
    expect(result).toMatchObject({ rowsRead: 8, rowsAccepted: 7, rowsFiltered: 1, rowsRejected: 0 });
    // June, Linköping only: D-001 Arbete (twice), D-002 Avbrott, D-003 Studier.
    expect(figure("avslutade-arbete-studier", "2019-06")).toEqual([3, 3]);
    expect(figure("avslutade-arbete-studier", "2019-06", "kon=K")).toEqual([3, 3]);
    expect(figure("avslutade-arbete-studier", "2019-06", "kon=M")).toBeUndefined();
    expect(figure("deltagare", "2019-06")).toEqual([3, 4]);
    expect(figure("insatstimmar", "2019-06")).toEqual([1362.75, 4]);
    expect(figure("insatstimmar", "2019-06", "kon=M")).toEqual([40, 1]);
    // July: a boy and a girl to work or studies, a man on sick leave (his insats name holds a comma and a line break).
    expect(figure("avslutade-arbete-studier", "2019-07")).toEqual([2, 2]);
    expect(figure("avslutade-arbete-studier", "2019-07", "kon=M")).toEqual([1, 1]);
    expect(figure("deltagare", "2019-07")).toEqual([3, 3]);
    expect(figure("insatstimmar", "2019-07")).toEqual([130.5, 3]);
  });

  it("reports a column the new export lacks by the profile's name for it", async () => {
    const started = startMeasure(profile, header.filter((name) => name !== "Timmar i insats"), { file: "insatser-2019.csv", hashKey: testHasher("k") });
    expect(started.ok).toBe(false);
    if (!started.ok) expect(formatIssue(started.issue)).toContain('Kolumnen "Timmar i insats" saknas');
  });
});
