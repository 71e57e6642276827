// Plane geometry helpers shared by the projection-based measurements (metres)
// and the lon/lat point-in-polygon tests (degrees).
import type { MultiPolygonCoords, PolygonCoords, Ring } from "./types.ts";

/** Squared distance from (px,py) to segment (ax,ay)-(bx,by), and the segment parameter of the foot. */
export function pointSegmentDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  if (t < 0) t = 0;
  else if (t > 1) t = 1;
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy;
}

/** Shoelace area, positive for counter-clockwise rings. */
export function ringSignedArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!;
    const b = ring[i]!;
    s += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return s / 2;
}

export function polygonArea(poly: PolygonCoords): number {
  let s = 0;
  poly.forEach((ring, i) => {
    const a = Math.abs(ringSignedArea(ring));
    s += i === 0 ? a : -a;
  });
  return s;
}

export function multiPolygonArea(mp: MultiPolygonCoords): number {
  return mp.reduce((s, p) => s + polygonArea(p), 0);
}

/** Crossing-number test over every ring (holes and parts alike): even-odd rule. */
export function pointInMultiPolygon(x: number, y: number, mp: MultiPolygonCoords): boolean {
  let inside = false;
  for (const poly of mp) for (const ring of poly) if (pointInRingParity(x, y, ring)) inside = !inside;
  return inside;
}

function pointInRingParity(x: number, y: number, ring: Ring): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** True when the closed segments share at least one point. */
export function segmentsIntersect(a: readonly number[], b: readonly number[], c: readonly number[], d: readonly number[]): boolean {
  const [ax = 0, ay = 0] = a, [bx = 0, by = 0] = b, [cx = 0, cy = 0] = c, [dx = 0, dy = 0] = d;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return true;
  return false;
}

/**
 * First pair of non-adjacent edges of a closed ring that touch or cross, as
 * edge start indices, or null. A sweep over edges sorted by min x keeps this
 * near n log n for the rings a pack holds.
 */
export function findRingSelfIntersection(ring: Ring): [number, number] | null {
  const m = ring.length - 1; // edges; ring is closed (last == first)
  if (m < 3) return null;
  const order = Array.from({ length: m }, (_, i) => i);
  const minX = (i: number) => Math.min(ring[i]![0], ring[i + 1]![0]);
  const maxX = (i: number) => Math.max(ring[i]![0], ring[i + 1]![0]);
  order.sort((p, q) => minX(p) - minX(q));
  const active: number[] = [];
  for (const i of order) {
    const lo = minX(i);
    for (let k = active.length - 1; k >= 0; k--) if (maxX(active[k]!) < lo) active.splice(k, 1);
    for (const j of active) {
      const adjacent = Math.abs(i - j) === 1 || Math.abs(i - j) === m - 1;
      if (adjacent) {
        // Adjacent edges share a vertex; they only conflict when they fold back onto each other.
        const [s, t] = i < j ? (j - i === 1 ? [i, j] : [j, i]) : (i - j === 1 ? [j, i] : [i, j]);
        const a = ring[s]!, b = ring[s + 1]!, c = ring[t + 1]!;
        if (orient(a[0], a[1], b[0], b[1], c[0], c[1]) === 0 && (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0) return [s, t];
        continue;
      }
      if (segmentsIntersect(ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!)) return [Math.min(i, j), Math.max(i, j)];
    }
    active.push(i);
  }
  return null;
}

/** True when (x, y) lies within eps of any edge: where point-in-polygon answers legitimately differ. */
export function nearAnyEdge(x: number, y: number, polygons: readonly MultiPolygonCoords[], eps = 1e-9): boolean {
  const e2 = eps * eps;
  for (const mp of polygons) for (const poly of mp) for (const ring of poly) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!, b = ring[i + 1]!;
      if (pointSegmentDist2(x, y, a[0], a[1], b[0], b[1]) <= e2) return true;
    }
  }
  return false;
}
