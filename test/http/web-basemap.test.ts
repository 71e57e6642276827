// The web map's basemap route and the built app's static serving: signed-in
// only, the disclaimer always present, names in three languages, unknown
// packs 404; the SPA fallback never answers for /api.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { basemapSchema } from "../../src/core/api/packs.ts";
import { webAppRoutes } from "../../src/server/platform/http/web-app.ts";
import { startTestApp, type Session, type TestApp } from "../helpers/app.ts";

let t: TestApp;
let isr: Session, admin: Session;
before(async () => {
  t = await startTestApp("sqlite");
  [isr, admin] = await Promise.all([t.login("isr.liaison"), t.login("admin")]);
});
after(async () => t.close());

test("basemap: 401 without a session", async () => {
  assert.equal((await t.call(null, "GET", "/api/packs/israel-syria-1974/basemap")).statusCode, 401);
});

test("basemap: every layer, the disclaimer, and place names in English, Arabic and Hebrew", async () => {
  const res = await t.call(isr, "GET", "/api/packs/israel-syria-1974/basemap");
  assert.equal(res.statusCode, 200);
  const b = basemapSchema.parse(res.json());
  assert.match(b.disclaimer, /approximate/i);
  assert.equal(b.approximate, true);
  assert.deepEqual(b.countries.features.map((f) => (f.properties as { id: string }).id).sort(), ["ISR", "SYR"]);
  const zoneIds = b.zones.features.map((f) => (f.properties as { id: string }).id);
  assert.ok(zoneIds.includes("aos") && zoneIds.includes("west-0-10") && zoneIds.includes("east-20-25"), zoneIds.join(","));
  assert.deepEqual(b.lines.features.map((f) => (f.properties as { key: string }).key).sort(), ["A", "B"]);
  const quneitra = b.places.find((p) => p.id === "quneitra");
  assert.ok(quneitra);
  assert.equal(quneitra.name.en, "Quneitra");
  assert.equal(quneitra.name.ar, "القنيطرة");
  assert.ok(quneitra.name.he);
  // The administrator sees the same public pack data.
  assert.equal((await t.call(admin, "GET", "/api/packs/israel-syria-1974/basemap")).statusCode, 200);
});

test("basemap: an unknown or malformed pack id is 404, the same body either way", async () => {
  const a = await t.call(isr, "GET", "/api/packs/no-such-pack/basemap");
  const b = await t.call(isr, "GET", "/api/packs/..%2F..%2Fetc/basemap");
  assert.equal(a.statusCode, 404);
  assert.equal(b.statusCode, 404);
  assert.equal(a.json().message, b.json().message);
});

test("static app: index.html for app paths with a strict CSP, assets as files, /api and missing assets never get HTML", async () => {
  const dir = mkdtempSync(join(tmpdir(), "truceline-web-"));
  try {
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dir, "assets", "app-abc.js"), "console.log(1)");
    const app = Fastify();
    app.get("/api/real", async () => ({ ok: true }));
    app.setNotFoundHandler((_req, reply) => { void reply.code(404).send({ code: "not_found" }); });
    await webAppRoutes(app, dir);
    const home = await app.inject({ url: "/" });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<title>app<\/title>/);
    assert.match(String(home.headers["content-security-policy"]), /default-src 'self'/);
    const deep = await app.inject({ url: "/incidents/inc_123?x=1" });
    assert.equal(deep.statusCode, 200);
    assert.match(deep.body, /<title>app/);
    const asset = await app.inject({ url: "/assets/app-abc.js" });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers["cache-control"]), /immutable/);
    assert.equal((await app.inject({ url: "/assets/missing.js" })).statusCode, 404);
    assert.equal((await app.inject({ url: "/api/real" })).json().ok, true);
    const api404 = await app.inject({ url: "/api/unknown" });
    assert.equal(api404.statusCode, 404);
    assert.equal(api404.json().code, "not_found");
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("static app: without a build the server is API only", async () => {
  const dir = mkdtempSync(join(tmpdir(), "truceline-noweb-"));
  try {
    const app = Fastify();
    await webAppRoutes(app, dir);
    assert.equal((await app.inject({ url: "/" })).statusCode, 404);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
