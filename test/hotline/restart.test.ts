// Deadlines are stored timers: a notification sent before a shutdown still
// escalates after the restart, at the first pass of the new process, once.
import { test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp } from "../helpers/app.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { notificationBody, openThread, send, speaker } from "../helpers/hotline.ts";

eachDialect("hotline deadlines across a restart", (dialect) => {
  test("pending escalations fire right after the restart, each once", async () => {
    const clock = new ManualClock(new Date("2026-04-01T08:00:00.000Z"));
    const t1 = await startTestApp(dialect, { clock });
    const isr = await speaker(t1, "isr.liaison");
    const thread = await openThread(t1, isr, ["SYR"], "direct");
    const sent = await send(t1, isr, thread, "notification", notificationBody(t1, 600));
    assert.equal(sent.statusCode, 201, sent.body);
    const msgId = sent.json().id as string;
    const pending = await t1.ctx.db.selectFrom("jobs").select(["key", "due_at"]).where("status", "=", "pending").execute();
    assert.equal(pending.length, 3, "due, level 1 and level 2 are stored");
    // Stop without running anything, as a crash or an upgrade would.
    await t1.app.close();
    await t1.runtime.close();

    // The process comes back 3 hours later: both escalation levels are overdue.
    clock.advance(3 * 3600_000);
    const t2 = await startTestApp(dialect, { clock, seed: false, config: { dataDir: t1.config.dataDir, databaseSchema: t1.config.databaseSchema } });
    try {
      await t2.app.ready(); // the jobs runner's first pass happens before ready resolves
      const dl = await t2.ctx.db.selectFrom("hotline_deadlines").selectAll().where("message_id", "=", msgId).executeTakeFirstOrThrow();
      assert.equal(dl.escalation_level, 2);
      const esc = (await t2.ctx.db.selectFrom("events").select("payload").where("type", "=", "hotline.escalation").execute()).map((e) => JSON.parse(e.payload) as { level: number; message_id: string });
      assert.deepEqual(esc.filter((e) => e.message_id === msgId).map((e) => e.level).sort(), [1, 2]);
      const overdue = await t2.ctx.db.selectFrom("events").select("payload").where("type", "=", "hotline.deadline").execute();
      assert.equal(overdue.length, 1);
      assert.equal(await t2.ctx.jobs.runDue(), 0, "nothing left to fire");
      assert.equal((await t2.ctx.db.selectFrom("jobs").select("id").where("status", "=", "pending").execute()).length, 0);
    } finally {
      await t2.close();
    }
  });
});
