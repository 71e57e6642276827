// Notes under need-to-know over HTTP: each route for the owner, the other
// party, the mediator, the observer and the administrator.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";

eachDialect("notes and need-to-know over HTTP", (dialect) => {
  let t: TestApp;
  let isr: Session, syr: Session, usa: Session, undof: Session, admin: Session;
  let isrOnly: string, mediatorNote: string, sharedRedacted: string;
  before(async () => {
    t = await startTestApp(dialect);
    [isr, syr, usa, undof, admin] = await Promise.all(["isr.liaison", "syr.liaison", "usa.mediator", "undof.observer", "admin"].map((u) => t.login(u))) as [Session, Session, Session, Session, Session];
    isrOnly = (await t.call(isr, "POST", "/api/notes", { title: "ISR internal", body: "battalion rotation", distribution: "party:ISR" })).json().id;
    mediatorNote = (await t.call(isr, "POST", "/api/notes", { title: "For the mediator", body: "please raise", distribution: "mediator" })).json().id;
    sharedRedacted = (await t.call(isr, "POST", "/api/notes", { title: "Shared title", body: "secret sauce", distribution: "shared", body_distribution: "party:ISR" })).json().id;
  });
  after(async () => t.close());

  test("the other party gets 404 with the same body as a missing id", async () => {
    const hidden = await t.call(syr, "GET", `/api/notes/${isrOnly}`);
    const missing = await t.call(syr, "GET", `/api/notes/note_doesnotexist`);
    assert.equal(hidden.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(hidden.json().message, missing.json().message);
    assert.equal(hidden.json().code, missing.json().code);
    const patch = await t.call(syr, "PATCH", `/api/notes/${isrOnly}`, { title: "hijack" });
    assert.equal(patch.statusCode, 404);
  });

  test("mediator distribution: mediator and the author's party only", async () => {
    assert.equal((await t.call(usa, "GET", `/api/notes/${mediatorNote}`)).statusCode, 200);
    assert.equal((await t.call(isr, "GET", `/api/notes/${mediatorNote}`)).statusCode, 200);
    assert.equal((await t.call(syr, "GET", `/api/notes/${mediatorNote}`)).statusCode, 404);
    assert.equal((await t.call(undof, "GET", `/api/notes/${mediatorNote}`)).statusCode, 404);
  });

  test("a field with a stricter distribution is dropped by the presenter and never searchable", async () => {
    const seen = (await t.call(syr, "GET", `/api/notes/${sharedRedacted}`)).json();
    assert.equal(seen.title, "Shared title");
    assert.equal(seen.body, null);
    assert.equal(seen.body_redacted, true);
    const own = (await t.call(isr, "GET", `/api/notes/${sharedRedacted}`)).json();
    assert.equal(own.body, "secret sauce");
    const searchSyr = (await t.call(syr, "GET", "/api/notes?q=sauce")).json();
    assert.equal(searchSyr.items.length, 0, "a hidden body must not make a note match");
    const searchIsr = (await t.call(isr, "GET", "/api/notes?q=sauce")).json();
    assert.equal(searchIsr.items.length, 1);
    const exportSyr = (await t.call(syr, "GET", "/api/notes/export")).body;
    assert.ok(!exportSyr.includes("secret sauce"));
    assert.ok(!exportSyr.includes("battalion"));
  });

  test("list, count and export agree for each viewer", async () => {
    for (const s of [isr, syr, usa, undof, admin]) {
      const list = (await t.call(s, "GET", "/api/notes?limit=500")).json().items as Array<{ id: string }>;
      const count = (await t.call(s, "GET", "/api/notes/count")).json();
      const exp = (await t.call(s, "GET", "/api/notes/export")).body.trim().split("\n").filter(Boolean);
      assert.equal(count.total, list.length);
      assert.equal(exp.length, list.length);
    }
    const adminList = (await t.call(admin, "GET", "/api/notes")).json();
    assert.equal(adminList.items.length, 0, "administrators hold no party's need-to-know");
  });

  test("400 names the bad field; a writer cannot choose a distribution that excludes itself", async () => {
    const bad = await t.call(isr, "POST", "/api/notes", { title: "x", distribution: "everyone" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, "body.distribution");
    const self = await t.call(isr, "POST", "/api/notes", { title: "x", distribution: "party:SYR" });
    assert.equal(self.statusCode, 400);
    assert.equal(self.json().details[0].path, "distribution");
    const q = await t.call(isr, "GET", "/api/notes?limit=100000");
    assert.equal(q.statusCode, 400);
    assert.equal(q.json().details[0].path, "query.limit");
    const adminWrite = await t.call(admin, "POST", "/api/notes", { title: "x", distribution: "public" });
    assert.equal(adminWrite.statusCode, 403);
  });

  test("only the owning party edits; a change of distribution is audited as such", async () => {
    const shared = (await t.call(isr, "POST", "/api/notes", { title: "to widen", distribution: "party:ISR" })).json().id;
    const widened = await t.call(isr, "PATCH", `/api/notes/${shared}`, { distribution: "shared" });
    assert.equal(widened.statusCode, 200);
    assert.equal((await t.call(syr, "GET", `/api/notes/${shared}`)).statusCode, 200);
    const syrEdit = await t.call(syr, "PATCH", `/api/notes/${shared}`, { title: "mine now" });
    assert.equal(syrEdit.statusCode, 403);
    const entries = await t.ctx.db.selectFrom("audit_log").select(["action"]).where("subject_id", "=", shared).orderBy("seq").execute();
    assert.deepEqual(entries.map((e) => e.action), ["note.create", "note.distribution"]);
  });

  test("cursor pagination walks every visible note once", async () => {
    for (let i = 0; i < 7; i++) await t.call(syr, "POST", "/api/notes", { title: `page ${i}`, distribution: "party:SYR" });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { items: Array<{ id: string }>; next_cursor: string | null } = (await t.call(syr, "GET", `/api/notes?limit=3${cursor ? `&cursor=${cursor}` : ""}`)).json();
      seen.push(...(res.items as Array<{ id: string }>).map((n) => n.id));
      cursor = res.next_cursor;
    } while (cursor);
    const total = (await t.call(syr, "GET", "/api/notes/count")).json().total;
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
  });

  test("sharing groups: members see group records; member list hidden when the group says so", async () => {
    const g = await t.call(isr, "POST", "/api/groups", { id: "tech-channel", name: "Technical channel", members: ["USA"], members_visible: false });
    assert.equal(g.statusCode, 201);
    const isr2 = await t.login("isr.analyst");
    const usa2 = await t.login("usa.mediator");
    const note = (await t.call(isr2, "POST", "/api/notes", { title: "group note", distribution: "group:tech-channel" })).json().id;
    assert.equal((await t.call(usa2, "GET", `/api/notes/${note}`)).statusCode, 200);
    assert.equal((await t.call(syr, "GET", `/api/notes/${note}`)).statusCode, 404);
    const usaGroups = (await t.call(usa2, "GET", "/api/groups")).json().items;
    assert.equal(usaGroups[0].members, null, "members hidden from non-owners");
    const isrGroups = (await t.call(isr2, "GET", "/api/groups")).json().items;
    assert.deepEqual(isrGroups[0].members, ["ISR", "USA"]);
    const syrEdit = await t.call(syr, "PUT", "/api/groups/tech-channel/members", { members: ["SYR"] });
    assert.equal(syrEdit.statusCode, 404);
  });
});
