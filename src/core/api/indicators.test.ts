// Picking chart data out of a calm-index answer: one area's weeks in order,
// and each area's last week (areas without one left out).
import { test } from "node:test";
import assert from "node:assert/strict";
import { latestByArea, seriesOf, type CalmDto } from "./indicators.ts";

const none = { raw: 0, weighted: 0 };
const row = (area: string, week: string, calm: number) => ({ area, week, counts: {}, fatalities: none, score: 0, score_low: 0, score_high: 0, calm, calm_low: calm, calm_high: calm, previous: null, change: null, running: {} });
const d: CalmDto = {
  area_type: "zone",
  weeks: ["2026-11-02", "2026-11-09", "2026-11-16"],
  areas: ["aos", "east-0-10", "west-0-10"],
  rows: [row("aos", "2026-11-16", 90), row("east-0-10", "2026-11-09", 70), row("aos", "2026-11-02", 100), row("aos", "2026-11-09", 80), row("east-0-10", "2026-11-16", 60)],
};

test("seriesOf gives one area's weeks in order", () => {
  assert.deepEqual(seriesOf(d, "aos").map((r) => [r.week, r.calm]), [["2026-11-02", 100], ["2026-11-09", 80], ["2026-11-16", 90]]);
  assert.deepEqual(seriesOf(d, "west-0-10"), []);
});

test("latestByArea gives each area's row for the last week, in the areas' order", () => {
  assert.deepEqual(latestByArea(d).map((r) => [r.area, r.calm]), [["aos", 90], ["east-0-10", 60]]);
});
