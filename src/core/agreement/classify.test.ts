import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { multiPolygon, point } from "@turf/helpers";
import { buildPack } from "./build.ts";
import { createClassifier, MAX_POINTS_PER_BATCH } from "./classify.ts";
import { InputError } from "./errors.ts";
import { miniPackFiles } from "./fixture.ts";
import { lat, lon, nearAnyEdge } from "../geo/index.ts";

const pack = buildPack(miniPackFiles());
const c = createClassifier(pack);
// Line A runs along 35.8°E; one km of longitude at 33.15°N is about 93.4 km per degree.
const KM_LON = 93.43;

test("points at known distances land in the right band", () => {
  const cases: [number, string, string][] = [
    [-5, "west-0-10", "west"], [-15, "west-10-20", "west"], [-22, "west-20-25", "west"], [-30, "outside", "west"],
  ];
  for (const [dkm, zone, side] of cases) {
    const r = c.classifyPoint(lon(35.8 + dkm / KM_LON), lat(33.15));
    assert.equal(r.zone, zone, `${dkm} km`);
    assert.equal(r.side, side);
    assert.ok(Math.abs(r.distance_km.A! - Math.abs(dkm)) < 0.05, `distance ${r.distance_km.A} for ${dkm}`);
  }
  const east = c.classifyPoint(lon(35.85 + 5 / KM_LON), lat(33.15));
  assert.equal(east.zone, "east-0-10");
  assert.equal(east.party_side, "EST");
  assert.equal(c.classifyPoint(lon(35.83), lat(33.15)).side, "between");
});

test("a point within the stated accuracy of a line is flagged near_line and uncertain", () => {
  const r = c.classifyPoint(lon(35.8 + 0.3 / KM_LON), lat(33.15));
  assert.equal(r.zone, "aos");
  assert.equal(r.near_line, "A");
  assert.equal(r.certain, false);
  assert.match(r.note ?? "", /±1 km of Line A/);
  assert.equal(c.classifyPoint(lon(35.825), lat(33.15)).near_line, null);
});

test("admin area and sites come with the point", () => {
  const r = c.classifyPoint(lon(35.826), lat(33.28));
  assert.equal(r.admin1, "EE-1");
  assert.deepEqual(r.sites, ["summit"]);
});

test("classifier agrees with turf over every zone polygon (property)", () => {
  const feats = pack.zones.map((z) => multiPolygon(z.geometry));
  fc.assert(fc.property(fc.double({ min: 35.3, max: 36.4, noNaN: true }), fc.double({ min: 32.7, max: 33.6, noNaN: true }), (x, y) => {
    if (nearAnyEdge(x, y, pack.zones.map((z) => z.geometry))) return;
    const ref = feats.findIndex((f) => booleanPointInPolygon(point([x, y]), f));
    assert.equal(c.zoneIndexAt(x, y), ref);
  }), { numRuns: 3000 });
});

test("swapped lon/lat lands outside with a hint", () => {
  const r = c.classifyPoint(lon(33.15), lat(35.81));
  assert.equal(r.zone, "outside");
  assert.match(r.hint ?? "", /swapped.*zone west-0-10|swapped/);
  const far = c.classifyPoint(lon(-70), lat(-40));
  assert.equal(far.zone, "outside");
  assert.equal(far.side, null);
  assert.match(far.hint ?? "", /far outside/);
});

test("batches: NaN, out-of-range and missing fields are named; oversize batches refused", () => {
  assert.throws(() => c.classifyPoints([{ id: "ok", lon: 35.7, lat: 33.1 }, { id: "bad", lon: Number.NaN, lat: 33 }]), (e: unknown) => e instanceof InputError && e.issues[0]!.feature === 1 && e.issues[0]!.id === "bad" && e.issues[0]!.field === "lon");
  assert.throws(() => c.classifyPoints([{ id: "x", lon: 35.7, lat: 95 }]), (e: unknown) => e instanceof InputError && /latitude must be ≤ 90/.test(e.message));
  assert.throws(() => c.classifyPoints([{ lon: 35.7, lat: 33 }]), (e: unknown) => e instanceof InputError && e.issues[0]!.field === "id");
  assert.throws(() => c.classifyPoints(new Array(MAX_POINTS_PER_BATCH + 1).fill({ id: "p", lon: 35.7, lat: 33.1 })), /too many points/);
  const ok = c.classifyPoints([{ id: 7, lon: 35.7, lat: 33.1 }]);
  assert.equal(ok[0]!.id, "7");
  assert.equal(ok[0]!.zone, "west-0-10");
});

test("a line crossing the lines is split by zone with lengths adding up", () => {
  const g = c.classifyGeometry({ type: "LineString", coordinates: [[35.6, 33.15], [36.1, 33.15]] });
  const sum = g.zones.reduce((s, z) => s + (z.length_km ?? 0), 0);
  assert.ok(Math.abs(sum - g.total_length_km!) < 0.01);
  assert.ok(Math.abs(g.total_length_km! - 0.5 * KM_LON) < 0.1, String(g.total_length_km));
  const aos = g.zones.find((z) => z.zone === "aos")!;
  assert.ok(Math.abs(aos.length_km! - 0.05 * KM_LON) < 0.1);
  assert.equal(aos.certain, true);
  assert.deepEqual(g.crosses_party_lines.sort(), ["EST", "WST"]);
  assert.equal(g.distance_km.A, 0);
});

test("a polygon is split by zone with areas adding up", () => {
  const g = c.classifyGeometry({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[35.75, 33.1], [35.9, 33.1], [35.9, 33.2], [35.75, 33.2], [35.75, 33.1]]] } });
  const sum = g.zones.reduce((s, z) => s + (z.area_km2 ?? 0), 0);
  assert.ok(Math.abs(sum - g.total_area_km2!) < 1e-3);
  assert.deepEqual(g.zones.map((z) => z.zone), ["aos", "west-0-10", "east-0-10"]);
});

test("bad geometries: invalid GeoJSON, unclosed and self-intersecting rings", () => {
  assert.throws(() => c.classifyGeometry({ type: "Circle", coordinates: [35, 33] }), (e: unknown) => e instanceof InputError && /geometry/.test(e.message));
  assert.throws(() => c.classifyGeometry({ type: "Polygon", coordinates: [[[35.7, 33], [35.9, 33], [35.9, 33.1], [35.7, 33.1]]] }), /not closed/);
  assert.throws(() => c.classifyGeometry({ type: "Polygon", coordinates: [[[35.7, 33], [35.9, 33.1], [35.9, 33], [35.7, 33.1], [35.7, 33]]] }), (e: unknown) => e instanceof InputError && e.issues[0]!.field === "geometry.coordinates[0]" && /intersects itself/.test(e.message));
  assert.throws(() => c.classifyGeometry({ type: "LineString", coordinates: [[35.7, 33], ["x", 33]] }), (e: unknown) => e instanceof InputError && e.issues[0]!.field === "geometry.coordinates[1][0]");
  assert.throws(() => c.classifyGeometry(null), InputError);
});
