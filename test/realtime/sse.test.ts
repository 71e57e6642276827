// The event stream over a real socket: each user gets what they may see and
// nothing else, a reconnect with Last-Event-ID loses nothing and repeats
// nothing, heartbeats flow, and a revoked session stops receiving.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { request, type IncomingMessage } from "node:http";
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

  test("an event named for one user reaches that user only, among streams of one party", async () => {
    const analyst = await t.login("syr.analyst");
    const [liaison, other] = await Promise.all([stream(syr.session), stream(analyst)]);
    let named = 0;
    await t.ctx.db.transaction().execute(async (tx) => {
      named = await t.ctx.realtime.publish(tx, { type: "test.named", payload: { to: "syr.liaison" }, distribution: "shared", ownerParty: "ISR", recipients: { users: [syr.session.userId] } });
    });
    const m = await marker();
    for (const c of [liaison, other]) await c.until((f) => f.some((x) => x.id === m), "marker");
    assert.deepEqual(liaison.frames.filter((f) => f.event === "test.named").map((f) => f.id), [String(named)]);
    assert.deepEqual(other.frames.filter((f) => f.event === "test.named"), []);
    liaison.close();
    other.close();
  });

  test("a client cut off for its backlog resumes with Last-Event-ID and loses nothing", async () => {
    // A reader that stops reading: its socket fills, the server cuts it off past the backlog limit.
    t.ctx.realtime.tune({ maxBacklogBytes: 64 * 1024 });
    const big = "x".repeat(100_000);
    const published: string[] = [];
    const read = (lastId: string | null, paused: boolean) =>
      new Promise<{ ids: string[]; res: IncomingMessage }>((resolve, reject) => {
        const req = request(`${base}/api/events`, { headers: { cookie: `tl_session=${syr.session.cookie}`, ...(lastId ? { "last-event-id": lastId } : {}) } }, (res) => {
          const ids: string[] = [];
          let buf = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            buf += chunk;
            for (let k; (k = buf.indexOf("\n\n")) >= 0; buf = buf.slice(k + 2)) {
              const id = /^id: (\d+)\nevent: test\.bulk\n/.exec(buf.slice(0, k));
              if (id) ids.push(id[1]!);
            }
          });
          if (paused) res.pause();
          resolve({ ids, res });
        });
        req.on("error", reject);
        req.end();
      });
    const count = async (n: number) => {
      for (let i = 0; i < 250 && t.ctx.realtime.subscriberCount !== n; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(t.ctx.realtime.subscriberCount, n);
    };
    await count(0); // streams of earlier tests are gone
    const first = await read(null, true);
    await count(1);
    const open = 1;
    // Publish until the server gives up on the stream (kernel buffers absorb the first few megabytes).
    for (let i = 0; i < 400 && t.ctx.realtime.subscriberCount === open; i++) {
      await t.ctx.db.transaction().execute(async (tx) => {
        published.push(String(await t.ctx.realtime.publish(tx, { type: "test.bulk", payload: { i, big }, distribution: "shared", ownerParty: "ISR" })));
      });
      // Let the wake-up, the pump and the socket run, as request handling would.
      if (i % 10 === 9) await new Promise((r) => setTimeout(r, 10));
    }
    await t.ctx.realtime.settle();
    const ended = new Promise<void>((r) => first.res.on("end", () => r()));
    first.res.resume();
    await ended;
    assert.ok(first.ids.length < published.length, `the paused client was cut off (it got ${first.ids.length} of ${published.length})`);
    t.ctx.realtime.tune({ maxBacklogBytes: 4 * 1024 * 1024 });
    const second = await read(first.ids.at(-1) ?? null, false);
    const m = await marker();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("resume timed out")), 10_000);
      const iv = setInterval(() => {
        if (second.ids.length + first.ids.length >= published.length) {
          clearInterval(iv);
          clearTimeout(timer);
          resolve();
        }
      }, 20);
    });
    void m;
    second.res.destroy();
    assert.deepEqual([...first.ids, ...second.ids], published, "every event once, in order, across the cut-off");
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
