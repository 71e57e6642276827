// `truceline hotline …` end to end against a listening server: key creation,
// send, acknowledge, list, export, and the offline verify that says who sent
// what, when it was received and when it was acknowledged — and fails on a
// tampered export.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { systemActor } from "../../src/server/platform/audit/audit.service.ts";
import { main } from "../../src/cli/main.ts";
import { notificationBody } from "../helpers/hotline.ts";

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: process.cwd() });
  return { code, out, err };
}

eachDialect("truceline hotline CLI", (dialect) => {
  let t: TestApp;
  let dir: string;
  let isrEnv: NodeJS.ProcessEnv, syrEnv: NodeJS.ProcessEnv;
  before(async () => {
    t = await startTestApp(dialect);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const addr = t.app.server.address();
    const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
    dir = mkdtempSync(join(tmpdir(), "truceline-cli-"));
    const token = async (username: string) => {
      const s = await t.login(username);
      return (await t.ctx.accounts.createToken(systemActor, s.userId, { name: "cli", scopes: ["write"], expiresInDays: 1 })).token;
    };
    isrEnv = { TRUCELINE_URL: url, TRUCELINE_TOKEN: await token("isr.liaison"), TRUCELINE_HOTLINE_KEY: join(dir, "isr.pem") };
    syrEnv = { TRUCELINE_URL: url, TRUCELINE_TOKEN: await token("syr.liaison"), TRUCELINE_HOTLINE_KEY: join(dir, "syr.pem") };
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("send, ack, list, export, verify", async () => {
    assert.equal((await run(["hotline", "key", "create", "--out", join(dir, "isr.pem")], isrEnv)).code, 0);
    assert.equal((await run(["hotline", "key", "create", "--out", join(dir, "syr.pem")], syrEnv)).code, 0);
    const s = await t.login("isr.liaison");
    const thread = (await t.call(s, "POST", "/api/hotline/threads", { title: "cli", parties: ["SYR"] })).json().id as string;
    writeFileSync(join(dir, "n.json"), JSON.stringify(notificationBody(t, 60)));
    const sent = await run(["hotline", "send", "--thread", thread, "--kind", "notification", "--body", join(dir, "n.json")], isrEnv);
    assert.equal(sent.code, 0, sent.err.join("\n"));
    const msg = JSON.parse(sent.out[0]!) as { id: string; receipt: { body: { late: boolean } } };
    assert.equal(msg.receipt.body.late, true);
    const ack = await run(["hotline", "ack", msg.id, "--text", "received"], syrEnv);
    assert.equal(ack.code, 0, ack.err.join("\n"));
    const list = await run(["hotline", "list", "--thread", thread], isrEnv);
    assert.deepEqual(list.out.map((l) => (JSON.parse(l) as { kind: string }).kind), ["notification", "acknowledgement"]);
    const file = join(dir, "export.json");
    assert.equal((await run(["hotline", "export", "--thread", thread, "--out", file], isrEnv)).code, 0);
    writeFileSync(join(dir, "deployment.pem"), t.ctx.key.publicKeyPem);
    const ok = await run(["hotline", "verify", file, "--public-key", join(dir, "deployment.pem")], {});
    assert.equal(ok.code, 0, ok.err.join("\n"));
    const report = JSON.parse(ok.out[0]!) as { ok: boolean; messages: Array<{ id: string; sender: { username: string }; acknowledged: { party: string } | null }> };
    assert.equal(report.ok, true);
    const first = report.messages.find((m) => m.id === msg.id)!;
    assert.equal(first.sender.username, "isr.liaison");
    assert.equal(first.acknowledged?.party, "SYR");
    assert.ok(ok.err.some((l) => l.includes("LATE")));
    const exp = JSON.parse(readFileSync(file, "utf8")) as { messages: Array<{ receipt: { body: { at: string } } }> };
    exp.messages[0]!.receipt.body.at = "2020-01-01T00:00:00.000Z"; // claim it was received long before
    writeFileSync(file, JSON.stringify(exp));
    const bad = await run(["hotline", "verify", file, "--public-key", join(dir, "deployment.pem")], {});
    assert.equal(bad.code, 1);
    assert.ok(bad.err.some((l) => l.startsWith("BAD:") && l.includes("receipt")));
    const noToken = await run(["hotline", "list"], { TRUCELINE_URL: isrEnv.TRUCELINE_URL });
    assert.equal(noToken.code, 1);
    assert.ok(noToken.err[0]!.includes("TRUCELINE_TOKEN"));
  });
});
