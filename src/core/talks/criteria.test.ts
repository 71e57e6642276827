import { test } from "node:test";
import assert from "node:assert/strict";
import { criterionSchema, evaluateCriterion, type Criterion } from "./criteria.ts";

test("max incidents per week: in progress, breached with the records, fulfilled", () => {
  const c: Criterion = { kind: "max_incidents_per_week", event_type: "Explosions/Remote violence", zone: "east-0-10", max: 1, weeks: 3, from: "2025-06-02" };
  const quiet = evaluateCriterion(c, { weekly: [{ week: "2025-06-02", count: 1, ids: ["i1"] }] }, "2025-06-10", null);
  assert.equal(quiet.status, "in_progress");
  assert.equal(quiet.numbers.weeks_completed, 1);
  const bad = evaluateCriterion(c, { weekly: [{ week: "2025-06-09", count: 3, ids: ["a", "b", "c"] }] }, "2025-06-12", null);
  assert.equal(bad.status, "breached");
  assert.deepEqual(bad.records, ["a", "b", "c"]);
  assert.match(bad.summary, /week of 2025-06-09/);
  assert.equal(evaluateCriterion(c, { weekly: [] }, "2025-06-30", null).status, "fulfilled");
});

test("nothing found at inspections", () => {
  const c: Criterion = { kind: "none_found_at_inspections", zone: "east-0-10", item: "artillery", from: "2025-06-01" };
  assert.equal(evaluateCriterion(c, { inspections: [] }, "2025-06-20", "2025-07-01").status, "insufficient_data");
  const clean = [{ id: "in1", date: "2025-06-05", zone: "east-0-10", findings: { artillery: 0, tanks: 4 } }];
  assert.equal(evaluateCriterion(c, { inspections: clean }, "2025-06-20", "2025-07-01").status, "in_progress");
  assert.equal(evaluateCriterion(c, { inspections: clean }, "2025-07-02", "2025-07-01").status, "fulfilled");
  const found = [...clean, { id: "in2", date: "2025-06-19", zone: "east-0-10", findings: { artillery: 2 } }];
  const r = evaluateCriterion(c, { inspections: found }, "2025-06-20", null);
  assert.equal(r.status, "breached");
  assert.deepEqual(r.records, ["in2"]);
});

test("notification lead-time share", () => {
  const c: Criterion = { kind: "notification_lead_share", party: "ISR", min_hours: 6, share: 0.95, from: "2025-06-01" };
  const n = (id: string, leadH: number) => ({ id, party: "ISR", sent_at: "2025-06-10T00:00:00Z", starts_at: new Date(Date.parse("2025-06-10T00:00:00Z") + leadH * 3_600_000).toISOString() });
  const r = evaluateCriterion(c, { notifications: [n("a", 8), n("b", 2), n("c", 12)] }, "2025-06-11", "2025-06-30");
  assert.equal(r.status, "in_progress");
  assert.equal(r.on_track, false);
  assert.deepEqual(r.records, ["b"]);
  assert.equal(r.numbers.share, 0.667);
  assert.equal(evaluateCriterion(c, { notifications: [n("a", 8)] }, "2025-07-01", "2025-06-30").status, "fulfilled");
});

test("criteria are validated with field paths", () => {
  const r = criterionSchema.safeParse({ kind: "max_incidents_per_week", event_type: "Battles", max: -1, weeks: 2, from: "June" });
  assert.equal(r.success, false);
  const paths = r.error.issues.map((i) => i.path.join("."));
  assert.ok(paths.includes("max") && paths.includes("from"));
});
