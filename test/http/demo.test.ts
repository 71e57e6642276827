// The demo deployment as a newcomer meets it: accounts per role, and a hotline
// thread whose signed messages verify offline, seen by its member parties and
// not by the observer, and counted by the lead-time commitment.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { ensureDemo, type DemoAccount } from "../../src/server/demo.ts";
import { verifyHotlineExport } from "../../src/core/hotline/verify.ts";

eachDialect("the demo deployment", (dialect) => {
  let t: TestApp;
  let accounts: DemoAccount[];
  const login = (username: string) => t.login(username, accounts.find((a) => a.username === username)!.password);
  before(async () => {
    t = await startTestApp(dialect, { seed: false });
    const first = await ensureDemo(t.ctx);
    assert.equal(first.created, true);
    accounts = first.accounts;
  });
  after(async () => t.close());

  test("a second start reuses the deployment and seeds nothing twice", async () => {
    const again = await ensureDemo(t.ctx);
    assert.equal(again.created, false);
    const syr = await login("syr.liaison");
    assert.equal((await t.call(syr, "GET", "/api/hotline/threads")).json().items.length, 1);
  });

  test("the hotline thread: notification, acknowledgement, question and answer, signed and verifiable", async () => {
    const syr = await login("syr.liaison");
    const threads = (await t.call(syr, "GET", "/api/hotline/threads")).json().items as Array<{ id: string; parties: string[] }>;
    assert.equal(threads.length, 1);
    const id = threads[0]!.id;
    assert.deepEqual([...threads[0]!.parties].sort(), ["ISR", "SYR", "USA"]);
    const msgs = (await t.call(syr, "GET", `/api/hotline/threads/${id}/messages`)).json().items as Array<{ payload: { kind: string } }>;
    assert.deepEqual(msgs.map((m) => m.payload.kind), ["notification", "acknowledgement", "query", "answer"]);
    const exp = (await t.call(syr, "GET", `/api/hotline/threads/${id}/export`)).json();
    const report = verifyHotlineExport(exp, null);
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    // The Israeli analyst reads it (member party); the observer, not a member, neither lists nor opens it.
    const isrAnalyst = await login("isr.analyst");
    assert.equal((await t.call(isrAnalyst, "GET", "/api/hotline/threads")).json().items.length, 1);
    const undof = await login("undof.observer");
    assert.equal((await t.call(undof, "GET", "/api/hotline/threads")).json().items.length, 0);
    assert.equal((await t.call(undof, "GET", `/api/hotline/threads/${id}/messages`)).statusCode, 404);
  });

  test("the lead-time commitment measures the seeded notification", async () => {
    const usa = await login("usa.mediator");
    const items = (await t.call(usa, "GET", "/api/commitments")).json().items as Array<{ text: string; measured: { message: { key: string; values: Record<string, unknown> } } }>;
    const lead = items.find((c) => /notifications sent with six hours/.test(c.text))!;
    assert.equal(lead.measured.message.key, "lead.share");
    assert.equal(lead.measured.message.values.n, 1);
    assert.equal(lead.measured.message.values.share, 1);
  });
});
