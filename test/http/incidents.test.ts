// The incident register over HTTP: need-to-know on every read (lists, counts,
// GeoJSON, exports), 400 naming the field, 403/404 for the other party,
// claims side by side, verification moves, duplicates and merges, evidence.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";

const base = {
  event_date: "2026-05-16", event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack",
  actor1: "Military Forces of Syria (2024-)", actor2: "Unidentified Armed Group (Syria)", location: "Khan Arnabah",
  latitude: 33.1836, longitude: 35.8872, fatalities: 0, notes: "Three rounds landed east of the village.",
};

eachDialect("incidents over HTTP", (dialect) => {
  let t: TestApp;
  let isr: Session, syr: Session, syrAnalyst: Session, usa: Session, undof: Session, admin: Session;
  let shared: string, isrOnly: string, mediatorOnly: string, secretSource: string;
  before(async () => {
    t = await startTestApp(dialect, { config: { evidenceMaxBytes: 1024 } });
    [isr, syr, syrAnalyst, usa, undof, admin] = (await Promise.all(["isr.liaison", "syr.liaison", "syr.analyst", "usa.mediator", "undof.observer", "admin"].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session];
    const mk = async (s: Session, body: object) => {
      const r = await t.call(s, "POST", "/api/incidents", { ...base, ...body });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    };
    shared = await mk(isr, { distribution: "shared", notes: "Mortar fire seen from OP-52 near Khan Arnabah." });
    isrOnly = await mk(isr, { distribution: "party:ISR", notes: "Internal: battalion heard blasts near Hadar.", location: "Hadar", latitude: 33.2667, longitude: 35.8667 });
    mediatorOnly = await mk(syr, { distribution: "mediator", event_type: "Battles", sub_event_type: "Armed clash", notes: "Clash reported to the mediator only." });
    secretSource = await mk(syr, { distribution: "shared", source: "Informant K-7", source_distribution: "party:SYR", event_date: "2026-05-10", notes: "Drone over Jasim." });
  });
  after(async () => t.close());

  test("an incident is classified against the pack at write", async () => {
    const d = (await t.call(isr, "GET", `/api/incidents/${shared}`)).json();
    assert.equal(d.incident.classification.pack, "israel-syria-1974");
    assert.ok(typeof d.incident.classification.zone === "string");
    assert.ok(d.incident.classification.distance_km.A > 0);
    assert.equal(d.incident.plover.event, "ASSAULT");
    assert.equal(d.incident.plover.mode, "heavy-weapons");
    assert.equal(d.incident.verification, "reported");
  });

  test("the other party gets 404 with the same body as a missing id; lists, counts, GeoJSON and exports agree per viewer", async () => {
    const hidden = await t.call(syr, "GET", `/api/incidents/${isrOnly}`);
    const missing = await t.call(syr, "GET", "/api/incidents/inc_nope");
    assert.equal(hidden.statusCode, 404);
    assert.deepEqual({ ...hidden.json<object>(), request_id: 0 }, { ...missing.json<object>(), request_id: 0 });
    assert.equal((await t.call(undof, "GET", `/api/incidents/${mediatorOnly}`)).statusCode, 404);
    assert.equal((await t.call(usa, "GET", `/api/incidents/${mediatorOnly}`)).statusCode, 200);
    for (const [s, expect] of [[isr, [shared, isrOnly, secretSource]], [syr, [shared, mediatorOnly, secretSource]], [usa, [shared, mediatorOnly, secretSource]], [undof, [shared, secretSource]], [admin, []]] as const) {
      const list = (await t.call(s, "GET", "/api/incidents?limit=500")).json().items.map((i: { id: string }) => i.id).sort();
      assert.deepEqual(list, [...expect].sort());
      assert.equal((await t.call(s, "GET", "/api/incidents/count")).json().total, expect.length);
      assert.equal((await t.call(s, "GET", "/api/incidents/geojson")).json().features.length, expect.length);
      for (const format of ["acled", "plover", "geojson"]) {
        const res = await t.call(s, "GET", `/api/incidents/export?format=${format}`);
        assert.equal(res.statusCode, 200);
        const n = format === "acled" ? res.body.trim().split("\n").length - 1 : format === "plover" ? res.body.split("\n").filter(Boolean).length : JSON.parse(res.body).features.length;
        assert.equal(n, expect.length, `${format} export`);
        if (s !== isr) assert.ok(!res.body.includes("battalion"), "a hidden incident never leaks through an export");
      }
    }
  });

  test("a stricter field distribution drops the field everywhere, and searching it finds nothing", async () => {
    const seenByIsr = (await t.call(isr, "GET", `/api/incidents/${secretSource}`)).json().incident;
    assert.equal(seenByIsr.source, null);
    assert.equal(seenByIsr.source_redacted, true);
    assert.equal((await t.call(syr, "GET", `/api/incidents/${secretSource}`)).json().incident.source, "Informant K-7");
    for (const format of ["acled", "plover", "geojson"]) assert.ok(!(await t.call(isr, "GET", `/api/incidents/export?format=${format}`)).body.includes("K-7"));
    assert.equal((await t.call(isr, "GET", "/api/incidents?q=informant")).json().items.length, 0);
  });

  test("filters: free text, time range, bounding box, type, actor, zone; weekly counts by zone", async () => {
    const q = (s: string): Promise<string[]> => t.call(isr, "GET", `/api/incidents?${s}`).then((r) => { assert.equal(r.statusCode, 200, r.body); return r.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id); });
    assert.deepEqual(await q("q=mortar"), [shared]);
    assert.deepEqual(await q("q=hadar%20blasts"), [isrOnly]);
    assert.deepEqual((await q("from=2026-05-09&to=2026-05-11")), [secretSource]);
    assert.deepEqual((await q("bbox=35.85,33.25,35.9,33.3")), [isrOnly]);
    assert.equal((await q("event_type=Battles")).length, 0, "ISR cannot see the only battle");
    assert.equal((await q(`actor=${encodeURIComponent("Unidentified Armed Group (Syria)")}`)).length, 3);
    const zone = (await t.call(isr, "GET", `/api/incidents/${shared}`)).json().incident.classification.zone;
    assert.ok((await q(`zone=${zone}`)).includes(shared));
    const c = (await t.call(isr, "GET", "/api/incidents/count?group_by=zone,week")).json();
    assert.deepEqual(c.group_by, ["zone", "week"]);
    assert.equal(c.groups.reduce((s: number, g: { n: number }) => s + g.n, 0), 3);
    assert.ok(c.groups.every((g: { week: string }) => new Date(g.week + "T00:00:00Z").getUTCDay() === 1));
  });

  test("400 names the bad field", async () => {
    const cases: Array<[object, string]> = [
      [{ ...base, distribution: "shared", latitude: 95 }, "body.latitude"],
      [{ ...base, distribution: "shared", event_date: "2026-02-30" }, "body.event_date"],
      [{ ...base, distribution: "shared", event_type: "Skirmish" }, "body.event_type"],
      [{ ...base, distribution: "shared", sub_event_type: "Armed clash" }, "sub_event_type"],
      [{ ...base, distribution: "everyone" }, "body.distribution"],
      [{ ...base, distribution: "party:SYR" }, "distribution"],
      [{ ...base, distribution: "shared", colour: "red" }, "body"],
    ];
    for (const [body, path] of cases) {
      const r = await t.call(isr, "POST", "/api/incidents", body);
      assert.equal(r.statusCode, 400, `${path}: ${r.body}`);
      assert.equal(r.json().details[0].path, path, JSON.stringify(r.json()));
    }
    for (const [qs, path] of [["bbox=1,2,3", "query.bbox"], ["from=2026-13-01", "query.from"], ["limit=0", "query.limit"], ["verification=maybe", "query.verification"], ["cursor=zzz", "query.cursor"]]) {
      const r = await t.call(isr, "GET", `/api/incidents?${qs}`);
      assert.equal(r.statusCode, 400, qs);
      assert.equal(r.json().details[0].path, path);
    }
    const g = await t.call(isr, "GET", "/api/incidents/count?group_by=colour");
    assert.equal(g.json().details[0].path, "query.group_by");
    assert.equal((await t.call(admin, "POST", "/api/incidents", { ...base, distribution: "public" })).statusCode, 403);
  });

  test("only the recording party edits; edits reclassify and are audited", async () => {
    assert.equal((await t.call(syr, "PATCH", `/api/incidents/${shared}`, { fatalities: 9 })).statusCode, 403);
    assert.equal((await t.call(syr, "PATCH", `/api/incidents/${isrOnly}`, { fatalities: 9 })).statusCode, 404);
    const moved = await t.call(isr, "PATCH", `/api/incidents/${isrOnly}`, { latitude: 32.71, longitude: 36.56 });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().classification.admin1, "SY-SU");
    assert.deepEqual((await t.ctx.audit.integrityCheck(t.ctx.db)).problems, []);
  });

  test("claims: one per party side by side; a party never edits another's; observer findings carry saw/heard and assessed-as", async () => {
    const syrClaim = await t.call(syr, "POST", `/api/incidents/${shared}/claims`, { kind: "party_account", narrative: "Our unit returned fire after being targeted.", distribution: "shared" });
    assert.equal(syrClaim.statusCode, 201, syrClaim.body);
    const isrClaim = await t.call(isr, "POST", `/api/incidents/${shared}/claims`, { kind: "party_account", narrative: "Unprovoked fire towards the line.", distribution: "shared", narrative_distribution: "mediator" });
    assert.equal(isrClaim.statusCode, 201);
    const obs = await t.call(undof, "POST", `/api/incidents/${shared}/claims`, { kind: "observer_finding", narrative: "OP-52 heard three explosions.", distribution: "shared", heard: true, observed_count: 3, weapon: "mortar (assessed)", direction: "north-east", assessed_as: "outgoing mortar fire" });
    assert.equal(obs.statusCode, 201, obs.body);
    assert.equal((await t.call(isr, "POST", `/api/incidents/${shared}/claims`, { kind: "observer_finding", narrative: "x", distribution: "shared", saw: true })).statusCode, 403);
    assert.equal((await t.call(undof, "POST", `/api/incidents/${shared}/claims`, { kind: "observer_finding", narrative: "x", distribution: "shared" })).json().details[0].path, "saw");
    assert.equal((await t.call(syr, "POST", `/api/incidents/${isrOnly}/claims`, { kind: "party_account", narrative: "x", distribution: "shared" })).statusCode, 404);
    assert.equal((await t.call(syr, "PATCH", `/api/incidents/${shared}/claims/${isrClaim.json().id}`, { narrative: "rewritten" })).statusCode, 403);
    assert.equal((await t.call(isr, "PATCH", `/api/incidents/${shared}/claims/${isrClaim.json().id}`, { narrative: "Unprovoked fire towards the line at 21:40." })).statusCode, 200);
    const d = (await t.call(syr, "GET", `/api/incidents/${shared}`)).json();
    assert.deepEqual(d.by_party.map((p: { party: string }) => p.party), ["SYR", "ISR", "UNDOF"]);
    const isrSeenBySyr = d.claims.find((c: { author_party: string }) => c.author_party === "ISR");
    assert.equal(isrSeenBySyr.narrative, null, "the ISR narrative was for the mediator");
    const finding = d.claims.find((c: { kind: string }) => c.kind === "observer_finding");
    assert.deepEqual(finding.observation, { saw: false, heard: true, count: 3, weapon: "mortar (assessed)", direction: "north-east", assessed_as: "outgoing mortar fire" });
    assert.equal((await t.call(usa, "GET", `/api/incidents/${shared}`)).json().claims.find((c: { author_party: string }) => c.author_party === "ISR").narrative, "Unprovoked fire towards the line at 21:40.");
    // news-derived candidate via the service method intake will call
    const news = await t.ctx.incidents.addNewsCandidate((await t.ctx.accounts.viewerOf(t.ctx.db, syrAnalyst.userId)), shared, { article_id: "art_1", narrative: "SANA: shelling near Khan Arnabah", distribution: "shared" });
    assert.equal(news.kind, "news_candidate");
    assert.equal((await t.call(syr, "GET", `/api/incidents?party=UNDOF`)).json().items.length, 1);
  });

  test("verification: liaison asks for review, observer corroborates, mediator verifies; reasons and history kept", async () => {
    const move = (s: Session, to: string, reason = "reason given") => t.call(s, "POST", `/api/incidents/${shared}/verification`, { to, reason });
    assert.equal((await move(isr, "under_review", "please review")).statusCode, 200);
    assert.equal((await move(isr, "corroborated")).statusCode, 403);
    assert.equal((await move(undof, "verified")).json().details[0].path, "to");
    assert.equal((await move(undof, "corroborated", " ")).statusCode, 400);
    assert.equal((await move(undof, "corroborated", "heard by two posts")).statusCode, 200);
    assert.equal((await move(usa, "verified", "crater inspected")).json().verification, "verified");
    const d = (await t.call(syr, "GET", `/api/incidents/${shared}`)).json();
    assert.deepEqual(d.verification_history.map((h: { to: string }) => h.to), ["under_review", "corroborated", "verified"]);
    assert.deepEqual(d.verification_history.map((h: { by_party: string }) => h.by_party), ["ISR", "UNDOF", "USA"]);
    assert.equal((await t.call(syr, "POST", `/api/incidents/${isrOnly}/verification`, { to: "under_review", reason: "x y z" })).statusCode, 404);
  });

  test("duplicates are proposed, merged by an adjudicator with every claim kept, and the merge can be undone", async () => {
    const a = (await t.call(isr, "POST", "/api/incidents", { ...base, event_date: "2026-06-01", distribution: "shared" })).json().id;
    const b = (await t.call(syr, "POST", "/api/incidents", { ...base, event_date: "2026-06-02", latitude: 33.19, distribution: "shared", actor1: "Unidentified Armed Group (Syria)", actor2: "" })).json().id;
    const far = (await t.call(syr, "POST", "/api/incidents", { ...base, event_date: "2026-06-02", latitude: 33.3, distribution: "shared" })).json().id;
    await t.call(syr, "POST", `/api/incidents/${b}/claims`, { kind: "party_account", narrative: "It was them.", distribution: "shared" });
    const cands = (await t.call(undof, "GET", `/api/incidents/${a}/duplicates`)).json().items;
    assert.deepEqual(cands.map((c: { incident: { id: string } }) => c.incident.id), [b]);
    assert.ok(!cands.some((c: { incident: { id: string } }) => c.incident.id === far));
    assert.equal((await t.call(isr, "POST", `/api/incidents/${a}/merge`, { duplicate_id: b, reason: "same event" })).statusCode, 403);
    const m = await t.call(undof, "POST", `/api/incidents/${a}/merge`, { duplicate_id: b, reason: "same shelling, reported twice" });
    assert.equal(m.statusCode, 201, m.body);
    const list = (await t.call(syr, "GET", "/api/incidents?limit=500")).json().items.map((i: { id: string }) => i.id);
    assert.ok(!list.includes(b), "a merged incident leaves the list");
    const d = (await t.call(syr, "GET", `/api/incidents/${a}`)).json();
    assert.ok(d.claims.some((c: { narrative: string }) => c.narrative === "It was them."), "claims of the merged incident stay, shown on the survivor");
    assert.deepEqual(d.merged_ids, [b]);
    const undo = await t.call(usa, "POST", `/api/incident-merges/${m.json().id}/undo`, { reason: "different days after all" });
    assert.equal(undo.statusCode, 200, undo.body);
    assert.ok((await t.call(syr, "GET", "/api/incidents?limit=500")).json().items.some((i: { id: string }) => i.id === b));
    const actions = await t.ctx.db.selectFrom("audit_log").select("action").where("action", "like", "incident_merge.%").orderBy("seq").execute();
    assert.deepEqual(actions.map((x) => x.action), ["incident_merge.create", "incident_merge.undo"]);
    assert.deepEqual((await t.ctx.audit.integrityCheck(t.ctx.db)).problems, []);
  });

  test("evidence: stored under a generated name, type sniffed, SHA-256 checked on read, size limit, distribution per file", async () => {
    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.from("0000000d49484452", "hex")]);
    const up = await t.call(syr, "POST", `/api/incidents/${shared}/evidence?distribution=party:SYR&file_name=../../etc/passwd.png`, png, { "content-type": "application/octet-stream" });
    assert.equal(up.statusCode, 400, "a path is not a file name");
    const ok = await t.call(syr, "POST", `/api/incidents/${shared}/evidence?distribution=party:SYR&file_name=crater.jpg`, png, { "content-type": "application/octet-stream" });
    assert.equal(ok.statusCode, 201, ok.body);
    const ev = ok.json();
    assert.equal(ev.content_type, "image/png", "sniffed from the bytes, not the name");
    assert.equal(ev.sha256, (await import("node:crypto")).createHash("sha256").update(png).digest("hex"));
    const got = await t.call(syr, "GET", `/api/incidents/${shared}/evidence/${ev.id}`);
    assert.equal(got.statusCode, 200);
    assert.deepEqual(got.rawPayload, png);
    assert.equal(got.headers["x-sha256"], ev.sha256);
    assert.equal((await t.call(isr, "GET", `/api/incidents/${shared}/evidence/${ev.id}`)).statusCode, 404, "the file's own distribution");
    assert.ok(!(await t.call(isr, "GET", `/api/incidents/${shared}`)).json().evidence.some((e: { id: string }) => e.id === ev.id));
    const big = await t.call(syr, "POST", `/api/incidents/${shared}/evidence?distribution=shared`, Buffer.alloc(2048, 1), { "content-type": "application/octet-stream" });
    assert.equal(big.statusCode, 413);
    // Tamper with the stored file: the read refuses.
    const dir = join(t.config.dataDir, "evidence");
    const files = readdirSync(dir).filter((n) => !n.startsWith(".")).flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(dir, sub, f)));
    assert.equal(files.length, 1, "the oversized upload left nothing behind");
    const file = files[0]!;
    writeFileSync(file, Buffer.from("altered"));
    const bad = await t.call(syr, "GET", `/api/incidents/${shared}/evidence/${ev.id}`);
    assert.equal(bad.statusCode, 409);
    assert.match(bad.json().message, /SHA-256/);
  });
});
