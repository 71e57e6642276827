import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { multiPolygon, point } from "@turf/helpers";
import { BUNDLED_PACKS_DIR, PackNotFoundError, listBundledPacks, loadBundledClassifier, loadBundledPack, loadPackFolder } from "./pack-files.ts";
import { PackValidationError } from "../../../core/agreement/errors.ts";
import { checkActivity } from "../../../core/agreement/activity.ts";
import { packToGeoJSON } from "../../../core/agreement/export.ts";
import { lat, lon, nearAnyEdge } from "../../../core/geo/index.ts";

const PACK = "israel-syria-1974";

// Independently located check points (GeoNames CC BY 4.0; Wikipedia for Hader
// and Beit Jinn; Natural Earth for the summit) with the side each should be on
// and the reference distances from the project's geodata notes.
const CHECK_POINTS: { name: string; lon: number; lat: number; expected: "aos" | "west" | "east"; A: number; B: number; nearLine?: "A" | "B" }[] = [
  { name: "Quneitra", lon: 35.82461, lat: 33.12595, expected: "aos", A: 1.09, B: 4.58 },
  { name: "Mount Hermon summit", lon: 35.85998, lat: 33.41, expected: "aos", A: 3.61, B: 0.92 },
  { name: "Majdal Shams", lon: 35.7716, lat: 33.27029, expected: "west", A: 0.06, B: 4.66, nearLine: "A" },
  { name: "Mas'ade", lon: 35.75572, lat: 33.23203, expected: "west", A: 4.05, B: 8.06 },
  { name: "Buq'ata", lon: 35.77917, lat: 33.20111, expected: "west", A: 2.65, B: 8.55 },
  { name: "Ein Qiniyye", lon: 35.73131, lat: 33.23752, expected: "west", A: 5.12, B: 9.55 },
  { name: "Katzrin", lon: 35.69139, lat: 32.99194, expected: "west", A: 15.51, B: 17.21 },
  { name: "Khan Arnabah", lon: 35.89158, lat: 33.18378, expected: "east", A: 5.62, B: 0.56 },
  { name: "Hader", lon: 35.83028, lat: 33.27944, expected: "east", A: 4.24, B: 0, nearLine: "B" },
  { name: "Beit Jinn", lon: 35.91889, lat: 33.31056, expected: "east", A: 10.86, B: 6.8 },
  { name: "Tasil", lon: 35.96973, lat: 32.83395, expected: "east", A: 12.14, B: 11.17 },
  { name: "Nawa", lon: 36.03905, lat: 32.88646, expected: "east", A: 15.52, B: 13.64 },
];

test("the bundled pack builds with exactly the treaty's zone ids", async () => {
  const pack = await loadBundledPack(PACK);
  assert.deepEqual(pack.zones.map((z) => z.id), ["aos", "west-0-10", "west-10-20", "west-20-25", "east-0-10", "east-10-20", "east-20-25"]);
  assert.equal(pack.meta.approximate, true);
  assert.equal(pack.meta.accuracy_m, 1000);
  assert.equal(pack.meta.disclaimer, "approximate — not the treaty map");
  assert.deepEqual(pack.parties.map((p) => [p.id, p.side, p.line]), [["SYR", "east", "line_B"], ["ISR", "west", "line_A"]]);
  // Derived bands are close to the reference bands of the project's geodata (which used a coarser buffer).
  const ref: Record<string, number> = { "west-0-10": 759.69, "west-10-20": 709.45, "west-20-25": 371.74, "east-0-10": 940.55, "east-10-20": 1029.24, "east-20-25": 576.96 };
  for (const [id, area] of Object.entries(ref)) {
    const z = pack.zones.find((x) => x.id === id)!;
    assert.ok(Math.abs(z.areaKm2 - area) / area < 0.01, `${id}: ${z.areaKm2} vs ${area}`);
  }
  assert.strictEqual(await loadBundledPack(PACK), pack, "cached per folder");
});

test("the 12 check points land on their side; Majdal Shams and Hader come out near the line", async () => {
  const c = await loadBundledClassifier(PACK);
  for (const p of CHECK_POINTS) {
    const r = c.classifyPoint(lon(p.lon), lat(p.lat));
    assert.ok(Math.abs(r.distance_km.A! - p.A) < 0.05 && Math.abs(r.distance_km.B! - p.B) < 0.05, `${p.name}: ${JSON.stringify(r.distance_km)}`);
    if (p.nearLine) {
      assert.equal(r.near_line, p.nearLine, p.name);
      assert.equal(r.certain, false, p.name);
      continue;
    }
    const got = r.zone === "aos" ? "aos" : r.zone.split("-")[0];
    assert.equal(got, p.expected, `${p.name} → ${r.zone}`);
    assert.equal(r.side, p.expected === "aos" ? "between" : p.expected, p.name);
  }
});

test("bands follow the ground distance from the line", async () => {
  const c = await loadBundledClassifier(PACK);
  const proj = c.pack.projection;
  // Move due east of a Line B vertex (and due west of a Line A vertex) by whole kilometres on the plane.
  const from = (lo: number, la: number, dxKm: number) => {
    const [x, y] = proj.forward(lo, la);
    const [plo, pla] = proj.inverse(x + dxKm * 1000, y);
    return c.classifyPoint(lon(plo), lat(pla));
  };
  const bVertex: [number, number] = [35.86461, 33.08155];
  assert.equal(from(...bVertex, 5).zone, "east-0-10");
  assert.equal(from(...bVertex, 15).zone, "east-10-20");
  assert.equal(from(...bVertex, 40).zone, "outside");
  assert.equal(from(...bVertex, 5).admin1?.startsWith("SY-"), true);
  const aVertex: [number, number] = [35.85903, 32.99021];
  assert.equal(from(...aVertex, -5).zone, "west-0-10");
  assert.equal(from(...aVertex, -15).zone, "west-10-20");
  // Everywhere along both lines, the band is the one the measured distance implies
  // (away from band edges, and inside Israel or Syria rather than Lebanon or Jordan).
  const band = (d: number) => (d < 10 ? "0-10" : d < 20 ? "10-20" : d < 25 ? "20-25" : null);
  for (const l of c.pack.lines) {
    const side = l.key === "A" ? -1 : 1;
    for (const v of l.coords) for (let k = 1; k <= 30; k++) {
      const r = from(v[0], v[1], side * k);
      const d = r.distance_km[l.key]!;
      if ([10, 20, 25].some((e) => Math.abs(d - e) < 0.01) || !/^(SY-(QU|DR|RD|DI|SU)|IL-)/.test(r.admin1 ?? "")) continue;
      if (r.zone === "aos") continue; // a wiggle of the line can put a point back between the lines
      const b = band(d);
      assert.equal(r.zone, b ? `${side < 0 ? "west" : "east"}-${b}` : "outside", `${l.id} ${v.join(",")} +${k} km: d=${d}`);
    }
  }
});

test("classifier equals turf over every zone polygon on random points (property)", async () => {
  const c = await loadBundledClassifier(PACK);
  const feats = c.pack.zones.map((z) => multiPolygon(z.geometry));
  const b = c.pack.bbox;
  fc.assert(fc.property(fc.double({ min: b.minX - 0.05, max: b.maxX + 0.05, noNaN: true }), fc.double({ min: b.minY - 0.05, max: b.maxY + 0.05, noNaN: true }), (x, y) => {
    if (nearAnyEdge(x, y, c.pack.zones.map((z) => z.geometry))) return;
    const ref = feats.findIndex((f) => booleanPointInPolygon(point([x, y]), f));
    assert.equal(c.zoneIndexAt(x, y), ref, `${x},${y}`);
  }), { numRuns: 2000 });
});

test("activity check on the real pack: 80 Syrian tanks 5 km east of Line B breach clause (1)(a)", async () => {
  const pack = await loadBundledPack(PACK);
  const r = checkActivity(pack, { id: "n1", party: "SYR", geometry: { type: "Point", coordinates: [35.93, 33.05] }, start: "2025-06-01T06:00:00Z", end: "2025-06-01T18:00:00Z", forces: { tanks: 80 } });
  const f = r.findings.find((x) => x.limit_id === "band10-tanks")!;
  assert.equal(f.status, "breach");
  assert.equal(f.clause, "US Proposal (1)(a)");
  assert.equal(f.source?.url, "https://history.state.gov/historicaldocuments/frus1969-76v26/d83");
});

test("pack GeoJSON carries the disclaimer on the collection and every feature", async () => {
  const gj = packToGeoJSON(await loadBundledPack(PACK));
  assert.equal(gj.disclaimer, "approximate — not the treaty map");
  assert.ok(gj.features.length >= 10);
  for (const f of gj.features as { properties: { disclaimer: string } }[]) assert.equal(f.properties.disclaimer, gj.disclaimer);
});

test("pack listing and ids", async () => {
  const list = await listBundledPacks();
  assert.ok(list.some((p) => p.id === PACK && p.approximate));
  await assert.rejects(loadBundledPack("../etc"), PackNotFoundError);
  await assert.rejects(loadBundledPack("no-such-pack"), (e: unknown) => e instanceof PackNotFoundError && e.packId === "no-such-pack");
});

test("a broken pack folder is reported by file, and JSON syntax errors are named", async () => {
  const dir = await mkdtemp(join(tmpdir(), "pack-"));
  try {
    await cp(join(BUNDLED_PACKS_DIR, PACK), dir, { recursive: true });
    await writeFile(join(dir, "limits.json"), "{ not json");
    await assert.rejects(loadPackFolder(dir), (e: unknown) => e instanceof PackValidationError && e.issues[0]!.file === "limits.json" && /not valid JSON/.test(e.issues[0]!.message));
    const lines = JSON.parse(await readFile(join(BUNDLED_PACKS_DIR, PACK, "lines.geojson"), "utf8"));
    lines.features[0].geometry.coordinates = [[35.8, 33.4]];
    await cp(join(BUNDLED_PACKS_DIR, PACK, "limits.json"), join(dir, "limits.json"));
    await writeFile(join(dir, "lines.geojson"), JSON.stringify(lines));
    // The earlier failure was not cached: the folder is read again.
    await assert.rejects(loadPackFolder(dir), (e: unknown) => e instanceof PackValidationError && e.issues[0]!.file === "lines.geojson" && e.issues[0]!.feature === "features[0] (line_A)");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
