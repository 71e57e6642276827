// The event stream over a real socket: each user gets what they may see and
// nothing else, a reconnect with Last-Event-ID loses nothing and repeats
// nothing, heartbeats flow, and a revoked session stops receiving.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";
import { openThread, send, speaker, type Speaker } from "../helpers/hotline.ts";
import { connectSse, type SseClient, type SseFrame } from "../helpers/sse.ts";

const msgIds = (frames: SseFrame[]) => frames.filter((f) => f.event === "hotline.message").map((f) => (JSON.parse(f.data) as { payload: { id: string } }).payload.id);

eachDialect("realtime events over SSE", (dialect) => {
  let t: TestApp;
  let base: string;
  let isr: Speaker, syr: Speaker;
  let undof: Session;
  let thread: string;
  const open: SseClient[] = [];
  const stream = async (s: Session, headers: Record<string, string> = {}) => {
    const c = await connectSse(`${base}/api/events`, { cookie: `tl_session=${s.cookie}`, ...headers });
    open.push(c);
    await c.until((f) => f.some((x) => x.event === "ready"), "ready");
    return c;
  };
  const marker = async () => {
    // A public event every viewer may see: once it arrives, anything published before it has been decided.
    let id = 0;
    await t.ctx.db.transaction().execute(async (tx) => {
      id = await t.ctx.realtime.publish(tx, { type: "test.marker", payload: { n: Math.random() }, distribution: "public", ownerParty: null });
    });
    return String(id);
  };
  before(async () => {
    t = await startTestApp(dialect);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
    t.ctx.realtime.tune({ accessTtlMs: 0 });
    isr = await speaker(t, "isr.liaison");
    syr = await speaker(t, "syr.liaison");
    undof = await t.login("undof.observer");
    thread = await openThread(t, isr, ["SYR"]);
  });
  after(async () => {
    for (const c of open) c.close();
    await t.close();
  });

  test("members of the thread receive the message; the observer does not", async () => {
    const [a, b, c] = await Promise.all([stream(isr.session), stream(syr.session), stream(undof)]);
    const sent = (await send(t, isr, thread, "query", { text: "Are you moving armour near Quneitra?" })).json().id as string;
    const m = await marker();
    for (const cl of [a, b, c]) await cl.until((f) => f.some((x) => x.id === m), "marker");
    assert.deepEqual(msgIds(a.frames), [sent]);
    assert.deepEqual(msgIds(b.frames), [sent]);
    assert.deepEqual(msgIds(c.frames), [], "the observer is not in the thread");
    assert.ok(!c.frames.some((f) => f.data.includes(sent)), "not even a receipt or deadline mentioning it");
    const ids = a.frames.filter((f) => f.id !== null && f.event !== "ready").map((f) => Number(f.id));
    assert.deepEqual(ids, [...ids].sort((x, y) => x - y), "ids increase");
    for (const cl of [a, b, c]) cl.close();
  });

  test("Last-Event-ID resume: nothing lost, nothing repeated", async () => {
    const first = await stream(syr.session);
    const before1 = (await send(t, isr, thread, "query", { text: "one" })).json().id as string;
    await first.until((f) => msgIds(f).includes(before1), "first message");
    const lastId = first.frames.filter((f) => f.id !== null).at(-1)!.id!;
    first.close();
    const missed: string[] = [];
    for (let i = 0; i < 5; i++) missed.push((await send(t, isr, thread, "query", { text: `missed ${i}` })).json().id as string);
    const resumed = await stream(syr.session, { "last-event-id": lastId });
    const m = await marker();
    await resumed.until((f) => f.some((x) => x.id === m), "marker");
    assert.deepEqual(msgIds(resumed.frames), missed);
    const all = [...first.frames, ...resumed.frames].filter((f) => f.event !== "ready" && f.id !== null).map((f) => f.id);
    assert.equal(new Set(all).size, all.length, "no event id twice across the reconnect");
    resumed.close();
    const bad = await connectSse(`${base}/api/events`, { cookie: `tl_session=${syr.session.cookie}`, "last-event-id": "abc" });
    assert.equal(bad.status, 400);
    bad.close();
  });

  test("heartbeats keep the stream alive", async () => {
    t.ctx.realtime.tune({ heartbeatMs: 50 });
    const c = await stream(syr.session);
    await new Promise<void>((resolve) => {
      const iv = setInterval(() => {
        if (c.comments >= 2) {
          clearInterval(iv);
          resolve();
        }
      }, 20);
    });
    assert.ok(c.comments >= 2);
    t.ctx.realtime.tune({ heartbeatMs: 15_000 });
    c.close();
  });

  test("a revoked session stops receiving at once", async () => {
    const s = await t.login("syr.analyst");
    const c = await stream(s);
    const one = (await send(t, isr, thread, "query", { text: "before logout" })).json().id as string;
    await c.until((f) => msgIds(f).includes(one), "message before logout");
    const out = await t.call(s, "POST", "/api/auth/logout");
    assert.equal(out.statusCode, 200);
    await send(t, isr, thread, "query", { text: "after logout" });
    await marker();
    await c.until(() => c.ended, "end of stream");
    assert.deepEqual(msgIds(c.frames), [one]);
  });

  test("401 without a session", async () => {
    const c = await connectSse(`${base}/api/events`, {});
    assert.equal(c.status, 401);
    c.close();
  });
});
