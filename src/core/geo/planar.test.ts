import { test } from "node:test";
import assert from "node:assert/strict";
import { findRingSelfIntersection, pointInMultiPolygon, polygonArea, ringSignedArea } from "./planar.ts";
import type { Ring } from "./types.ts";

test("a simple square has no self-intersection and area 1", () => {
  const sq: Ring = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
  assert.equal(findRingSelfIntersection(sq), null);
  assert.equal(ringSignedArea(sq), 1);
  assert.equal(polygonArea([sq, [[0.25, 0.25], [0.25, 0.75], [0.75, 0.75], [0.75, 0.25], [0.25, 0.25]]]), 0.75);
});

test("a bow-tie ring is found self-intersecting, naming the edges", () => {
  const bow: Ring = [[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]];
  assert.deepEqual(findRingSelfIntersection(bow), [0, 2]);
});

test("a ring that folds back on itself is caught", () => {
  const spike: Ring = [[0, 0], [2, 0], [1, 0], [1, 1], [0, 0]];
  assert.notEqual(findRingSelfIntersection(spike), null);
});

test("even-odd point in polygon honours holes", () => {
  const mp = [[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [3, 1], [3, 3], [1, 3], [1, 1]]]] as [number, number][][][];
  assert.equal(pointInMultiPolygon(0.5, 0.5, mp), true);
  assert.equal(pointInMultiPolygon(2, 2, mp), false);
  assert.equal(pointInMultiPolygon(5, 5, mp), false);
});
