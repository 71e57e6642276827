// The incident as data: ACLED's fields plus PLOVER category, mode and
// context, precision and an error radius. One checker serves the API, the
// CSV importer and the demo, so every entry path enforces the same rules.
import {
  ACLED_EVENT_TYPES, DEFAULT_ERROR_RADIUS_M, DISORDER_TYPES, PLOVER_CONTEXTS, PLOVER_EVENTS, PLOVER_MODES,
  defaultDisorderType, isEventType, isSubEventTypeOf, type EventType, type PloverEvent, type Precision,
} from "./taxonomy.ts";
import { ploverFor } from "./plover.ts";

export interface IncidentData {
  event_id_cnty: string | null;
  event_date: string;
  time_precision: Precision;
  disorder_type: string;
  event_type: EventType;
  sub_event_type: string;
  actor1: string;
  assoc_actor_1: string;
  inter1: number | null;
  actor2: string;
  assoc_actor_2: string;
  inter2: number | null;
  interaction: number | null;
  civilian_targeting: string;
  iso: number | null;
  region: string;
  country: string;
  admin1: string;
  admin2: string;
  admin3: string;
  location: string;
  latitude: number;
  longitude: number;
  geo_precision: Precision;
  error_radius_m: number;
  source: string;
  source_scale: string;
  notes: string;
  fatalities: number;
  tags: string;
  acled_timestamp: number | null;
  plover_event: PloverEvent | null;
  plover_mode: string | null;
  plover_context: string | null;
}

export interface FieldProblem {
  field: string;
  problem: string;
}

/** Cross-field rules shared by every entry path; returns the problems (empty = fine). */
export function checkIncident(d: IncidentData): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!isEventType(d.event_type)) out.push({ field: "event_type", problem: `unknown event type "${String(d.event_type)}"; one of: ${Object.keys(ACLED_EVENT_TYPES).join(", ")}` });
  else if (!isSubEventTypeOf(d.event_type, d.sub_event_type)) out.push({ field: "sub_event_type", problem: `"${d.sub_event_type}" is not a sub-type of ${String(d.event_type)}; one of: ${ACLED_EVENT_TYPES[d.event_type].join(", ")}` });
  if (d.disorder_type !== "" && !(DISORDER_TYPES as readonly string[]).includes(d.disorder_type)) out.push({ field: "disorder_type", problem: `unknown disorder type "${d.disorder_type}"; one of: ${DISORDER_TYPES.join(", ")}` });
  if (!(d.latitude >= -90 && d.latitude <= 90)) out.push({ field: "latitude", problem: `${d.latitude} is out of range (-90 to 90)` });
  if (!(d.longitude >= -180 && d.longitude <= 180)) out.push({ field: "longitude", problem: `${d.longitude} is out of range (-180 to 180)` });
  if (d.actor1.trim() === "") out.push({ field: "actor1", problem: "is required" });
  if (!(Number.isInteger(d.fatalities) && d.fatalities >= 0)) out.push({ field: "fatalities", problem: "must be a whole number ≥ 0" });
  if (!(d.error_radius_m >= 0 && d.error_radius_m <= 1_000_000)) out.push({ field: "error_radius_m", problem: "must be 0–1,000,000 metres" });
  for (const [f, v] of [["inter1", d.inter1], ["inter2", d.inter2]] as const) if (v !== null && !(Number.isInteger(v) && v >= 0 && v <= 8)) out.push({ field: f, problem: "must be an ACLED actor code 0–8" });
  if (d.interaction !== null && !(Number.isInteger(d.interaction) && d.interaction >= 0 && d.interaction <= 88)) out.push({ field: "interaction", problem: "must be an ACLED interaction code 0–88" });
  if (d.civilian_targeting !== "" && d.civilian_targeting !== "Civilian targeting") out.push({ field: "civilian_targeting", problem: 'must be empty or "Civilian targeting"' });
  if (d.plover_event !== null) {
    if (!(PLOVER_EVENTS as readonly string[]).includes(d.plover_event)) out.push({ field: "plover_event", problem: `unknown PLOVER category; one of: ${PLOVER_EVENTS.join(", ")}` });
    else if (d.plover_mode !== null && !PLOVER_MODES[d.plover_event].includes(d.plover_mode)) out.push({ field: "plover_mode", problem: `not a mode of ${d.plover_event}; one of: ${PLOVER_MODES[d.plover_event].join(", ")}` });
  } else if (d.plover_mode !== null) out.push({ field: "plover_mode", problem: "needs plover_event" });
  if (d.plover_context !== null) {
    for (const c of d.plover_context.split(/\s*,\s*/)) if (!(PLOVER_CONTEXTS as readonly string[]).includes(c)) out.push({ field: "plover_context", problem: `unknown context "${c}"; use: ${PLOVER_CONTEXTS.join(", ")}` });
  }
  return out;
}

/** Fills what can be derived: disorder type, PLOVER defaults, error radius. */
export function withDefaults(d: Omit<IncidentData, "disorder_type" | "error_radius_m" | "plover_event" | "plover_mode" | "plover_context"> & Partial<IncidentData>): IncidentData {
  const plover = d.plover_event === undefined ? ploverFor(d.event_type, d.sub_event_type) : null;
  // Every field written out, not spread: imports call this a million times, and a
  // literal of known shape is several times cheaper than copying a 35-key object.
  return {
    event_id_cnty: d.event_id_cnty,
    event_date: d.event_date,
    time_precision: d.time_precision,
    disorder_type: d.disorder_type || (isEventType(d.event_type) ? defaultDisorderType(d.event_type, d.sub_event_type) : ""),
    event_type: d.event_type,
    sub_event_type: d.sub_event_type,
    actor1: d.actor1,
    assoc_actor_1: d.assoc_actor_1,
    inter1: d.inter1,
    actor2: d.actor2,
    assoc_actor_2: d.assoc_actor_2,
    inter2: d.inter2,
    interaction: d.interaction,
    civilian_targeting: d.civilian_targeting,
    iso: d.iso,
    region: d.region,
    country: d.country,
    admin1: d.admin1,
    admin2: d.admin2,
    admin3: d.admin3,
    location: d.location,
    latitude: d.latitude,
    longitude: d.longitude,
    geo_precision: d.geo_precision,
    error_radius_m: d.error_radius_m ?? DEFAULT_ERROR_RADIUS_M[d.geo_precision] ?? 50_000,
    source: d.source,
    source_scale: d.source_scale,
    notes: d.notes,
    fatalities: d.fatalities,
    tags: d.tags,
    acled_timestamp: d.acled_timestamp,
    plover_event: plover ? plover.event : d.plover_event ?? null,
    plover_mode: plover ? plover.mode : d.plover_mode ?? null,
    plover_context: plover ? plover.context : d.plover_context ?? null,
  };
}

/** Every actor named on the incident, split on ACLED's ";" and lower-cased, for overlap tests. */
export function actorSet(d: Pick<IncidentData, "actor1" | "actor2" | "assoc_actor_1" | "assoc_actor_2">): Set<string> {
  const out = new Set<string>();
  for (const v of [d.actor1, d.actor2, d.assoc_actor_1, d.assoc_actor_2]) {
    for (const a of v.split(";")) {
      const k = a.trim().toLowerCase();
      if (k) out.add(k);
    }
  }
  return out;
}
