// Request bodies of the agreement API, parsed and answered without I/O so the
// HTTP routes stay thin: classify accepts {points:[{id,lon,lat}]}, a GeoJSON
// FeatureCollection (points or shapes), or {geometry}.
import type { Classifier, GeometryClassification, PointClassification } from "./classify.ts";
import { MAX_POINTS_PER_BATCH } from "./classify.ts";
import { InputError } from "./errors.ts";

export type ClassifyResult =
  | ({ id: string } & PointClassification)
  | ({ id: string } & GeometryClassification);

/** Most non-point features per request (each may need polygon clipping). */
export const MAX_SHAPES_PER_BATCH = 1_000;

export function classifyRequest(classifier: Classifier, body: unknown, max = MAX_POINTS_PER_BATCH): { results: ClassifyResult[]; disclaimer: string | null } {
  const pack = classifier.pack;
  const disclaimer = pack.meta.approximate ? pack.meta.disclaimer : null;
  if (!body || typeof body !== "object") throw new InputError([{ message: "expected a JSON object: {points:[…]}, a GeoJSON FeatureCollection, or {geometry}" }]);
  const b = body as { points?: unknown; type?: unknown; features?: unknown; geometry?: unknown; id?: unknown };
  if (Array.isArray(b.points)) return { results: classifier.classifyPoints(b.points, { max }), disclaimer };
  if (b.type === "FeatureCollection") {
    if (!Array.isArray(b.features)) throw new InputError([{ field: "features", message: "must be an array" }]);
    const feats = b.features as unknown[];
    if (feats.length > max) throw new InputError([{ message: `too many features: ${feats.length} (at most ${max} per request)` }]);
    const shapes = feats.filter((f) => (f as { geometry?: { type?: unknown } } | null)?.geometry?.type !== "Point").length;
    if (shapes > MAX_SHAPES_PER_BATCH) throw new InputError([{ message: `too many line/polygon features: ${shapes} (at most ${MAX_SHAPES_PER_BATCH} per request)` }]);
    const results = feats.map((f, i): ClassifyResult => {
      const ft = f as { type?: unknown; id?: unknown; properties?: { id?: unknown } | null; geometry?: { type?: unknown; coordinates?: unknown } | null } | null;
      const raw = ft?.properties?.id ?? ft?.id;
      const id = typeof raw === "string" || typeof raw === "number" ? String(raw) : String(i);
      if (!ft || ft.type !== "Feature" || !ft.geometry) throw new InputError([{ feature: i, id, message: "not a GeoJSON Feature with a geometry" }]);
      try {
        if (ft.geometry.type === "Point") {
          const [p] = classifier.classifyPoints([{ id, lon: (ft.geometry.coordinates as unknown[] | undefined)?.[0], lat: (ft.geometry.coordinates as unknown[] | undefined)?.[1] }]);
          return p!;
        }
        return { id, ...classifier.classifyGeometry(ft.geometry) };
      } catch (e) {
        if (e instanceof InputError) throw new InputError(e.issues.map((x) => ({ ...x, feature: i, id })));
        throw e;
      }
    });
    return { results, disclaimer };
  }
  if (b.geometry !== undefined) {
    const id = typeof b.id === "string" || typeof b.id === "number" ? String(b.id) : "0";
    return { results: [{ id, ...classifier.classifyGeometry(b.geometry) }], disclaimer };
  }
  throw new InputError([{ message: "expected {points:[{id,lon,lat}…]}, a GeoJSON FeatureCollection, or {geometry}" }]);
}

/** One point, for quick lookups (e.g. GET …/classify?lon=&lat=). Strings are parsed strictly. */
export function classifyLonLat(classifier: Classifier, lonRaw: unknown, latRaw: unknown): PointClassification {
  const num = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v);
  const [r] = classifier.classifyPoints([{ id: "0", lon: num(lonRaw), lat: num(latRaw) }]);
  const { id: _id, ...rest } = r!;
  return rest;
}

