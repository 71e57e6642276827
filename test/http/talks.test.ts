// The talks register over HTTP: meetings and delegations, minutes, iCalendar,
// commitments with measured criteria, windows and the inspection cadence —
// each route for the other party too.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";
import { ManualClock } from "../../src/server/platform/clock.ts";

eachDialect("talks register", (dialect) => {
  let t: TestApp;
  let isr: Session, syr: Session, usa: Session, undof: Session;
  const clock = new ManualClock(new Date("2025-06-01T08:00:00Z"));
  before(async () => {
    t = await startTestApp(dialect, { clock });
    [isr, syr, usa, undof] = (await Promise.all(["isr.liaison", "syr.liaison", "usa.mediator", "undof.observer"].map((u) => t.login(u)))) as [Session, Session, Session, Session];
  });
  after(async () => t.close());

  const meeting = { title: "Direct talks, round 3", starts_at: "2025-06-03T09:00:00Z", ends_at: "2025-06-03T13:00:00Z", place: "Baku", format: "in_person", agenda: ["Return to the 1974 lines", "Hotline procedures"], distribution: "shared" };

  test("only the mediator schedules meetings; 400 names the field", async () => {
    const denied = await t.call(isr, "POST", "/api/meetings", meeting);
    assert.equal(denied.statusCode, 403);
    const bad = await t.call(usa, "POST", "/api/meetings", { ...meeting, starts_at: "tomorrow" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().details[0].path, "body.starts_at");
    const backwards = await t.call(usa, "POST", "/api/meetings", { ...meeting, ends_at: "2025-06-03T08:00:00Z" });
    assert.equal(backwards.json().details[0].path, "ends_at");
  });

  test("delegation members are visible to their own party only; others see a count", async () => {
    const m = (await t.call(usa, "POST", "/api/meetings", meeting)).json();
    assert.equal((await t.call(isr, "POST", `/api/meetings/${m.id}/delegates`, { party: "ISR", name: "Col. A. Levi", role_title: "head of delegation" })).statusCode, 201);
    assert.equal((await t.call(syr, "POST", `/api/meetings/${m.id}/delegates`, { party: "SYR", name: "Brig. K. Haddad", role_title: "security official" })).statusCode, 201);
    assert.equal((await t.call(syr, "POST", `/api/meetings/${m.id}/delegates`, { party: "ISR", name: "impostor", role_title: "" })).statusCode, 403, "a party names only its own delegation");
    const seenBySyr = (await t.call(syr, "GET", `/api/meetings/${m.id}`)).json();
    assert.deepEqual(seenBySyr.delegates.map((d: { name: string }) => d.name), ["Brig. K. Haddad"]);
    assert.deepEqual(seenBySyr.undisclosed_delegates, { ISR: 1 });
    const seenByUsa = (await t.call(usa, "GET", `/api/meetings/${m.id}`)).json();
    assert.equal(seenByUsa.delegates.length, 0, "even the mediator sees no names unless shared");
    assert.deepEqual(seenByUsa.undisclosed_delegates, { ISR: 1, SYR: 1 });
  });

  test("attachments: bytes hashed and sniffed, each with its own distribution", async () => {
    const m = (await t.call(usa, "POST", "/api/meetings", { ...meeting, title: "With papers" })).json();
    const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(200, 32)]);
    const up = await t.app.inject({ method: "POST", url: `/api/meetings/${m.id}/attachments?distribution=party:ISR&file_name=position.pdf`, headers: { cookie: `tl_session=${isr.cookie}`, "x-csrf-token": isr.csrf, "content-type": "application/octet-stream" }, payload: pdf });
    assert.equal(up.statusCode, 201, up.body);
    assert.equal(up.json().content_type, "application/pdf");
    const mine = (await t.call(isr, "GET", `/api/meetings/${m.id}`)).json();
    assert.equal(mine.attachments.length, 1);
    assert.equal((await t.call(syr, "GET", `/api/meetings/${m.id}`)).json().attachments.length, 0);
    const id = up.json().id;
    assert.equal((await t.call(syr, "GET", `/api/meetings/${m.id}/attachments/${id}`)).statusCode, 404);
    const got = await t.call(isr, "GET", `/api/meetings/${m.id}/attachments/${id}`);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers["x-sha256"], up.json().sha256);
    assert.deepEqual(got.rawPayload, pdf);
    const badName = await t.app.inject({ method: "POST", url: `/api/meetings/${m.id}/attachments?distribution=shared&file_name=../../etc/passwd`, headers: { cookie: `tl_session=${isr.cookie}`, "x-csrf-token": isr.csrf, "content-type": "application/octet-stream" }, payload: pdf });
    assert.equal(badName.statusCode, 400);
    assert.equal(badName.json().details[0].path, "query.file_name");
    const hidden = await t.app.inject({ method: "POST", url: `/api/meetings/${m.id}/attachments?distribution=party:SYR&file_name=x.pdf`, headers: { cookie: `tl_session=${isr.cookie}`, "x-csrf-token": isr.csrf, "content-type": "application/octet-stream" }, payload: pdf });
    assert.equal(hidden.statusCode, 400, "an attachment its own party could not read is refused");
  });

  test("minutes are sanitized Markdown; restricted minutes are dropped for others", async () => {
    const m = (await t.call(usa, "POST", "/api/meetings", { ...meeting, title: "Mediator-only prep", distribution: "shared", minutes_distribution: "mediator" })).json();
    const patched = await t.call(usa, "PATCH", `/api/meetings/${m.id}`, { minutes_md: "## Outcome\n<script>x()</script>Both sides **agreed** to test the hotline.", outcomes: ["Hotline test on Thursday"] });
    assert.equal(patched.statusCode, 200);
    assert.ok(!patched.json().minutes_md.includes("<script>"));
    assert.match(patched.json().minutes_html, /<strong>agreed<\/strong>/);
    const forSyr = (await t.call(syr, "GET", `/api/meetings/${m.id}`)).json();
    assert.equal(forSyr.minutes_md, null);
    assert.equal(forSyr.minutes_redacted, true);
    assert.deepEqual(forSyr.outcomes, ["Hotline test on Thursday"]);
    assert.equal((await t.call(syr, "PATCH", `/api/meetings/${m.id}`, { minutes_md: "rewrite" })).statusCode, 403);
  });

  test("iCalendar lists only the meetings the reader may see", async () => {
    await t.call(usa, "POST", "/api/meetings", { ...meeting, title: "Back channel with ISR", distribution: "party:USA" });
    const ics = await t.call(syr, "GET", "/api/meetings.ics");
    assert.equal(ics.statusCode, 200);
    assert.match(ics.headers["content-type"] as string, /text\/calendar/);
    assert.match(ics.body, /BEGIN:VCALENDAR/);
    assert.match(ics.body, /SUMMARY:Direct talks\\, round 3/, "commas escaped per RFC 5545");
    assert.ok(!ics.body.includes("Back channel"));
    assert.match((await t.call(usa, "GET", "/api/meetings.ics")).body, /Back channel/);
  });

  test("commitments: status moves by role with reasons; the other party cannot see a party-only one", async () => {
    const c = (await t.call(usa, "POST", "/api/commitments", { text: "Remove heavy weapons from the 0–10 km band east of Line B", committed_party: "SYR", beneficiary_party: "ISR", kind: "cbm", due_date: "2025-06-30", distribution: "shared" })).json();
    assert.equal(c.status, "proposed");
    const byIsr = await t.call(isr, "POST", `/api/commitments/${c.id}/status`, { status: "agreed", reason: "we accept on their behalf" });
    assert.equal(byIsr.statusCode, 403);
    const noReason = await t.call(syr, "POST", `/api/commitments/${c.id}/status`, { status: "agreed", reason: "" });
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().details[0].path, "body.reason");
    assert.equal((await t.call(syr, "POST", `/api/commitments/${c.id}/status`, { status: "agreed", reason: "accepted at round 3" })).statusCode, 200);
    const jump = await t.call(syr, "POST", `/api/commitments/${c.id}/status`, { status: "fulfilled", reason: "done" });
    assert.equal(jump.statusCode, 403, "fulfilment is adjudicated by the mediator");
    const final = await t.call(usa, "POST", `/api/commitments/${c.id}/status`, { status: "fulfilled", reason: "verified at inspection", evidence: [{ type: "inspection", id: "win_x" }] });
    assert.equal(final.statusCode, 200);
    assert.deepEqual(final.json().history.map((h: { status: string }) => h.status), ["proposed", "agreed", "fulfilled"]);
    const priv = (await t.call(isr, "POST", "/api/commitments", { text: "internal target", committed_party: "ISR", distribution: "party:ISR" })).json();
    assert.equal((await t.call(syr, "GET", `/api/commitments/${priv.id}`)).statusCode, 404);
    assert.equal((await t.call(syr, "POST", `/api/commitments/${priv.id}/status`, { status: "agreed", reason: "xxx" })).statusCode, 404);
  });

  test("inspections: observer schedules and records; the cadence shows overdue zones; criteria are measured from findings", async () => {
    const denied = await t.call(syr, "POST", "/api/windows", { kind: "inspection", title: "x", zone: "east-0-10", starts_at: "2025-06-02T06:00:00Z", ends_at: "2025-06-02T12:00:00Z", distribution: "shared" });
    assert.equal(denied.statusCode, 403);
    const badZone = await t.call(undof, "POST", "/api/windows", { kind: "inspection", title: "x", zone: "moon", starts_at: "2025-06-02T06:00:00Z", ends_at: "2025-06-02T12:00:00Z", distribution: "shared" });
    assert.equal(badZone.statusCode, 400);
    assert.equal(badZone.json().details[0].path, "zone");
    const c = (await t.call(usa, "POST", "/api/commitments", { text: "No artillery in the 0–10 km band east of Line B", committed_party: "SYR", due_date: "2025-06-20", distribution: "shared", criterion: { kind: "none_found_at_inspections", zone: "east-0-10", item: "artillery", from: "2025-06-01" } })).json();
    assert.equal(c.measured.status, "insufficient_data");
    const w = (await t.call(undof, "POST", "/api/windows", { kind: "inspection", title: "Fortnightly inspection", zone: "east-0-10", starts_at: "2025-06-02T06:00:00Z", ends_at: "2025-06-02T12:00:00Z", distribution: "shared" })).json();
    const done = await t.call(undof, "POST", `/api/windows/${w.id}/complete`, { findings: { artillery: 0, tanks: 40 }, completed_at: "2025-06-02T11:00:00Z" });
    assert.equal(done.statusCode, 200);
    assert.equal((await t.call(undof, "POST", `/api/windows/${w.id}/complete`, { findings: {} })).statusCode, 409);
    const measured = (await t.call(syr, "GET", `/api/commitments/${c.id}`)).json().measured;
    assert.equal(measured.status, "in_progress");
    assert.equal(measured.numbers.inspections, 1);
    const cadence = (await t.call(isr, "GET", "/api/inspections/cadence")).json();
    const east = cadence.items.find((z: { zone: string }) => z.zone === "east-0-10");
    assert.equal(east.overdue, false);
    assert.equal(east.due, "2025-06-17T11:00:00.000Z");
    assert.ok(cadence.items.find((z: { zone: string }) => z.zone === "west-0-10").overdue, "never inspected = overdue");
    clock.advance(17 * 86_400_000);
    // Sessions last hours, not weeks: sign in again after the jump.
    [isr, syr, undof] = (await Promise.all(["isr.liaison", "syr.liaison", "undof.observer"].map((u) => t.login(u)))) as [Session, Session, Session];
    const later = (await t.call(isr, "GET", "/api/inspections/cadence")).json();
    assert.equal(later.items.find((z: { zone: string }) => z.zone === "east-0-10").overdue, true);
    const w2 = (await t.call(undof, "POST", "/api/windows", { kind: "inspection", title: "Follow-up", zone: "east-0-10", starts_at: "2025-06-18T06:00:00Z", ends_at: "2025-06-18T12:00:00Z", distribution: "shared" })).json();
    await t.call(undof, "POST", `/api/windows/${w2.id}/complete`, { findings: { artillery: 3 } });
    const breached = (await t.call(isr, "GET", `/api/commitments/${c.id}`)).json().measured;
    assert.equal(breached.status, "breached");
    assert.deepEqual(breached.records, [w2.id]);
  });

  test("truce windows belong to their party; others cannot cancel them", async () => {
    const w = (await t.call(isr, "POST", "/api/windows", { kind: "repair", title: "Fence repair near Majdal Shams", starts_at: "2025-06-20T06:00:00Z", ends_at: "2025-06-20T10:00:00Z", distribution: "shared" })).json();
    assert.equal((await t.call(syr, "POST", `/api/windows/${w.id}/cancel`, { reason: "not agreed" })).statusCode, 403);
    assert.equal((await t.call(isr, "POST", `/api/windows/${w.id}/cancel`, { reason: "postponed" })).json().status, "cancelled");
    const hidden = (await t.call(isr, "POST", "/api/windows", { kind: "truce", title: "internal", starts_at: "2025-06-20T06:00:00Z", ends_at: "2025-06-20T10:00:00Z", distribution: "party:ISR" })).json();
    const syrList = (await t.call(syr, "GET", "/api/windows?kind=truce")).json();
    assert.ok(!syrList.items.some((x: { id: string }) => x.id === hidden.id));
  });
});
