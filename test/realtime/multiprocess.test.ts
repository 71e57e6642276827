// Two server processes on one PostgreSQL database: an event raised in one
// reaches an SSE client connected to the other (LISTEN/NOTIFY), and stored
// timers fire exactly once between them (FOR UPDATE SKIP LOCKED).
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect, testConfig } from "../helpers/dialects.ts";
import { seedParties, demoUsers, PASSWORD } from "../helpers/app.ts";
import { createRuntime } from "../../src/server/bootstrap.ts";
import { systemActor } from "../../src/server/platform/audit/audit.service.ts";
import { generateSigningKey, signDraft } from "../../src/core/hotline/client.ts";
import { httpCall, httpLogin, spawnServer, type ServerProcess } from "../helpers/server-process.ts";
import { connectSse, type SseClient } from "../helpers/sse.ts";

eachDialect("two server processes", (dialect) => {
  if (dialect !== "postgres") return; // SQLite deployments run one process
  const { config, cleanup } = testConfig(dialect);
  const servers: ServerProcess[] = [];
  const clients: SseClient[] = [];
  after(async () => {
    for (const c of clients) c.close();
    await Promise.all(servers.map((s) => s.stop()));
    await cleanup();
  });

  test("an event raised in one process reaches a stream on the other; each timer fires once", async () => {
    const rt = await createRuntime(config);
    await seedParties(rt.ctx);
    for (const u of demoUsers) await rt.ctx.accounts.addUser(systemActor, { ...u, password: PASSWORD });
    const deployment = rt.ctx.deploymentId;
    const [a, b] = await Promise.all([spawnServer(config), spawnServer(config)]);
    servers.push(a, b);

    const isrA = await httpLogin(a.url, "isr.liaison");
    const syrB = await httpLogin(b.url, "syr.liaison");
    const key = generateSigningKey();
    await httpCall(a.url, isrA, "POST", "/api/hotline/keys", { public_key: key.publicKey });
    const thread = (await httpCall(a.url, isrA, "POST", "/api/hotline/threads", { title: "two processes", parties: ["SYR"] })).json.id as string;
    const stream = await connectSse(`${b.url}/api/events`, { cookie: `tl_session=${syrB.cookie}` });
    clients.push(stream);
    await stream.until((f) => f.some((x) => x.event === "ready"), "ready");

    const sent = await httpCall(a.url, isrA, "POST", `/api/hotline/threads/${thread}/messages`, signDraft(key, { deployment, thread_id: thread, sender: isrA.userId, kind: "query", body: { text: "via process A" } }));
    assert.equal(sent.status, 201);
    await stream.until((f) => f.some((x) => x.event === "hotline.message" && x.data.includes(sent.json.id as string)), "message raised on A");

    // 60 timers due in a moment; both processes poll for them.
    const due = new Date(Date.now() + 1500).toISOString();
    await rt.ctx.db.transaction().execute(async (tx) => {
      for (let n = 0; n < 60; n++) {
        await rt.ctx.jobs.schedule(tx, { kind: "realtime.publish", dueAt: due, key: `tick-${n}`, payload: { type: "test.tick", payload: { n }, distribution: "public", ownerParty: null } });
      }
    });
    await stream.until((f) => f.filter((x) => x.event === "test.tick").length >= 60, "60 ticks", 20_000);
    // Let any duplicate show up before counting.
    const settle = await rt.ctx.db.selectFrom("jobs").select(["status", "done_by"]).where("key", "like", "tick-%").execute();
    assert.ok(settle.every((j) => j.status === "done"));
    const events = await rt.ctx.db.selectFrom("events").select("payload").where("type", "=", "test.tick").execute();
    const ns = events.map((e) => (JSON.parse(e.payload) as { n: number }).n);
    assert.equal(ns.length, 60, "each timer fired exactly once");
    assert.equal(new Set(ns).size, 60);
    const ticks = stream.frames.filter((x) => x.event === "test.tick").map((x) => x.id);
    assert.equal(new Set(ticks).size, ticks.length, "the stream got no event twice");
    await rt.close();
  });
});
