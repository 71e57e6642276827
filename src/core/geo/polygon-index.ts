// Which of a set of disjoint polygons contains a point, fast.
//
// A uniform grid covers the polygons' bounding box. Each cell either lies
// wholly inside one polygon (or none), and is answered from a 16-bit code, or
// is touched by some edge ("mixed"), and is answered exactly by a crossing-
// number test against only the edges of the cell's row: a horizontal ray can
// cross no other edge, and a polygon with no edge in the row cannot contain
// any point of the row. So the answer is exact everywhere, not just where the
// grid is fine enough.
import type { BBox, MultiPolygonCoords } from "./types.ts";
import { bboxOfMultiPolygon } from "./types.ts";

const MIXED = 0xffff;

export interface PolygonIndex {
  /** Index of the polygon containing (x, y), or -1. */
  lookup(x: number, y: number): number;
  readonly bbox: BBox;
  readonly nx: number;
  readonly ny: number;
  /** Bytes held by the grid and the row edge lists. */
  readonly memoryBytes: number;
  /** Share of cells that need the exact test. */
  readonly mixedShare: number;
}

export interface PolygonIndexOptions {
  /**
   * Upper bound on grid cells (default 1,000,000 ≈ 2 MB). Finer grids leave
   * fewer cells to the exact test but fall out of the CPU cache; around a
   * million cells was fastest for a pack the size of the Golan's.
   */
  maxCells?: number;
}

export function createPolygonIndex(polygons: readonly MultiPolygonCoords[], opts: PolygonIndexOptions = {}): PolygonIndex {
  if (polygons.length >= MIXED - 1) throw new Error("too many polygons for one index");
  let bbox: BBox = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const mp of polygons) bbox = bboxOfMultiPolygon(mp, bbox);
  if (!Number.isFinite(bbox.minX)) bbox = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  const span = Math.max(bbox.maxX - bbox.minX, bbox.maxY - bbox.minY, 1e-9);
  // Pad so that points on the outer boundary still fall in a grid cell.
  const pad = span * 1e-6;
  const X0 = bbox.minX - pad, Y0 = bbox.minY - pad;
  const W = bbox.maxX - bbox.minX + 2 * pad, H = bbox.maxY - bbox.minY + 2 * pad;
  const maxCells = opts.maxCells ?? 1_000_000;
  const cell = Math.sqrt((W * H) / maxCells);
  const nx = Math.max(1, Math.min(Math.ceil(W / cell), 65535));
  const ny = Math.max(1, Math.min(Math.ceil(H / cell), 65535));
  const cw = W / nx, ch = H / ny;
  const eps = Math.max(cw, ch) * 1e-6;

  // Collect edges once: [x1, y1, x2, y2] and owner.
  const edgeList: number[] = [];
  const ownerList: number[] = [];
  polygons.forEach((mp, z) => {
    for (const poly of mp) for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j]!, b = ring[i]!;
        if (a[0] === b[0] && a[1] === b[1]) continue;
        edgeList.push(a[0], a[1], b[0], b[1]);
        ownerList.push(z);
      }
    }
  });
  const nEdges = ownerList.length;
  const cells = new Uint16Array(nx * ny);
  const rowOf = (y: number) => Math.min(ny - 1, Math.max(0, Math.floor((y - Y0) / ch)));
  const colOf = (x: number) => Math.min(nx - 1, Math.max(0, Math.floor((x - X0) / cw)));

  // Pass 1: count row memberships (for CSR) and mark every cell an edge touches.
  const rowCount = new Uint32Array(ny + 1);
  for (let e = 0; e < nEdges; e++) {
    const x1 = edgeList[4 * e]!, y1 = edgeList[4 * e + 1]!, x2 = edgeList[4 * e + 2]!, y2 = edgeList[4 * e + 3]!;
    const r0 = rowOf(Math.min(y1, y2) - eps), r1 = rowOf(Math.max(y1, y2) + eps);
    for (let r = r0; r <= r1; r++) {
      rowCount[r + 1]!++;
      // The part of the edge inside this row's (padded) y-range spans these x.
      const ya = Y0 + r * ch - eps, yb = Y0 + (r + 1) * ch + eps;
      let xa: number, xb: number;
      if (y1 === y2) { xa = Math.min(x1, x2); xb = Math.max(x1, x2); }
      else {
        const ta = Math.max(0, Math.min(1, (ya - y1) / (y2 - y1)));
        const tb = Math.max(0, Math.min(1, (yb - y1) / (y2 - y1)));
        const pa = x1 + ta * (x2 - x1), pb = x1 + tb * (x2 - x1);
        xa = Math.min(pa, pb); xb = Math.max(pa, pb);
      }
      const c0 = colOf(xa - eps), c1 = colOf(xb + eps);
      cells.fill(MIXED, r * nx + c0, r * nx + c1 + 1);
    }
  }
  for (let r = 0; r < ny; r++) rowCount[r + 1]! += rowCount[r]!;
  const rowStart = rowCount;
  const rowEdges = new Float64Array(rowStart[ny]! * 4);
  const rowOwner = new Uint16Array(rowStart[ny]!);
  const fill = rowStart.slice(0, ny);
  for (let e = 0; e < nEdges; e++) {
    const y1 = edgeList[4 * e + 1]!, y2 = edgeList[4 * e + 3]!;
    const r0 = rowOf(Math.min(y1, y2) - eps), r1 = rowOf(Math.max(y1, y2) + eps);
    for (let r = r0; r <= r1; r++) {
      const k = fill[r]!++;
      rowEdges.set(edgeList.slice(4 * e, 4 * e + 4), 4 * k);
      rowOwner[k] = ownerList[e]!;
    }
  }

  // Pass 2: every untouched cell takes the polygon of its centre, found by a
  // left-to-right sweep over the row's crossings at the centre line.
  const parity = new Uint8Array(polygons.length);
  const crossings: { x: number; z: number }[] = [];
  for (let r = 0; r < ny; r++) {
    const yc = Y0 + (r + 0.5) * ch;
    crossings.length = 0;
    for (let k = rowStart[r]!; k < rowStart[r + 1]!; k++) {
      const xa = rowEdges[4 * k]!, ya = rowEdges[4 * k + 1]!, xb = rowEdges[4 * k + 2]!, yb = rowEdges[4 * k + 3]!;
      if (ya > yc !== yb > yc) crossings.push({ x: ((xb - xa) * (yc - ya)) / (yb - ya) + xa, z: rowOwner[k]! });
    }
    crossings.sort((p, q) => p.x - q.x);
    parity.fill(0);
    let odd = 0;
    let ci = 0;
    for (let c = 0; c < nx; c++) {
      const xc = X0 + (c + 0.5) * cw;
      while (ci < crossings.length && crossings[ci]!.x < xc) {
        const z = crossings[ci]!.z;
        parity[z]! ^= 1;
        odd += parity[z] ? 1 : -1;
        ci++;
      }
      const idx = r * nx + c;
      if (cells[idx] === MIXED) continue;
      if (odd === 0) continue; // stays 0 = outside
      let z = 0;
      while (z < parity.length && parity[z] === 0) z++;
      cells[idx] = z + 1;
    }
  }

  let mixed = 0;
  for (let i = 0; i < cells.length; i++) if (cells[i] === MIXED) mixed++;
  const invCw = 1 / cw, invCh = 1 / ch;
  const maxX = X0 + W, maxY = Y0 + H;
  const exactParity = new Uint8Array(polygons.length);

  const lookup = (x: number, y: number): number => {
    if (!(x >= X0 && x < maxX && y >= Y0 && y < maxY)) return -1;
    let c = ((x - X0) * invCw) | 0;
    let r = ((y - Y0) * invCh) | 0;
    if (c >= nx) c = nx - 1;
    if (r >= ny) r = ny - 1;
    const code = cells[r * nx + c]!;
    if (code !== MIXED) return code - 1;
    exactParity.fill(0);
    const end = rowStart[r + 1]!;
    for (let k = rowStart[r]!; k < end; k++) {
      const o = 4 * k;
      const ya = rowEdges[o + 1]!, yb = rowEdges[o + 3]!;
      if (ya > y !== yb > y) {
        const xa = rowEdges[o]!;
        if (x < ((rowEdges[o + 2]! - xa) * (y - ya)) / (yb - ya) + xa) exactParity[rowOwner[k]!]! ^= 1;
      }
    }
    for (let z = 0; z < exactParity.length; z++) if (exactParity[z]) return z;
    return -1;
  };

  return {
    lookup,
    bbox: { minX: X0, minY: Y0, maxX, maxY },
    nx,
    ny,
    memoryBytes: cells.byteLength + rowEdges.byteLength + rowOwner.byteLength + rowStart.byteLength,
    mixedShare: mixed / cells.length,
  };
}
