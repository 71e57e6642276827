import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { aggregateCells, categories, categoryOf, computeCalmIndex as computeAggregated, verificationStates, type WeeklyCell } from "./calm-index.ts";

const computeCalmIndex = (cells: WeeklyCell[], areas: string[], weeks: string[], from: string | null = null) => computeAggregated(aggregateCells(cells), areas, weeks, from);
import { addWeeks, weekOf, weeksEnding } from "./weeks.ts";

test("weeks start on Monday", () => {
  assert.equal(weekOf("2025-05-18"), "2025-05-12"); // a Sunday
  assert.equal(weekOf("2025-05-12T23:59:00Z"), "2025-05-12");
  assert.equal(addWeeks("2025-05-12", -1), "2025-05-05");
  assert.deepEqual(weeksEnding("2025-05-14", 3), ["2025-04-28", "2025-05-05", "2025-05-12"]);
});

test("ACLED categories", () => {
  assert.equal(categoryOf({ event_type: "Explosions/Remote violence", sub_event_type: "Air/drone strike" }), "air_drone");
  assert.equal(categoryOf({ event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack" }), "shelling");
  assert.equal(categoryOf({ event_type: "Battles", sub_event_type: "Armed clash" }), "armed_clash");
  assert.equal(categoryOf({ event_type: "Strategic developments", sub_event_type: "Other", tags: "incursion; patrol" }), "incursion");
  assert.equal(categoryOf({ event_type: "Protests", sub_event_type: "Peaceful protest" }), null);
});

test("a quiet week is 100; a verified strike lowers it; the band brackets the estimate; change against the previous week", () => {
  const cells: WeeklyCell[] = [
    { area: "east-0-10", week: "2025-05-12", category: "air_drone", verification: "verified", precision: 1, events: 2, fatalities: 1 },
    { area: "east-0-10", week: "2025-05-12", category: "shelling", verification: "reported", precision: 3, events: 1, fatalities: 0 },
  ];
  const [w1, w2] = computeCalmIndex(cells, ["east-0-10"], ["2025-05-05", "2025-05-12"], "2025-05-05");
  assert.equal(w1!.calm, 100);
  assert.equal(w1!.change, null);
  // 2 strikes × 3 + 1 fatality = 7 at weight 1; 1 shelling × 2 at 0.5 × 0.5
  assert.equal(w2!.score, 7.5);
  assert.equal(w2!.score_low, 7);
  assert.ok(w2!.score_low <= w2!.score);
  assert.equal(w2!.score_high, 9);
  assert.ok(w2!.calm_low <= w2!.calm && w2!.calm <= w2!.calm_high);
  assert.equal(w2!.change!.score, 7.5);
  assert.equal(w2!.change!.score_pct, null, "no percentage from a zero base");
  assert.equal(w2!.running.air_drone, 2);
  assert.equal(w2!.running.fatalities, 1);
});

test("property: band always brackets the score, rejected incidents never count, index within 0..100", () => {
  const cell = fc.record({
    area: fc.constantFrom("a", "b"),
    week: fc.constantFrom("2025-01-06", "2025-01-13", "2025-01-20"),
    category: fc.constantFrom(...categories),
    verification: fc.constantFrom(...verificationStates),
    precision: fc.constantFrom(1 as const, 2 as const, 3 as const),
    events: fc.nat(20),
    fatalities: fc.nat(10),
  });
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 40 }), (cells) => {
      const out = computeCalmIndex(cells, ["a", "b"], ["2025-01-06", "2025-01-13", "2025-01-20"]);
      const withoutRejected = computeCalmIndex(cells.filter((c) => c.verification !== "rejected"), ["a", "b"], ["2025-01-06", "2025-01-13", "2025-01-20"]);
      out.forEach((r, i) => {
        assert.ok(r.score_low <= r.score + 1e-9 && r.score <= r.score_high + 1e-9);
        assert.ok(r.calm >= 0 && r.calm <= 100);
        assert.equal(r.score, withoutRejected[i]!.score);
      });
    }),
  );
});
