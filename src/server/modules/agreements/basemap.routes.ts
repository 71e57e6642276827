// The web map's offline basemap: a pack's countries, governorates, zones
// (derived bands included), lines, sites and places in one read-only response,
// coordinates rounded to ~1 m, names in the three languages where the pack has them.
import { z } from "zod";
import type { Pack } from "../../../core/agreement/build.ts";
import type { MultiPolygonCoords, Position } from "../../../core/geo/index.ts";
import { basemapSchema, type BasemapDto } from "../../../core/api/packs.ts";
import type { AppContext } from "../../context.ts";
import { errors } from "../../platform/http/errors.ts";
import type { Router } from "../../platform/http/route.ts";
import { listBundledPacks, loadBundledPack } from "./pack-files.ts";

const rd = (v: number) => Math.round(v * 1e5) / 1e5;
const pos = (p: Position) => [rd(p[0]), rd(p[1])];
const multi = (mp: MultiPolygonCoords) => ({ type: "MultiPolygon", coordinates: mp.map((poly) => poly.map((ring) => ring.map(pos))) });

export function toBasemap(pack: Pack): BasemapDto {
  const m = pack.meta;
  const fc = (features: Record<string, unknown>[]) => ({ type: "FeatureCollection" as const, features });
  return {
    id: m.id, title: m.title, approximate: m.approximate, disclaimer: m.disclaimer, attribution: m.attribution,
    bbox: [pack.bbox.minX, pack.bbox.minY, pack.bbox.maxX, pack.bbox.maxY],
    countries: fc(pack.countries.map((c) => ({ type: "Feature", properties: { id: c.iso3, name: c.name }, geometry: multi(c.geometry) }))),
    admin1: fc(pack.admin1.map((a) => ({ type: "Feature", properties: { id: a.code, name_en: a.name_en, name_ar: a.name_ar, name_he: a.name_he }, geometry: multi(a.geometry) }))),
    zones: fc(pack.zones.map((zn) => ({
      type: "Feature",
      properties: { id: zn.id, name: zn.name, band: zn.def.kind === "band", ...(zn.def.kind === "band" ? { side: zn.def.side, from_km: zn.def.from_km, to_km: zn.def.to_km } : {}) },
      geometry: multi(zn.geometry),
    }))),
    lines: fc(pack.lines.map((l) => ({ type: "Feature", properties: { id: l.id, key: l.key, name: l.name, name_ar: l.names?.ar ?? null, name_he: l.names?.he ?? null }, geometry: { type: "LineString", coordinates: l.coords.map(pos) } }))),
    sites: fc(pack.sites.map((s) => ({ type: "Feature", properties: { id: s.id, name: s.name, kind: s.kind }, geometry: { type: "Point", coordinates: [s.lon, s.lat] } }))),
    places: (pack.places?.places ?? []).map((p) => ({
      id: p.id, feature: p.feature, lon: p.lon, lat: p.lat, rank: p.rank,
      name: { en: p.names.en[0]!, ar: p.names.ar[0] ?? null, he: p.names.he[0] ?? null },
    })),
  };
}

export function basemapRoutes(r: Router, _ctx: AppContext): void {
  // Bundled packs change only with a deployment: build each basemap once per
  // process (deriving the bands is not free) and keep its serialized answer.
  const built = new Map<string, Promise<string>>();
  r.route({
    method: "GET", url: "/api/packs/:id/basemap", auth: "user", tags: ["agreements"],
    summary: "A bundled pack's map layers for the offline web map (approximate; carries the disclaimer)",
    params: z.object({ id: z.string().min(1).max(100) }), response: basemapSchema,
    handler: async ({ params, reply }) => {
      let body = built.get(params.id);
      if (!body) {
        const known = await listBundledPacks();
        if (!known.some((p) => p.id === params.id)) throw errors.notFound("pack");
        body = loadBundledPack(params.id).then((pack) => JSON.stringify(toBasemap(pack)));
        built.set(params.id, body);
        body.catch(() => built.delete(params.id));
      }
      const json = await body;
      // Let the browser keep it for the session too.
      reply.header("cache-control", "private, max-age=3600");
      return reply.type("application/json; charset=utf-8").send(json);
    },
  });
}
