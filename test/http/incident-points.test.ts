// The map's points route over HTTP: columns, need-to-know per viewer (the
// answer is cached per visibility set, so one party's cached answer must never
// reach another), a new incident seen at once (the cache follows the audit
// log's head), and 304 for an unchanged answer.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";
import { mapPointColumns } from "../../src/server/modules/incidents/incident-map.repository.ts";
import { loadViewer } from "../../src/server/platform/access.ts";
import { dateOfDay, decodePoints, pointsJson, POINTS_MEDIA_TYPE, type MapPoints } from "../../src/core/api/map.ts";

const base = {
  event_date: "2026-05-16", event_type: "Explosions/Remote violence", sub_event_type: "Shelling/artillery/missile attack",
  actor1: "Military Forces of Syria (2024-)", actor2: "", location: "Khan Arnabah", latitude: 33.183612345, longitude: 35.887212345, fatalities: 0, notes: "Rounds east of the village.",
};

eachDialect("incident map points over HTTP", (dialect) => {
  let t: TestApp;
  let isr: Session, isr2: Session, syr: Session, usa: Session;
  let shared: string, isrOnly: string;
  const mk = async (s: Session, body: object) => {
    const r = await t.call(s, "POST", "/api/incidents", { ...base, ...body });
    assert.equal(r.statusCode, 201, r.body);
    return r.json().id as string;
  };
  const points = async (s: Session, qs = "") => {
    const r = await t.call(s, "GET", `/api/incidents/points${qs}`);
    assert.equal(r.statusCode, 200, r.body);
    return r.json<MapPoints>();
  };
  before(async () => {
    t = await startTestApp(dialect);
    [isr, isr2, syr, usa] = (await Promise.all(["isr.liaison", "isr.analyst", "syr.liaison", "usa.mediator"].map((u) => t.login(u)))) as [Session, Session, Session, Session];
    shared = await mk(isr, { distribution: "shared" });
    isrOnly = await mk(isr, { distribution: "party:ISR", event_date: "2026-05-20", event_type: "Battles", sub_event_type: "Armed clash", location: "Hadar", latitude: 33.2667, longitude: 35.8667 });
  });
  after(async () => t.close());

  test("401 without a session, 400 naming a bad limit", async () => {
    assert.equal((await t.call(null, "GET", "/api/incidents/points")).statusCode, 401);
    const bad = await t.call(isr, "GET", "/api/incidents/points?limit=0");
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().details[0].path, /limit/);
  });

  test("columns of equal length, newest first, dictionaries for type and verification, five decimals", async () => {
    const p = await points(isr);
    assert.equal(p.count, 2);
    for (const col of [p.ids, p.lon, p.lat, p.day, p.type, p.verification]) assert.equal(col.length, p.count);
    assert.deepEqual(p.ids, [isrOnly, shared]);
    assert.deepEqual(p.day.map(dateOfDay), ["2026-05-20", "2026-05-16"]);
    assert.deepEqual(p.type.map((i) => p.types[i]), ["Battles", "Explosions/Remote violence"]);
    assert.ok(p.verification.every((i) => typeof p.verifications[i] === "string"));
    assert.deepEqual([p.lon[1], p.lat[1]], [35.88721, 33.18361]);
    assert.equal(p.truncated, false);
    const one = await points(isr, "?limit=1");
    assert.deepEqual([one.ids, one.truncated], [[isrOnly], true]);
  });

  test("format=binary answers the same columns as typed arrays, with its own ETag", async () => {
    const json = await points(isr);
    const r = await t.call(isr, "GET", "/api/incidents/points?format=binary");
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers["content-type"], POINTS_MEDIA_TYPE);
    const bin = (x: typeof r) => decodePoints(x.rawPayload.buffer.slice(x.rawPayload.byteOffset, x.rawPayload.byteOffset + x.rawPayload.byteLength) as ArrayBuffer);
    const b = bin(r);
    assert.deepEqual(b.ids(), json.ids);
    assert.deepEqual([...b.lonE5].map((v) => v / 1e5), json.lon);
    assert.deepEqual([...b.latE5].map((v) => v / 1e5), json.lat);
    assert.deepEqual([...b.day], json.day);
    assert.deepEqual([...b.type].map((i) => b.types[i]), json.type.map((i) => json.types[i]));
    assert.deepEqual(bin(await t.call(syr, "GET", "/api/incidents/points?format=binary")).ids(), [shared]);
    const again = await t.call(isr, "GET", "/api/incidents/points", undefined, { "if-none-match": r.headers.etag as string });
    assert.equal(again.statusCode, 200, "the JSON answer is not the binary one");
  });

  test("each viewer gets its own party's answer, even straight after another party's was cached", async () => {
    await points(isr);
    assert.deepEqual((await points(syr)).ids, [shared]);
    assert.deepEqual((await points(usa)).ids, [shared]);
    assert.deepEqual((await points(isr2)).ids, [isrOnly, shared]);
  });

  test("a new incident shows at once, and an unchanged answer is a 304 for its ETag", async () => {
    const first = await t.call(syr, "GET", "/api/incidents/points");
    const etag = first.headers.etag as string;
    assert.ok(etag);
    const again = await t.call(syr, "GET", "/api/incidents/points", undefined, { "if-none-match": etag });
    assert.equal(again.statusCode, 304);
    const added = await mk(syr, { distribution: "party:SYR", event_date: "2026-05-21" });
    const after = await t.call(syr, "GET", "/api/incidents/points", undefined, { "if-none-match": etag });
    assert.equal(after.statusCode, 200);
    assert.notEqual(after.headers.etag, etag);
    assert.deepEqual(after.json<MapPoints>().ids, [added, shared]);
    assert.deepEqual((await points(isr)).ids, [isrOnly, shared], "SYR's own incident stays with SYR");
  });

  test("the read in small keyset pages gives the same rows as in one", async () => {
    await mk(isr, { distribution: "shared", event_date: "2026-05-16", location: "Same day" });
    const u = await t.ctx.db.selectFrom("users").select(["id", "party_id", "role"]).where("username", "=", "isr.analyst").executeTakeFirstOrThrow();
    const viewer = await loadViewer(t.ctx.db, u);
    const read = async (limit: number, size?: number) => pointsJson(await mapPointColumns(t.ctx.db, t.ctx.dialect, viewer, {}, limit, size));
    const whole = await read(100);
    assert.ok(whole.count >= 3);
    assert.equal(whole.truncated, false);
    for (const size of [1, 2]) assert.deepEqual(await read(100, size), whole);
    const two = await read(2, 1);
    assert.deepEqual([two.ids, two.day, two.lon, two.truncated], [whole.ids.slice(0, 2), whole.day.slice(0, 2), whole.lon.slice(0, 2), true]);
    assert.deepEqual(await read(whole.count, 2), whole, "exactly the limit is not cut");
  });
});
