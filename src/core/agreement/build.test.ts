import { test } from "node:test";
import assert from "node:assert/strict";
import { buildPack } from "./build.ts";
import { PackValidationError } from "./errors.ts";
import type { PackIssue } from "./errors.ts";
import { miniPackFiles } from "./fixture.ts";

function issuesOf(files: Record<string, unknown>): PackIssue[] {
  try {
    buildPack(files);
  } catch (e) {
    assert.ok(e instanceof PackValidationError, String(e));
    return e.issues;
  }
  assert.fail("expected the pack to be rejected");
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests poke at deep JSON paths of the fixture
type Json = Record<string, any>;
const edit = (f: (files: Json) => void) => {
  const files = structuredClone(miniPackFiles()) as Json;
  f(files);
  return files;
};

test("a valid pack builds its bands from the lines", () => {
  const pack = buildPack(miniPackFiles());
  assert.deepEqual(pack.zones.map((z) => z.id), ["aos", "west-0-10", "west-10-20", "west-20-25", "east-0-10", "east-10-20", "east-20-25"]);
  const L = pack.lines[0]!.lengthKm;
  assert.ok(Math.abs(L - 33.27) < 0.1, `line length ${L}`);
  // One side of a straight line: a strip L × 10 km plus a quarter disc at each end (the side's rays run due north and south).
  const west10 = pack.zones.find((z) => z.id === "west-0-10")!;
  const expected = L * 10 + 2 * (Math.PI * 100) / 4;
  assert.ok(Math.abs(west10.areaKm2 - expected) < 0.5, `${west10.areaKm2} vs ${expected}`);
  const west1020 = pack.zones.find((z) => z.id === "west-10-20")!;
  const expected2 = L * 10 + 2 * (Math.PI * (400 - 100)) / 4;
  assert.ok(Math.abs(west1020.areaKm2 - expected2) < 0.5, `${west1020.areaKm2} vs ${expected2}`);
  assert.equal(pack.bbox.minX < 35.8 - 0.25, true);
});

test("missing required files are named", () => {
  const issues = issuesOf(edit((f) => { delete f["limits.json"]; }));
  assert.deepEqual(issues.map((i) => [i.file, i.message]), [["limits.json", "file is missing"]]);
});

test("schema errors name the file, the feature and the field", () => {
  const issues = issuesOf(edit((f) => { f["lines.geojson"].features[1].geometry.coordinates[1][0] = 200; }));
  assert.equal(issues[0]!.file, "lines.geojson");
  assert.equal(issues[0]!.feature, "features[1] (line_B)");
  assert.equal(issues[0]!.field, "geometry.coordinates[1][0]");
});

test("NaN coordinates are rejected, not silently carried", () => {
  const issues = issuesOf(edit((f) => { f["lines.geojson"].features[0].geometry.coordinates[0][1] = Number.NaN; }));
  assert.match(issues[0]!.message, /NaN|finite/);
  assert.equal(issues[0]!.field, "geometry.coordinates[0][1]");
});

test("invalid GeoJSON (wrong type, not a collection) is reported per file", () => {
  const issues = issuesOf(edit((f) => { f["zones.geojson"] = { type: "Feature" }; f["lines.geojson"].features[0].geometry.type = "Polygon"; }));
  assert.ok(issues.some((i) => i.file === "zones.geojson"));
  assert.ok(issues.some((i) => i.file === "lines.geojson" && i.feature === "features[0] (line_A)"));
});

test("an unclosed ring is named with its feature", () => {
  const issues = issuesOf(edit((f) => { f["zones.geojson"].features[0].geometry.coordinates[0].pop(); }));
  assert.deepEqual(issues.map((i) => [i.file, i.feature, i.field]), [["zones.geojson", "features[0] (aos)", "geometry.coordinates[0]"]]);
  assert.match(issues[0]!.message, /not closed/);
});

test("a self-intersecting ring is named with its feature", () => {
  const issues = issuesOf(edit((f) => { f["countries.geojson"].features[0].geometry.coordinates = [[[35, 32.5], [35.8, 33.8], [35.8, 32.5], [35, 33.8], [35, 32.5]]]; }));
  assert.equal(issues[0]!.file, "countries.geojson");
  assert.equal(issues[0]!.feature, "features[0] (WWW)");
  assert.match(issues[0]!.message, /intersects itself/);
});

test("cross-references are checked: zones, parties, sources, lines", () => {
  const issues = issuesOf(edit((f) => {
    f["limits.json"].limits[0].zones = ["nowhere"];
    f["limits.json"].limits[1].source = "rumour";
    f["zones.json"].zones[1].line = "line_Z";
    f["pack.json"].parties[0].country = "XXX";
  }));
  const text = issues.map((i) => `${i.file}|${i.feature ?? ""}|${i.field ?? ""}`);
  assert.ok(text.includes("limits.json|limits[0] (wst-west)|zones[0]"), text.join("\n"));
  assert.ok(text.includes("limits.json|limits[1] (est-east)|source"), text.join("\n"));
  assert.ok(text.includes("zones.json|zones[1] (west-0-10)|line"), text.join("\n"));
  assert.ok(text.includes("pack.json|parties[0] (WST)|country"), text.join("\n"));
});

test("\"outside\" is reserved and duplicate zone ids are refused", () => {
  const reserved = issuesOf(edit((f) => { f["zones.json"].zones[2].id = "outside"; }));
  assert.ok(reserved.some((i) => i.feature === "zones[2] (outside)" && /reserved/.test(i.message)));
  const dup = issuesOf(edit((f) => { f["zones.json"].zones[3].id = "west-0-10"; }));
  assert.ok(dup.some((i) => i.feature === "zones[3] (west-0-10)" && /duplicate/.test(i.message)), JSON.stringify(dup));
});

test("places.json and actors.json are validated when present", () => {
  const issues = issuesOf(edit((f) => { f["places.json"] = { attribution: "x", places: [{ id: "Bad Id", names: { en: ["X"] }, feature: "town", lon: 35, lat: 33, source: "s" }] }; }));
  assert.equal(issues[0]!.file, "places.json");
  assert.equal(issues[0]!.feature, "places[0] (Bad Id)");
  const ok = buildPack(edit((f) => { f["actors.json"] = { actors: [{ id: "a", names: { en: ["A"] }, country: null, inter: 8, kind: "un" }] }; }));
  assert.equal(ok.actors?.actors.length, 1);
});
