import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { checkMove, movesFor, TRANSITIONS } from "./verification.ts";
import { VERIFICATION_STATES } from "./taxonomy.ts";
import { duplicateVerdict, haversineKm, type DuplicateInput } from "./duplicates.ts";
import { sniffContentType } from "./sniff.ts";
import type { Mover } from "./verification.ts";

const observer: Mover = { partyKind: "observer", role: "observer" };
const mediator: Mover = { partyKind: "mediator", role: "mediator" };
const liaison: Mover = { partyKind: "party", role: "liaison" };
const analyst: Mover = { partyKind: "party", role: "analyst" };
const admin: Mover = { partyKind: null, role: "admin" };

test("verification: adjudicators move incidents; a party's liaison only asks for review; a reason is required", () => {
  assert.deepEqual(checkMove("reported", "under_review", liaison, "please look"), { ok: true });
  assert.equal(checkMove("under_review", "corroborated", liaison, "we agree").ok, false);
  assert.deepEqual(checkMove("under_review", "corroborated", observer, "two patrols heard it"), { ok: true });
  assert.deepEqual(checkMove("corroborated", "verified", mediator, "crater seen"), { ok: true });
  const noReason = checkMove("corroborated", "verified", observer, " ");
  assert.ok(!noReason.ok && noReason.kind === "reason");
  const skip = checkMove("reported", "verified", observer, "obvious");
  assert.ok(!skip.ok && skip.kind === "invalid");
  const reopen = checkMove("verified", "under_review", observer, "new facts");
  assert.ok(!reopen.ok && reopen.kind === "forbidden");
  assert.deepEqual(checkMove("verified", "under_review", mediator, "new facts"), { ok: true });
});

test("verification: no one without a party and no analyst can move anything; movesFor agrees with checkMove", () => {
  const who = fc.constantFrom(observer, mediator, liaison, analyst, admin);
  const st = fc.constantFrom(...VERIFICATION_STATES);
  fc.assert(fc.property(st, st, who, (from, to, w) => {
    const ok = checkMove(from, to, w, "a reason").ok;
    assert.equal(ok, movesFor(from, w).includes(to));
    if (w === admin || w === analyst) assert.equal(ok, false);
    if (ok) assert.ok(TRANSITIONS[from][to]);
  }));
});

const base: DuplicateInput = {
  event_date: "2025-05-16", event_type: "Battles", actor1: "Military Forces of Israel", actor2: "Unidentified Armed Group (Syria)",
  assoc_actor_1: "", assoc_actor_2: "", latitude: 33.1, longitude: 35.8, geo_precision: 1, error_radius_m: 2000, admin_area: "SY-QU",
};

test("duplicates: day ±1, ≤ 5 km, same type, shared actor", () => {
  assert.equal(duplicateVerdict(base, { ...base, event_date: "2025-05-17", latitude: 33.13 }).candidate, true);
  assert.equal(duplicateVerdict(base, { ...base, event_date: "2025-05-18" }).candidate, false, "two days apart");
  assert.equal(duplicateVerdict(base, { ...base, latitude: 33.2 }).candidate, false, "about 11 km apart");
  assert.equal(duplicateVerdict(base, { ...base, event_type: "Riots" }).candidate, false);
  assert.equal(duplicateVerdict(base, { ...base, actor1: "Someone else", actor2: "" }).candidate, false);
  assert.equal(duplicateVerdict(base, { ...base, actor1: "Other", assoc_actor_2: "military forces of israel; x" }).candidate, true, "associated actors count, case-insensitively");
});

test("duplicates: imprecise locations compare admin areas instead of distance", () => {
  const far = { ...base, latitude: 33.3, geo_precision: 3, error_radius_m: 50000 };
  assert.equal(duplicateVerdict(base, far).candidate, true);
  assert.equal(duplicateVerdict(base, far).place, "admin_area");
  assert.equal(duplicateVerdict(base, { ...far, admin_area: "SY-DR" }).candidate, false);
  assert.equal(duplicateVerdict({ ...base, admin_area: null }, { ...far, admin_area: null }).candidate, false);
});

test("duplicates: the verdict is symmetric", () => {
  const inc = fc.record({
    event_date: fc.constantFrom("2025-05-15", "2025-05-16", "2025-05-17", "2025-05-19"),
    event_type: fc.constantFrom("Battles", "Riots"),
    actor1: fc.constantFrom("A", "B"), actor2: fc.constantFrom("", "C"), assoc_actor_1: fc.constant(""), assoc_actor_2: fc.constantFrom("", "A; D"),
    latitude: fc.double({ min: 33, max: 33.1, noNaN: true }), longitude: fc.double({ min: 35.8, max: 35.9, noNaN: true }),
    geo_precision: fc.constantFrom(1, 2, 3), error_radius_m: fc.constantFrom(1000, 20000), admin_area: fc.constantFrom("SY-QU", "SY-DR", null),
  });
  fc.assert(fc.property(inc, inc, (a, b) => assert.equal(duplicateVerdict(a, b).candidate, duplicateVerdict(b, a).candidate)));
  assert.ok(Math.abs(haversineKm(33, 35.8, 33.045, 35.8) - 5.0) < 0.01);
});

test("sniffing goes by bytes, not names", () => {
  assert.equal(sniffContentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), "image/jpeg");
  assert.equal(sniffContentType(Buffer.from("\x89PNG\r\n\x1a\n....", "latin1")), "image/png");
  assert.equal(sniffContentType(Buffer.from("%PDF-1.7\n")), "application/pdf");
  assert.equal(sniffContentType(Buffer.from("\0\0\0\x18ftypmp42", "latin1")), "video/mp4");
  assert.equal(sniffContentType(Buffer.from("Observation log, 16 May: two shells heard.")), "text/plain; charset=utf-8");
  assert.equal(sniffContentType(new Uint8Array([0, 1, 2, 3, 254])), "application/octet-stream");
});
