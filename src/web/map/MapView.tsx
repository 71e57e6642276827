// The map, loaded on demand (this module pulls in MapLibre; nothing else in
// the first bundle imports it). Basemap from the pack, incidents clustered,
// notification areas, an optional polygon-drawing mode, and HTML labels for
// places and cluster counts in the chosen language.
import { useEffect, useRef } from "react";
import { Map as MlMap, Marker, NavigationControl, ScaleControl, prewarm, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { BasemapDto, BasemapPlace } from "../../core/api/packs.ts";
import type { Lang } from "../i18n/i18n.tsx";
import { buildStyle, MAX_ZOOM, MIN_ZOOM } from "./style.ts";
import type { ClusterReply, ClusterRequest } from "./cluster-worker.ts";

setWorkerUrl(workerUrl);
// Start MapLibre's worker and one clustering worker as soon as this code
// arrives, before React has rendered the map: each fetches and compiles its
// script while the map is set up, not after its first (costly) frame.
prewarm();
const newClusterWorker = () => new Worker(new URL("./cluster-worker.ts", import.meta.url), { type: "module" });
let spareClusterWorker: Worker | null = newClusterWorker();

export interface FeatureCollection {
  type: "FeatureCollection";
  features: { type: "Feature"; id?: string | number; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}

export interface ClusterInput { lon: Float64Array; lat: Float64Array; index: Int32Array }

export interface MapViewProps {
  basemap: BasemapDto;
  lang: Lang;
  /** Accessible name of the map region. */
  label: string;
  /** MapLibre's own control texts, translated. */
  controlLabels: Record<string, string>;
  /** Incident positions to cluster (already filtered); `index` is what a click reports for a single point. */
  points?: ClusterInput | undefined;
  areas?: FeatureCollection | undefined;
  /** Polygon being drawn: vertices in lon/lat. */
  draft?: [number, number][] | undefined;
  /** When set, clicks add a vertex instead of selecting. */
  onMapClick?: ((lngLat: [number, number]) => void) | undefined;
  onIncidentClick?: ((id: string) => void) | undefined;
  /** Fit to these bounds instead of the pack's (e.g. a notification area). */
  fitTo?: [number, number, number, number] | undefined;
  /** One incident to centre on and mark (e.g. the one an analyst has just accepted). */
  highlight?: { id: string; lon: number; lat: number; label: string } | undefined;
}

// Smaller rank = more important; shown from lower zooms.
const rankForZoom = (z: number) => (z < 8 ? 1 : z < 9 ? 3 : z < 10 ? 5 : 10);

function placeName(p: BasemapPlace, lang: Lang): string {
  return (lang === "ar" ? p.name.ar : lang === "he" ? p.name.he : null) ?? p.name.en;
}

function draftCollection(draft: [number, number][] | undefined) {
  const pts = draft ?? [];
  const features: unknown[] = pts.map((c) => ({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: c } }));
  if (pts.length >= 3) features.push({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[...pts, pts[0]]] } });
  else if (pts.length === 2) features.push({ type: "Feature", properties: {}, geometry: { type: "LineString", coordinates: pts } });
  return { type: "FeatureCollection", features };
}

export default function MapView(props: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const placeMarkers = useRef<{ place: BasemapPlace; marker: Marker; el: HTMLElement }[]>([]);
  const clusterMarkers = useRef(new Map<number, Marker>());
  const latest = useRef(props);
  latest.current = props;
  const worker = useRef<Worker | null>(null);
  const loaded = useRef({ seq: 0, count: 0, shownSeq: -1 });
  const expansions = useRef(new Map<number, (zoom: number) => void>());
  const askClusters = useRef<() => void>(() => undefined);

  // One clustering worker per map; it starts indexing as soon as points arrive, while the map is still starting.
  useEffect(() => {
    const w = spareClusterWorker ?? newClusterWorker();
    spareClusterWorker = null;
    worker.current = w;
    w.onmessage = (e: MessageEvent<ClusterReply>) => {
      const m = e.data;
      if (m.kind === "loaded") {
        if (m.seq !== loaded.current.seq) return;
        loaded.current.count = m.count;
        askClusters.current();
      } else if (m.kind === "clusters") {
        const map = mapRef.current;
        if (!map || m.seq !== loaded.current.seq) return;
        if (loaded.current.shownSeq !== m.seq) {
          // A new index numbers its clusters afresh: drop the count labels of the old one.
          for (const mk of clusterMarkers.current.values()) mk.remove();
          clusterMarkers.current.clear();
          loaded.current.shownSeq = m.seq;
        }
        void map.getSource<GeoJSONSource>("incidents")?.setData({ type: "FeatureCollection", features: m.features } as never);
        performance.mark("map:setData");
        if (container.current) {
          container.current.dataset.incidents = String(loaded.current.count);
          container.current.dataset.settled = "false";
        }
      } else {
        expansions.current.get(m.seq)?.(m.zoom);
        expansions.current.delete(m.seq);
      }
    };
    return () => { w.terminate(); worker.current = null; };
  }, []);

  // Create the map once per basemap.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const b = props.basemap;
    const map = new MlMap({
      container: el,
      style: buildStyle(b, { overlays: props.areas !== undefined || props.draft !== undefined }),
      bounds: props.fitTo ?? b.bbox,
      fitBoundsOptions: { padding: 24 },
      attributionControl: { compact: true, customAttribution: b.attribution },
      locale: props.controlLabels,
      maxZoom: MAX_ZOOM,
      // No symbol fade: labels are HTML, and a fade would only delay "idle".
      fadeDuration: 0,
      minZoom: MIN_ZOOM,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), "top-right");
    map.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    mapRef.current = map;
    // What the clusters on the map cover: the index, the whole zoom level they were made for, and the area asked for.
    let asked: { seq: number; zoom: number; bbox: [number, number, number, number] } | null = null;
    askClusters.current = () => {
      // Nothing indexed yet (points on their way, or a map without incidents): an empty answer would only cost a frame.
      if (loaded.current.seq === 0) return;
      // The style is read (its sources exist) well before its first tiles are in: the clusters can go in with them.
      if (!map.getSource("incidents")) return;
      const b = map.getBounds();
      const zoom = Math.floor(map.getZoom());
      // A pan that stays inside the area already clustered for this zoom is complete as drawn:
      // asking again would only redraw the same clusters.
      if (asked && asked.seq === loaded.current.seq && asked.zoom === zoom && b.getWest() >= asked.bbox[0] && b.getSouth() >= asked.bbox[1] && b.getEast() <= asked.bbox[2] && b.getNorth() <= asked.bbox[3]) return;
      // A margin around the view, so a short pan needs no new answer to look complete.
      const dx = (b.getEast() - b.getWest()) / 2;
      const dy = (b.getNorth() - b.getSouth()) / 2;
      const bbox: [number, number, number, number] = [Math.max(-180, b.getWest() - dx), Math.max(-85, b.getSouth() - dy), Math.min(180, b.getEast() + dx), Math.min(85, b.getNorth() + dy)];
      asked = { seq: loaded.current.seq, zoom, bbox };
      const req: ClusterRequest = { kind: "clusters", seq: loaded.current.seq, bbox, zoom };
      worker.current?.postMessage(req);
    };
    map.on("moveend", () => askClusters.current());
    map.once("styledata", () => { if (loaded.current.shownSeq !== loaded.current.seq) askClusters.current(); });
    const canvas = map.getCanvas();
    canvas.setAttribute("aria-label", props.label);

    // Place labels as HTML: the browser shapes Arabic and Hebrew properly.
    placeMarkers.current = b.places.map((p) => {
      const label = document.createElement("div");
      label.className = `map-label map-label-${p.feature}`;
      label.setAttribute("aria-hidden", "true");
      const marker = new Marker({ element: label, anchor: "left", offset: [4, 0] }).setLngLat([p.lon, p.lat]).addTo(map);
      marker.getElement().removeAttribute("tabindex");
      marker.getElement().removeAttribute("role");
      return { place: p, marker, el: label };
    });
    const updateLabels = () => {
      const max = rankForZoom(map.getZoom());
      const lang = latest.current.lang;
      for (const m of placeMarkers.current) {
        m.el.textContent = placeName(m.place, lang);
        m.el.style.display = m.place.rank <= max ? "" : "none";
      }
    };
    const updateClusters = () => {
      if (!map.getLayer("clusters")) return;
      const seen = new Set<number>();
      for (const f of map.queryRenderedFeatures({ layers: ["clusters"] })) {
        const id = f.properties.cluster_id as number;
        if (seen.has(id)) continue;
        seen.add(id);
        let mk = clusterMarkers.current.get(id);
        if (!mk) {
          const d = document.createElement("div");
          d.className = "cluster-count";
          d.setAttribute("aria-hidden", "true");
          d.textContent = new Intl.NumberFormat(latest.current.lang, { notation: "compact" }).format(f.properties.point_count as number);
          mk = new Marker({ element: d }).setLngLat((f.geometry as unknown as { coordinates: [number, number] }).coordinates).addTo(map);
          mk.getElement().removeAttribute("tabindex");
          mk.getElement().removeAttribute("role");
          clusterMarkers.current.set(id, mk);
        }
      }
      for (const [id, mk] of clusterMarkers.current) if (!seen.has(id)) { mk.remove(); clusterMarkers.current.delete(id); }
    };
    map.on("zoomend", updateLabels);
    map.on("idle", updateClusters);
    // Observable state for tests and the benchmark: settled after the last data change, and pans done.
    map.on("idle", () => { el.dataset.settled = "true"; performance.mark("map:idle"); });
    map.on("moveend", () => { el.dataset.moves = String(Number(el.dataset.moves ?? "0") + 1); });
    map.on("load", () => {
      updateLabels();
      // Keep the sources note folded until asked for: it would cover the south of the line.
      el.querySelector(".maplibregl-ctrl-attrib")?.classList.remove("maplibregl-compact-show");
      el.dataset.mapLoaded = "true";
      performance.mark("map:load");
      // Clusters already drawn for these points (they came before the map finished loading): asking again would only redraw.
      if (loaded.current.shownSeq !== loaded.current.seq) askClusters.current();
    });
    map.on("click", (e: MapMouseEvent) => {
      const p = latest.current;
      if (p.onMapClick) { p.onMapClick([e.lngLat.lng, e.lngLat.lat]); return; }
      const hits = map.queryRenderedFeatures(e.point, { layers: ["clusters", "incident-points"] });
      const hit = hits[0];
      if (!hit) return;
      if (hit.layer.id === "clusters") {
        const seq = loaded.current.seq * 1_000_000 + expansions.current.size + 1;
        expansions.current.set(seq, (zoom) => map.easeTo({ center: (hit.geometry as unknown as { coordinates: [number, number] }).coordinates, zoom: Math.max(zoom, map.getZoom() + 1) }));
        const req: ClusterRequest = { kind: "expand", seq, clusterId: hit.properties.cluster_id as number };
        worker.current?.postMessage(req);
      } else if (p.onIncidentClick) p.onIncidentClick(String(hit.properties.i));
    });
    for (const layer of ["clusters", "incident-points"]) {
      map.on("mouseenter", layer, () => { if (!latest.current.onMapClick) map.getCanvas().style.cursor = "pointer"; });
      map.on("mouseleave", layer, () => { map.getCanvas().style.cursor = latest.current.onMapClick ? "crosshair" : ""; });
    }
    return () => {
      for (const mk of clusterMarkers.current.values()) mk.remove();
      clusterMarkers.current.clear();
      map.remove();
      mapRef.current = null;
    };
    // The map is rebuilt only for another pack; other props flow in through the effects below.
  }, [props.basemap]);

  // Data updates without rebuilding the map.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      void map.getSource<GeoJSONSource>("areas")?.setData((props.areas ?? { type: "FeatureCollection", features: [] }) as never);
      void map.getSource<GeoJSONSource>("draft")?.setData(draftCollection(props.draft) as never);
    };
    if (map.isStyleLoaded()) apply();
    else map.once("load", apply);
  }, [props.areas, props.draft]);

  // New points: index them in the worker (copies are transferred, the caller keeps its arrays).
  useEffect(() => {
    const w = worker.current;
    // No points yet (still on their way, or a map without incidents): nothing to index, nothing to draw.
    const pts = props.points;
    if (!w || !pts) return;
    const seq = loaded.current.seq + 1;
    loaded.current.seq = seq;
    const req: ClusterRequest = { kind: "load", seq, lon: pts.lon.slice(), lat: pts.lat.slice(), index: pts.index.slice() };
    w.postMessage(req, [req.lon.buffer, req.lat.buffer, req.index.buffer]);
  }, [props.points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.getCanvas().style.cursor = props.onMapClick ? "crosshair" : "";
    map.getCanvas().setAttribute("aria-label", props.label);
    for (const m of placeMarkers.current) m.el.textContent = placeName(m.place, props.lang);
    for (const mk of clusterMarkers.current.values()) mk.remove();
    clusterMarkers.current.clear();
    map.triggerRepaint();
  }, [props.lang, props.label, props.onMapClick]);

  useEffect(() => {
    if (props.fitTo && mapRef.current) mapRef.current.fitBounds(props.fitTo, { padding: 40, duration: 0 });
  }, [props.fitTo]);

  const h = props.highlight;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !h) return;
    const d = document.createElement("div");
    d.className = "map-highlight";
    d.dataset.testid = "map-highlight";
    d.dataset.incident = h.id;
    d.title = h.label;
    const mk = new Marker({ element: d }).setLngLat([h.lon, h.lat]).addTo(map);
    // The marker is a visual aid; the side panel names the incident for assistive technology.
    mk.getElement().setAttribute("aria-hidden", "true");
    mk.getElement().removeAttribute("tabindex");
    mk.getElement().removeAttribute("role");
    map.jumpTo({ center: [h.lon, h.lat], zoom: Math.max(map.getZoom(), 11) });
    return () => { mk.remove(); };
  }, [h?.id, h?.lon, h?.lat, h?.label]);

  return <div ref={container} className="map-canvas" data-testid="map" />;
}
