// Distance bands on one side of a line, in the projection plane (metres).
//
// A general buffer-by-union is slow and, with the clipper we have, fragile on
// hundreds of touching pieces. What the treaty needs is narrower: the set of
// points on ONE side of a line within r of it. Its outer edge is the line's
// offset curve on that side (offset segments, round joins on the outer side
// of each turn, round caps at the ends up to the side's boundary rays), with
// the self-intersection loops that concave turns produce cut out. Every
// vertex of the result is then checked to lie at distance r (± tolerance),
// so a case the loop removal gets wrong fails loudly instead of silently.
import { pointSegmentDist2 } from "./planar.ts";
import type { Compass } from "./line.ts";
import type { Ring, XY } from "./types.ts";

export interface SidePath {
  /** The line ordered so that the side lies on its right. */
  path: XY[];
  /** Unit directions of the boundary rays leaving the first and last points. */
  startRay: XY;
  endRay: XY;
}

/** Orients a line so that `side` is on its right, with the rays that close the half-plane. */
export function sidePath(xy: readonly XY[], side: Compass): SidePath {
  const vertical = side === "west" || side === "east";
  const key = (p: XY) => (vertical ? p[1] : p[0]);
  let pts = xy.filter((p, i) => i === 0 || p[0] !== xy[i - 1]![0] || p[1] !== xy[i - 1]![1]);
  const highFirst = key(pts[0]!) >= key(pts[pts.length - 1]!);
  if (!highFirst) pts = [...pts].reverse();
  // pts now runs north→south (vertical) or east→west.
  // Right of a southward walk is west; right of a westward walk is north.
  if (side === "east" || side === "south") pts = pts.reverse();
  const north: XY = [0, 1], south: XY = [0, -1], east: XY = [1, 0], west: XY = [-1, 0];
  const rays: Record<Compass, [XY, XY]> = {
    west: [north, south],
    east: [south, north],
    north: [east, west],
    south: [west, east],
  };
  const [startRay, endRay] = rays[side];
  return { path: pts, startRay, endRay };
}

function arcPoints(cx: number, cy: number, r: number, a0: number, sweep: number, step: number, out: XY[]): void {
  const steps = Math.max(1, Math.ceil(Math.abs(sweep) / step));
  for (let i = 0; i <= steps; i++) {
    const a = a0 + (sweep * i) / steps;
    out.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
}

function ccwSweep(from: number, to: number): number {
  let s = to - from;
  while (s < 0) s += 2 * Math.PI;
  while (s >= 2 * Math.PI) s -= 2 * Math.PI;
  return s;
}

function segIntersection(a: XY, b: XY, c: XY, d: XY): { t: number; p: XY } | null {
  const rx = b[0] - a[0], ry = b[1] - a[1], sx = d[0] - c[0], sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const qx = c[0] - a[0], qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t <= 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, p: [a[0] + t * rx, a[1] + t * ry] };
}

/** Removes loops: whenever the next segment crosses an earlier one, the loop in between is cut out. */
function removeLoops(raw: XY[]): XY[] {
  const out: XY[] = [raw[0]!];
  for (let i = 1; i < raw.length; i++) {
    const next = raw[i]!;
    if (next[0] === out[out.length - 1]![0] && next[1] === out[out.length - 1]![1]) continue;
    for (;;) {
      const a = out[out.length - 1]!;
      const minX = Math.min(a[0], next[0]), maxX = Math.max(a[0], next[0]), minY = Math.min(a[1], next[1]), maxY = Math.max(a[1], next[1]);
      let hit: { k: number; p: XY } | null = null;
      for (let k = 0; k + 2 < out.length; k++) {
        const c = out[k]!, d = out[k + 1]!;
        if (Math.max(c[0], d[0]) < minX || Math.min(c[0], d[0]) > maxX || Math.max(c[1], d[1]) < minY || Math.min(c[1], d[1]) > maxY) continue;
        const x = segIntersection(a, next, c, d);
        if (x) { hit = { k, p: x.p }; break; }
      }
      if (!hit) break;
      out.length = hit.k + 1;
      out.push(hit.p);
    }
    out.push(next);
  }
  return out;
}

export interface EnvelopeOptions {
  /** Largest gap between a polygonised arc and the true circle, metres. */
  toleranceM?: number;
  /** Ground distance from a plane point to the line, to check the result. */
  distance?: (x: number, y: number) => number;
}

/**
 * The outer edge of {points on the right of sp.path within r of it}: a polyline
 * from start + r·startRay to end + r·endRay.
 */
export function offsetEnvelope(sp: SidePath, r: number, opts: EnvelopeOptions = {}): XY[] {
  const tol = opts.toleranceM ?? 0.25;
  const step = 2 * Math.acos(Math.max(-1, 1 - tol / r));
  const p = sp.path;
  if (p.length < 2) throw new Error("a line needs at least two distinct points");
  const dirs = p.slice(1).map((q, i) => Math.atan2(q[1] - p[i]![1], q[0] - p[i]![0]));
  const right = (d: number) => d - Math.PI / 2;
  const raw: XY[] = [];
  const [sx, sy] = p[0]!;
  const a0 = Math.atan2(sp.startRay[1], sp.startRay[0]);
  arcPoints(sx, sy, r, a0, ccwSweep(a0, right(dirs[0]!)), step, raw);
  for (let i = 0; i + 1 < p.length; i++) {
    const n = right(dirs[i]!);
    const [bx, by] = p[i + 1]!;
    const end: XY = [bx + r * Math.cos(n), by + r * Math.sin(n)];
    raw.push(end);
    if (i + 2 < p.length) {
      let turn = dirs[i + 1]! - dirs[i]!;
      while (turn > Math.PI) turn -= 2 * Math.PI;
      while (turn <= -Math.PI) turn += 2 * Math.PI;
      // A left turn opens a gap on the right side: fill it with an arc.
      // A right turn makes the offsets cross; the loop is removed below.
      if (turn > 0) arcPoints(bx, by, r, n, turn, step, raw);
      else raw.push([bx + r * Math.cos(right(dirs[i + 1]!)), by + r * Math.sin(right(dirs[i + 1]!))]);
    }
  }
  const [ex, ey] = p[p.length - 1]!;
  const nLast = right(dirs[dirs.length - 1]!);
  const aEnd = Math.atan2(sp.endRay[1], sp.endRay[0]);
  arcPoints(ex, ey, r, nLast, ccwSweep(nLast, aEnd), step, raw);
  const env = removeLoops(raw);
  if (opts.distance) {
    for (const [x, y] of env) {
      const d = opts.distance(x, y);
      if (Math.abs(d - r) > Math.max(1, r * 1e-4)) throw new Error(`could not derive the ${Math.round(r)} m band edge cleanly (a vertex lies ${Math.round(d)} m from the line)`);
    }
  }
  return env;
}

/** Squared plane distance from a point to a polyline (no scale correction). */
export function planeDistance2(x: number, y: number, path: readonly XY[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < path.length; i++) {
    const d = pointSegmentDist2(x, y, path[i]![0], path[i]![1], path[i + 1]![0], path[i + 1]![1]);
    if (d < best) best = d;
  }
  return best;
}

/**
 * The closed ring of points on the path's right whose distance lies in
 * [fromM, toM]: between two envelopes (or the line itself when fromM is 0),
 * joined along the boundary rays.
 */
export function sideBandRing(sp: SidePath, fromM: number, toM: number, opts: EnvelopeOptions = {}): Ring {
  const outer = offsetEnvelope(sp, toM, opts);
  const inner = fromM > 0 ? offsetEnvelope(sp, fromM, opts) : sp.path;
  const ring: XY[] = [...inner, ...[...outer].reverse()];
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}
