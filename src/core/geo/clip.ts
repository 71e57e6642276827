// Thin typed wrappers over polyclip-ts, so the rest of the code deals in our
// own coordinate types and always gets a MultiPolygon back.
import * as polyclip from "polyclip-ts";
import type { MultiPolygonCoords, PolygonCoords } from "./types.ts";

type Geom = PolygonCoords | MultiPolygonCoords;

export function union(first: Geom, ...rest: Geom[]): MultiPolygonCoords {
  return polyclip.union(first, ...rest);
}
export function intersection(first: Geom, ...rest: Geom[]): MultiPolygonCoords {
  return polyclip.intersection(first, ...rest);
}
export function difference(first: Geom, ...rest: Geom[]): MultiPolygonCoords {
  if (rest.length === 0) return isMulti(first) ? first : [first];
  return polyclip.difference(first, ...rest);
}

function isMulti(g: Geom): g is MultiPolygonCoords {
  const first = g[0]?.[0]?.[0];
  return Array.isArray(first);
}

/** Applies f to every vertex of a multipolygon, returning a new one. */
export function mapMultiPolygon(mp: MultiPolygonCoords, f: (x: number, y: number) => [number, number]): MultiPolygonCoords {
  return mp.map((poly) => poly.map((ring) => ring.map(([x, y]) => f(x, y))));
}
