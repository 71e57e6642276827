// A transverse Mercator projection on the WGS84 ellipsoid (Krüger series),
// centred on the pack's own meridian. Near the central meridian its scale is
// 1 + x²/2R² (≈ 1.00002 at 40 km), so planar distances on it are ground
// distances to well under a metre over the few tens of kilometres the treaty
// measures. That lets buffers and point-to-line distances be plain plane
// geometry in metres instead of iterated geodesic solutions.
import type { Position, XY } from "./types.ts";

const A_WGS84 = 6378137;
const F_WGS84 = 1 / 298.257223563;
const DEG = Math.PI / 180;

const n = F_WGS84 / (2 - F_WGS84);
const n2 = n * n;
const n3 = n2 * n;
const e = (2 * Math.sqrt(n)) / (1 + n);
/** Rectifying radius: meridian arc length per radian of rectifying latitude. */
const A = (A_WGS84 / (1 + n)) * (1 + n2 / 4 + (n2 * n2) / 64);
const alpha = [n / 2 - (2 * n2) / 3 + (5 * n3) / 16, (13 * n2) / 48 - (3 * n3) / 5, (61 * n3) / 240];
const beta = [n / 2 - (2 * n2) / 3 + (37 * n3) / 96, n2 / 48 + n3 / 15, (17 * n3) / 480];
const delta = [2 * n - (2 * n2) / 3 - 2 * n3, (7 * n2) / 3 - (8 * n3) / 5, (56 * n3) / 15];

/** Mean Earth radius squared, for the scale-factor correction. */
const R2 = 6371008.8 ** 2;

export interface LocalProjection {
  readonly lon0: number;
  readonly lat0: number;
  forward(lon: number, lat: number): XY;
  inverse(x: number, y: number): Position;
  /**
   * Ground distance between two plane points: plane length divided by the
   * mean scale factor along the chord (Simpson's rule on k = 1 + x²/2R²).
   */
  groundDistance(x1: number, y1: number, x2: number, y2: number): number;
}

/**
 * Origin at (lon0, lat0): keeping plane coordinates small (tens of km rather
 * than the 3,600 km northing of the equator origin) matters to the polygon
 * clipper, whose tolerances scale with coordinate magnitude.
 */
export function createLocalProjection(lon0: number, lat0 = 0): LocalProjection {
  let y0 = 0;
  const forward = (lonDeg: number, latDeg: number): XY => {
    const phi = latDeg * DEG;
    const dl = (lonDeg - lon0) * DEG;
    const s = Math.sin(phi);
    const t = Math.sinh(Math.atanh(s) - e * Math.atanh(e * s));
    const xiP = Math.atan2(t, Math.cos(dl));
    const etaP = Math.atanh(Math.sin(dl) / Math.sqrt(1 + t * t));
    let xi = xiP;
    let eta = etaP;
    for (let j = 0; j < 3; j++) {
      const a = alpha[j] ?? 0;
      const k = 2 * (j + 1);
      xi += a * Math.sin(k * xiP) * Math.cosh(k * etaP);
      eta += a * Math.cos(k * xiP) * Math.sinh(k * etaP);
    }
    return [A * eta, A * xi - y0];
  };
  y0 = forward(lon0, lat0)[1];
  const inverse = (x: number, y: number): Position => {
    const xi = (y + y0) / A;
    const eta = x / A;
    let xiP = xi;
    let etaP = eta;
    for (let j = 0; j < 3; j++) {
      const b = beta[j] ?? 0;
      const k = 2 * (j + 1);
      xiP -= b * Math.sin(k * xi) * Math.cosh(k * eta);
      etaP -= b * Math.cos(k * xi) * Math.sinh(k * eta);
    }
    const chi = Math.asin(Math.sin(xiP) / Math.cosh(etaP));
    let phi = chi;
    for (let j = 0; j < 3; j++) phi += (delta[j] ?? 0) * Math.sin(2 * (j + 1) * chi);
    const dl = Math.atan2(Math.sinh(etaP), Math.cos(xiP));
    return [lon0 + dl / DEG, phi / DEG];
  };
  const groundDistance = (x1: number, y1: number, x2: number, y2: number): number => {
    const d = Math.hypot(x2 - x1, y2 - y1);
    const k = 1 + (x1 * x1 + x1 * x2 + x2 * x2) / (6 * R2);
    return d / k;
  };
  return { lon0, lat0, forward, inverse, groundDistance };
}

/** Point scale factor at plane easting x (metres from the central meridian). */
export function scaleAt(x: number): number {
  return 1 + (x * x) / (2 * R2);
}
