import { test } from "node:test";
import assert from "node:assert/strict";
import { buildPack } from "./build.ts";
import { createClassifier } from "./classify.ts";
import { classifyLonLat, classifyRequest } from "./api.ts";
import { checkNotificationLead, replyDeadlines } from "./channel.ts";
import { InputError } from "./errors.ts";
import { miniPackFiles } from "./fixture.ts";

const pack = buildPack(miniPackFiles());
const c = createClassifier(pack);

test("classify requests: points, FeatureCollections and single geometries", () => {
  const a = classifyRequest(c, { points: [{ id: "p", lon: 35.7, lat: 33.1 }] });
  assert.equal(a.disclaimer, "approximate — test");
  assert.equal((a.results[0] as { zone: string }).zone, "west-0-10");
  const b = classifyRequest(c, { type: "FeatureCollection", features: [
    { type: "Feature", id: "x", properties: null, geometry: { type: "Point", coordinates: [35.9, 33.1] } },
    { type: "Feature", properties: { id: "l" }, geometry: { type: "LineString", coordinates: [[35.7, 33.1], [35.9, 33.1]] } },
  ] });
  assert.deepEqual(b.results.map((r) => r.id), ["x", "l"]);
  const g = classifyRequest(c, { geometry: { type: "Point", coordinates: [35.83, 33.1] } });
  assert.equal(g.results[0]!.id, "0");
  assert.equal(classifyLonLat(c, "35.7", "33.1").zone, "west-0-10");
});

test("classify requests: bad features are named, oversize batches refused", () => {
  assert.throws(() => classifyRequest(c, { type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "bad" }, geometry: { type: "Point", coordinates: [35.9, "x"] } }] }), (e: unknown) => e instanceof InputError && e.issues[0]!.feature === 0 && e.issues[0]!.id === "bad");
  assert.throws(() => classifyRequest(c, { points: [{ id: "a", lon: 1, lat: 2 }, { id: "b", lon: 1, lat: 2 }] }, 1), /too many points/);
  assert.throws(() => classifyRequest(c, "nope"), InputError);
  assert.throws(() => classifyLonLat(c, "abc", "33"), InputError);
});

test("channel deadlines: acknowledgement due in 30 min, lead of 6 h", () => {
  const d = replyDeadlines(pack, "notification", "2025-06-01T06:00:00Z");
  assert.equal(d[0]!.due_at, "2025-06-01T06:30:00.000Z");
  assert.equal(d[0]!.escalations[0]!.to, "mediator");
  assert.deepEqual(checkNotificationLead(pack, "2025-06-01T06:00:00Z", "2025-06-01T11:00:00Z").map((x) => [x.ok, x.lead_minutes]), [[false, 300]]);
  assert.equal(checkNotificationLead(pack, "2025-06-01T06:00:00Z", "2025-06-01T12:00:00Z")[0]!.ok, true);
});
