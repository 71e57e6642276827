// buildPack: validates the files of an agreement pack and derives its zones.
// Pure: the caller reads the folder (src/server/modules/agreements/pack-files.ts)
// and hands over parsed JSON keyed by file name.
import type { z } from "zod";
import { actorsFileSchema, placesFileSchema } from "./gazetteer.ts";
import type { ActorsFile, PlacesFile } from "./gazetteer.ts";
import {
  admin1FileSchema, channelRulesFileSchema, countriesFileSchema, limitsFileSchema, linesFileSchema, packMetaSchema,
  sitesFileSchema, zonePolygonsFileSchema, zonesFileSchema, ZONE_OUTSIDE,
} from "./schema.ts";
import type { ChannelRule, Limit, PackMeta, ZoneDef } from "./schema.ts";
import { PackValidationError, zodToPackIssues } from "./errors.ts";
import type { PackIssue } from "./errors.ts";
import {
  bboxOfMultiPolygon, bboxOfPositions, createLocalProjection, sideBandRing, sidePath, difference, findRingSelfIntersection,
  halfPlane, intersection, km, union, mapMultiPolygon, measureLine, multiPolygonArea,
} from "../geo/index.ts";
import type { BBox, Compass, Km, LineMeasure, LocalProjection, MultiPolygonCoords, PolygonCoords, Position, XY } from "../geo/index.ts";

export const PACK_FILES = {
  meta: "pack.json",
  lines: "lines.geojson",
  zones: "zones.json",
  zonePolygons: "zones.geojson",
  sites: "sites.geojson",
  countries: "countries.geojson",
  admin1: "admin1.geojson",
  limits: "limits.json",
  channelRules: "channel-rules.json",
  places: "places.json",
  actors: "actors.json",
} as const;
const REQUIRED: string[] = [PACK_FILES.meta, PACK_FILES.lines, PACK_FILES.zones, PACK_FILES.limits, PACK_FILES.channelRules];

export interface PackLine {
  id: string;
  key: string;
  name: string;
  names?: { en: string; ar?: string; he?: string };
  source: string;
  coords: Position[];
  lengthKm: Km;
  measure: LineMeasure;
}
export interface PackZone {
  id: string;
  name: string;
  def: ZoneDef;
  /** lon/lat, the geometry every classification is decided against. */
  geometry: MultiPolygonCoords;
  /** The same in the projection plane (metres). */
  xy: MultiPolygonCoords;
  areaKm2: number;
}
export interface PackSite { id: string; name: string; kind: string; lon: number; lat: number; radiusKm: number; source: string; xy: XY }
export interface PackAdmin1 { code: string; name_en: string; name_ar: string | null; name_he: string | null; geometry: MultiPolygonCoords }
export interface PackParty { id: string; name: string; line: string; side: Compass; country: string; ownSideXY: PolygonCoords; otherSideXY: PolygonCoords }

export interface Pack {
  id: string;
  meta: PackMeta;
  projection: LocalProjection;
  lines: PackLine[];
  zones: PackZone[];
  sites: PackSite[];
  admin1: PackAdmin1[];
  parties: PackParty[];
  limits: Limit[];
  channelRules: ChannelRule[];
  places: PlacesFile | null;
  actors: ActorsFile | null;
  /** lon/lat bounding box of all zones. */
  bbox: BBox;
  /** Raw GeoJSON of the map layers given in files, for export. */
  countries: { iso3: string; name: string; geometry: MultiPolygonCoords }[];
}

const OPPOSITE: Record<Compass, Compass> = { west: "east", east: "west", north: "south", south: "north" };

type Files = Record<string, unknown>;

function parseFile<S extends z.ZodType>(files: Files, name: string, schema: S, issues: PackIssue[], listKey?: string): z.infer<S> | null {
  if (!(name in files)) {
    if (REQUIRED.includes(name)) issues.push({ file: name, message: "file is missing" });
    return null;
  }
  const data = files[name];
  const res = schema.safeParse(data);
  if (!res.success) {
    issues.push(...zodToPackIssues(name, res.error, data, listKey));
    return null;
  }
  return res.data;
}

function toMulti(g: { type: "Polygon"; coordinates: number[][][] } | { type: "MultiPolygon"; coordinates: number[][][][] }): MultiPolygonCoords {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  return polys.map((p) => p.map((r) => r.map((pos) => [pos[0]!, pos[1]!] as Position)));
}

/** Ring closure and simplicity, reported against the feature and ring. */
export function checkRings(mp: MultiPolygonCoords, where: (field: string, message: string) => void, single: boolean): void {
  mp.forEach((poly, pi) => poly.forEach((ring, ri) => {
    const field = single ? `geometry.coordinates[${ri}]` : `geometry.coordinates[${pi}][${ri}]`;
    const first = ring[0], last = ring[ring.length - 1];
    if (ring.length < 4) return where(field, "a ring needs at least 4 positions");
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) return where(field, "ring is not closed (first and last positions differ)");
    const hit = findRingSelfIntersection(ring);
    if (hit) where(field, `ring intersects itself (edges ${hit[0]} and ${hit[1]})`);
  }));
}

export function buildPack(files: Files): Pack {
  const issues: PackIssue[] = [];
  const meta = parseFile(files, PACK_FILES.meta, packMetaSchema, issues, "parties");
  const linesFile = parseFile(files, PACK_FILES.lines, linesFileSchema, issues);
  const zonesFile = parseFile(files, PACK_FILES.zones, zonesFileSchema, issues, "zones");
  const polyFile = parseFile(files, PACK_FILES.zonePolygons, zonePolygonsFileSchema, issues);
  const sitesFile = parseFile(files, PACK_FILES.sites, sitesFileSchema, issues);
  const countriesFile = parseFile(files, PACK_FILES.countries, countriesFileSchema, issues);
  const admin1File = parseFile(files, PACK_FILES.admin1, admin1FileSchema, issues);
  const limitsFile = parseFile(files, PACK_FILES.limits, limitsFileSchema, issues, "limits");
  const rulesFile = parseFile(files, PACK_FILES.channelRules, channelRulesFileSchema, issues, "rules");
  const places = parseFile(files, PACK_FILES.places, placesFileSchema, issues, "places");
  const actors = parseFile(files, PACK_FILES.actors, actorsFileSchema, issues, "actors");
  if (!meta || !linesFile || !zonesFile || !limitsFile || !rulesFile || issues.length) throw new PackValidationError(issues);

  const sourceIds = new Set(meta.sources.map((s) => s.id));
  const needSource = (file: string, feature: string | undefined, field: string, sid: string | undefined) => {
    if (sid !== undefined && !sourceIds.has(sid)) issues.push({ file, feature, field, message: `unknown source "${sid}" (not in pack.json sources)` });
  };
  const dupes = (file: string, list: { id: string }[], label: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) issues.push({ file, feature: `${label}[${i}] (${x.id})`, field: "id", message: `duplicate id "${x.id}"` });
      seen.add(x.id);
    });
  };
  needSource(PACK_FILES.meta, undefined, "agreement.text_source", meta.agreement.text_source);
  dupes(PACK_FILES.meta, meta.sources, "sources");

  // Lines.
  const lineProps = linesFile.features.map((f) => f.properties);
  dupes(PACK_FILES.lines, lineProps, "features");
  const keys = new Set<string>();
  linesFile.features.forEach((f, i) => {
    const feat = `features[${i}] (${f.properties.id})`;
    needSource(PACK_FILES.lines, feat, "properties.source", f.properties.source);
    if (keys.has(f.properties.key)) issues.push({ file: PACK_FILES.lines, feature: feat, field: "properties.key", message: `duplicate key "${f.properties.key}"` });
    keys.add(f.properties.key);
    const c = f.geometry.coordinates;
    if (c.every((p) => p[0] === c[0]![0] && p[1] === c[0]![1])) issues.push({ file: PACK_FILES.lines, feature: feat, field: "geometry.coordinates", message: "a line needs two distinct positions" });
  });
  const lineBBox = bboxOfPositions(linesFile.features.flatMap((f) => f.geometry.coordinates.map((p) => [p[0], p[1]] as [number, number])));
  const projection = createLocalProjection(meta.projection_lon0 ?? (lineBBox.minX + lineBBox.maxX) / 2, (lineBBox.minY + lineBBox.maxY) / 2);

  // Snap results of clipping back onto the exact input vertices they came from,
  // so shared edges stay bit-identical after the round trip through the plane.
  const snap = new Map<string, Position>();
  const snapKey = (x: number, y: number) => `${Math.round(x * 1000)},${Math.round(y * 1000)}`;
  const fwd = (p: Position): XY => {
    const xy = projection.forward(p[0], p[1]);
    snap.set(snapKey(xy[0], xy[1]), [p[0], p[1]]);
    return xy;
  };
  const projectMulti = (mp: MultiPolygonCoords) => mp.map((poly) => poly.map((ring) => ring.map(fwd)));
  const unproject = (mp: MultiPolygonCoords) => mapMultiPolygon(mp, (x, y) => snap.get(snapKey(x, y)) ?? projection.inverse(x, y));

  const lines: PackLine[] = linesFile.features.map((f) => {
    const coords = f.geometry.coordinates.map((p) => [p[0], p[1]] as Position);
    coords.forEach(fwd);
    const measure = measureLine(projection, coords);
    return { id: f.properties.id, key: f.properties.key, name: f.properties.name, names: f.properties.names, source: f.properties.source, coords, lengthKm: km(measure.lengthM / 1000), measure };
  });
  const lineById = new Map(lines.map((l) => [l.id, l]));

  // Given polygons (zones.geojson), countries, admin areas: check rings.
  const polygonsById = new Map<string, MultiPolygonCoords>();
  polyFile?.features.forEach((f, i) => {
    const feat = `features[${i}] (${f.properties.id})`;
    const mp = toMulti(f.geometry);
    checkRings(mp, (field, message) => issues.push({ file: PACK_FILES.zonePolygons, feature: feat, field, message }), f.geometry.type === "Polygon");
    needSource(PACK_FILES.zonePolygons, feat, "properties.source", f.properties.source);
    if (polygonsById.has(f.properties.id)) issues.push({ file: PACK_FILES.zonePolygons, feature: feat, field: "properties.id", message: "duplicate id" });
    polygonsById.set(f.properties.id, mp);
  });
  const countries = (countriesFile?.features ?? []).map((f, i) => {
    const mp = toMulti(f.geometry);
    checkRings(mp, (field, message) => issues.push({ file: PACK_FILES.countries, feature: `features[${i}] (${f.properties.iso3})`, field, message }), f.geometry.type === "Polygon");
    return { iso3: f.properties.iso3, name: f.properties.name, geometry: mp };
  });
  const admin1: PackAdmin1[] = (admin1File?.features ?? []).map((f, i) => {
    const mp = toMulti(f.geometry);
    checkRings(mp, (field, message) => issues.push({ file: PACK_FILES.admin1, feature: `features[${i}] (${f.properties.iso_3166_2})`, field, message }), f.geometry.type === "Polygon");
    return { code: f.properties.iso_3166_2, name_en: f.properties.name_en, name_ar: f.properties.name_ar ?? null, name_he: f.properties.name_he ?? null, geometry: mp };
  });
  const sites: PackSite[] = (sitesFile?.features ?? []).map((f, i) => {
    needSource(PACK_FILES.sites, `features[${i}] (${f.properties.id})`, "properties.source", f.properties.source);
    const [lo, la] = f.geometry.coordinates;
    return { id: f.properties.id, name: f.properties.name, kind: f.properties.kind, lon: lo, lat: la, radiusKm: f.properties.radius_km, source: f.properties.source, xy: projection.forward(lo, la) };
  });
  dupes(PACK_FILES.sites, sites, "features");
  const countryByIso = new Map(countries.map((c) => [c.iso3, c]));

  // Parties and their sides.
  const parties: PackParty[] = [];
  meta.parties.forEach((p, i) => {
    const feat = `parties[${i}] (${p.id})`;
    const line = lineById.get(p.line);
    if (!line) { issues.push({ file: PACK_FILES.meta, feature: feat, field: "line", message: `unknown line "${p.line}"` }); return; }
    if (!countryByIso.has(p.country)) issues.push({ file: PACK_FILES.meta, feature: feat, field: "country", message: `no polygon for country "${p.country}" in ${PACK_FILES.countries}` });
    try {
      parties.push({ ...p, ownSideXY: halfPlane(line.measure.xy, p.side), otherSideXY: halfPlane(line.measure.xy, OPPOSITE[p.side]) });
    } catch (e) {
      issues.push({ file: PACK_FILES.lines, feature: line.id, field: "geometry.coordinates", message: (e as Error).message });
    }
  });
  dupes(PACK_FILES.meta, meta.parties, "parties");

  // Zone definitions: cross-references first, so geometry work only runs on a consistent pack.
  const defs = zonesFile.zones;
  dupes(PACK_FILES.zones, defs, "zones");
  defs.forEach((d, i) => {
    const feat = `zones[${i}] (${d.id})`;
    if (d.kind === "polygon") {
      if (!polygonsById.has(d.feature)) issues.push({ file: PACK_FILES.zones, feature: feat, field: "feature", message: `no polygon "${d.feature}" in ${PACK_FILES.zonePolygons}` });
      return;
    }
    const line = lineById.get(d.line);
    if (!line) issues.push({ file: PACK_FILES.zones, feature: feat, field: "line", message: `unknown line "${d.line}"` });
    else {
      try { halfPlane(line.measure.xy, d.side); } catch (e) { issues.push({ file: PACK_FILES.zones, feature: feat, field: "side", message: (e as Error).message }); }
    }
    d.clip_to_countries.forEach((c, k) => {
      if (!countryByIso.has(c)) issues.push({ file: PACK_FILES.zones, feature: feat, field: `clip_to_countries[${k}]`, message: `no polygon for country "${c}" in ${PACK_FILES.countries}` });
    });
    d.minus.forEach((m, k) => {
      const j = defs.findIndex((x) => x.id === m);
      if (j < 0 || (j > i && defs[j]!.kind === "band")) issues.push({ file: PACK_FILES.zones, feature: feat, field: `minus[${k}]`, message: `"${m}" must be a polygon zone or a band defined earlier` });
    });
  });

  const zoneIds = new Set(defs.map((d) => d.id));
  const partyIds = new Set(meta.parties.map((p) => p.id));
  const siteIds = new Set(sites.map((s) => s.id));
  limitsFile.limits.forEach((l, i) => {
    const feat = `limits[${i}] (${l.id})`;
    l.zones.forEach((z, k) => { if (z !== "*" && !zoneIds.has(z)) issues.push({ file: PACK_FILES.limits, feature: feat, field: `zones[${k}]`, message: `unknown zone "${z}"` }); });
    l.parties?.forEach((p, k) => { if (!partyIds.has(p)) issues.push({ file: PACK_FILES.limits, feature: feat, field: `parties[${k}]`, message: `unknown party "${p}"` }); });
    needSource(PACK_FILES.limits, feat, "source", l.source);
    if (l.rule.kind === "no_military_observation") l.rule.sites.forEach((s, k) => { if (!siteIds.has(s)) issues.push({ file: PACK_FILES.limits, feature: feat, field: `rule.sites[${k}]`, message: `unknown site "${s}"` }); });
  });
  dupes(PACK_FILES.limits, limitsFile.limits, "limits");
  rulesFile.rules.forEach((r, i) => {
    const feat = `rules[${i}] (${r.id})`;
    r.zones?.forEach((z, k) => { if (z !== "*" && z !== ZONE_OUTSIDE && !zoneIds.has(z)) issues.push({ file: PACK_FILES.channelRules, feature: feat, field: `zones[${k}]`, message: `unknown zone "${z}"` }); });
    needSource(PACK_FILES.channelRules, feat, "source", r.source);
  });
  dupes(PACK_FILES.channelRules, rulesFile.rules, "rules");
  places?.places.forEach((p, i) => { if (!Number.isFinite(p.lon) || !Number.isFinite(p.lat)) issues.push({ file: PACK_FILES.places, feature: `places[${i}] (${p.id})`, field: "lon", message: "coordinates must be finite" }); });
  if (places) dupes(PACK_FILES.places, places.places, "places");
  if (actors) dupes(PACK_FILES.actors, actors.actors, "actors");
  if (issues.length) throw new PackValidationError(issues);

  // Derive the zones in the projection plane.
  const countryXY = new Map<string, MultiPolygonCoords>();
  const zonesXY = new Map<string, MultiPolygonCoords>();
  const zones: PackZone[] = [];
  const order = [...defs.filter((d) => d.kind === "polygon"), ...defs.filter((d) => d.kind === "band")];
  for (const d of order) {
    let xy: MultiPolygonCoords;
    if (d.kind === "polygon") xy = projectMulti(polygonsById.get(d.feature)!);
    else {
      const line = lineById.get(d.line)!;
      let ring;
      try {
        ring = sideBandRing(sidePath([...line.measure.xy], d.side), d.from_km * 1000, d.to_km * 1000, { distance: line.measure.distanceXY });
      } catch (e) {
        issues.push({ file: PACK_FILES.zones, feature: d.id, message: (e as Error).message });
        continue;
      }
      xy = [[ring]];
      if (d.clip_to_countries.length) {
        const key = [...d.clip_to_countries].sort().join("+");
        let c = countryXY.get(key);
        if (!c) {
          const parts = d.clip_to_countries.map((iso) => projectMulti(countryByIso.get(iso)!.geometry));
          c = parts.length === 1 ? parts[0]! : union(parts[0]!, ...parts.slice(1));
          countryXY.set(key, c);
        }
        xy = intersection(xy, c);
      }
      const minus = d.minus.map((m) => zonesXY.get(m)).filter((m): m is MultiPolygonCoords => m !== undefined);
      if (minus.length && xy.length) xy = difference(xy, ...minus);
    }
    zonesXY.set(d.id, xy);
    const geometry = d.kind === "polygon" ? polygonsById.get(d.feature)! : unproject(xy);
    zones.push({ id: d.id, name: d.name, def: d, geometry, xy, areaKm2: multiPolygonArea(xy) / 1e6 });
  }
  // Keep the order the pack author gave (it is also the tie-break order on shared edges).
  zones.sort((a, b) => defs.findIndex((d) => d.id === a.id) - defs.findIndex((d) => d.id === b.id));
  zones.forEach((z) => {
    if (z.areaKm2 <= 0) issues.push({ file: PACK_FILES.zones, feature: z.id, message: "zone is empty after derivation (check side, country and distances)" });
  });
  if (issues.length) throw new PackValidationError(issues);

  let bbox: BBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const z of zones) bbox = bboxOfMultiPolygon(z.geometry, bbox);

  return {
    id: meta.id,
    meta,
    projection,
    lines,
    zones,
    sites,
    admin1,
    parties,
    limits: limitsFile.limits,
    channelRules: rulesFile.rules,
    places,
    actors,
    bbox,
    countries,
  };
}
