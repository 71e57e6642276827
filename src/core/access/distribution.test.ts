import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { canAssign, canSee, canSeeField, isDistribution, publicViewer, type Distribution, type Viewer } from "./distribution.ts";

const isr: Viewer = { userId: "u1", party: "ISR", partyKind: "party", groups: ["tech"], role: "liaison" };
const syr: Viewer = { userId: "u2", party: "SYR", partyKind: "party", groups: [], role: "liaison" };
const usa: Viewer = { userId: "u3", party: "USA", partyKind: "mediator", groups: ["tech"], role: "mediator" };
const undof: Viewer = { userId: "u4", party: "UNDOF", partyKind: "observer", groups: [], role: "observer" };
const admin: Viewer = { userId: "u5", party: null, partyKind: null, groups: [], role: "admin" };

test("the five distributions", () => {
  const table: Array<[Distribution, string | null, Viewer[], Viewer[]]> = [
    ["public", "ISR", [isr, syr, usa, undof, admin, publicViewer], []],
    ["shared", "ISR", [isr, syr, usa, undof], [admin, publicViewer]],
    ["mediator", "ISR", [isr, usa], [syr, undof, admin, publicViewer]],
    ["party:ISR", "ISR", [isr], [syr, usa, undof, admin, publicViewer]],
    ["group:tech", "ISR", [isr, usa], [syr, undof, admin, publicViewer]],
  ];
  for (const [d, owner, yes, no] of table) {
    for (const v of yes) assert.equal(canSee(v, d, owner), true, `${d} visible to ${v.party}`);
    for (const v of no) assert.equal(canSee(v, d, owner), false, `${d} hidden from ${v.party}`);
  }
});

test("the most restrictive of record and field wins", () => {
  assert.equal(canSeeField(syr, "shared", "party:ISR", "ISR"), false);
  assert.equal(canSeeField(isr, "party:ISR", "public", "ISR"), true);
  assert.equal(canSeeField(syr, "party:ISR", "public", "ISR"), false, "a public field of a hidden record stays hidden");
  fc.assert(
    fc.property(fc.constantFrom<Distribution>("public", "shared", "mediator", "party:ISR", "party:SYR", "group:tech"), fc.constantFrom<Distribution>("public", "shared", "mediator", "party:ISR", "party:SYR", "group:tech"), fc.constantFrom(isr, syr, usa, undof, admin, publicViewer), (r, f, v) => {
      assert.equal(canSeeField(v, r, f, "ISR"), canSee(v, r, "ISR") && canSee(v, f, "ISR"));
    }),
  );
});

test("parsing and assignment", () => {
  for (const ok of ["public", "shared", "mediator", "party:ISR", "group:tech-1"]) assert.ok(isDistribution(ok), ok);
  for (const bad of ["", "party:", "party:isr", "group:", "group:UPPER", "everyone", "party:ISR;drop"]) assert.ok(!isDistribution(bad), bad);
  assert.equal(canAssign(isr, "party:SYR"), false);
  assert.equal(canAssign(isr, "mediator"), true);
  assert.equal(canAssign(admin, "public"), false, "administrators write no party records");
});
