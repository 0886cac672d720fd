// Every "Slutfört" text of the seed plan (activities, strategic assignments, priority documents), as the PDF broke it.
import { deadlineText, dueMonth, parseDeadline } from "../../../core/activities/parseDeadline";
import { parseFollowUpStatus, followUpText } from "../../../core/activities/followUpStatus";

it.each([
  ["Q1", { kind: "quarter", quarter: 1, raw: "Q1" }, 3],
  ["Q4 ", { kind: "quarter", quarter: 4, raw: "Q4" }, 12],
  ["Sept Q3", { kind: "quarter", quarter: 3, month: 9, raw: "Sept Q3" }, 9],
  ["Succe-\nsivt  avslut \nQ4", { kind: "quarter", quarter: 4, gradual: true, raw: "Succesivt avslut Q4" }, 12],
  ["Kontinuer-\nligt", { kind: "continuous", raw: "Kontinuerligt" }, undefined],
  ["Kontinuer-\nligt, uppfölj-\nning Q4", { kind: "continuous", followUpQuarter: 4, raw: "Kontinuerligt, uppföljning Q4" }, undefined],
  ["Redovisat till KS hösten-18", { kind: "reported-earlier", raw: "Redovisat till KS hösten-18" }, undefined],
  ["Ej relevant", { kind: "not-relevant", raw: "Ej relevant" }, undefined],
  ["kvartal 2", { kind: "quarter", quarter: 2, raw: "kvartal 2" }, 6],
  ["Kv 4", { kind: "quarter", quarter: 4, raw: "Kv 4" }, 12],
  ["", { kind: "missing" }, undefined],
  ["snarast", { kind: "text", raw: "snarast" }, undefined],
])("%j is read as %j, due by month %s", (text, expected, month) => {
  const deadline = parseDeadline(text);
  expect(deadline).toEqual(expected);
  expect(dueMonth(deadline)).toBe(month);
});

it("says the deadline in words with the month it falls due", () => {
  expect(deadlineText(parseDeadline("Q2"))).toBe("Q2 (senast juni)");
  expect(deadlineText(parseDeadline("Sept Q3"))).toBe("Sept Q3 (senast september)");
  expect(deadlineText(parseDeadline(""))).toBe("Inget slutdatum");
});

it.each([
  ["Genomförd", "done"], ["✓ Genomförd", "done"], ["klar", "done"],
  ["Pågår enligt plan", "on-track"], ["→ Pågår enligt plan", "on-track"], ["pågår", "on-track"],
  ["FÖRSENAD", "late"], ["! Försenad", "late"],
  ["Ej påbörjad", "not-started"], ["inte påbörjad", "not-started"],
  ["Utgår", "cancelled"], ["– Utgår", "cancelled"],
  ["Kanske", undefined], ["Grön", undefined],
])("the status cell %j means %s", (text, status) => {
  expect(parseFollowUpStatus(text)).toBe(status);
});

it("writes every status with a symbol and a word, and reads what it writes", () => {
  for (const status of ["done", "on-track", "late", "not-started", "cancelled"] as const) {
    const text = followUpText(status);
    expect(text).toMatch(/^\S+ \p{L}/u);
    expect(parseFollowUpStatus(text)).toBe(status);
  }
});
