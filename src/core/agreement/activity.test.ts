import { test } from "node:test";
import assert from "node:assert/strict";
import { buildPack } from "./build.ts";
import { checkActivity } from "./activity.ts";
import type { ActivityInput, Finding } from "./activity.ts";
import { InputError } from "./errors.ts";
import { miniPackFiles } from "./fixture.ts";

const pack = buildPack(miniPackFiles());
const KM_LON = 93.43;
const at = (dKmFromB: number) => ({ type: "Point", coordinates: [35.85 + dKmFromB / KM_LON, 33.15] });
const base = (over: Partial<ActivityInput>): ActivityInput => ({ id: "a1", party: "EST", geometry: at(5), start: "2025-06-01T06:00:00Z", end: "2025-06-01T18:00:00Z", forces: {}, ...over });
const find = (fs: Finding[], limit: string) => fs.filter((f) => f.limit_id === limit);

test("within limits: compliant findings carry zone, clause and source", () => {
  const r = checkActivity(pack, base({ forces: { troops: 800, tanks: 20 } }));
  assert.equal(r.status, "compliant");
  const tanks = find(r.findings, "b10-tanks")[0]!;
  assert.equal(tanks.status, "compliant");
  assert.equal(tanks.zone, "east-0-10");
  assert.equal(tanks.clause, "(1)(a)");
  assert.equal(tanks.source?.url, "https://example.org/treaty");
  assert.equal(r.disclaimer, "approximate — test");
});

test("too many tanks in the 0–10 km band is a breach naming the limit", () => {
  const r = checkActivity(pack, base({ forces: { tanks: 80 } }));
  assert.equal(r.status, "breach");
  const f = find(r.findings, "b10-tanks")[0]!;
  assert.equal(f.status, "breach");
  assert.equal(f.allowed, 75);
  assert.equal(f.total, 80);
});

test("troops are summed across concurrent activities of the same party", () => {
  const other = base({ id: "a2", geometry: at(7), start: "2025-06-01T12:00:00Z", end: "2025-06-02T00:00:00Z", forces: { troops: 3500 } });
  const r = checkActivity(pack, base({ forces: { troops: 3000 } }), [other]);
  const f = find(r.findings, "b10-troops")[0]!;
  assert.equal(f.status, "breach");
  assert.equal(f.total, 6500);
  assert.deepEqual(f.activities?.sort(), ["a1", "a2"]);
  assert.equal(f.peak_at, "2025-06-01T12:00:00.000Z");
  // Not overlapping in time, another band, or the other party: no sum.
  const later = { ...other, start: "2025-06-01T18:00:00Z" };
  assert.equal(find(checkActivity(pack, base({ forces: { troops: 3000 } }), [later]).findings, "b10-troops")[0]!.status, "compliant");
  const farther = { ...other, geometry: at(15) };
  assert.equal(find(checkActivity(pack, base({ forces: { troops: 3000 } }), [farther]).findings, "b10-troops")[0]!.status, "compliant");
  const west = { ...other, party: "WST" };
  assert.equal(find(checkActivity(pack, base({ forces: { troops: 3000 } }), [west]).findings, "b10-troops")[0]!.total, 3000);
});

test("forces in the area of separation breach both the AoS rule and the party's line", () => {
  const r = checkActivity(pack, base({ party: "WST", geometry: at(-2.6), forces: { troops: 50 } }));
  assert.equal(find(r.findings, "aos-none")[0]!.status, "breach");
  assert.equal(find(r.findings, "wst-west")[0]!.status, "breach");
  const police = checkActivity(pack, base({ party: "WST", geometry: at(-2.6), forces: { police: 20 } }));
  assert.equal(find(police.findings, "aos-none")[0]!.status, "compliant");
});

test("near an approximate line the verdict is a warning, not a breach", () => {
  const r = checkActivity(pack, base({ geometry: at(-0.3), forces: { troops: 10 } }));
  assert.equal(find(r.findings, "aos-none")[0]!.status, "warning");
  assert.equal(find(r.findings, "est-east")[0]!.status, "warning");
  assert.notEqual(r.status, "breach");
});

test("SAMs within 25 km, long-range or unknown artillery, wrong calibre", () => {
  const sam = checkActivity(pack, base({ geometry: at(22), forces: { sam: 2 } }));
  assert.equal(find(sam.findings, "b25-sam")[0]!.status, "breach");
  assert.equal(find(checkActivity(pack, base({ geometry: at(30), forces: { sam: 2 } })).findings, "b25-sam").length, 0);
  const art = checkActivity(pack, base({ geometry: at(15), forces: { artillery: [{ count: 10, range_km: 30 }, { count: 5 }] } }));
  assert.equal(find(art.findings, "b20-range")[0]!.status, "breach");
  const unknown = checkActivity(pack, base({ geometry: at(15), forces: { artillery: [{ count: 5 }] } }));
  assert.equal(find(unknown.findings, "b20-range")[0]!.status, "warning");
  const cal = checkActivity(pack, base({ forces: { artillery: [{ count: 6, caliber_mm: 155 }] } }));
  assert.equal(find(cal.findings, "b10-cal")[0]!.status, "breach");
});

test("aircraft beyond the party's own line breach; observation at the summit breaches", () => {
  const air = checkActivity(pack, base({ party: "WST", geometry: { type: "LineString", coordinates: [[35.7, 33.15], [35.9, 33.15]] }, forces: { aircraft: 2 } }));
  assert.equal(find(air.findings, "air")[0]!.status, "breach");
  const obs = checkActivity(pack, base({ party: "OBS", geometry: { type: "Point", coordinates: [35.826, 33.28] }, forces: { military_observation: true } }));
  assert.equal(find(obs.findings, "summit-obs")[0]!.status, "breach");
  assert.ok(obs.findings.some((f) => f.status === "warning" && /not a party/.test(f.message)));
});

test("bad activities are refused with the field named", () => {
  assert.throws(() => checkActivity(pack, base({ end: "2025-06-01T00:00:00Z" })), (e: unknown) => e instanceof InputError && e.issues[0]!.field === "end");
  assert.throws(() => checkActivity(pack, base({ forces: { tanks: -1 } })), (e: unknown) => e instanceof InputError && e.issues[0]!.field === "forces.tanks");
  assert.throws(() => checkActivity(pack, base({ geometry: { type: "Polygon", coordinates: [[[35, 33], [36, 33], [35, 33]]] } })), InputError);
  assert.throws(() => checkActivity(pack, base({}), [{ id: "x" }]), (e: unknown) => e instanceof InputError && e.issues[0]!.feature === 0);
});
