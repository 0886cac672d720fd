// A name from a CSV cell never reaches a message (a shifted row puts it in a number, date or
// month column), while the message still says what was expected and where; a text that
// cannot be a name is still quoted. The names are invented.
import fc from "fast-check";
import { issue, type Issue, type IssueCode } from "../../../core/issues/issues";
import { describeIssue, formatIssue } from "../../../core/issues/messages.sv";

const NOT_SHOWN = /(som inte visas|text visas inte) här eftersom den kan vara ett namn/;
const AT = { file: "fbs-juni.csv", row: 4, column: 9, columnName: "Belopp" } as const;

/** Each csv/* code whose message is about one cell's text, with what the message must still say. */
const CELL_CODES: readonly (readonly [IssueCode, Omit<Issue, "code" | "severity" | "raw">, RegExp])[] = [
  ["csv/unparseable-number", AT, /^Väntade ett tal i kolumnen "Belopp" men fann en text som/],
  ["csv/unparseable-date", { ...AT, columnName: "Utbetalningsdatum" }, /^Väntade ett datum .* i kolumnen "Utbetalningsdatum" men fann en text som/],
  ["csv/unparseable-month", { ...AT, columnName: "Period" }, /^Väntade en månad .* i kolumnen "Period" men fann en text som/],
  ["csv/month-outside-file", { ...AT, columnName: "Period", params: { expected: "2019-06" } }, /hör inte till filens månad 2019-06/],
  ["csv/end-before-start", { ...AT, columnName: "Slut", params: { start: "2019-06-10", end: "2019-06-01" } }, /^Slutdatumet 2019-06-01 .* i kolumnen "Slut" ligger före startdatumet 2019-06-10/],
  ["csv/stray-quote", { file: AT.file, row: AT.row }, /^Ett citattecken står mitt i ett fält .* Ett fält med citattecken ska börja och sluta med "/],
];

describe.each(CELL_CODES)("%s with a name as its cell text", (code, where, expected) => {
  it.each(["Anna Lindqvist", "Åsa Öberg-Ek", "Lindqvist, Anna", "Omar", 'Anna "Lindqvist'])("does not show %s and still says what was expected and where", (name) => {
    const found = issue(code, "error", { ...where, raw: name });
    const message = formatIssue(found);
    for (const word of name.split(/[^\p{L}]+/u).filter((w) => w !== "")) expect(message).not.toContain(word);
    expect(message).toMatch(NOT_SHOWN);
    expect(describeIssue(found)).toMatch(expected);
    expect(message).toContain(`Fel: fbs-juni.csv, rad 4${where.column ? `, kolumn 9 (${where.columnName})` : ""}: `);
  });
});

describe("texts that cannot be names are still quoted", () => {
  it.each([
    ["csv/unparseable-number", "ca 40", 'men fann "ca 40".'],
    ["csv/unparseable-number", "tusen kronor", 'men fann "tusen kronor".'],
    ["csv/unparseable-number", "N/A", 'men fann "N/A".'],
    ["csv/unparseable-date", "31/2 2019", 'men fann "31/2 2019".'],
    ["csv/unparseable-month", "2019-13", 'men fann "2019-13".'],
    ["csv/month-outside-file", "2019-05", 'Månaden "2019-05" hör inte till filens månad 2019-06.'],
    ["csv/end-before-start", "1/6 2019", 'Slutdatumet "1/6 2019" i kolumnen "Belopp" ligger före startdatumet 2019-06-10.'],
    ["csv/stray-quote", 'ca "40', 'mitt i ett fält ("ca "40").'],
  ] as const)("%s quotes %s", (code, raw, quoted) => {
    const message = describeIssue(issue(code, "error", { ...AT, raw, params: { expected: "2019-06", start: "2019-06-10", end: "2019-06-01" } }));
    expect(message).toContain(quoted);
    expect(message).not.toMatch(NOT_SHOWN);
  });

  it("an identity number in a cell is still masked, not hidden as a name", () => {
    expect(describeIssue(issue("csv/unparseable-number", "error", { ...AT, raw: "19121212-1213" }))).toBe('Väntade ett tal i kolumnen "Belopp" men fann "[personnummer]".');
  });
});

it("no capitalised first and last name reaches any csv/* message about a cell", () => {
  const word = fc.tuple(fc.constantFrom(..."ABDEFGHIJKLMNOPRSTUVYÅÄÖÉ"), fc.stringMatching(/^[a-zåäöé]{2,9}$/)).map(([a, b]) => a + b);
  fc.assert(
    fc.property(fc.constantFrom(...CELL_CODES), word, word, ([code, where], first, last) => {
      const message = formatIssue(issue(code, "error", { ...where, raw: `${first} ${last}` }));
      return !message.includes(first) && !message.includes(last);
    }),
  );
});

it("workbook messages (the controller's own cells) still quote their text", () => {
  expect(describeIssue(issue("table/indicator-without-goal", "warning", { sheet: "Bilaga", cell: "A7", raw: "Andel Kvinnor" }))).toContain('"Andel Kvinnor"');
});
