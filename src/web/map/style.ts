// The offline map style: every source is GeoJSON from the pack (no tiles, no
// glyphs, no sprites — nothing to fetch). Text is drawn as HTML labels
// instead of symbol layers, which also gives correct Arabic and Hebrew shaping.
//
// Built for software WebGL (a browser without a GPU draws every pixel on the
// CPU and compiles every shader variant before its first draw): the pack's
// layers are one source whose features carry their own paint values, drawn
// by one fill and one line layer, and every layer of a type takes its paint
// from data in the same way — one shader program per layer type, one tile
// set to wait for, no anti-aliasing outline pass.
import type { CircleLayerSpecification, DataDrivenPropertyValueSpecification, FillLayerSpecification, GeoJSONSourceSpecification, LayerSpecification, LineLayerSpecification, StyleSpecification } from "maplibre-gl";
import type { BasemapDto } from "../../core/api/packs.ts";

export const colors = {
  outside: "#dcd9d2",
  land: "#f4f1ea",
  border: "#8b8578",
  admin: "#c4bdaf",
  aos: "#1f6f8b",
  bandWest: "#2e5aa8",
  bandEast: "#a8552e",
  lineA: "#1c3f87",
  lineB: "#8a3215",
  site: "#5b2a86",
  incident: "#c0392b",
  cluster: "#7b241c",
};

/** Paint values a feature of the base source carries: fill colour and opacity; line colour, width and opacity; circle colour and radius. */
interface Paint { fill?: string; fo?: number; lc?: string; lw?: number; lo?: number; cc?: string; r?: number }
interface Feature { type: "Feature"; properties: Record<string, unknown>; geometry: unknown }
type Collection = { features: { properties: Record<string, unknown>; geometry: unknown }[] };

const empty = { type: "FeatureCollection" as const, features: [] };

function zonePaint(p: Record<string, unknown>): { fill: Paint; outline: Paint } {
  if (!p.band) return { fill: { fill: colors.aos, fo: 0.35 }, outline: { lc: colors.aos, lw: 1.5, lo: 0.7 } };
  const fo = p.from_km === 0 ? 0.2 : p.from_km === 10 ? 0.13 : 0.07;
  return { fill: { fill: p.side === "west" ? colors.bandWest : colors.bandEast, fo }, outline: { lc: "#6b6b6b", lw: 0.5, lo: 0.7 } };
}

/** The pack's layers as one collection, in drawing order (later features are drawn over earlier ones). */
export function baseFeatures(b: BasemapDto): Feature[] {
  const out: Feature[] = [];
  const add = (c: Collection, paint: (p: Record<string, unknown>) => Paint) => {
    for (const f of c.features) out.push({ type: "Feature", properties: { ...f.properties, ...paint(f.properties) }, geometry: f.geometry });
  };
  const col = (c: { features: Record<string, unknown>[] }) => c as unknown as Collection;
  const countries = col(b.countries), admin1 = col(b.admin1), zones = col(b.zones);
  add(countries, () => ({ fill: colors.land, fo: 1 }));
  add(zones, (p) => zonePaint(p).fill);
  add(admin1, () => ({ lc: colors.admin, lw: 0.8, lo: 1 }));
  add(countries, () => ({ lc: colors.border, lw: 1.2, lo: 1 }));
  add(zones, (p) => zonePaint(p).outline);
  add(col(b.lines), (p) => ({ lc: p.key === "A" ? colors.lineA : p.key === "B" ? colors.lineB : "#333", lw: 2.5, lo: 1 }));
  add(col(b.sites), () => ({ cc: colors.site, r: 5 }));
  return out;
}

// The same data-driven shape for every layer of a type: MapLibre compiles a
// shader per combination of constant and data-driven paint properties.
type FillPaint = NonNullable<FillLayerSpecification["paint"]>;
type LinePaint = NonNullable<LineLayerSpecification["paint"]>;
type CirclePaint = NonNullable<CircleLayerSpecification["paint"]>;
const fillPaint = (color: string, opacity: number): FillPaint => ({ "fill-color": ["coalesce", ["get", "fill"], color], "fill-opacity": ["coalesce", ["get", "fo"], opacity], "fill-antialias": false });
const linePaint = (color: string, width: number): LinePaint => ({ "line-color": ["coalesce", ["get", "lc"], color], "line-width": ["coalesce", ["get", "lw"], width], "line-opacity": ["coalesce", ["get", "lo"], 1] });
const circlePaint = (color: string, radius: DataDrivenPropertyValueSpecification<number>): CirclePaint => ({ "circle-color": ["coalesce", ["get", "cc"], color], "circle-radius": radius, "circle-stroke-color": "#fff", "circle-stroke-width": 1.5 });

/**
 * Tiles no deeper than zoom 8, shown enlarged above it: the map opens at about
 * zoom 9, where each source is then one or two tiles instead of four to six —
 * and every tile is a stencil mask and a draw call per layer, which software
 * WebGL pays for on every frame. Unsimplified (tolerance 0), a zoom-8 tile
 * keeps positions to 2 px at the map's deepest zoom (MAX_ZOOM, about 15 m a
 * pixel), well inside the pack's stated accuracy of a kilometre.
 */
const TILED = { maxzoom: 8, tolerance: 0 } as const;
export const MAX_ZOOM = 13;
/** The widest view: the pack's region and its neighbours; nothing is clustered for views wider than this. */
export const MIN_ZOOM = 5;

/** `overlays`: the sources and layers for notification areas and a polygon being drawn (every source costs the first frames a tile load). */
export function buildStyle(b: BasemapDto, opts: { overlays: boolean }): StyleSpecification {
  const gj = (data: unknown, extra: Partial<GeoJSONSourceSpecification> = {}): GeoJSONSourceSpecification => ({ type: "geojson", data: data as GeoJSONSourceSpecification["data"], ...extra });
  const overlays: LayerSpecification[] = [
    { id: "areas-fill", type: "fill", source: "areas", paint: { ...fillPaint("#d68910", 0.25), "fill-color": ["coalesce", ["get", "color"], "#d68910"] } },
    { id: "areas-line", type: "line", source: "areas", paint: { ...linePaint("#d68910", 2), "line-color": ["coalesce", ["get", "color"], "#d68910"] } },
    { id: "draft-fill", type: "fill", source: "draft", filter: ["==", ["geometry-type"], "Polygon"], paint: fillPaint("#d68910", 0.3) },
    { id: "draft-line", type: "line", source: "draft", paint: { "line-color": "#9c640c", "line-width": 2, "line-dasharray": [2, 1] } },
    { id: "draft-points", type: "circle", source: "draft", filter: ["==", ["geometry-type"], "Point"], paint: circlePaint("#9c640c", ["coalesce", ["get", "r"], 5]) },
  ];
  return {
    version: 8,
    sources: {
      base: gj({ type: "FeatureCollection", features: baseFeatures(b) }, TILED),
      // Clustered by our own worker (cluster-worker.ts): this source holds only the clusters in view.
      incidents: gj(empty, TILED),
      ...(opts.overlays ? { areas: gj(empty), draft: gj(empty) } : {}),
    },
    layers: [
      { id: "outside", type: "background", paint: { "background-color": colors.outside } },
      { id: "base-fill", type: "fill", source: "base", filter: ["has", "fill"], paint: fillPaint(colors.land, 1) },
      { id: "base-line", type: "line", source: "base", filter: ["has", "lc"], paint: linePaint(colors.border, 1) },
      { id: "sites", type: "circle", source: "base", filter: ["has", "cc"], paint: circlePaint(colors.site, ["coalesce", ["get", "r"], 5]) },
      ...(opts.overlays ? overlays : []),
      {
        id: "clusters", type: "circle", source: "incidents", filter: ["has", "point_count"],
        paint: { ...circlePaint(colors.cluster, ["step", ["get", "point_count"], 12, 10, 16, 100, 21, 1000, 27, 10000, 33]), "circle-opacity": 0.85, "circle-stroke-width": 2 },
      },
      { id: "incident-points", type: "circle", source: "incidents", filter: ["!", ["has", "point_count"]], paint: circlePaint(colors.incident, ["coalesce", ["get", "r"], 6]) },
    ],
  };
}
