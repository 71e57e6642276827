// The classifier: which zone a point, line or polygon is in, how far it is
// from each line (on the ground), which side, whether it is too close to an
// approximate line to call, and which governorate.
import { z } from "zod";
import type { Pack, PackZone } from "./build.ts";
import { checkRings } from "./build.ts";
import { InputError, pathToField } from "./errors.ts";
import type { InputIssue } from "./errors.ts";
import { ZONE_OUTSIDE } from "./schema.ts";
import {
  bboxOfMultiPolygon, createPolygonIndex, difference, intersection, km, multiPolygonArea, pointInMultiPolygon, pointSegmentDist2,
  segmentsIntersect, sideBandRing, sidePath, vincentyDistance,
} from "../geo/index.ts";
import type { Compass, Km, Lat, Lon, MultiPolygonCoords, Position, XY } from "../geo/index.ts";

/** Largest batch one classify call accepts (the API's per-request limit). */
export const MAX_POINTS_PER_BATCH = 100_000;

export type Side = Compass | "between";

export interface PointClassification {
  zone: string;
  /** Ground distance to each line, keyed by the line's key ("A", "B"), in km to the metre. */
  distance_km: Record<string, Km>;
  /** Which party's side of its line the point is on, by compass ("west"/"east"), "between" the lines, or null when too far to say. */
  side: Side | null;
  party_side: string | null;
  /** Key of the line the point is within the pack's stated accuracy of, else null. */
  near_line: string | null;
  /** False when the lines are approximate and the point is near one: the zone is then a best guess. */
  certain: boolean;
  admin1: string | null;
  /** Sites (e.g. Hermon positions) whose area contains the point. */
  sites: string[];
  note?: string;
  hint?: string;
}

export interface ZoneShare {
  zone: string;
  /** Ground length (lines) or area (polygons) inside the zone. */
  length_km?: number;
  area_km2?: number;
  share: number;
  /** False when all of this part lies within the stated accuracy of a line. */
  certain: boolean;
}

export interface GeometryClassification {
  type: "Point" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon";
  zones: ZoneShare[];
  distance_km: Record<string, Km>;
  near_line: string | null;
  /** Parties on whose own side none of the geometry lies (i.e. it crosses their line). */
  crosses_party_lines: string[];
  /** Sites whose area the geometry touches. */
  sites: string[];
  total_length_km?: number;
  total_area_km2?: number;
  /** Set when exact clipping failed and some areas were estimated by sampling (±1 %). */
  areas_sampled?: boolean;
  point?: PointClassification;
}

export interface Classifier {
  readonly pack: Pack;
  /** Index of the zone in pack.zones, or -1 (outside). The benchmark's hot path. */
  zoneIndexAt(lon: number, lat: number): number;
  zoneAt(lon: Lon, lat: Lat): string;
  classifyPoint(lon: Lon, lat: Lat): PointClassification;
  /** Validates then classifies; throws InputError naming the bad rows. */
  classifyPoints(points: readonly unknown[], opts?: { max?: number }): (PointClassification & { id: string })[];
  classifyGeometry(geometry: unknown): GeometryClassification;
  /** True when the whole geometry stays on the party's own side of its line. */
  onOwnSide(partyId: string, geometry: unknown): { inside: boolean; certain: boolean };
  readonly indexBytes: number;
}

const finite = z.number({ error: "must be a number" }).refine(Number.isFinite, "must be a finite number (not NaN or Infinity)");
const lonSchema = finite.pipe(z.number().min(-180, "longitude must be ≥ -180").max(180, "longitude must be ≤ 180"));
const latSchema = finite.pipe(z.number().min(-90, "latitude must be ≥ -90").max(90, "latitude must be ≤ 90"));
export const pointInputSchema = z.object({ id: z.union([z.string(), z.number()]).transform(String), lon: lonSchema, lat: latSchema });
const pos = z.tuple([lonSchema, latSchema]).rest(z.number());
const ring = z.array(pos).min(4, "a ring needs at least 4 positions");
export const geometryInputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Point"), coordinates: pos }),
  z.object({ type: z.literal("LineString"), coordinates: z.array(pos).min(2, "a line needs at least 2 positions") }),
  z.object({ type: z.literal("MultiLineString"), coordinates: z.array(z.array(pos).min(2)).min(1) }),
  z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) }),
], { error: "geometry.type must be Point, LineString, MultiLineString, Polygon or MultiPolygon" });
export type GeometryInput = z.infer<typeof geometryInputSchema>;

/** Area of a ∩ b by point sampling on a 300 × 300 grid over a's bounding box. */
function sampledArea(a: MultiPolygonCoords, b: MultiPolygonCoords): number {
  const box = bboxOfMultiPolygon(a);
  const n = 300;
  const dx = (box.maxX - box.minX) / n, dy = (box.maxY - box.minY) / n;
  let hits = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const x = box.minX + (i + 0.5) * dx, y = box.minY + (j + 0.5) * dy;
    if (pointInMultiPolygon(x, y, a) && pointInMultiPolygon(x, y, b)) hits++;
  }
  return hits * dx * dy;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Parses and checks a GeoJSON geometry (also a Feature's geometry); throws InputError naming the field. */
export function parseGeometry(input: unknown, where: Partial<InputIssue> = {}): GeometryInput {
  const g = input && typeof input === "object" && (input as { type?: unknown }).type === "Feature" ? (input as { geometry?: unknown }).geometry : input;
  const res = geometryInputSchema.safeParse(g);
  if (!res.success) throw new InputError(res.error.issues.map((i) => ({ ...where, field: "geometry" + (i.path.length ? "." + pathToField(i.path) : ""), message: i.message })));
  const geom = res.data;
  if (geom.type === "Polygon" || geom.type === "MultiPolygon") {
    const mp = (geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates).map((p) => p.map((r) => r.map((q) => [q[0], q[1]] as Position)));
    const issues: InputIssue[] = [];
    checkRings(mp, (field, message) => issues.push({ ...where, field, message }), geom.type === "Polygon");
    if (issues.length) throw new InputError(issues);
  }
  return geom;
}

const classifiers = new WeakMap<Pack, Classifier>();
/** The classifier of a pack, built once per pack object (its index takes ~0.2 s). */
export function classifierFor(pack: Pack): Classifier {
  let c = classifiers.get(pack);
  if (!c) { c = createClassifier(pack); classifiers.set(pack, c); }
  return c;
}

export function createClassifier(pack: Pack): Classifier {
  const proj = pack.projection;
  const zoneIndex = createPolygonIndex(pack.zones.map((z) => z.geometry));
  const adminIndex = createPolygonIndex(pack.admin1.map((a) => a.geometry));
  const accuracyKm = pack.meta.accuracy_m / 1000;
  const region = pack.bbox;
  const regionPad = Math.max(region.maxX - region.minX, region.maxY - region.minY);
  const inRegion = (lo: number, la: number) => lo >= region.minX - regionPad && lo <= region.maxX + regionPad && la >= region.minY - regionPad && la <= region.maxY + regionPad;
  // The local projection is only trusted near its meridian; farther out we fall back to Vincenty.
  const projectable = (lo: number, la: number) => Math.abs(lo - proj.lon0) <= 15 && Math.abs(la) <= 84;

  const zoneIndexAt = (lo: number, la: number) => zoneIndex.lookup(lo, la);
  const zoneId = (i: number) => (i < 0 ? ZONE_OUTSIDE : pack.zones[i]!.id);

  const lineDistancesKm = (lo: number, la: number, xy: XY | null): Record<string, Km> => {
    const out: Record<string, Km> = {};
    for (const l of pack.lines) {
      let m: number;
      if (xy) m = l.measure.distanceXY(xy[0], xy[1]);
      else m = Math.min(...l.coords.map((c) => vincentyDistance(lo, la, c[0], c[1])));
      out[l.key] = km(round3(m / 1000));
    }
    return out;
  };
  const nearest = (d: Record<string, Km>): string | null => {
    let best: string | null = null;
    let bestD = Infinity;
    for (const [k, v] of Object.entries(d)) if (v <= accuracyKm && v < bestD) { best = k; bestD = v; }
    return best;
  };
  const lineName = (key: string) => pack.lines.find((l) => l.key === key)?.name ?? key;

  const classifyPoint = (lo: Lon, la: Lat): PointClassification => {
    const zi = zoneIndexAt(lo, la);
    const xy = projectable(lo, la) ? proj.forward(lo, la) : null;
    const distance_km = lineDistancesKm(lo, la, xy);
    const near_line = nearest(distance_km);
    let side: Side | null = null;
    let party_side: string | null = null;
    if (xy) {
      side = "between";
      for (const p of pack.parties) if (pointInMultiPolygon(xy[0], xy[1], [p.ownSideXY])) { side = p.side; party_side = p.id; break; }
    }
    const ai = adminIndex.lookup(lo, la);
    const sites = xy ? pack.sites.filter((s) => Math.hypot(xy[0] - s.xy[0], xy[1] - s.xy[1]) <= s.radiusKm * 1000).map((s) => s.id) : [];
    const res: PointClassification = {
      zone: zoneId(zi), distance_km, side, party_side, near_line, certain: !(pack.meta.approximate && near_line !== null),
      admin1: ai < 0 ? null : pack.admin1[ai]!.code, sites,
    };
    if (near_line !== null) res.note = `within ±${pack.meta.accuracy_m >= 1000 ? `${pack.meta.accuracy_m / 1000} km` : `${pack.meta.accuracy_m} m`} of ${lineName(near_line)}${pack.meta.approximate ? ": the lines are approximate, so the zone is a best guess" : ""}`;
    if (zi < 0 && !inRegion(lo, la)) {
      if (inRegion(la, lo) && Math.abs(la) <= 180 && Math.abs(lo) <= 90) {
        const swapped = zoneId(zoneIndexAt(la, lo));
        res.hint = `far outside the pack's region; the coordinates look swapped: lon ${la}, lat ${lo} would be in zone ${swapped}. Send longitude first.`;
      } else {
        res.hint = "far outside the pack's region; check the coordinates (longitude first, decimal degrees)";
      }
    }
    return res;
  };

  const classifyPoints = (points: readonly unknown[], opts: { max?: number } = {}) => {
    const max = opts.max ?? MAX_POINTS_PER_BATCH;
    if (points.length > max) throw new InputError([{ message: `too many points: ${points.length} (at most ${max} per request)` }]);
    const issues: InputIssue[] = [];
    const parsed = points.map((p, i) => {
      const r = pointInputSchema.safeParse(p);
      if (!r.success) {
        const id = p && typeof p === "object" && "id" in p ? String((p).id) : undefined;
        for (const iss of r.error.issues) issues.push({ feature: i, id, field: pathToField(iss.path), message: iss.message });
        return null;
      }
      return r.data;
    });
    if (issues.length) throw new InputError(issues);
    return parsed.map((p) => ({ id: p!.id, ...classifyPoint(p!.lon as Lon, p!.lat as Lat) }));
  };

  // Zones minus the strips within accuracy of any line: a part of a geometry
  // inside this core is certainly in the zone. Built on first use.
  let cores: (MultiPolygonCoords | null)[] | null = null;
  const zoneCores = () => {
    if (cores) return cores;
    const strips: MultiPolygonCoords[] = [];
    const acc = pack.meta.accuracy_m;
    if (acc > 0) for (const l of pack.lines) for (const s of ["west", "east"] as const) {
      try { strips.push([[sideBandRing(sidePath([...l.measure.xy], s), 0, acc)]]); } catch { /* a line without sides simply has no strip */ }
    }
    cores = pack.zones.map((z: PackZone) => {
      if (!strips.length) return z.xy;
      try { return difference(z.xy, ...strips); } catch { return null; }
    });
    return cores;
  };

  const segDist2 = (a: XY, b: XY, c: XY, d: XY) =>
    segmentsIntersect(a, b, c, d) ? 0 : Math.min(pointSegmentDist2(a[0], a[1], c[0], c[1], d[0], d[1]), pointSegmentDist2(b[0], b[1], c[0], c[1], d[0], d[1]), pointSegmentDist2(c[0], c[1], a[0], a[1], b[0], b[1]), pointSegmentDist2(d[0], d[1], a[0], a[1], b[0], b[1]));

  const classifyGeometry = (input: unknown): GeometryClassification => {
    const g = parseGeometry(input);
    if (g.type === "Point") {
      const pt = classifyPoint(g.coordinates[0] as Lon, g.coordinates[1] as Lat);
      return { type: "Point", zones: [{ zone: pt.zone, share: 1, certain: pt.certain }], distance_km: pt.distance_km, near_line: pt.near_line, crosses_party_lines: pt.party_side ? pack.parties.filter((p) => p.id !== pt.party_side).map((p) => p.id) : pack.parties.map((p) => p.id), sites: pt.sites, point: pt };
    }
    const far = (g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : g.type === "Polygon" ? g.coordinates : g.coordinates.flat()).flat().find((q) => !projectable(q[0], q[1]));
    if (far) throw new InputError([{ field: "geometry.coordinates", message: `position [${far[0]}, ${far[1]}] is too far from the pack's region to measure lines or areas` }]);
    const toXY = (q: number[]): XY => proj.forward(q[0]!, q[1]!);
    const dist: Record<string, number> = {};
    const touchedSites = new Set<string>();
    const partsXY: XY[][] = [];
    if (g.type === "LineString" || g.type === "MultiLineString") {
      for (const l of g.type === "LineString" ? [g.coordinates] : g.coordinates) partsXY.push(l.map(toXY));
    } else {
      for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) for (const r of poly) partsXY.push(r.map(toXY));
    }
    for (const l of pack.lines) {
      let best = Infinity;
      for (const part of partsXY) for (let i = 0; i + 1 < part.length; i++) for (let j = 0; j + 1 < l.measure.xy.length; j++) {
        best = Math.min(best, segDist2(part[i]!, part[i + 1]!, l.measure.xy[j]!, l.measure.xy[j + 1]!));
      }
      dist[l.key] = Math.sqrt(best);
    }
    const polysXY: MultiPolygonCoords | null = g.type === "Polygon" ? [g.coordinates.map((r) => r.map(toXY))] : g.type === "MultiPolygon" ? g.coordinates.map((p) => p.map((r) => r.map(toXY))) : null;
    if (polysXY) {
      // A polygon enclosing a whole line segment is at distance 0 from it.
      for (const l of pack.lines) if (l.measure.xy.some((q) => pointInMultiPolygon(q[0], q[1], polysXY))) dist[l.key] = 0;
    }
    for (const s of pack.sites) {
      const r = s.radiusKm * 1000;
      let d = Infinity;
      for (const part of partsXY) for (let i = 0; i + 1 < part.length; i++) d = Math.min(d, Math.sqrt(pointSegmentDist2(s.xy[0], s.xy[1], part[i]![0], part[i]![1], part[i + 1]![0], part[i + 1]![1])));
      if (d <= r || (polysXY && pointInMultiPolygon(s.xy[0], s.xy[1], polysXY))) touchedSites.add(s.id);
    }
    const distance_km: Record<string, Km> = {};
    for (const [k, v] of Object.entries(dist)) distance_km[k] = km(round3(v / 1000));
    const near_line = nearest(distance_km);
    const zones: ZoneShare[] = [];
    const crosses = pack.parties.filter((p) => partsXY.some((part) => part.some((q) => !pointInMultiPolygon(q[0], q[1], [p.ownSideXY])))).map((p) => p.id);
    let total_length_km: number | undefined;
    let total_area_km2: number | undefined;
    let areas_sampled = false;
    if (!polysXY) {
      // Walk each line in short steps; a step belongs to the zone of its midpoint.
      const len = new Map<number, number>();
      const sure = new Set<number>();
      let total = 0;
      const step = 20;
      for (const part of partsXY) for (let i = 0; i + 1 < part.length; i++) {
        const [ax, ay] = part[i]!, [bx, by] = part[i + 1]!;
        const segLen = proj.groundDistance(ax, ay, bx, by);
        const n = Math.max(1, Math.ceil(segLen / step));
        for (let k = 0; k < n; k++) {
          const t = (k + 0.5) / n;
          const mx = ax + (bx - ax) * t, my = ay + (by - ay) * t;
          const [mlo, mla] = proj.inverse(mx, my);
          const zi = zoneIndexAt(mlo, mla);
          len.set(zi, (len.get(zi) ?? 0) + segLen / n);
          if (!sure.has(zi) && pack.lines.every((l) => l.measure.distanceXY(mx, my) > pack.meta.accuracy_m)) sure.add(zi);
        }
        total += segLen;
      }
      total_length_km = round3(total / 1000);
      for (const [zi, l] of [...len.entries()].sort((a, b) => a[0] - b[0])) {
        zones.push({ zone: zoneId(zi), length_km: round3(l / 1000), share: round6(total ? l / total : 0), certain: !pack.meta.approximate || sure.has(zi) });
      }
    } else {
      const total = multiPolygonArea(polysXY);
      total_area_km2 = round6(total / 1e6);
      let inside = 0;
      let sampled = false;
      const coreList = pack.meta.approximate ? zoneCores() : null;
      pack.zones.forEach((z, i) => {
        let a: number;
        try {
          a = multiPolygonArea(intersection(polysXY, z.xy));
        } catch {
          // The clipper can fail on near-degenerate input; fall back to sampling.
          a = sampledArea(polysXY, z.xy);
          sampled = true;
        }
        if (a <= 1e-6) return;
        inside += a;
        let certain = true;
        if (coreList) {
          const core = coreList[i];
          try {
            certain = core ? multiPolygonArea(intersection(polysXY, core)) > 1 : false;
          } catch {
            certain = false;
          }
        }
        zones.push({ zone: z.id, area_km2: round6(a / 1e6), share: round6(total ? a / total : 0), certain });
      });
      const rest = total - inside;
      if (rest > Math.max(1e-6, total * 1e-9)) zones.push({ zone: ZONE_OUTSIDE, area_km2: round6(rest / 1e6), share: round6(Math.max(0, rest) / total), certain: true });
      if (sampled) areas_sampled = true;
    }
    return { type: g.type, zones, distance_km, near_line, crosses_party_lines: crosses, sites: [...touchedSites], total_length_km, total_area_km2, ...(areas_sampled ? { areas_sampled } : {}) };
  };

  const onOwnSide = (partyId: string, input: unknown) => {
    const p = pack.parties.find((x) => x.id === partyId);
    if (!p) return { inside: true, certain: false };
    const g = parseGeometry(input);
    const line = pack.lines.find((l) => l.id === p.line)!;
    const positions = (g.type === "Point" ? [g.coordinates] : g.type === "LineString" ? g.coordinates : g.type === "MultiLineString" ? g.coordinates.flat() : g.type === "Polygon" ? g.coordinates.flat() : g.coordinates.flat(2));
    const xy = positions.map((q) => proj.forward(q[0], q[1]));
    let inside = xy.every((q) => pointInMultiPolygon(q[0], q[1], [p.ownSideXY]));
    // A polygon can reach across the line between its vertices; so can a line segment.
    if (inside && g.type !== "Point") {
      for (let i = 0; i + 1 < xy.length && inside; i++) for (let j = 0; j + 1 < line.measure.xy.length; j++) {
        if (segmentsIntersect(xy[i]!, xy[i + 1]!, line.measure.xy[j]!, line.measure.xy[j + 1]!)) { inside = false; break; }
      }
    }
    // Certain when every vertex is clear of the line by more than the stated
    // accuracy (inside), or some vertex is that far over it (outside).
    const acc = pack.meta.approximate ? pack.meta.accuracy_m : 0;
    const certain = inside
      ? xy.every((q) => line.measure.distanceXY(q[0], q[1]) > acc)
      : xy.some((q) => !pointInMultiPolygon(q[0], q[1], [p.ownSideXY]) && line.measure.distanceXY(q[0], q[1]) > acc);
    return { inside, certain };
  };

  return {
    pack,
    zoneIndexAt,
    zoneAt: (lo, la) => zoneId(zoneIndexAt(lo, la)),
    classifyPoint,
    classifyPoints,
    classifyGeometry,
    onOwnSide,
    indexBytes: zoneIndex.memoryBytes + adminIndex.memoryBytes,
  };
}
