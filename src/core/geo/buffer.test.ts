import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { offsetEnvelope, planeDistance2, sideBandRing, sidePath } from "./buffer.ts";
import { pointInMultiPolygon } from "./planar.ts";
import { halfPlane } from "./line.ts";
import type { XY } from "./types.ts";

// A wiggly north–south line in metres, with sharp turns both ways.
const line: XY[] = [[0, 40_000], [2_000, 35_000], [-6_000, 30_000], [1_000, 22_000], [500, 10_000], [8_000, 2_000], [0, -5_000], [-3_000, -20_000]];
const dist = (x: number, y: number) => Math.sqrt(planeDistance2(x, y, line));

test("every envelope vertex lies at the band distance", () => {
  for (const side of ["west", "east"] as const) for (const r of [1_000, 10_000, 25_000]) {
    const env = offsetEnvelope(sidePath(line, side), r, { distance: dist });
    for (const [x, y] of env) assert.ok(Math.abs(dist(x, y) - r) < 1, `${side} ${r}: ${dist(x, y)}`);
  }
});

test("a band holds exactly the points of its side at that distance (to the arc tolerance)", () => {
  const bands = (["west", "east"] as const).map((side) => ({ side, ring: sideBandRing(sidePath(line, side), 10_000, 20_000, { distance: dist }), half: halfPlane(line, side) }));
  fc.assert(fc.property(fc.double({ min: -40_000, max: 40_000, noNaN: true }), fc.double({ min: -40_000, max: 60_000, noNaN: true }), (x, y) => {
    const d = dist(x, y);
    if (Math.abs(d - 10_000) < 1 || Math.abs(d - 20_000) < 1) return; // on an edge, within tolerance
    if ((Math.abs(x) < 1 && y > 40_000) || (Math.abs(x + 3_000) < 1 && y < -20_000)) return; // on a side's boundary ray
    for (const b of bands) {
      const inBand = pointInMultiPolygon(x, y, [[b.ring]]);
      const onSide = pointInMultiPolygon(x, y, [b.half]);
      assert.equal(inBand, onSide && d > 10_000 && d < 20_000, `${b.side} ${x},${y} d=${d}`);
    }
  }), { numRuns: 3000 });
});
