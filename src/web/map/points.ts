// The incident points of the map screen, fetched as binary columns once the
// map code has arrived (served alone, the code arrives sooner; the server
// reads the points in pages meanwhile). Arriving on /map, main.tsx starts
// both with the page, in parallel with the session check; the screen takes
// that answer on first use and fetches anew after (a reload after a change
// revalidates with its ETag).
import { decodePoints, POINTS_MEDIA_TYPE, type PointTable } from "../../core/api/map.ts";
import { api } from "../api/client.ts";
import { preloadMap } from "./LazyMap.tsx";

const fetchPoints = () => preloadMap().catch(() => undefined)
  .then(() => api.getBinary("/api/incidents/points?format=binary", POINTS_MEDIA_TYPE, decodePoints));
let pending: Promise<PointTable> | null = null;

export function prefetchPoints(): void {
  if (pending) return;
  pending = fetchPoints();
  // Not signed in, or a failure: the screen asks again and shows what went wrong.
  pending.catch(() => { pending = null; });
}

export function loadPoints(): Promise<PointTable> {
  const p = pending ?? fetchPoints();
  pending = null;
  return p;
}
