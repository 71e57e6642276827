import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { multiPolygon, point } from "@turf/helpers";
import { createPolygonIndex } from "./polygon-index.ts";
import { nearAnyEdge } from "./planar.ts";
import type { MultiPolygonCoords, Position } from "./types.ts";

/** A star-shaped (hence simple) ring around a centre, from random radii. */
function star(cx: number, cy: number, radii: number[]): Position[] {
  const ring = radii.map((r, i): Position => {
    const a = (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

const starArb = (cx: number, cy: number) => fc.array(fc.double({ min: 0.05, max: 0.45, noNaN: true }), { minLength: 3, maxLength: 60 }).map((r) => star(cx, cy, r));

test("grid index agrees with turf on random disjoint polygons and points", () => {
  fc.assert(fc.property(
    starArb(0.5, 0.5), starArb(1.5, 0.5), starArb(0.5, 1.5),
    fc.array(fc.tuple(fc.double({ min: -0.2, max: 2.2, noNaN: true }), fc.double({ min: -0.2, max: 2.2, noNaN: true })), { minLength: 50, maxLength: 300 }),
    fc.integer({ min: 4, max: 50_000 }),
    (a, b, c, pts, maxCells) => {
      const polys: MultiPolygonCoords[] = [[[a]], [[b]], [[c]]];
      const idx = createPolygonIndex(polys, { maxCells });
      const feats = polys.map((p) => multiPolygon(p));
      for (const [x, y] of pts) {
        if (nearAnyEdge(x, y, polys)) continue; // boundary points may go either way
        let ref = -1;
        for (let k = 0; k < feats.length; k++) if (booleanPointInPolygon(point([x, y]), feats[k]!)) { ref = k; break; }
        assert.equal(idx.lookup(x, y), ref, `point ${x},${y}`);
      }
    },
  ), { numRuns: 150 });
});

test("holes and multipart polygons are answered exactly, also on vertices' rows", () => {
  const donut: MultiPolygonCoords = [[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[3, 3], [7, 3], [7, 7], [3, 7], [3, 3]]], [[[20, 0], [21, 0], [21, 1], [20, 1], [20, 0]]]];
  const idx = createPolygonIndex([donut], { maxCells: 100 });
  assert.equal(idx.lookup(1, 1), 0);
  assert.equal(idx.lookup(5, 5), -1);
  assert.equal(idx.lookup(20.5, 0.5), 0);
  assert.equal(idx.lookup(15, 0.5), -1);
  assert.equal(idx.lookup(Number.NaN, 1), -1);
  assert.equal(idx.lookup(-100, 1), -1);
});
