// The offline map style: every source is GeoJSON from the pack (no tiles, no
// glyphs, no sprites — nothing to fetch). Text is drawn as HTML labels
// instead of symbol layers, which also gives correct Arabic and Hebrew shaping.
import type { GeoJSONSourceSpecification, StyleSpecification } from "maplibre-gl";
import type { BasemapDto } from "../../core/api/packs.ts";

export const colors = {
  outside: "#dcd9d2",
  land: "#f4f1ea",
  border: "#8b8578",
  admin: "#b9b2a3",
  aos: "#1f6f8b",
  bandWest: "#2e5aa8",
  bandEast: "#a8552e",
  lineA: "#1c3f87",
  lineB: "#8a3215",
  site: "#5b2a86",
  incident: "#c0392b",
  cluster: "#7b241c",
};

const empty = { type: "FeatureCollection" as const, features: [] };

export function buildStyle(b: BasemapDto): StyleSpecification {
  const gj = (data: unknown) => ({ type: "geojson" as const, data: data as GeoJSONSourceSpecification["data"] });
  return {
    version: 8,
    sources: {
      countries: gj(b.countries),
      admin1: gj(b.admin1),
      zones: gj(b.zones),
      lines: gj(b.lines),
      sites: gj(b.sites),
      // Clustered by our own worker (cluster-worker.ts): this source holds only the clusters in view.
      incidents: gj(empty),
      areas: gj(empty),
      draft: gj(empty),
    },
    layers: [
      { id: "outside", type: "background", paint: { "background-color": colors.outside } },
      { id: "land", type: "fill", source: "countries", paint: { "fill-color": colors.land } },
      { id: "admin1-line", type: "line", source: "admin1", paint: { "line-color": colors.admin, "line-width": 0.8, "line-dasharray": [3, 2] } },
      { id: "country-line", type: "line", source: "countries", paint: { "line-color": colors.border, "line-width": 1.2 } },
      {
        id: "zones-fill", type: "fill", source: "zones",
        paint: {
          "fill-color": ["case", ["!", ["get", "band"]], colors.aos, ["==", ["get", "side"], "west"], colors.bandWest, colors.bandEast],
          "fill-opacity": ["case", ["!", ["get", "band"]], 0.35, ["match", ["get", "from_km"], 0, 0.2, 10, 0.13, 0.07]],
        },
      },
      { id: "zones-outline", type: "line", source: "zones", paint: { "line-color": ["case", ["!", ["get", "band"]], colors.aos, "#6b6b6b"], "line-width": ["case", ["!", ["get", "band"]], 1.5, 0.5], "line-opacity": 0.7 } },
      { id: "lines", type: "line", source: "lines", paint: { "line-color": ["match", ["get", "key"], "A", colors.lineA, "B", colors.lineB, "#333"], "line-width": 2.5 } },
      { id: "sites", type: "circle", source: "sites", paint: { "circle-radius": 5, "circle-color": colors.site, "circle-stroke-color": "#fff", "circle-stroke-width": 1.5 } },
      { id: "areas-fill", type: "fill", source: "areas", paint: { "fill-color": ["coalesce", ["get", "color"], "#d68910"], "fill-opacity": 0.25 } },
      { id: "areas-line", type: "line", source: "areas", paint: { "line-color": ["coalesce", ["get", "color"], "#d68910"], "line-width": 2 } },
      { id: "draft-fill", type: "fill", source: "draft", filter: ["==", ["geometry-type"], "Polygon"], paint: { "fill-color": "#d68910", "fill-opacity": 0.3 } },
      { id: "draft-line", type: "line", source: "draft", paint: { "line-color": "#9c640c", "line-width": 2, "line-dasharray": [2, 1] } },
      { id: "draft-points", type: "circle", source: "draft", filter: ["==", ["geometry-type"], "Point"], paint: { "circle-radius": 5, "circle-color": "#9c640c", "circle-stroke-color": "#fff", "circle-stroke-width": 1.5 } },
      {
        id: "clusters", type: "circle", source: "incidents", filter: ["has", "point_count"],
        paint: {
          "circle-color": colors.cluster, "circle-opacity": 0.85, "circle-stroke-color": "#fff", "circle-stroke-width": 2,
          "circle-radius": ["step", ["get", "point_count"], 12, 10, 16, 100, 21, 1000, 27, 10000, 33],
        },
      },
      { id: "incident-points", type: "circle", source: "incidents", filter: ["!", ["has", "point_count"]], paint: { "circle-radius": 6, "circle-color": colors.incident, "circle-stroke-color": "#fff", "circle-stroke-width": 1.5 } },
    ],
  };
}
