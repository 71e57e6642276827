import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { findDates, inferYear, isoToDays } from "./dates.ts";

const ref = "2025-05-28"; // a Wednesday
const first = (text: string, r: string | null = ref) => findDates(text, r)[0];

test("weekdays resolve to the latest such day not after the reference", () => {
  assert.equal(first("Israeli jets struck on Tuesday.")?.date, "2025-05-27");
  assert.equal(first("It happened on Wednesday.")?.date, "2025-05-28");
  assert.equal(first("Troops entered last Friday.")?.date, "2025-05-23");
});

test("a digest's short weekdays, only in parentheses or at the head of an item", () => {
  assert.equal(first("- Al-Hirak (Tue): a woman was killed by stray gunfire.")?.date, "2025-05-27");
  assert.equal(first("Mon: four men were arrested near Sanamayn.")?.date, "2025-05-26");
  assert.equal(first("The sun set over the hills of Sat."), undefined);
  // A digest's heading on the weekday it is published names the week before's day; "on Wednesday" in the text is today.
  assert.equal(first("Wednesday: a force entered Bir Ajam.")?.date, "2025-05-21");
  assert.equal(first("- Wed: a force entered Bir Ajam.")?.date, "2025-05-21");
  assert.equal(first("On Wednesday, a force entered Bir Ajam.")?.date, "2025-05-28");
});

test("counted days before an event named after them count from that event, not from the reference", () => {
  const found = findDates("On Tuesday, two days before the funerals, soldiers entered the village.", ref);
  assert.deepEqual(found.map((d) => d.text), ["On Tuesday"]);
  assert.equal(first("Two days before, soldiers entered the village.")?.date, "2025-05-26");
});

test("seasons, holidays, weeks of a month, and a year ago this week", () => {
  const at = (text: string, r = "2025-11-15") => { const d = findDates(text, r)[0]; return d ? [d.start, d.end, d.precision] : null; };
  assert.deepEqual(at("Last winter, the army razed a wood."), ["2024-12-01", "2025-02-28", "month"]);
  assert.deepEqual(at("Last winter, the army razed a wood.", "2025-01-20"), ["2023-12-01", "2024-02-29", "month"]);
  assert.deepEqual(at("In the spring they stormed the farms."), ["2025-03-01", "2025-05-31", "month"]);
  assert.deepEqual(at("The summer before last, a rocket landed."), ["2024-06-01", "2024-08-31", "month"]);
  assert.deepEqual(at("in the summer of 2024"), ["2024-06-01", "2024-08-31", "month"]);
  assert.equal(at("after the fall of Assad"), null);
  assert.equal(at("water from a spring in the village"), null);
  assert.deepEqual(at("On Christmas Eve, soldiers searched houses."), ["2024-12-24", "2024-12-24", "day"]);
  assert.deepEqual(at("In the second week of April a dispute turned into a gunfight."), ["2025-04-08", "2025-04-14", "week"]);
  assert.deepEqual(at("A year ago this week, tanks rolled in."), ["2024-11-11", "2024-11-18", "week"]);
});

test("vague month expressions give ranges with month precision", () => {
  const d = first("In early May, a meeting took place in Riyadh.")!;
  assert.deepEqual([d.start, d.end, d.precision], ["2025-05-01", "2025-05-10", "month"]);
  const dec = first("after the fall of Assad in December")!;
  assert.deepEqual([dec.start, dec.end], ["2024-12-01", "2024-12-31"]);
});

test("relative expressions", () => {
  assert.equal(first("yesterday")?.date, "2025-05-27");
  assert.deepEqual([first("last week")?.start, first("last week")?.end], ["2025-05-19", "2025-05-25"]);
  assert.equal(first("three days ago")?.date, "2025-05-25");
  assert.equal(first("A year ago today, rebels entered Damascus.")?.date, "2024-05-28");
  assert.deepEqual([first("over the previous two days")?.start, first("over the previous two days")?.end], ["2025-05-26", "2025-05-27"]);
});

test("dates without a year take the latest past year; old labels are stale", () => {
  assert.equal(first("on 14 May")?.date, "2025-05-14");
  assert.equal(first("on 3 June")?.date, "2024-06-03");
  assert.equal(first("a return to the 1974 ceasefire terms")?.stale, true);
  assert.equal(first("the modal may not be a month"), undefined);
  assert.equal(inferYear("2025-01-05", 12, 20, false), 2024);
  assert.equal(inferYear("2025-12-20", 1, 5, true), 2026);
});

test("a day or month followed by 'last year' lies in the year before the reference's", () => {
  assert.equal(first("The shop burned on 2 March last year.")?.date, "2024-03-02");
  assert.deepEqual([first("Talks stalled in April last year.")?.start, first("Talks stalled in April last year.")?.end], ["2024-04-01", "2024-04-30"]);
  // Without "last year" the same day is this year's.
  assert.equal(first("The shop burned on 2 March.")?.date, "2025-03-02");
});

test("no resolved range ever starts after it ends, and day precision is a single day", () => {
  const phrases = ["on Tuesday", "last week", "in early May", "mid-June", "late December 2024", "on 3 June", "yesterday", "two weeks ago", "in recent weeks", "this month", "last month", "over the past three days", "in 2024", "on May 2, 2025", "a year ago today", "overnight", "at the weekend"];
  fc.assert(fc.property(fc.constantFrom(...phrases), fc.integer({ min: 0, max: 3000 }), fc.boolean(), (phrase, offset, future) => {
    const r = new Date(Date.UTC(2018, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
    for (const d of findDates(`Reported ${phrase}.`, r, future)) {
      if (d.start && d.end) assert.ok(d.start <= d.end, `${phrase} @ ${r}: ${d.start} > ${d.end}`);
      if (d.date && d.start) assert.ok(d.date >= d.start, `${phrase} @ ${r}`);
      if (d.date && d.end) assert.ok(d.date <= d.end, `${phrase} @ ${r}`);
    }
  }));
});

test("isoToDays counts days since 1970 as the calendar does, 1900–2100", () => {
  for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 5) {
    const iso = new Date(t).toISOString().slice(0, 10);
    assert.equal(isoToDays(iso), Math.floor(t / 86_400_000), iso);
  }
});

test("'the turn of April and May' spans the last days of one month and the first of the next, across a year end too", () => {
  const [d] = findDates("jets struck at the turn of April and May", "2025-08-05");
  assert.deepEqual([d?.start, d?.end, d?.date], ["2025-04-20", "2025-05-10", "2025-05-01"]);
  const [y] = findDates("at the turn of December and January", "2025-03-01");
  assert.deepEqual([y?.start, y?.end], ["2024-12-20", "2025-01-10"]);
});

test("'a day after' in prose is no calendar date", () => {
  const found = findDates("Troops landed on 27 August and stayed for around two hours, a day after drone strikes in the area.", "2025-08-28");
  assert.deepEqual(found.map((d) => d.date), ["2025-08-27"]);
});

test("counts in words past ten, a day of this or last month by its ordinal, a weekday of last week, earlier in the week", () => {
  // ref 2025-05-28 is a Wednesday.
  assert.equal(first("Fifty-one years ago today, the two armies signed the agreement.")?.date, "1974-05-28");
  assert.equal(first("It was founded twenty five years ago.")?.date?.slice(0, 4), "2000");
  assert.equal(first("The cell was behind the blast on the ninth of this month.")?.date, "2025-05-09");
  assert.equal(first("He was seized on the 14th of last month.")?.date, "2025-04-14");
  // April has no 31st: only "last month" is read.
  assert.deepEqual([first("on the thirty-first of last month")?.start, first("on the thirty-first of last month")?.precision], ["2025-04-01", "month"]);
  assert.equal(first("They pulled out on Thursday of last week.")?.date, "2025-05-22");
  assert.equal(first("Last week, on Monday, the road was closed.")?.date, "2025-05-19");
  const week = first("Earlier in the week Israel struck the ministry.")!;
  assert.deepEqual([week.start, week.end, week.precision], ["2025-05-26", "2025-05-28", "week"]);
  // Unchanged: a plain weekday is the latest one, "last week" the whole week before.
  assert.equal(first("They pulled out on Thursday.")?.date, "2025-05-22");
  assert.deepEqual([first("last week")?.start, first("last week")?.end], ["2025-05-19", "2025-05-25"]);
});

test("all-numeric dates are read day first, as the region writes them; month names either way; 'the weekly Friday' is no date", () => {
  assert.equal(first("On 12/02/2025, a shepherd was killed.")?.date, "2025-02-12");
  assert.equal(first("On 05.03.2025 shells fell near Kudna.")?.date, "2025-03-05");
  // A second number over 12 can only be the day: month first after all.
  assert.equal(first("On 02/13/2025 two men were detained.")?.date, "2025-02-13");
  assert.equal(first("On May 16, Israeli jets struck Damascus.")?.date, "2025-05-16");
  assert.equal(first("On 16 May, Israeli jets struck Damascus.")?.date, "2025-05-16");
  assert.equal(findDates("Hundreds gathered for the weekly Friday demonstration.", ref).length, 0);
});
