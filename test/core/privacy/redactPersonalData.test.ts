// Identity numbers never reach a message in clear (bug B1), while the figures a controller
// needs to read in a message (amounts, months, dates) stay as they were.
// The numbers below are invented: the sample file's style (19xx) with check digits not checked.
import fc from "fast-check";
import { issue } from "../../../core/issues/issues";
import { formatIssue } from "../../../core/issues/messages.sv";
import { IDENTITY_NUMBER_MASK, redactPersonalData } from "../../../core/privacy/redactPersonalData";

describe("redactPersonalData", () => {
  it.each([
    ["with century and '-'", "19510104-1626"],
    ["with century, no separator", "195101041626"],
    ["without century and '-'", "510104-1626"],
    ["without century, '+' (100 years or older)", "510104+1626"],
    ["without century, no separator", "5101041626"],
    ["samordningsnummer (day + 60)", "19510164-1623"],
    ["with a space", "19510104 1626"],
    ["with an en dash from Word", "19510104\u20131626"],
    ["with century from 2000", "20050315-1238"],
  ])("masks an identity number %s", (_case, number) => {
    expect(redactPersonalData(number)).toBe(IDENTITY_NUMBER_MASK);
    const sentence = `men fann "${number}" i kolumnen`;
    expect(redactPersonalData(sentence)).toBe(`men fann "${IDENTITY_NUMBER_MASK}" i kolumnen`);
  });

  it("masks each of several numbers in one text, also between letters and delimiters", () => {
    expect(redactPersonalData("H104000;19510104-1626;Anna;19650215-4752")).toBe(`H104000;${IDENTITY_NUMBER_MASK};Anna;${IDENTITY_NUMBER_MASK}`);
    expect(redactPersonalData("pnr19510104-1626x")).toBe(`pnr${IDENTITY_NUMBER_MASK}x`);
  });

  it.each([
    ["a count with a thousands space", "2 996"],
    ["a month", "201906"],
    ["an amount", "1234,50"],
    ["an amount with thousands spaces", "15 628,50 kr"],
    ["a date", "2019-06-15"],
    ["a compact date", "20190615"],
    ["a month range", "2019-01..2019-05"],
    ["a household number", "H104000"],
    ["a line and column", "rad 3002, kolumn 3"],
    ["a percentage", "4,8 %"],
    ["a longer run of digits than an identity number", "1234567890123"],
  ])("leaves %s alone", (_case, text) => {
    expect(redactPersonalData(text)).toBe(text);
  });

  it("never leaves the digits of a personnummer in a message, wherever it is in the text", () => {
    const number = fc
      .tuple(fc.constantFrom("", "19", "20"), fc.stringMatching(/^\d{6}$/), fc.constantFrom("", "-", "+"), fc.stringMatching(/^\d{4}$/))
      .map((parts) => parts.join(""));
    const around = fc.stringMatching(/^[A-Za-zåäö ;:"]{0,12}$/);
    fc.assert(
      fc.property(around, number, around, (before, id, after) => {
        const out = redactPersonalData(`${before}${id}${after}`);
        expect(out).toBe(`${before}${IDENTITY_NUMBER_MASK}${after}`);
      }),
    );
  });
});

describe("formatIssue masks identity numbers whatever the issue (the one choke point)", () => {
  it("in the raw text, a parameter, a column name and a file name", () => {
    const message = formatIssue(
      issue("csv/month-outside-file", "error", {
        file: "export 19510104-1626.csv",
        row: 3,
        column: 2,
        columnName: "510104+1626",
        raw: "5101041626",
        params: { expected: "195101041626" },
      }),
    );
    expect(message).not.toMatch(/510104/);
    expect(message).toBe(
      `Fel: export ${IDENTITY_NUMBER_MASK}.csv, rad 3, kolumn 2 (${IDENTITY_NUMBER_MASK}): Månaden "${IDENTITY_NUMBER_MASK}" hör inte till filens månad ${IDENTITY_NUMBER_MASK}.`,
    );
  });

  it("in an issue built by spreading another (not through issue())", () => {
    const built = { ...issue("csv/unparseable-number", "error", { row: 4 }), columnName: "Belopp", raw: "19510104-1626" };
    expect(formatIssue(built)).toBe(`Fel: rad 4: Väntade ett tal i kolumnen "Belopp" men fann "${IDENTITY_NUMBER_MASK}".`);
  });
});
