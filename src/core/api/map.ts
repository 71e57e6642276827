// Incidents as map points, column by column: one array per field, event types
// and verification states as indexes into short dictionaries, dates as day
// numbers. 100,000 points are a few megabytes that parse in tens of
// milliseconds, instead of 100,000 small objects or tuples.
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

const anArray = z.custom<unknown[]>((v) => Array.isArray(v), "an array");
/** The same, with each column checked to be an array but not walked: the browser takes 100,000 rows without checking each. */
export const mapPointsShallowSchema = z.object({
  count: z.number(), ids: anArray, lon: anArray, lat: anArray, day: anArray, types: anArray, type: anArray, verifications: anArray, verification: anArray, truncated: z.boolean(),
}).transform((v) => v as unknown as MapPoints);

const DAY_MS = 86_400_000;
export const dayOf = (isoDate: string): number => Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Rows → columns (rows in the order given). */
export function toColumns(rows: Iterable<{ id: string; longitude: number; latitude: number; event_date: string; event_type: string; verification: string }>, truncated: boolean): MapPoints {
  const out: MapPoints = { count: 0, ids: [], lon: [], lat: [], day: [], types: [], type: [], verifications: [], verification: [], truncated };
  const typeIx = new Map<string, number>();
  const verIx = new Map<string, number>();
  const ix = (m: Map<string, number>, dict: string[], v: string) => {
    let i = m.get(v);
    if (i === undefined) { i = dict.length; dict.push(v); m.set(v, i); }
    return i;
  };
  for (const r of rows) {
    out.ids.push(r.id);
    // Five decimals is about a metre: more digits only add bytes.
    out.lon.push(Math.round(r.longitude * 1e5) / 1e5);
    out.lat.push(Math.round(r.latitude * 1e5) / 1e5);
    out.day.push(dayOf(r.event_date));
    out.type.push(ix(typeIx, out.types, r.event_type));
    out.verification.push(ix(verIx, out.verifications, r.verification));
  }
  out.count = out.ids.length;
  return out;
}
