// The operator's CLI against a real deployment: accounts, tokens, help and errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { main } from "../../src/cli/main.ts";
import { eachDialect, testConfig } from "../helpers/dialects.ts";
import type { Config } from "../../src/server/config.ts";
import { startServer } from "../../src/server/main.ts";

async function cli(config: Config | null, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env: NodeJS.ProcessEnv = config
    ? { TRUCELINE_DATA: config.dataDir, TRUCELINE_KDF_LOG_N: "10", ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl, TRUCELINE_DB_SCHEMA: config.databaseSchema } : {}) }
    : {};
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: process.cwd() });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("help, unknown commands and bad flags", async () => {
  const h = await cli(null, ["--help"]);
  assert.equal(h.code, 0);
  assert.match(h.out, /audit verify/);
  const sub = await cli(null, ["user", "add", "--help"]);
  assert.equal(sub.code, 0);
  assert.match(sub.out, /Usage: truceline user add/);
  const unknown = await cli(null, ["frobnicate"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown command "frobnicate"/);
  const group = await cli(null, ["user"]);
  assert.equal(group.code, 2);
  assert.match(group.err, /user add/);
  const badFlag = await cli(null, ["audit", "verify", "--nope"]);
  assert.equal(badFlag.code, 1);
  assert.match(badFlag.err, /--nope/);
});

eachDialect("CLI accounts", (dialect) => {
  test("party, user, password, disable, token create and revoke", async () => {
    const { config, cleanup } = testConfig(dialect);
    assert.equal((await cli(config, ["party", "add", "ISR", "--name", "Israel", "--kind", "party"])).code, 0);
    const badKind = await cli(config, ["party", "add", "SYR", "--name", "Syria", "--kind", "enemy"]);
    assert.equal(badKind.code, 1);
    assert.match(badKind.err, /--kind must be one of/);
    const added = await cli(config, ["user", "add", "isr.one", "--role", "liaison", "--party", "ISR"]);
    assert.equal(added.code, 0, added.err);
    const { password } = JSON.parse(added.out);
    assert.ok(password.length >= 12, "a generated password is printed once");
    const dup = await cli(config, ["user", "add", "isr.one", "--role", "liaison", "--party", "ISR"]);
    assert.equal(dup.code, 1);
    assert.match(dup.err, /taken/);
    const wrongRole = await cli(config, ["user", "add", "isr.two", "--role", "mediator", "--party", "ISR"]);
    assert.equal(wrongRole.code, 1);
    assert.match(wrongRole.err, /does not fit/);
    const tok = await cli(config, ["token", "create", "--user", "isr.one", "--scopes", "read,write"]);
    assert.equal(tok.code, 0, tok.err);
    const { token, id } = JSON.parse(tok.out);

    const server = await startServer({ ...config, port: 0, logLevel: "silent" });
    try {
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
      assert.equal((await cli(config, ["token", "revoke", id])).code, 0);
      const after = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(after.status, 401, "revoked by another process: rejected at once");
      const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "isr.one", password }) });
      assert.equal(login.status, 200);
      assert.equal((await cli(config, ["user", "passwd", "isr.one", "--password", "a brand new password"])).code, 0);
      const old = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "isr.one", password }) });
      assert.equal(old.status, 401);
      assert.equal((await cli(config, ["user", "disable", "isr.one"])).code, 0);
      const dis = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "isr.one", password: "a brand new password" }) });
      assert.equal(dis.status, 401);
    } finally {
      await server.stop();
    }
    const keys = await cli(config, ["keys", "show"]);
    assert.match(JSON.parse(keys.out).public_key, /BEGIN PUBLIC KEY/);
    await cleanup();
  });
});
