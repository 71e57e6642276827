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

/**
 * The columns as the server assembles them before encoding: numbers in typed
 * arrays (coordinates × 100,000, days), types and verification states as
 * indexes into dictionaries, and the ids as one newline-separated string,
 * which is exactly the binary form's last section.
 */
/** The numeric and dictionary columns both forms share. */
interface PointColumnsBase {
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
}

export interface PointColumns extends PointColumnsBase { idLines: string }

/**
 * A page of points as a database can hand it over in one row: the count, the
 * ids joined by newlines, coordinates × 100,000 and day numbers joined by
 * commas, event types and verification states joined by newlines (all in the
 * same row order).
 */
export interface PointPage { n: number; ids: string; lonE5: string; latE5: string; day: string; types: string; verifications: string }

/** Collects points row by row or page by page, keeping at most `limit` (the rest only set `truncated`). */
export class PointColumnsBuilder {
  private n = 0;
  private truncated = false;
  private lon: Int32Array;
  private lat: Int32Array;
  private days: Int32Array;
  private typeCodes: Uint8Array;
  private verCodes: Uint8Array;
  private readonly ids: string[] = [];
  private readonly types: string[] = [];
  private readonly verifications: string[] = [];
  private readonly typeIx = new Map<string, number>();
  private readonly verIx = new Map<string, number>();
  // Many incidents share a day: parse each date once.
  private readonly dayOfDate = new Map<string, number>();

  constructor(private readonly limit: number, capacity = 1024) {
    const c = Math.max(1, Math.min(capacity, limit));
    this.lon = new Int32Array(c); this.lat = new Int32Array(c); this.days = new Int32Array(c);
    this.typeCodes = new Uint8Array(c); this.verCodes = new Uint8Array(c);
  }

  get full(): boolean { return this.n >= this.limit; }

  private room(extra: number): number {
    const want = Math.min(this.limit, this.n + extra);
    if (want > this.lon.length) {
      const c = Math.min(this.limit, Math.max(want, this.lon.length * 2));
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => { const b = make(c); b.set(a.subarray(0, this.n)); return b; };
      this.lon = grow(this.lon, (k) => new Int32Array(k)); this.lat = grow(this.lat, (k) => new Int32Array(k)); this.days = grow(this.days, (k) => new Int32Array(k));
      this.typeCodes = grow(this.typeCodes, (k) => new Uint8Array(k)); this.verCodes = grow(this.verCodes, (k) => new Uint8Array(k));
    }
    if (this.n + extra > this.limit) this.truncated = true;
    return want - this.n;
  }

  private code(m: Map<string, number>, dict: string[], v: string): number {
    let i = m.get(v);
    if (i === undefined) {
      if (dict.length === 256) throw new Error("more than 256 event types or verification states");
      i = dict.length; dict.push(v); m.set(v, i);
    }
    return i;
  }

  addRow([id, lon, lat, date, type, verification]: PointRow): void {
    if (this.room(1) === 0) return;
    const i = this.n++;
    this.ids.push(id);
    // Five decimals is about a metre: more digits only add bytes.
    this.lon[i] = Math.round(lon * 1e5);
    this.lat[i] = Math.round(lat * 1e5);
    let d = this.dayOfDate.get(date);
    if (d === undefined) { d = dayOf(date); this.dayOfDate.set(date, d); }
    this.days[i] = d;
    this.typeCodes[i] = this.code(this.typeIx, this.types, type);
    this.verCodes[i] = this.code(this.verIx, this.verifications, verification);
  }

  addPage(p: PointPage): void {
    if (p.n === 0) return;
    const take = this.room(p.n);
    if (take === 0) return;
    const at = this.n;
    const ints = (s: string, into: Int32Array) => {
      // A hand-rolled decimal parser: no intermediate array of 100,000 little strings.
      let k = at, v = 0, neg = false;
      const end = at + take;
      for (let j = 0; j < s.length && k < end; j++) {
        const c = s.charCodeAt(j);
        if (c === 44) { into[k++] = neg ? -v : v; v = 0; neg = false; } else if (c === 45) neg = true; else v = v * 10 + (c - 48);
      }
      if (k < end) into[k++] = neg ? -v : v;
      if (k !== end) throw new Error(`map points page has ${k - at} numbers, expected ${take}`);
    };
    ints(p.lonE5, this.lon); ints(p.latE5, this.lat); ints(p.day, this.days);
    const codes = (s: string, m: Map<string, number>, dict: string[], into: Uint8Array) => {
      const parts = s.split("\n");
      for (let j = 0; j < take; j++) into[at + j] = this.code(m, dict, parts[j]!);
    };
    codes(p.types, this.typeIx, this.types, this.typeCodes);
    codes(p.verifications, this.verIx, this.verifications, this.verCodes);
    if (take === p.n) this.ids.push(p.ids);
    else {
      let cut = -1;
      for (let j = 0; j < take; j++) cut = p.ids.indexOf("\n", cut + 1);
      this.ids.push(p.ids.slice(0, cut));
    }
    this.n += take;
  }

  finish(): PointColumns {
    const n = this.n;
    return {
      count: n, truncated: this.truncated,
      lonE5: this.lon.slice(0, n), latE5: this.lat.slice(0, n), day: this.days.slice(0, n),
      types: this.types, type: this.typeCodes.slice(0, n),
      verifications: this.verifications, verification: this.verCodes.slice(0, n),
      idLines: this.ids.join("\n"),
    };
  }
}

/** The JSON form of the columns. */
export function pointsJson(c: PointColumns): MapPoints {
  // + 0 turns -0 into 0.
  const deg = (a: Int32Array) => Array.from(a, (v) => v / 1e5 + 0);
  return {
    count: c.count, ids: c.count === 0 ? [] : c.idLines.split("\n"), lon: deg(c.lonE5), lat: deg(c.latE5), day: Array.from(c.day),
    types: c.types, type: Array.from(c.type), verifications: c.verifications, verification: Array.from(c.verification), truncated: c.truncated,
  };
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
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function encodePoints(p: PointColumns): Uint8Array {
  const n = p.count;
  if (p.types.length > 256 || p.verifications.length > 256) throw new Error("more than 256 event types or verification states");
  const enc = new TextEncoder();
  const dict = enc.encode(JSON.stringify({ types: p.types, verifications: p.verifications }));
  const dictLen = Math.ceil(dict.length / 4) * 4;
  const ids = enc.encode(p.idLines);
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
  const put = (a: Int32Array, k: number) => {
    if (littleEndian) out.set(new Uint8Array(a.buffer, a.byteOffset, 4 * n), numbersAt + 4 * k * n);
    else for (let i = 0; i < n; i++) view.setInt32(numbersAt + 4 * (k * n + i), a[i]!, true);
  };
  put(p.lonE5, 0); put(p.latE5, 1); put(p.day, 2);
  out.set(p.type.subarray(0, n), bytesAt);
  out.set(p.verification.subarray(0, n), bytesAt + n);
  out.set(ids, idsAt);
  return out;
}

/** The columns as typed-array views over the received bytes; ids are decoded on first use (a click, a focus). */
export interface PointTable extends PointColumnsBase { ids(): string[] }

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
