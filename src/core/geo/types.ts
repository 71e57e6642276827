// Branded numbers for the values that are easiest to mix up: longitude vs
// latitude, kilometres vs metres. Plain positions stay GeoJSON-shaped tuples.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Lon = Brand<number, "Lon">;
export type Lat = Brand<number, "Lat">;
export type Km = Brand<number, "Km">;
export type Metres = Brand<number, "Metres">;

export const lon = (v: number): Lon => v as Lon;
export const lat = (v: number): Lat => v as Lat;
export const km = (v: number): Km => v as Km;
export const metres = (v: number): Metres => v as Metres;

/** [lon, lat] in degrees, as GeoJSON orders them. */
export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

/** [x, y] in metres on a local projection plane. */
export type XY = [number, number];

export interface BBox { minX: number; minY: number; maxX: number; maxY: number }

export function bboxOfPositions(points: Iterable<readonly [number, number]>, into?: BBox): BBox {
  const b = into ?? { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of points) {
    if (x < b.minX) b.minX = x;
    if (y < b.minY) b.minY = y;
    if (x > b.maxX) b.maxX = x;
    if (y > b.maxY) b.maxY = y;
  }
  return b;
}

export function bboxOfMultiPolygon(mp: MultiPolygonCoords, into?: BBox): BBox {
  let b = into ?? { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const poly of mp) for (const ring of poly) b = bboxOfPositions(ring, b);
  return b;
}

export function expandBBox(b: BBox, fraction: number): BBox {
  const dx = (b.maxX - b.minX) * fraction;
  const dy = (b.maxY - b.minY) * fraction;
  return { minX: b.minX - dx, minY: b.minY - dy, maxX: b.maxX + dx, maxY: b.maxY + dy };
}
