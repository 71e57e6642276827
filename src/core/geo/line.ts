// Measurements against one treaty line in the projection plane: ground
// distance from a point, and the half-plane on one side of the line.
import type { LocalProjection } from "./projection.ts";
import { pointSegmentDist2, segmentsIntersect } from "./planar.ts";
import type { PolygonCoords, Position, XY } from "./types.ts";

export type Compass = "west" | "east" | "north" | "south";

export interface LineMeasure {
  readonly xy: readonly XY[];
  /** Ground distance in metres from a plane point to the line. */
  readonly distanceXY: (x: number, y: number) => number;
  /** Ground length of the line in metres. */
  readonly lengthM: number;
}

export function measureLine(proj: LocalProjection, coords: readonly Position[]): LineMeasure {
  const xy = coords.map(([lo, la]) => proj.forward(lo, la));
  const flat = new Float64Array(xy.length * 2);
  xy.forEach(([x, y], i) => { flat[2 * i] = x; flat[2 * i + 1] = y; });
  let lengthM = 0;
  for (let i = 1; i < xy.length; i++) lengthM += proj.groundDistance(xy[i - 1]![0], xy[i - 1]![1], xy[i]![0], xy[i]![1]);
  const distanceXY = (x: number, y: number): number => {
    let best = Infinity;
    let bx = 0, by = 0;
    for (let i = 0; i + 1 < xy.length; i++) {
      const ax = flat[2 * i]!, ay = flat[2 * i + 1]!, cx = flat[2 * i + 2]!, cy = flat[2 * i + 3]!;
      const d2 = pointSegmentDist2(x, y, ax, ay, cx, cy);
      if (d2 < best) {
        best = d2;
        const dx = cx - ax, dy = cy - ay, l2 = dx * dx + dy * dy;
        const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2)) : 0;
        bx = ax + t * dx; by = ay + t * dy;
      }
    }
    if (xy.length === 1) { bx = flat[0]!; by = flat[1]!; }
    return proj.groundDistance(x, y, bx, by);
  };
  return { xy, distanceXY, lengthM };
}

/**
 * The half-plane on one side of an open line: the line, extended from its
 * ends straight out (due north/south for a line that runs north–south), and
 * closed far away on the requested side. Throws when an extension would cut
 * back across the line, since "one side" is then undefined.
 */
export function halfPlane(xy: readonly XY[], side: Compass, extentM = 2_000_000): PolygonCoords {
  if (xy.length < 2) throw new Error("a line needs at least two points");
  const vertical = side === "west" || side === "east";
  const key = (p: XY) => (vertical ? p[1] : p[0]);
  let pts = [...xy];
  // Run from the high end (north or east) to the low end.
  if (key(pts[0]!) < key(pts[pts.length - 1]!)) pts = pts.reverse();
  const hi = pts[0]!, lo = pts[pts.length - 1]!;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of pts) { minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y); }
  const far = extentM;
  const hiExt: XY = vertical ? [hi[0], maxY + far] : [maxX + far, hi[1]];
  const loExt: XY = vertical ? [lo[0], minY - far] : [minX - far, lo[1]];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i]!, b = pts[i + 1]!;
    if (i > 0 && segmentsIntersect(hi, hiExt, a, b)) throw new Error("the line folds back past its northern/eastern end; cannot tell its sides");
    if (i + 2 < pts.length && segmentsIntersect(lo, loExt, a, b)) throw new Error("the line folds back past its southern/western end; cannot tell its sides");
  }
  let corners: XY[];
  switch (side) {
    case "west": corners = [[minX - far, minY - far], [minX - far, maxY + far]]; break;
    case "east": corners = [[maxX + far, minY - far], [maxX + far, maxY + far]]; break;
    case "north": corners = [[minX - far, maxY + far], [maxX + far, maxY + far]]; break;
    case "south": corners = [[minX - far, minY - far], [maxX + far, minY - far]]; break;
  }
  // hi → … → lo → loExt → corner(lo side) → corner(hi side) → hiExt → hi
  const ring: XY[] = [...pts, loExt, corners[0]!, corners[1]!, hiExt, [hi[0], hi[1]]];
  return [ring];
}
