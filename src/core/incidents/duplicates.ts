// Duplicate candidates, as ACLED merges events: the same type, days at most
// one apart, actors in common, and the same place — within 5 km when both
// locations are precise, or the same admin area when either is not.
import { dayNumber } from "./dates.ts";
import { actorSet } from "./incident.ts";

export interface DuplicateInput {
  event_date: string;
  event_type: string;
  actor1: string;
  actor2: string;
  assoc_actor_1: string;
  assoc_actor_2: string;
  latitude: number;
  longitude: number;
  geo_precision: number;
  error_radius_m: number;
  /** The pack's admin area when classified, else ACLED's admin1. */
  admin_area: string | null;
}

export const DUPLICATE_MAX_DAYS = 1;
export const DUPLICATE_MAX_KM = 5;

/** Great-circle distance (haversine; ample for a 5 km test). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r, dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const imprecise = (x: DuplicateInput) => x.geo_precision >= 2 || x.error_radius_m > DUPLICATE_MAX_KM * 1000;

export interface DuplicateVerdict {
  candidate: boolean;
  days: number;
  distance_km: number;
  place: "distance" | "admin_area";
  shared_actors: string[];
}

export function duplicateVerdict(a: DuplicateInput, b: DuplicateInput): DuplicateVerdict {
  const days = Math.abs(dayNumber(a.event_date) - dayNumber(b.event_date));
  const distance_km = Math.round(haversineKm(a.latitude, a.longitude, b.latitude, b.longitude) * 1000) / 1000;
  const place = imprecise(a) || imprecise(b) ? "admin_area" : "distance";
  const actorsB = actorSet(b);
  const shared_actors = [...actorSet(a)].filter((x) => actorsB.has(x)).sort();
  const samePlace = place === "distance" ? distance_km <= DUPLICATE_MAX_KM : a.admin_area !== null && a.admin_area !== "" && a.admin_area === b.admin_area;
  return { candidate: days <= DUPLICATE_MAX_DAYS && a.event_type === b.event_type && shared_actors.length > 0 && samePlace, days, distance_km, place, shared_actors };
}
