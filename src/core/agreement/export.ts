// What the API hands out about a pack: a summary for lists, and the map
// layers as one GeoJSON FeatureCollection that always carries the disclaimer.
import type { Pack } from "./build.ts";

/** A name in each of the product's languages; English always. */
export type DisplayNames = { en: string; ar?: string; he?: string };

export interface PackSummary {
  id: string;
  title: string;
  version: string;
  agreement: Pack["meta"]["agreement"];
  approximate: boolean;
  accuracy_m: number;
  disclaimer: string;
  attribution: string;
  parties: { id: string; name: string; line: string; side: string }[];
  mediators: { id: string; name: string }[];
  observers: { id: string; name: string }[];
  sources: Pack["meta"]["sources"];
  lines: { id: string; key: string; name: string; length_km: number }[];
  zones: { id: string; name: string; names: DisplayNames | null; kind: "polygon" | "band"; area_km2: number }[];
  /** Governorates (ISO 3166-2 codes) with their names, for screens that show areas by code. */
  admin1: { id: string; names: DisplayNames }[];
  /** The actor dictionary's display names, so screens can show a recognised actor in the reader's language. */
  actors: { id: string; names: DisplayNames }[];
  limits: Pack["limits"];
  channel_rules: Pack["channelRules"];
  bbox: [number, number, number, number];
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** A dictionary entry's display name in each language: the first of each list, a language without one left out. */
function displayNames(names: { en: string[]; ar: string[]; he: string[] }): DisplayNames {
  return { en: names.en[0]!, ...(names.ar[0] ? { ar: names.ar[0] } : {}), ...(names.he[0] ? { he: names.he[0] } : {}) };
}

export function packSummary(pack: Pack): PackSummary {
  const m = pack.meta;
  return {
    id: m.id, title: m.title, version: m.version, agreement: m.agreement, approximate: m.approximate, accuracy_m: m.accuracy_m,
    disclaimer: m.disclaimer, attribution: m.attribution,
    parties: m.parties.map((p) => ({ id: p.id, name: p.name, line: p.line, side: p.side })),
    mediators: m.mediators, observers: m.observers, sources: m.sources,
    lines: pack.lines.map((l) => ({ id: l.id, key: l.key, name: l.name, length_km: r3(l.lengthKm) })),
    zones: pack.zones.map((z) => ({ id: z.id, name: z.name, names: z.def.names ?? null, kind: z.def.kind, area_km2: r3(z.areaKm2) })),
    admin1: pack.admin1.map((a) => ({ id: a.code, names: { en: a.name_en, ...(a.name_ar ? { ar: a.name_ar } : {}), ...(a.name_he ? { he: a.name_he } : {}) } })),
    actors: (pack.actors?.actors ?? []).map((a) => ({ id: a.id, names: displayNames(a.names) })),
    limits: pack.limits, channel_rules: pack.channelRules,
    bbox: [pack.bbox.minX, pack.bbox.minY, pack.bbox.maxX, pack.bbox.maxY],
  };
}

export interface PackPlaces {
  /** The gazetteer's places by id, with their display names in the three languages (the first name of each list). */
  places: { id: string; names: DisplayNames; feature: string; admin1: string | null }[];
}

/** The gazetteer as screens need it: names by id, so a place the extractor found is shown in the reader's language. */
export function packPlaces(pack: Pack): PackPlaces {
  return {
    places: (pack.places?.places ?? []).map((p) => ({
      id: p.id,
      names: displayNames(p.names),
      feature: p.feature,
      admin1: p.admin1,
    })),
  };
}

export interface PackGeoJSONOptions {
  /** Include governorate polygons (larger); default false. */
  admin1?: boolean;
  /** Round coordinates to this many decimals (default 6, ≈ 0.1 m). */
  precision?: number;
}

/** Lines, zones (derived bands included) and sites, each feature stamped with the disclaimer. */
export function packToGeoJSON(pack: Pack, opts: PackGeoJSONOptions = {}) {
  const f = 10 ** (opts.precision ?? 6);
  const rd = (v: number) => Math.round(v * f) / f;
  const m = pack.meta;
  const common = { pack: m.id, approximate: m.approximate, accuracy_m: m.accuracy_m, disclaimer: m.disclaimer };
  const limitsFor = (zone: string) => pack.limits.filter((l) => l.zones.includes(zone)).map((l) => ({ id: l.id, text: l.text, clause: l.clause }));
  const features: unknown[] = [
    ...pack.zones.map((z) => ({
      type: "Feature", id: z.id,
      properties: { ...common, kind: "zone", id: z.id, name: z.name, names: z.def.names ?? null, derived: z.def.kind === "band", ...(z.def.kind === "band" ? { line: z.def.line, side: z.def.side, from_km: z.def.from_km, to_km: z.def.to_km } : {}), area_km2: r3(z.areaKm2), limits: limitsFor(z.id) },
      geometry: { type: "MultiPolygon", coordinates: z.geometry.map((p) => p.map((r) => r.map(([x, y]) => [rd(x), rd(y)]))) },
    })),
    ...pack.lines.map((l) => ({
      type: "Feature", id: l.id,
      properties: { ...common, kind: "line", id: l.id, key: l.key, name: l.name, names: l.names ?? null, length_km: r3(l.lengthKm), source: l.source },
      geometry: { type: "LineString", coordinates: l.coords.map(([x, y]) => [rd(x), rd(y)]) },
    })),
    ...pack.sites.map((s) => ({
      type: "Feature", id: s.id,
      properties: { ...common, kind: "site", id: s.id, name: s.name, site_kind: s.kind, radius_km: s.radiusKm, source: s.source },
      geometry: { type: "Point", coordinates: [s.lon, s.lat] },
    })),
    ...(opts.admin1 ? pack.admin1.map((a) => ({
      type: "Feature", id: a.code,
      properties: { ...common, kind: "admin1", id: a.code, name_en: a.name_en, name_ar: a.name_ar, name_he: a.name_he },
      geometry: { type: "MultiPolygon", coordinates: a.geometry },
    })) : []),
  ];
  return {
    type: "FeatureCollection" as const,
    disclaimer: m.disclaimer,
    approximate: m.approximate,
    accuracy_m: m.accuracy_m,
    attribution: m.attribution,
    pack: { id: m.id, title: m.title, version: m.version },
    bbox: [pack.bbox.minX, pack.bbox.minY, pack.bbox.maxX, pack.bbox.maxY],
    features,
  };
}
