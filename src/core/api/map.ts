// Incidents as map points, column by column: one array per field, event types
// and verification states as indexes into short dictionaries, dates as day
// numbers. Two encodings of the same columns: JSON (`mapPointsSchema`, for
// any API client) and a binary one the web map reads with typed-array views
// over the response, so 100,000 points cost no parsing at all.
import { z } from "zod";

export const mapPointsSchema = z.object({
  count: z.number(),
  ids: z.array(z.string()),
  lon: z.array(z.number()),
  lat: z.array(z.number()),
  /** Days since 1970-01-01 (UTC). */
  day: z.array(z.number()),
  types: z.array(z.string()),
  type: z.array(z.number()).describe("index into types"),
  verifications: z.array(z.string()),
  verification: z.array(z.number()).describe("index into verifications"),
  truncated: z.boolean(),
});
export type MapPoints = z.infer<typeof mapPointsSchema>;

const DAY_MS = 86_400_000;
export const dayOf = (isoDate: string): number => Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A row as the map reads it: the six columns, in this order. */
export type PointRow = readonly [id: string, longitude: number, latitude: number, event_date: string, event_type: string, verification: string];

/** Rows → columns (rows in the order given). */
export function toColumns(rows: Iterable<PointRow>, truncated: boolean): MapPoints {
  const out: MapPoints = { count: 0, ids: [], lon: [], lat: [], day: [], types: [], type: [], verifications: [], verification: [], truncated };
  const typeIx = new Map<string, number>();
  const verIx = new Map<string, number>();
  // Many incidents share a day: parse each date once.
  const days = new Map<string, number>();
  const ix = (m: Map<string, number>, dict: string[], v: string) => {
    let i = m.get(v);
    if (i === undefined) { i = dict.length; dict.push(v); m.set(v, i); }
    return i;
  };
  for (const [id, lon, lat, date, type, verification] of rows) {
    out.ids.push(id);
    // Five decimals is about a metre: more digits only add bytes (+ 0 turns -0 into 0).
    out.lon.push(Math.round(lon * 1e5) / 1e5 + 0);
    out.lat.push(Math.round(lat * 1e5) / 1e5 + 0);
    let d = days.get(date);
    if (d === undefined) { d = dayOf(date); days.set(date, d); }
    out.day.push(d);
    out.type.push(ix(typeIx, out.types, type));
    out.verification.push(ix(verIx, out.verifications, verification));
  }
  out.count = out.ids.length;
  return out;
}

/**
 * The binary encoding (media type `POINTS_MEDIA_TYPE`), little-endian:
 * "TLP1", uint32 count, uint32 flags (bit 0: truncated), uint32 n, then n
 * bytes of UTF-8 JSON `{types, verifications}` padded with spaces to a
 * multiple of 4; int32 lon×1e5 [count], int32 lat×1e5 [count], int32 day
 * [count]; uint8 type [count], uint8 verification [count]; the ids in UTF-8,
 * one per line, to the end.
 */
export const POINTS_MEDIA_TYPE = "application/vnd.truceline.points";
const MAGIC = 0x31504c54; // "TLP1" read little-endian
const HEADER = 16;

export function encodePoints(p: MapPoints): Uint8Array {
  const n = p.count;
  if (p.types.length > 256 || p.verifications.length > 256) throw new Error("more than 256 event types or verification states");
  const enc = new TextEncoder();
  const dict = enc.encode(JSON.stringify({ types: p.types, verifications: p.verifications }));
  const dictLen = Math.ceil(dict.length / 4) * 4;
  const ids = enc.encode(p.ids.join("\n"));
  const numbersAt = HEADER + dictLen;
  const bytesAt = numbersAt + 12 * n;
  const idsAt = bytesAt + 2 * n;
  const buf = new ArrayBuffer(idsAt + ids.length);
  const view = new DataView(buf);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, n, true);
  view.setUint32(8, p.truncated ? 1 : 0, true);
  view.setUint32(12, dictLen, true);
  const out = new Uint8Array(buf);
  out.fill(0x20, HEADER, numbersAt);
  if (dict.length) out.set(dict, HEADER);
  for (let i = 0; i < n; i++) {
    view.setInt32(numbersAt + 4 * i, Math.round(p.lon[i]! * 1e5), true);
    view.setInt32(numbersAt + 4 * (n + i), Math.round(p.lat[i]! * 1e5), true);
    view.setInt32(numbersAt + 4 * (2 * n + i), p.day[i]!, true);
    out[bytesAt + i] = p.type[i]!;
    out[bytesAt + n + i] = p.verification[i]!;
  }
  out.set(ids, idsAt);
  return out;
}

/** The columns as typed-array views over the received bytes; ids are decoded on first use (a click, a focus). */
export interface PointTable {
  count: number;
  truncated: boolean;
  /** Longitude and latitude × 100,000 (five decimals). */
  lonE5: Int32Array;
  latE5: Int32Array;
  day: Int32Array;
  types: string[];
  type: Uint8Array;
  verifications: string[];
  verification: Uint8Array;
  ids(): string[];
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function decodePoints(buf: ArrayBuffer): PointTable {
  const view = new DataView(buf);
  if (buf.byteLength < HEADER || view.getUint32(0, true) !== MAGIC) throw new Error("not a map points answer");
  const n = view.getUint32(4, true);
  const dictLen = view.getUint32(12, true);
  const dec = new TextDecoder();
  const dict = JSON.parse(dec.decode(new Uint8Array(buf, HEADER, dictLen))) as { types: string[]; verifications: string[] };
  const numbersAt = HEADER + dictLen;
  const bytesAt = numbersAt + 12 * n;
  const idsAt = bytesAt + 2 * n;
  if (idsAt > buf.byteLength) throw new Error("map points answer cut short");
  const int32s = (k: number) => {
    if (littleEndian) return new Int32Array(buf, numbersAt + 4 * k * n, n);
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = view.getInt32(numbersAt + 4 * (k * n + i), true);
    return a;
  };
  let ids: string[] | null = null;
  return {
    count: n,
    truncated: (view.getUint32(8, true) & 1) === 1,
    lonE5: int32s(0), latE5: int32s(1), day: int32s(2),
    types: dict.types, type: new Uint8Array(buf, bytesAt, n),
    verifications: dict.verifications, verification: new Uint8Array(buf, bytesAt + n, n),
    ids: () => (ids ??= n === 0 ? [] : dec.decode(new Uint8Array(buf, idsAt)).split("\n")),
  };
}
