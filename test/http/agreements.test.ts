// The agreement API: packs, GeoJSON with the disclaimer, classification in
// bulk with errors naming the feature, and the activity check.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { eachDialect } from "../helpers/dialects.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";

eachDialect("agreement packs over HTTP", (dialect) => {
  let t: TestApp;
  let syr: Session;
  before(async () => {
    t = await startTestApp(dialect);
    syr = await t.login("syr.liaison");
  });
  after(async () => t.close());

  test("list, summary and GeoJSON with the disclaimer on every feature", async () => {
    const list = (await t.call(null, "GET", "/api/packs")).json();
    assert.ok(list.items.some((p: { id: string }) => p.id === "israel-syria-1974"));
    const pack = (await t.call(null, "GET", "/api/packs/israel-syria-1974")).json();
    assert.equal(pack.approximate, true);
    assert.match(pack.disclaimer, /not the treaty map/);
    // Every zone has short names in the three languages for screens, beside its formal name.
    for (const z of pack.zones as Array<{ id: string; name: string; names: { en: string; ar?: string; he?: string } | null }>) {
      assert.ok(z.names?.en && z.names.ar && z.names.he, `names of ${z.id}`);
      assert.match(z.names.ar, /[\u0600-\u06ff]/, z.id);
      assert.match(z.names.he, /[\u0590-\u05ff]/, z.id);
    }
    assert.equal(pack.zones.find((z: { id: string }) => z.id === "east-0-10").names.en, "0–10 km east of Line B");
    // Governorates by code with their names (the public dashboard reads them without signing in).
    assert.deepEqual(pack.admin1.find((a: { id: string }) => a.id === "SY-QU").names, { en: "Quneitra", ar: "محافظة القنيطرة", he: "מחוז קוניטרה" });
    // Actors the dictionary knows, by id with their display names, for proposals shown in Arabic or Hebrew.
    assert.deepEqual(pack.actors.find((a: { id: string }) => a.id === "civilians").names.en, "civilians");
    for (const a of pack.actors as Array<{ id: string; names: { en: string; ar?: string; he?: string } }>) assert.ok(a.names.en && a.names.ar, `Arabic name of ${a.id}`);
    // The gazetteer by id, for extracted places shown in the reader's language.
    const places = (await t.call(null, "GET", "/api/packs/israel-syria-1974/places")).json().places as Array<{ id: string; names: { en: string; ar?: string; he?: string }; admin1: string | null }>;
    assert.ok(places.length >= 500, String(places.length));
    assert.deepEqual(places.find((p) => p.id === "damascus")?.names, { en: "Damascus", ar: "دمشق", he: "דמשק" });
    assert.equal(places.find((p) => p.id === "umm-batinah")?.admin1, "SY-QU");
    assert.equal((await t.call(null, "GET", "/api/packs/no-such-pack/places")).statusCode, 404);
    const gj = (await t.call(null, "GET", "/api/packs/israel-syria-1974/geojson")).json();
    assert.equal(gj.type, "FeatureCollection");
    assert.ok(gj.features.length > 8);
    for (const f of gj.features) assert.match(JSON.stringify(f.properties), /not the treaty map/);
    assert.equal(gj.features.find((f: { properties: { kind: string; id: string } }) => f.properties.kind === "zone" && f.properties.id === "aos").properties.names.ar, "منطقة الفصل");
    assert.equal((await t.call(null, "GET", "/api/packs/no-such-pack")).statusCode, 404);
    assert.equal((await t.call(null, "GET", "/api/packs/Bad%20Id")).statusCode, 400);
  });

  test("classify points: zones, distances, hints; bad points named by feature", async () => {
    const res = await t.call(syr, "POST", "/api/packs/israel-syria-1974/classify", {
      points: [
        { id: "quneitra", lon: 35.824, lat: 33.125 },
        { id: "damascus", lon: 36.29, lat: 33.51 },
        { id: "swapped", lon: 33.125, lat: 35.824 },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    const [q, d, s] = res.json().results;
    assert.ok(["aos", "east-0-10"].includes(q.zone), q.zone);
    assert.ok(typeof q.distance_km.A === "number" && typeof q.distance_km.B === "number");
    assert.equal(d.zone, "outside");
    assert.equal(s.zone, "outside");
    assert.match(String(s.hint), /swap|lat/i);
    assert.match(res.json().disclaimer, /not the treaty map/);
    const bad = await t.call(syr, "POST", "/api/packs/israel-syria-1974/classify", { points: [{ id: "ok", lon: 35.8, lat: 33.1 }, { id: "nan", lon: "x", lat: 33 }] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "validation_failed");
    assert.match(bad.json().message, /nan/);
    const tooMany = await t.call(syr, "POST", "/api/packs/israel-syria-1974/classify", { points: Array.from({ length: 100_001 }, (_, i) => ({ id: i, lon: 35.8, lat: 33.1 })) });
    assert.equal(tooMany.statusCode, 400);
    assert.match(tooMany.json().message, /100,?000/);
    const ring = await t.call(syr, "POST", "/api/packs/israel-syria-1974/classify", { type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "bow" }, geometry: { type: "Polygon", coordinates: [[[35.8, 33.0], [35.9, 33.1], [35.9, 33.0], [35.8, 33.1], [35.8, 33.0]]] } }] });
    assert.equal(ring.statusCode, 400);
    assert.match(ring.json().details[0].path, /features\.0/);
  });

  test("activity check: 7,000 troops in the 0–10 km band east of Line B is a breach with its clause", async () => {
    const activity = {
      id: "exercise-1",
      party: "SYR",
      geometry: { type: "Point", coordinates: [35.95, 33.05] },
      start: "2025-06-01T06:00:00Z",
      end: "2025-06-01T18:00:00Z",
      forces: { troops: 7000 },
    };
    const res = await t.call(syr, "POST", "/api/packs/israel-syria-1974/check", { activity });
    assert.equal(res.statusCode, 200, res.body);
    const breach = res.json().findings.find((f: { status: string }) => f.status === "breach");
    assert.ok(breach, JSON.stringify(res.json().findings));
    assert.ok(breach.clause);
    const bad = await t.call(syr, "POST", "/api/packs/israel-syria-1974/check", { activity: { ...activity, end: "2025-05-01T00:00:00Z" } });
    assert.equal(bad.statusCode, 400);
  });
});
