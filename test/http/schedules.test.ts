// Stored timers of the talks and reports: the inspection cadence raises an
// overdue alert on the realtime stream, and the weekly reports are made on
// Monday morning for every party and the public — once, even if run again.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { nextWeeklyRun } from "../../src/server/modules/indicators/report.service.ts";

eachDialect("schedules: inspections overdue and weekly reports", (dialect) => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2025-06-04T10:00:00Z")); // a Wednesday
  before(async () => {
    t = await startTestApp(dialect, { clock });
  });
  after(async () => t.close());

  test("next weekly run is the coming Monday 06:00 UTC", () => {
    assert.equal(nextWeeklyRun(new Date("2025-06-04T10:00:00Z")).toISOString(), "2025-06-09T06:00:00.000Z");
    assert.equal(nextWeeklyRun(new Date("2025-06-09T05:59:00Z")).toISOString(), "2025-06-09T06:00:00.000Z");
    assert.equal(nextWeeklyRun(new Date("2025-06-09T06:00:00Z")).toISOString(), "2025-06-16T06:00:00.000Z");
  });

  test("an uninspected zone raises inspection.overdue after 15 days, visible to the parties", async () => {
    await t.ctx.talks.scheduleInspectionChecks();
    await t.ctx.talks.scheduleInspectionChecks(); // idempotent
    clock.advance(14 * 86_400_000);
    await t.ctx.jobs.runDue();
    const before = await t.ctx.db.selectFrom("events").select("type").where("type", "=", "inspection.overdue").execute();
    assert.equal(before.length, 0);
    clock.advance(2 * 86_400_000);
    await t.ctx.jobs.runDue();
    const alerts = await t.ctx.db.selectFrom("events").select(["type", "payload", "distribution"]).where("type", "=", "inspection.overdue").execute();
    const zones = (await t.ctx.indicators.knownAreas("zone")).filter((z) => z !== "outside");
    assert.equal(alerts.length, zones.length, "one alert per zone, not one per scheduling call");
    assert.ok(alerts.every((a) => a.distribution === "shared"));
  });

  test("weekly reports: made on Monday for each party and the public, once", async () => {
    await t.ctx.reports.scheduleWeekly();
    clock.set(new Date("2025-06-23T06:00:01Z"));
    await t.ctx.jobs.runDue();
    // Generation starts after the job's commit; wait for it to land.
    for (let i = 0; i < 100; i++) {
      const n = await t.ctx.db.selectFrom("reports").select("id").where("trigger", "=", "schedule").execute();
      if (n.length >= 5) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const made = await t.ctx.db.selectFrom("reports").select(["audience", "period_start"]).where("trigger", "=", "schedule").orderBy("audience").execute();
    assert.deepEqual(made.map((r) => r.audience), ["ISR", "SYR", "UNDOF", "USA", "public"]);
    assert.ok(made.every((r) => r.period_start === "2025-06-16"));
    const again = await t.ctx.reports.generateWeekly(["ISR", "SYR", "UNDOF", "USA"]);
    assert.equal(again, 0);
    const next = await t.ctx.db.selectFrom("jobs").select(["due_at"]).where("kind", "=", "reports.weekly").where("status", "=", "pending").execute();
    assert.deepEqual(next.map((j) => j.due_at), ["2025-06-30T06:00:00.000Z"]);
    const audited = await t.ctx.db.selectFrom("audit_log").select("action").where("action", "=", "report.schedule").execute();
    assert.equal(audited.length, 5);
  });
});
