import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import canonicalize from "canonicalize";
import { canonicalJson } from "./canonical-json.ts";

/** The reference package's answer, or "throws" when it refuses. */
function reference(v: unknown): string {
  try {
    const s = canonicalize(v);
    return s === undefined ? "throws" : s;
  } catch {
    return "throws";
  }
}

function ours(v: unknown): string {
  try {
    return canonicalJson(v);
  } catch {
    return "throws";
  }
}

test("canonical JSON equals the reference RFC 8785 implementation on any JSON value", () => {
  // Strings of any UTF-16 code units, lone surrogates included (both must refuse them).
  const text = fc.string({ unit: "binary" });
  const anyString = fc.oneof(text, fc.string({ unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }));
  const leaf = fc.oneof(anyString, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node")), fc.dictionary(anyString, tie("node"))),
  })).node;
  fc.assert(fc.property(value, (v) => assert.equal(ours(v), reference(v))), { numRuns: 3000 });
});

test("canonical JSON: the cases RFC 8785 spells out", () => {
  assert.equal(canonicalJson({ b: [1, "x", null], a: { d: -0, c: 1e21 } }), '{"a":{"c":1e+21,"d":0},"b":[1,"x",null]}');
  // Member names sort by UTF-16 code units: U+20AC before the surrogate pair of U+1F600.
  assert.equal(canonicalJson({ "\u20ac": 1, "\r": 2, "\ud83d\ude00": 3, "\u0080": 4 }), '{"\\r":2,"\u0080":4,"\u20ac":1,"\ud83d\ude00":3}');
  assert.throws(() => canonicalJson("\ud800"), /Lone surrogate/);
  assert.throws(() => canonicalJson(Number.NaN), /NaN/);
  assert.throws(() => canonicalJson(undefined), TypeError);
});
