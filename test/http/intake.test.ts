// Intake over HTTP: paste, upload and URL fetch; duplicates linked; the
// review queue turning proposals into news-candidate claims (never without a
// person); accuracy on real traffic; the dyad timeline; feeds; need-to-know.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";
import { DEMO_ARTICLES } from "../../src/server/modules/intake/intake.demo.ts";
import { startFixture, type Fixture } from "./intake-fixture.ts";

const STRIKE = DEMO_ARTICLES[0]!;
const CLASH = DEMO_ARTICLES[1]!;
// Written for this test: long enough that one changed word moves the SimHash by a few bits only.
const WIRE = "Local officials said on Sunday that an armed group which had held the town of Busra al-Sham in eastern Daraa for years had agreed to hand its heavy weapons and its fighters over to the defence ministry. " +
  "The announcement followed several days of tension in the town after a clash between the group and ministry forces near the old citadel, in which one commander was killed and several fighters were wounded. " +
  "Residents described long queues at bakeries and said most shops had stayed closed while negotiators from the province and elders of the town met in the municipal building. " +
  "The group's leader, who had resisted joining the new army since the winter, did not appear in public, and his deputies said the handover would be completed within a week under the supervision of a committee of notables.";

interface Prop { id: string; status: string; event: { date: string | null; event_type: string; sub_event_type: string; fatalities: number | null; lat: number | null; evidence: Array<{ text: string; start: number; end: number }>; plover_score: number } }

eachDialect("intake over HTTP", (dialect) => {
  let t: TestApp;
  let fx: Fixture;
  let isr: Session, isrLiaison: Session, syr: Session, usa: Session, admin: Session;
  // Half a second past the minute: the feed tick (due on the next whole minute) waits until the test moves the clock.
  const clock = new ManualClock(new Date("2025-06-13T08:00:00.500Z"));
  before(async () => {
    fx = await startFixture();
    t = await startTestApp(dialect, { clock, config: { intakeAllowPrivate: true, intakeMaxBytes: 64 * 1024, intakeTimeoutMs: 1500 } });
    [isr, isrLiaison, syr, usa, admin] = await Promise.all(["isr.analyst", "isr.liaison", "syr.analyst", "usa.mediator", "admin"].map((u) => t.login(u))) as [Session, Session, Session, Session, Session];
  });
  after(async () => {
    await t.close();
    await fx.close();
  });

  const paste = (s: Session, body: Record<string, unknown>) => t.call(s, "POST", "/api/intake/articles", body);
  const incidentCount = async () => Number((await t.ctx.db.selectFrom("incidents").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  test("401 without credentials; admins hold no party", async () => {
    assert.equal((await t.call(null, "POST", "/api/intake/articles", { text: STRIKE.text })).statusCode, 401);
    assert.equal((await t.call(null, "GET", "/api/intake/accuracy")).statusCode, 401);
    assert.equal((await paste(admin, { text: STRIKE.text })).statusCode, 403);
  });

  let strikeArticle: string;
  let strikeProposal: Prop;
  test("paste: stored once, proposals queued with evidence offsets, no incident created", async () => {
    const before = await incidentCount();
    const res = await paste(isr, { text: STRIKE.text, title: STRIKE.title, published: STRIKE.published });
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    strikeArticle = body.article.id;
    assert.equal(body.duplicate, null);
    assert.equal(body.article.distribution, "party:ISR", "need-to-know by default");
    assert.equal(body.article.content_hash.length, 64);
    assert.ok(body.proposals.length >= 1);
    const art = (await t.call(isr, "GET", `/api/intake/articles/${strikeArticle}`)).json();
    for (const p of art.proposals as Prop[]) {
      for (const e of p.event.evidence) assert.equal(art.text.slice(e.start, e.end), e.text, "offsets point into the stored text");
    }
    strikeProposal = (art.proposals as Prop[]).find((p) => p.event.event_type === "Explosions/Remote violence")!;
    assert.ok(strikeProposal, "the strike was proposed");
    assert.equal(strikeProposal.status, "pending");
    assert.equal(await incidentCount(), before, "nothing becomes an incident without a person");
  });

  test("400 names the bad field", async () => {
    const r1 = await paste(isr, { text: "" });
    assert.equal(r1.statusCode, 400);
    assert.equal(r1.json().details[0].path, "body.text");
    const r2 = await paste(isr, { text: STRIKE.text, published: "12 June" });
    assert.equal(r2.json().details[0].path, "body.published");
    const r3 = await paste(isr, { text: "too short" });
    assert.equal(r3.statusCode, 400);
    assert.equal(r3.json().details[0].path, "text");
    const r4 = await t.call(isr, "POST", "/api/intake/articles/upload?file_name=report.pdf", "%PDF-1.4", { "content-type": "application/octet-stream" });
    assert.equal(r4.statusCode, 400);
    assert.equal(r4.json().details[0].path, "query.file_name");
  });

  test("duplicates: the same text and a near-identical one are linked to the first, not stored twice", async () => {
    const exact = (await paste(isr, { text: `  ${STRIKE.text.replace(/ /g, "  ")}\r\n`, source_url: "https://mirror.example/a" })).json();
    assert.equal(exact.article.id, strikeArticle);
    assert.deepEqual([exact.duplicate.of, exact.duplicate.match, exact.duplicate.distance], [strikeArticle, "exact", 0]);
    const recased = (await paste(isr, { text: STRIKE.text.toUpperCase().replace(/\./g, " .") })).json();
    assert.deepEqual([recased.duplicate?.of, recased.duplicate?.match], [strikeArticle, "near"], "same words, different bytes");
    // A longer wire story and the same story with one word changed on another site.
    const wire = (await paste(isr, { text: WIRE, published: "2025-04-14" })).json();
    assert.equal(wire.duplicate, null);
    const near = (await paste(isr, { text: WIRE.replace("Local officials", "Officials"), source_url: "https://other.example/story" })).json();
    assert.equal(near.duplicate?.of, wire.article.id, "near-duplicate linked");
    assert.equal(near.duplicate.match, "near");
    assert.ok(near.duplicate.distance > 0 && near.duplicate.distance <= 3, String(near.duplicate.distance));
    const art = (await t.call(isr, "GET", `/api/intake/articles/${strikeArticle}`)).json();
    assert.equal(art.sources.length, 2);
    const list = (await t.call(isr, "GET", "/api/intake/articles")).json().items as Array<{ id: string }>;
    assert.equal(list.filter((a) => a.id === strikeArticle).length, 1);
    assert.equal(list.length, 2);
  });

  test("need-to-know: the other party sees 404 (same body as missing) and its own copy is not linked to a hidden one", async () => {
    const hidden = await t.call(syr, "GET", `/api/intake/articles/${strikeArticle}`);
    const missing = await t.call(syr, "GET", "/api/intake/articles/art_missing");
    assert.equal(hidden.statusCode, 404);
    assert.deepEqual([hidden.json().code, hidden.json().message], [missing.json().code, missing.json().message]);
    assert.equal((await t.call(syr, "GET", `/api/intake/proposals/${strikeProposal.id}`)).statusCode, 404);
    assert.equal((await t.call(syr, "POST", `/api/intake/proposals/${strikeProposal.id}/accept`, {})).statusCode, 404);
    assert.equal((await t.call(syr, "GET", "/api/intake/proposals")).json().items.length, 0);
    const own = (await paste(syr, { text: STRIKE.text, published: STRIKE.published })).json();
    assert.equal(own.duplicate, null, "a copy the submitter cannot see is not revealed as a duplicate");
    assert.notEqual(own.article.id, strikeArticle);
  });

  test("sharing: liaisons keep their own party, analysts share deliberately (audited)", async () => {
    assert.equal((await paste(isrLiaison, { text: CLASH.text, distribution: "shared" })).statusCode, 403);
    const patchByLiaison = await t.call(isrLiaison, "PATCH", `/api/intake/articles/${strikeArticle}`, { distribution: "shared" });
    assert.equal(patchByLiaison.statusCode, 403);
    assert.equal((await t.call(syr, "PATCH", `/api/intake/articles/${strikeArticle}`, { distribution: "shared" })).statusCode, 404);
    const bad = await t.call(isr, "PATCH", `/api/intake/articles/${strikeArticle}`, { distribution: "party:SYR" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, "distribution");
    const ok = await t.call(isr, "PATCH", `/api/intake/articles/${strikeArticle}`, { distribution: "mediator" });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await t.call(usa, "GET", `/api/intake/proposals/${strikeProposal.id}`)).statusCode, 200, "proposals follow their article");
    assert.equal((await t.call(syr, "GET", `/api/intake/proposals/${strikeProposal.id}`)).statusCode, 404);
    const audit = await t.ctx.db.selectFrom("audit_log").select("action").where("subject_id", "=", strikeArticle).execute();
    assert.ok(audit.some((a) => a.action === "intake_article.distribution"));
  });

  let incidentId: string;
  test("accept as proposed: a news-candidate claim on a new incident, kept as a decision; a second accept is 409", async () => {
    const res = await t.call(isr, "POST", `/api/intake/proposals/${strikeProposal.id}/accept`, {});
    assert.equal(res.statusCode, 200, res.body);
    const b = res.json();
    assert.equal(b.existing_incident, false);
    assert.equal(b.decision.decision, "accepted");
    assert.deepEqual(b.decision.edited_fields, []);
    incidentId = b.incident_id;
    const detail = await t.ctx.incidents.detail(await t.ctx.accounts.viewerOf(t.ctx.db, isr.userId), incidentId);
    const claim = detail.claims.find((c) => c.id === b.claim_id)!;
    assert.equal(claim.kind, "news_candidate");
    assert.equal(claim.article_id, strikeArticle);
    assert.equal(detail.incident.event_type, "Explosions/Remote violence");
    assert.equal((await t.call(isr, "POST", `/api/intake/proposals/${strikeProposal.id}/accept`, {})).statusCode, 409);
    assert.equal((await t.call(isr, "POST", `/api/intake/proposals/${strikeProposal.id}/reject`, { reason: "changed my mind" })).statusCode, 409);
    const p = (await t.call(isr, "GET", `/api/intake/proposals/${strikeProposal.id}`)).json();
    assert.equal(p.status, "accepted");
    assert.equal(p.decision.incident_id, incidentId);
  });

  test("a second report of the same event lands on the existing incident the register suggests", async () => {
    const other = "Two men were killed on Tuesday when an Israeli drone hit their car close to Jubata al-Khashab in Quneitra province, witnesses told reporters. The army said the car was moving weapons.";
    const r = (await paste(isr, { text: other, published: "2025-06-12" })).json();
    assert.equal(r.duplicate, null, "different wording: a new article");
    const strike = (r.proposals as Prop[]).find((p) => p.event.event_type === "Explosions/Remote violence");
    assert.ok(strike, JSON.stringify(r.proposals.map((p: Prop) => p.event.event_type)));
    const view = (await t.call(isr, "GET", `/api/intake/proposals/${strike.id}`)).json();
    assert.ok(view.duplicate_candidates.some((c: { incident_id: string }) => c.incident_id === incidentId), "the reviewer sees the candidate first");
    const acc = (await t.call(isr, "POST", `/api/intake/proposals/${strike.id}/accept`, {})).json();
    assert.equal(acc.existing_incident, true);
    assert.equal(acc.incident_id, incidentId);
  });

  let clashProposals: Prop[];
  test("edit then accept records which fields changed; 400 names a bad edit", async () => {
    const r = (await paste(isr, { text: CLASH.text, published: CLASH.published })).json();
    clashProposals = r.proposals;
    const clash = clashProposals.find((p) => p.event.event_type === "Battles")!;
    assert.ok(clash);
    const bad = await t.call(isr, "POST", `/api/intake/proposals/${clash.id}/accept`, { edits: { sub_event_type: "Air/drone strike" } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, "edits.sub_event_type");
    const badDate = await t.call(isr, "POST", `/api/intake/proposals/${clash.id}/accept`, { edits: { date: "7 June" } });
    assert.equal(badDate.json().details[0].path, "body.edits.date");
    const res = await t.call(isr, "POST", `/api/intake/proposals/${clash.id}/accept`, { edits: { fatalities: 4, date: clash.event.date, location: "Nawa town" }, new_incident: true });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json().decision;
    assert.equal(d.decision, "edited");
    assert.deepEqual(d.edited_fields.sort(), ["fatalities", "location"], "an unchanged value is not an edit");
    assert.deepEqual(d.changes.fatalities, { from: clash.event.fatalities, to: 4 });
    assert.equal(d.event.fatalities, 4);
  });

  test("reject needs a reason; the decision is kept", async () => {
    const rest = clashProposals.filter((p) => p.event.event_type !== "Battles");
    assert.ok(rest.length >= 1);
    const r0 = await t.call(isr, "POST", `/api/intake/proposals/${rest[0]!.id}/reject`, { reason: " " });
    assert.equal(r0.statusCode, 400);
    assert.equal(r0.json().details[0].path, "reason");
    for (const p of rest) {
      const r = await t.call(isr, "POST", `/api/intake/proposals/${p.id}/reject`, { reason: "Background, not a new event" });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().decision.reason, "Background, not a new event");
    }
  });

  test("accuracy on real traffic: shares as-is, edited, rejected and the fields edited; only decisions the viewer may see", async () => {
    const a = (await t.call(isr, "GET", "/api/intake/accuracy")).json();
    const rejected = clashProposals.length - 1;
    assert.equal(a.decisions, 3 + rejected);
    assert.equal(a.accepted_as_is.count, 2);
    assert.equal(a.edited.count, 1);
    assert.equal(a.rejected.count, rejected);
    assert.equal(a.accepted_as_is.share, Math.round((2 / a.decisions) * 1000) / 1000);
    assert.equal(a.fields.fatalities.edited, 1);
    assert.equal(a.fields.fatalities.share, 0.333);
    assert.equal(a.fields.date.edited, 0);
    assert.equal(a.rejection_reasons["background, not a new event"], rejected);
    const s = (await t.call(syr, "GET", "/api/intake/accuracy")).json();
    assert.equal(s.decisions, 0, "the other party's decisions are not counted for it");
    const none = (await t.call(isr, "GET", "/api/intake/accuracy?from=2030-01-01")).json();
    assert.equal(none.decisions, 0);
    const badRange = await t.call(isr, "GET", "/api/intake/accuracy?from=2025-02-01&to=2025-01-01");
    assert.equal(badRange.statusCode, 400);
    assert.equal(badRange.json().details[0].path, "query.from");
  });

  test("dyad timeline: per pair of actors per week, count and PLOVER sum of accepted events", async () => {
    const r = (await t.call(isr, "GET", "/api/intake/dyads?from=2025-06-01&to=2025-06-30")).json();
    const total = r.dyads.reduce((n: number, d: { count: number }) => n + d.count, 0);
    assert.equal(total, 3, "two accepted strikes and one edited clash");
    for (const d of r.dyads as Array<{ actor_a: string; actor_b: string | null; count: number; plover_sum: number; weeks: Array<{ week: string; count: number; plover_sum: number }> }>) {
      assert.ok(d.actor_b === null || d.actor_a.localeCompare(d.actor_b) <= 0, "pairs are unordered");
      assert.equal(d.weeks.reduce((n, w) => n + w.count, 0), d.count);
      for (const w of d.weeks) assert.equal(new Date(`${w.week}T00:00:00Z`).getUTCDay(), 1, "weeks start on Monday");
    }
    const strikeDyad = r.dyads.find((d: { count: number }) => d.count === 2);
    assert.ok(strikeDyad, JSON.stringify(r.dyads));
    assert.equal(strikeDyad.plover_sum, 2 * strikeProposal.event.plover_score);
    assert.equal((await t.call(isr, "GET", "/api/intake/dyads?from=2026-01-01")).json().dyads.length, 0);
    assert.equal((await t.call(syr, "GET", "/api/intake/dyads")).json().dyads.length, 0);
  });

  test("upload: HTML boilerplate removed and the page date read; Markdown and plain text too", async () => {
    const { FIXTURE_HTML } = await import("./intake-fixture.ts");
    const res = await t.call(isr, "POST", "/api/intake/articles/upload?file_name=nawa.html", FIXTURE_HTML, { "content-type": "text/html" });
    assert.equal(res.statusCode, 201, res.body);
    const a = (await t.call(isr, "GET", `/api/intake/articles/${res.json().article.id}`)).json();
    assert.equal(a.published, "2025-04-03");
    assert.equal(a.source_kind, "upload");
    assert.equal(a.file_name, "nawa.html");
    assert.ok(!a.text.includes("Copyright") && !a.text.includes("Quneitra archive"));
    const md = await t.call(isr, "POST", "/api/intake/articles/upload?file_name=rally.md", "# Rally\n\nHundreds of people **demonstrated** in the main square of Sweida on Friday.", { "content-type": "application/octet-stream" });
    assert.equal(md.statusCode, 201, md.body);
    assert.equal(md.json().article.title, "Rally");
  });

  test("URL fetch: stored with its address and date; each refusal has its code and status", async () => {
    const ok = await t.call(isr, "POST", "/api/intake/articles/fetch", { url: `${fx.base}/jsonld.html` });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().article.published, "2025-08-20");
    assert.equal(ok.json().article.source_url, `${fx.base}/jsonld.html`);
    const cases: Array<[string, number, string]> = [
      ["/big.txt", 413, "too_large"], ["/slow", 504, "timeout"], ["/missing", 502, "http_error"], ["/image.png", 415, "unsupported_content"],
    ];
    for (const [path, status, code] of cases) {
      const r = await t.call(isr, "POST", "/api/intake/articles/fetch", { url: `${fx.base}${path}` });
      assert.deepEqual([r.statusCode, r.json().code], [status, code], path);
      assert.equal(r.json().details[0].path, "url");
    }
    const ftp = await t.call(isr, "POST", "/api/intake/articles/fetch", { url: "file:///etc/passwd" });
    assert.deepEqual([ftp.statusCode, ftp.json().details[0].path], [400, "url"]);
    // The same deployment without the test allowance refuses loopback.
    const limits = t.ctx.intake.d.fetch as { allowPrivate: boolean };
    limits.allowPrivate = false;
    try {
      const r = await t.call(isr, "POST", "/api/intake/articles/fetch", { url: `${fx.base}/plain.txt` });
      assert.deepEqual([r.statusCode, r.json().code], [400, "blocked_address"]);
    } finally {
      limits.allowPrivate = true;
    }
  });

  test("feeds: RSS and Atom polled on demand and on the schedule; seen items are not fetched again", async () => {
    const bad = await t.call(isr, "POST", "/api/intake/feeds", { url: "gopher://x" });
    assert.deepEqual([bad.statusCode, bad.json().details[0].path], [400, "url"]);
    const rss = (await t.call(isr, "POST", "/api/intake/feeds", { url: `${fx.base}/feed.rss`, interval_minutes: 30 })).json();
    assert.equal(rss.distribution, "party:ISR");
    assert.equal((await t.call(syr, "POST", `/api/intake/feeds/${rss.id}/poll`)).statusCode, 404);
    const p1 = (await t.call(isr, "POST", `/api/intake/feeds/${rss.id}/poll`)).json();
    assert.equal(p1.items, 2);
    assert.equal(p1.new_items, 2);
    assert.equal(p1.stored + p1.duplicates, 2, JSON.stringify(p1.errors));
    assert.equal(p1.duplicates, 1, "the Nawa page was uploaded before: linked, not stored again");
    assert.equal(fx.hits.get("/article.html"), 1, "a summary-only item is fetched for its full text");
    const p2 = (await t.call(isr, "POST", `/api/intake/feeds/${rss.id}/poll`)).json();
    assert.equal(p2.new_items, 0);
    assert.equal(fx.hits.get("/article.html"), 1);
    const atom = (await t.call(isr, "POST", "/api/intake/feeds", { url: `${fx.base}/feed.atom` })).json();
    const feedRow = (await t.call(isr, "GET", "/api/intake/feeds")).json().items.find((f: { id: string }) => f.id === rss.id);
    assert.equal(feedRow.title, "Southern Monitor");
    assert.equal(feedRow.last_status, "ok");
    // On the schedule: the jobs platform fires the tick, which polls the due feeds (the Atom one has not been polled yet).
    clock.advance(61_000);
    await t.ctx.jobs.runDue();
    await new Promise((r) => setImmediate(r));
    await t.ctx.intake.idle();
    const listed = (await t.call(isr, "GET", "/api/intake/feeds")).json().items.find((f: { id: string }) => f.id === atom.id);
    assert.equal(listed.last_status, "ok");
    assert.equal(listed.title, "Line watch");
    const fromAtom = (await t.call(isr, "GET", "/api/intake/articles?limit=100")).json().items.filter((a: { feed_id: string | null }) => a.feed_id === atom.id);
    assert.equal(fromAtom.length, 1);
    assert.equal(fromAtom[0].published, "2025-08-28");
    const notFeed = (await t.call(isr, "POST", "/api/intake/feeds", { url: `${fx.base}/not-a-feed.xml` })).json();
    const p3 = (await t.call(isr, "POST", `/api/intake/feeds/${notFeed.id}/poll`)).json();
    assert.equal(p3.errors[0].code, "unsupported_content");
    const paused = await t.call(isr, "PATCH", `/api/intake/feeds/${notFeed.id}`, { active: false });
    assert.equal(paused.json().active, false);
  });

  test("a side the text does not name comes back marked inferred, with the place's country", async () => {
    const text = "Community elders negotiated a halt to the shooting in Jasim on Tuesday, residents said. The town was calm by the evening.";
    const r = (await paste(isr, { text, published: "2025-06-12" })).json();
    const [p] = r.proposals as Prop[];
    assert.ok(p, "the negotiation was proposed");
    const view = (await t.call(isr, "GET", `/api/intake/proposals/${p.id}`)).json();
    assert.deepEqual([view.event.actor2.name, view.event.actor2.country, view.event.actor2.inferred], ["Unnamed side", "SYR", "side"]);
    assert.equal((await t.call(syr, "GET", `/api/intake/proposals/${p.id}`)).statusCode, 404, "the other party does not see it");
  });

  test("the audit chain still verifies after all of this", async () => {
    const check = await t.ctx.audit.integrityCheck(t.ctx.db);
    assert.deepEqual(check.problems, []);
  });
});
