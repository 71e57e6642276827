// Overlap between notified activities in space and time: a draft is compared
// with every other notified activity its sender may see. Polygons are
// intersected exactly (in degrees: only yes/no matters); a point or line
// against an area falls back to containment or bounding boxes.
import { intersection, pointInMultiPolygon } from "../geo/index.ts";
import type { MultiPolygonCoords } from "../geo/index.ts";

export interface NotifiedActivity {
  message_id: string;
  thread_id: string;
  party: string;
  area: { type: string; coordinates: unknown };
  start: string;
  end: string;
}

type Pos = [number, number];

function positions(g: NotifiedActivity["area"]): Pos[] {
  const out: Pos[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") out.push([c[0], c[1]]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
  return out;
}

function polygons(g: NotifiedActivity["area"]): MultiPolygonCoords | null {
  if (g.type === "Polygon") return [g.coordinates as MultiPolygonCoords[number]];
  if (g.type === "MultiPolygon") return g.coordinates as MultiPolygonCoords;
  return null;
}

function bbox(ps: Pos[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of ps) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

export function areasOverlap(a: NotifiedActivity["area"], b: NotifiedActivity["area"]): boolean {
  const pa = positions(a), pb = positions(b);
  if (!pa.length || !pb.length) return false;
  const [ax0, ay0, ax1, ay1] = bbox(pa), [bx0, by0, bx1, by1] = bbox(pb);
  if (ax1 < bx0 || bx1 < ax0 || ay1 < by0 || by1 < ay0) return false;
  const polyA = polygons(a), polyB = polygons(b);
  if (polyA && polyB) return intersection(polyA, polyB).length > 0;
  if (polyA && !polyB) return pb.some(([x, y]) => pointInMultiPolygon(x, y, polyA));
  if (polyB && !polyA) return pa.some(([x, y]) => pointInMultiPolygon(x, y, polyB));
  return true; // two lines or points whose boxes meet: reported, as "may overlap" is the safe side
}

export function timesOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

/** Other activities that overlap the draft both in space and in time. */
export function overlapping(draft: Omit<NotifiedActivity, "message_id" | "thread_id">, others: readonly NotifiedActivity[]): NotifiedActivity[] {
  return others.filter((o) => timesOverlap(draft, o) && areasOverlap(draft.area, o.area));
}
