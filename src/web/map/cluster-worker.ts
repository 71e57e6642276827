// Clusters the incident points off the main thread and off MapLibre's own
// worker: the positions arrive as transferred typed arrays (no copy, no
// 100,000 GeoJSON objects to clone), the index is built while the map is still
// starting, and the map only ever receives the clusters in view.
import Supercluster from "supercluster";
import { MIN_ZOOM } from "./style.ts";

export type ClusterRequest =
  | { kind: "load"; seq: number; lon: Float64Array; lat: Float64Array; index: Int32Array }
  | { kind: "clusters"; seq: number; bbox: [number, number, number, number]; zoom: number }
  | { kind: "expand"; seq: number; clusterId: number };

export type ClusterReply =
  | { kind: "loaded"; seq: number; count: number }
  | { kind: "clusters"; seq: number; features: unknown[] }
  | { kind: "expand"; seq: number; zoom: number };

// Same pixel radius and last clustered zoom as the map's style had for a clustered GeoJSON source;
// no levels below the map's widest zoom (each level is another pass over the points).
let index: Supercluster<{ i: number }> | null = null;
let loadedSeq = 0;

const post = (m: ClusterReply) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<ClusterRequest>) => {
  const m = e.data;
  if (m.kind === "load") {
    const n = m.index.length;
    const points = new Array<Supercluster.PointFeature<{ i: number }>>(n);
    for (let k = 0; k < n; k++) points[k] = { type: "Feature", properties: { i: m.index[k]! }, geometry: { type: "Point", coordinates: [m.lon[k]!, m.lat[k]!] } };
    index = new Supercluster<{ i: number }>({ radius: 44, extent: 512, maxZoom: 12, minZoom: MIN_ZOOM }).load(points);
    loadedSeq = m.seq;
    post({ kind: "loaded", seq: m.seq, count: n });
  } else if (m.kind === "clusters") {
    post({ kind: "clusters", seq: loadedSeq, features: index ? index.getClusters(m.bbox, Math.floor(m.zoom)) : [] });
  } else {
    let zoom = 0;
    try { zoom = index ? index.getClusterExpansionZoom(m.clusterId) : 0; } catch { /* the cluster belongs to an older index */ }
    post({ kind: "expand", seq: m.seq, zoom });
  }
};
