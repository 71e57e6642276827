// The hotline over HTTP: signed messages with countersigned receipts; each
// way of refusing a message has its own code; idempotent retries; deadlines
// met by a reply or escalated to the mediator; checks before send; the
// export verifies offline and tampering is named.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { draft, notificationBody, openThread, send, speaker, type Speaker } from "../helpers/hotline.ts";
import { verifyHotlineExport, verifyReceipt } from "../../src/core/hotline/verify.ts";
import { generateSigningKey, signDraft } from "../../src/core/hotline/client.ts";

eachDialect("hotline over HTTP", (dialect) => {
  let t: TestApp;
  let clock: ManualClock;
  let isr: Speaker, syr: Speaker, usa: Speaker, undof: Speaker;
  let analyst: Session, admin: Session;
  let thread: string;
  before(async () => {
    clock = new ManualClock(new Date("2026-03-01T06:00:00.000Z"));
    t = await startTestApp(dialect, { clock });
    [isr, syr, usa, undof] = (await Promise.all(["isr.liaison", "syr.liaison", "usa.mediator", "undof.observer"].map((u) => speaker(t, u)))) as [Speaker, Speaker, Speaker, Speaker];
    analyst = await t.login("isr.analyst");
    admin = await t.login("admin");
    thread = await openThread(t, isr, ["SYR"], "mediator");
  });
  after(async () => t.close());

  test("a notification is received, countersigned and marked late with its shortfall", async () => {
    const res = await send(t, isr, thread, "notification", notificationBody(t, 120));
    assert.equal(res.statusCode, 201, res.body);
    const m = res.json();
    assert.equal(m.seq >= 1, true);
    assert.equal(m.received_at, clock.now().toISOString());
    assert.ok(verifyReceipt(t.ctx.key.publicKeyPem, m.receipt), "the receipt verifies with the deployment key");
    assert.equal(m.receipt.body.late, true);
    assert.equal(m.receipt.body.shortfall_minutes, 240, "6 h required, 2 h given");
    assert.equal(m.timing.required_lead_minutes, 360);
    assert.ok(m.checks.findings.length > 0, "the checks travel with the message");
    assert.deepEqual(m.deadlines.map((d: { reply_kind: string }) => d.reply_kind), ["acknowledgement"]);
    const onTime = (await send(t, isr, thread, "notification", notificationBody(t, 7 * 60, { dx: 0.2 }))).json();
    assert.equal(onTime.receipt.body.late, false);
    assert.equal(onTime.receipt.body.shortfall_minutes, null);
  });

  test("forged, replayed, revoked, skewed and outsider messages are each refused with their own code", async () => {
    const body = { text: "Please confirm the patrol schedule." };
    // Forged: signed content differs from what is sent.
    const signed = draft(t, isr, thread, "query", body);
    const forged = await t.call(isr.session, "POST", `/api/hotline/threads/${thread}/messages`, { ...signed, payload: { ...signed.payload, body: { text: "Something else" } } });
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json().code, "signature_invalid");
    // Signed by a key that is not the sender's registered key.
    const stranger = generateSigningKey();
    const strangerMsg = signDraft(stranger, { deployment: t.ctx.deploymentId, thread_id: thread, sender: isr.session.userId, kind: "query", body }, clock.now());
    assert.equal((await t.call(isr.session, "POST", `/api/hotline/threads/${thread}/messages`, strangerMsg)).json().code, "key_unknown");
    // Replayed: the same signed message twice.
    const first = await t.call(isr.session, "POST", `/api/hotline/threads/${thread}/messages`, signed);
    assert.equal(first.statusCode, 201, first.body);
    const replay = await t.call(isr.session, "POST", `/api/hotline/threads/${thread}/messages`, signed);
    assert.equal(replay.statusCode, 409);
    assert.equal(replay.json().code, "message_replayed");
    // Clock skew: the client's clock is 20 minutes fast.
    const skewed = await send(t, isr, thread, "query", body, { client_time: new Date(clock.now().getTime() + 20 * 60_000).toISOString() });
    assert.equal(skewed.statusCode, 400);
    assert.equal(skewed.json().code, "clock_skew");
    // Not in thread: the observer is not a member; a missing thread answers alike.
    const outsider = await send(t, undof, thread, "query", body);
    const missing = await send(t, undof, "thr_missing", "query", body);
    assert.equal(outsider.statusCode, 403);
    assert.equal(outsider.json().code, "not_in_thread");
    assert.equal(outsider.json().message, missing.json().message);
    // Revoked key.
    const old = await speaker(t, "syr.liaison");
    assert.equal((await t.call(old.session, "POST", `/api/hotline/keys/${encodeURIComponent(old.key.keyId)}/revoke`)).statusCode, 200);
    const revoked = await send(t, old, thread, "query", body);
    assert.equal(revoked.statusCode, 403);
    assert.equal(revoked.json().code, "key_revoked");
    const codes = new Set([forged, replay, skewed, outsider, revoked].map((r) => r.json<{ code: string }>().code));
    assert.equal(codes.size, 5);
  });

  test("an Idempotency-Key retry yields one message; the same key with another body is refused", async () => {
    const signed = draft(t, syr, thread, "query", { text: "Who fired at 05:40?" });
    const url = `/api/hotline/threads/${thread}/messages`;
    const a = await t.call(syr.session, "POST", url, signed, { "idempotency-key": "retry-1" });
    const b = await t.call(syr.session, "POST", url, signed, { "idempotency-key": "retry-1" });
    assert.equal(a.statusCode, 201);
    assert.equal(b.statusCode, 201);
    assert.equal(b.json().id, a.json().id);
    assert.equal(b.headers["idempotent-replayed"], "true");
    const count = await t.ctx.db.selectFrom("hotline_messages").select("id").where("nonce", "=", signed.payload.nonce).execute();
    assert.equal(count.length, 1);
    const other = draft(t, syr, thread, "query", { text: "Different question" });
    const c = await t.call(syr.session, "POST", url, other, { "idempotency-key": "retry-1" });
    assert.equal(c.statusCode, 409);
    assert.equal(c.json().code, "idempotency_conflict");
    // Keys are per user: another user may use the same key string.
    const d = await t.call(isr.session, "POST", url, draft(t, isr, thread, "query", { text: "x" }), { "idempotency-key": "retry-1" });
    assert.equal(d.statusCode, 201);
    const bad = await t.call(isr.session, "POST", url, draft(t, isr, thread, "query", { text: "x" }), { "idempotency-key": "has space" });
    assert.equal(bad.json().details[0].path, "headers.idempotency-key");
    // A retry long after (its signed time now far off the server's clock) still gets the first answer.
    clock.advance(60 * 60_000);
    const late = await t.call(syr.session, "POST", url, signed, { "idempotency-key": "retry-1" });
    assert.equal(late.statusCode, 201, late.body);
    assert.equal(late.json().id, a.json().id);
    // A refused send leaves its key unused: the key commits with the message or not at all.
    const stale = draft(t, syr, thread, "query", { text: "signed an hour ago" });
    clock.advance(60 * 60_000);
    const refused = await t.call(syr.session, "POST", url, stale, { "idempotency-key": "retry-2" });
    assert.equal(refused.json().code, "clock_skew");
    const fresh = await t.call(syr.session, "POST", url, draft(t, syr, thread, "query", { text: "signed now" }), { "idempotency-key": "retry-2" });
    assert.equal(fresh.statusCode, 201, fresh.body);
  });

  test("an acknowledgement meets the deadline; an unanswered notification escalates to the mediator twice", async () => {
    const acked = (await send(t, isr, thread, "notification", notificationBody(t, 600, { dx: 0.4 }))).json();
    const ack = await send(t, syr, thread, "acknowledgement", {}, { refers_to: acked.id });
    assert.equal(ack.statusCode, 201, ack.body);
    const ackedNow = (await t.call(isr.session, "GET", `/api/hotline/messages/${acked.id}`)).json();
    assert.equal(ackedNow.deadlines[0].met_by, ack.json().id);

    const direct = await openThread(t, isr, ["SYR"], "direct");
    const ignored = (await send(t, isr, direct, "notification", notificationBody(t, 600, { dx: 0.6 }))).json();
    assert.equal(ignored.deadlines.length, 1);
    clock.advance(29 * 60_000);
    await t.ctx.jobs.runDue();
    assert.equal((await t.ctx.db.selectFrom("hotline_deadlines").select("escalation_level").where("message_id", "=", ignored.id).executeTakeFirstOrThrow()).escalation_level, 0);
    clock.advance(2 * 60_000);
    await t.ctx.jobs.runDue();
    const esc = await t.ctx.db.selectFrom("events").selectAll().where("type", "=", "hotline.escalation").execute();
    const mine = esc.filter((e) => JSON.parse(e.payload).message_id === ignored.id);
    assert.equal(mine.length, 1);
    assert.deepEqual(JSON.parse(mine[0]!.recipients!).parties, ["ISR", "SYR", "USA"], "the mediator is alerted though not in the direct thread");
    clock.advance(90 * 60_000);
    await t.ctx.jobs.runDue();
    await t.ctx.jobs.runDue();
    const levels = (await t.ctx.db.selectFrom("events").selectAll().where("type", "=", "hotline.escalation").execute()).map((e) => JSON.parse(e.payload) as { message_id: string; level: number }).filter((p) => p.message_id === ignored.id).map((p) => p.level);
    assert.deepEqual(levels, [1, 2], "each escalation fires once");
    const open = (await t.call(isr.session, "GET", "/api/hotline/deadlines")).json().items;
    assert.ok(open.some((d: { message_id: string; escalation_level: number }) => d.message_id === ignored.id && d.escalation_level === 2));
  });

  test("checks before send: forces summed with concurrent notifications, overlap with other activity", async () => {
    const check = await t.call(syr.session, "POST", "/api/hotline/check", { thread_id: thread, body: notificationBody(t, 600, { dx: 0.4 }) });
    assert.equal(check.statusCode, 200, check.body);
    const r = check.json();
    assert.ok(r.overlaps.some((o: { party: string }) => o.party === "ISR"), "overlaps ISR's notified activity in the same place and time");
    assert.equal(r.status === "compliant", false);
    const bad = await t.call(syr.session, "POST", "/api/hotline/check", { thread_id: thread, body: { ...notificationBody(t, 600), window: { start: "yesterday", end: "x" } } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, "body.body.window.start");
    const outsider = await t.call(undof.session, "POST", "/api/hotline/check", { thread_id: thread, body: notificationBody(t, 600) });
    assert.equal(outsider.statusCode, 404);
  });

  test("the other party and outsiders: 404 alike for hidden and missing; analysts read but do not send; admins hold no party", async () => {
    const msgs = (await t.call(isr.session, "GET", `/api/hotline/threads/${thread}/messages`)).json().items;
    const hidden = await t.call(undof.session, "GET", `/api/hotline/messages/${msgs[0].id}`);
    const missing = await t.call(undof.session, "GET", "/api/hotline/messages/msg_nothing");
    assert.equal(hidden.statusCode, 404);
    assert.deepEqual({ ...hidden.json<object>(), request_id: 0 }, { ...missing.json<object>(), request_id: 0 });
    assert.equal((await t.call(undof.session, "GET", `/api/hotline/threads/${thread}/messages`)).statusCode, 404);
    assert.equal((await t.call(usa.session, "GET", `/api/hotline/threads/${thread}/messages`)).statusCode, 200, "the mediator is in a thread opened through it");
    assert.equal((await t.call(analyst, "GET", `/api/hotline/threads/${thread}/messages`)).statusCode, 200);
    const analystKey = generateSigningKey();
    await t.call(analyst, "POST", "/api/hotline/keys", { public_key: analystKey.publicKey });
    const analystSend = await t.call(analyst, "POST", `/api/hotline/threads/${thread}/messages`, signDraft(analystKey, { deployment: t.ctx.deploymentId, thread_id: thread, sender: analyst.userId, kind: "query", body: { text: "x" } }, clock.now()));
    assert.equal(analystSend.statusCode, 403);
    assert.equal((await t.call(admin, "POST", "/api/hotline/keys", { public_key: analystKey.publicKey })).statusCode, 403);
    assert.equal((await t.call(admin, "GET", "/api/hotline/threads")).json().items.length, 0);
    const badKey = await t.call(isr.session, "POST", "/api/hotline/keys", { public_key: "A".repeat(60) });
    assert.equal(badKey.statusCode, 400);
    assert.equal(badKey.json().details[0].path, "public_key");
    const badThread = await t.call(isr.session, "POST", "/api/hotline/threads", { title: "x", parties: ["NOPE"] });
    assert.equal(badThread.json().details[0].path, "parties.0");
  });

  test("read receipts, and the export verifies offline; a changed byte is named", async () => {
    const msgs = (await t.call(syr.session, "GET", `/api/hotline/threads/${thread}/messages`)).json().items;
    const fromIsr = msgs.find((m: { sender: { party: string } }) => m.sender.party === "ISR");
    const read = await t.call(syr.session, "POST", `/api/hotline/messages/${fromIsr.id}/read`);
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(verifyReceipt(t.ctx.key.publicKeyPem, read.json()));
    await t.ctx.hotline.settle();
    const exp = (await t.call(isr.session, "GET", `/api/hotline/threads/${thread}/export`)).json();
    const report = verifyHotlineExport(exp, t.ctx.key.publicKeyPem);
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    const first = report.messages.find((m) => m.id === fromIsr.id)!;
    assert.equal(first.sender.party, "ISR");
    assert.ok(first.read.some((r) => r.party === "SYR"));
    assert.ok(first.delivered.some((r) => r.party === "SYR"), "reading the thread recorded delivery to SYR");
    const ackd = report.messages.find((m) => m.acknowledged !== null);
    assert.ok(ackd, "the acknowledged notification shows who acknowledged it and when");
    assert.equal(ackd.acknowledged!.party, "SYR");
    const tampered = structuredClone(exp);
    tampered.messages[0].payload.body = { ...tampered.messages[0].payload.body, description: "changed" };
    const bad = verifyHotlineExport(tampered, t.ctx.key.publicKeyPem);
    assert.equal(bad.ok, false);
    assert.ok(bad.problems.some((p) => p.includes(tampered.messages[0].id) && p.includes("signature")));
    const dropped = structuredClone(exp);
    dropped.messages.splice(1, 1);
    assert.ok(verifyHotlineExport(dropped, t.ctx.key.publicKeyPem).problems.some((p) => p.includes("missing")));
  });

  test("the audit chain covers hotline records: the server still starts clean", async () => {
    const check = await t.ctx.audit.integrityCheck(t.ctx.db);
    assert.deepEqual(check.problems, []);
  });
});
