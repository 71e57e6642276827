// Agreement between labellings: identical labels agree fully; each way a
// label can differ (date, place, sides, type) costs exactly that match.
import { test } from "node:test";
import assert from "node:assert/strict";
import { agreement } from "./agreement.ts";
import { eventLabelSchema, type EventLabel } from "./labels.ts";

const label = (over: Partial<EventLabel> = {}): EventLabel => eventLabelSchema.parse({
  event_id: "e1", date: "2025-06-10", date_precision: "day", date_start: "2025-06-10", date_end: "2025-06-10",
  actor1: "Israel Defense Forces", actor1_country: "ISR", actor2: "civilians", actor2_country: "SYR",
  event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike", plover: "ASSAULT",
  location: "Jasim", admin1: "SY-DR", country: "SYR", lat: 32.99, lon: 36.06, geo_precision: 1,
  fatalities: 2, evidence: ["A drone struck a car in Jasim on Tuesday."], ...over,
});

test("the same labels agree fully, both ways", () => {
  const a = new Map([["a.json", [label()]]]);
  const r = agreement(a, a);
  assert.equal(r.articles, 1);
  for (const s of [r.secondVsFirst, r.firstVsSecond, r.secondRequiredVsFirst, r.firstRequiredVsSecond]) assert.equal(s.f1, 1);
});

test("a date out of range, a place elsewhere, another side or another type each cost the match", () => {
  const first = new Map([["a.json", [label()]]]);
  const variants: Array<Partial<EventLabel>> = [
    { date: "2025-06-20", date_start: "2025-06-20", date_end: "2025-06-20" },
    { admin1: "SY-SU", lat: 32.7, lon: 36.57, location: "Sweida" },
    { actor1_country: "SYR" },
    { event_type: "Battles", sub_event_type: "Armed clash" },
  ];
  for (const v of variants) assert.equal(agreement(first, new Map([["a.json", [label(v)]]])).secondVsFirst.f1, 0, JSON.stringify(v));
  // A day either side of the range still agrees (SCHEMA.md's one-day margin).
  assert.equal(agreement(first, new Map([["a.json", [label({ date: "2025-06-11" })]]])).secondVsFirst.f1, 1);
});

test("optional labels: left out of recall, and only required ones stand as proposals when asked", () => {
  const first = new Map([["a.json", [label(), label({ event_id: "e2", optional: true, event_type: "Strategic developments", sub_event_type: "Other", plover: "ACCUSE" })]]]);
  const second = new Map([["a.json", [label()]], ["b.json", [label()]]]);
  const r = agreement(first, second);
  assert.equal(r.articles, 1, "an article only one side has is left out");
  assert.deepEqual([r.secondVsFirst.precision, r.secondVsFirst.recall], [1, 1]);
  // Scored the other way, the first's optional label is a proposal that matches nothing; with required only, it is not proposed.
  assert.equal(r.firstVsSecond.precision, 0.5);
  assert.equal(r.firstRequiredVsSecond.precision, 1);
});
