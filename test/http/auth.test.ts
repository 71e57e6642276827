import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, PASSWORD, type Session, type TestApp } from "../helpers/app.ts";
import { openDatabase } from "../../src/server/platform/db/database.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";

eachDialect("sign-in, sessions, tokens", (dialect) => {
  let t: TestApp;
  const clock = new ManualClock(new Date("2026-03-01T08:00:00Z"));
  before(async () => {
    t = await startTestApp(dialect, { clock, config: { loginMaxFailures: 3, lockoutMinutes: 10 } });
  });
  after(async () => t.close());

  test("health and OpenAPI need no sign-in; errors carry a request id", async () => {
    const h = await t.call(null, "GET", "/api/health");
    assert.equal(h.statusCode, 200);
    assert.equal(h.json().database, dialect);
    const doc = (await t.call(null, "GET", "/api/openapi.json")).json();
    assert.equal(doc.openapi, "3.1.0");
    assert.ok(doc.paths["/api/notes/{id}"].get);
    assert.ok(doc.paths["/api/auth/login"].post.requestBody);
    const nf = await t.call(null, "GET", "/api/nothing-here");
    assert.equal(nf.statusCode, 404);
    assert.equal(nf.json().code, "not_found");
    assert.equal(nf.json().request_id, nf.headers["x-request-id"]);
  });

  test("wrong password is 401; repeated failures lock the account with a retry time", async () => {
    const bad = await t.call(null, "POST", "/api/auth/login", { username: "syr.analyst", password: "wrong-password-x" });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().code, "unauthenticated");
    await t.call(null, "POST", "/api/auth/login", { username: "syr.analyst", password: "wrong-password-x" });
    await t.call(null, "POST", "/api/auth/login", { username: "syr.analyst", password: "wrong-password-x" });
    const locked = await t.call(null, "POST", "/api/auth/login", { username: "syr.analyst", password: PASSWORD });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, "rate_limited");
    assert.match(locked.json().message, /Try again after 2026-03-01T08:10/);
    assert.equal(locked.headers["retry-after"], "600");
    clock.advance(11 * 60_000);
    const ok = await t.call(null, "POST", "/api/auth/login", { username: "syr.analyst", password: PASSWORD });
    assert.equal(ok.statusCode, 200);
    const cookie = ok.headers["set-cookie"] as string;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
  });

  test("unknown users fail like wrong passwords", async () => {
    const r = await t.call(null, "POST", "/api/auth/login", { username: "nobody", password: "whatever-password" });
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().message, "Wrong username or password.");
  });

  test("400 names the bad field", async () => {
    const r = await t.call(null, "POST", "/api/auth/login", { username: "syr.liaison" });
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().code, "validation_failed");
    assert.equal(r.json().details[0].path, "body.password");
    const notJson = await t.app.inject({ method: "POST", url: "/api/auth/login", headers: { "content-type": "application/json" }, payload: "{oops" });
    assert.equal(notJson.statusCode, 400);
    assert.equal(notJson.json().code, "validation_failed");
  });

  test("cookie writes without the CSRF token are refused", async () => {
    const s = await t.login("isr.liaison");
    const r = await t.app.inject({ method: "POST", url: "/api/notes", headers: { cookie: `tl_session=${s.cookie}` }, payload: { title: "x", distribution: "party:ISR" } });
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, "csrf_failed");
    const wrong = await t.app.inject({ method: "POST", url: "/api/notes", headers: { cookie: `tl_session=${s.cookie}`, "x-csrf-token": "nope" }, payload: { title: "x", distribution: "party:ISR" } });
    assert.equal(wrong.json().code, "csrf_failed");
    const good = await t.call(s, "POST", "/api/notes", { title: "x", distribution: "party:ISR" });
    assert.equal(good.statusCode, 201);
  });

  test("logout and session revocation end access at once", async () => {
    const s = await t.login("isr.analyst");
    const s2 = await t.login("isr.analyst");
    assert.equal((await t.call(s, "GET", "/api/auth/me")).statusCode, 200);
    const list = (await t.call(s, "GET", "/api/auth/sessions")).json().items as Array<{ id: string; current: boolean }>;
    const other = list.find((x) => !x.current)!;
    assert.equal((await t.call(s, "DELETE", `/api/auth/sessions/${other.id}`)).statusCode, 200);
    assert.equal((await t.call(s2, "GET", "/api/auth/me")).statusCode, 401);
    assert.equal((await t.call(s, "POST", "/api/auth/logout")).statusCode, 200);
    assert.equal((await t.call(s, "GET", "/api/auth/me")).statusCode, 401);
  });

  test("API tokens: shown once, scoped, revocable, rejected once revoked; disabled user rejected at once", async () => {
    const s = await t.login("undof.observer");
    const created = await t.call(s, "POST", "/api/tokens", { name: "cli", scopes: ["read"] });
    assert.equal(created.statusCode, 201);
    const { token, id } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    assert.equal((await t.call(null, "GET", "/api/auth/me", undefined, bearer)).statusCode, 200);
    // read scope cannot write
    const w = await t.call(null, "POST", "/api/notes", { title: "x", distribution: "shared" }, bearer);
    assert.equal(w.statusCode, 403);
    const listed = (await t.call(s, "GET", "/api/tokens")).json().items;
    assert.ok(!JSON.stringify(listed).includes(token.split(".")[1]), "secret never listed");
    assert.equal((await t.call(s, "DELETE", `/api/tokens/${id}`)).statusCode, 200);
    const after = await t.call(null, "GET", "/api/auth/me", undefined, bearer);
    assert.equal(after.statusCode, 401);

    const t2 = (await t.call(s, "POST", "/api/tokens", { name: "cli2", scopes: ["read", "write"] })).json().token as string;
    const admin = await t.login("admin");
    const uid = (await t.call(s, "GET", "/api/auth/me")).json().user.id;
    assert.equal((await t.call(admin, "PATCH", `/api/admin/users/${uid}`, { disabled: true })).statusCode, 200);
    assert.equal((await t.call(null, "GET", "/api/auth/me", undefined, { authorization: `Bearer ${t2}` })).statusCode, 401);
    assert.equal((await t.call(s, "GET", "/api/auth/me")).statusCode, 401);
    const relog = await t.call(null, "POST", "/api/auth/login", { username: "undof.observer", password: PASSWORD });
    assert.equal(relog.statusCode, 401);
    assert.match(relog.json().message, /disabled/);
    await t.call(admin, "PATCH", `/api/admin/users/${uid}`, { disabled: false });
  });

  test("access changed behind the server's back (another process, a tool) is honoured by the next request", async () => {
    const s = await t.login("isr.analyst");
    const { token, id } = (await t.call(s, "POST", "/api/tokens", { name: "cached", scopes: ["read"] })).json();
    const bearer = { authorization: `Bearer ${token}` };
    const me = async (as: Session | null, headers: Record<string, string> = {}) => t.call(as, "GET", "/api/auth/me", undefined, headers);
    assert.deepEqual((await me(null, bearer)).json().groups, []);
    assert.equal((await me(s)).statusCode, 200);
    const used = await t.ctx.db.selectFrom("api_tokens").select("last_used_at").where("id", "=", id).executeTakeFirstOrThrow();
    assert.equal(used.last_used_at, clock.now().toISOString());
    // Writes through a second connection, as another server process or the CLI would make them.
    const other = await openDatabase({ dataDir: t.config.dataDir, databaseUrl: t.config.databaseUrl, schema: t.config.databaseSchema });
    try {
      await other.db.insertInto("sharing_groups").values({ id: "cache-probe", name: "probe", members_visible: 1, owner_party: "ISR", created_at: clock.now().toISOString() }).execute();
      await other.db.insertInto("group_members").values({ group_id: "cache-probe", party_id: "ISR" }).execute();
      assert.deepEqual((await me(null, bearer)).json().groups, ["cache-probe"]);
      assert.deepEqual((await me(s)).json().groups, ["cache-probe"]);
      await other.db.updateTable("users").set({ role: "liaison" }).where("id", "=", s.userId).execute();
      assert.equal((await me(null, bearer)).json().user.role, "liaison");
      await other.db.updateTable("api_tokens").set({ revoked_at: clock.now().toISOString() }).where("id", "=", id).execute();
      assert.equal((await me(null, bearer)).statusCode, 401);
      await other.db.updateTable("sessions").set({ revoked_at: clock.now().toISOString() }).where("user_id", "=", s.userId).execute();
      assert.equal((await me(s)).statusCode, 401);
      await other.db.updateTable("users").set({ role: "analyst" }).where("id", "=", s.userId).execute();
    } finally {
      await other.close();
    }
  });

  test("TOTP: enrolment, then sign-in requires the current code", async () => {
    const s = await t.login("usa.mediator");
    const setup = (await t.call(s, "POST", "/api/auth/totp/setup")).json();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.secret), digits: 6, period: 30, algorithm: "SHA1" });
    const code = () => totp.generate({ timestamp: clock.now().getTime() });
    assert.equal((await t.call(s, "POST", "/api/auth/totp/enable", { code: "000000" === code() ? "111111" : "000000" })).statusCode, 400);
    assert.equal((await t.call(s, "POST", "/api/auth/totp/enable", { code: code() })).statusCode, 200);
    const need = await t.call(null, "POST", "/api/auth/login", { username: "usa.mediator", password: PASSWORD });
    assert.equal(need.statusCode, 401);
    assert.equal(need.json().code, "totp_required");
    const ok = await t.call(null, "POST", "/api/auth/login", { username: "usa.mediator", password: PASSWORD, totp: code() });
    assert.equal(ok.statusCode, 200);
  });

  test("admin routes: 401 anonymous, 403 for party users, 400 naming the field", async () => {
    assert.equal((await t.call(null, "GET", "/api/admin/users")).statusCode, 401);
    const s = await t.login("syr.liaison");
    const r = await t.call(s, "GET", "/api/admin/users");
    assert.equal(r.statusCode, 403);
    assert.equal(r.json().code, "forbidden");
    const admin = await t.login("admin");
    const bad = await t.call(admin, "POST", "/api/admin/users", { username: "x.y", party: "SYR", role: "general", password: "long enough password" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, "body.role");
    const weak = await t.call(admin, "POST", "/api/admin/users", { username: "x.y", party: "SYR", role: "analyst", password: "short" });
    assert.equal(weak.json().details[0].path, "password");
    const users = (await t.call(admin, "GET", "/api/admin/users")).json().items;
    assert.ok(!JSON.stringify(users).includes("scrypt$"), "no password hashes leave the server");
  });
});
