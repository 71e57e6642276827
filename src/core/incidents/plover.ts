// ACLED ↔ PLOVER: the default PLOVER category, mode and context of an ACLED
// sub-type, and the PLOVER JSONL record of an incident.
import type { PloverEvent } from "./taxonomy.ts";

interface PloverDefault { event: PloverEvent; mode: string | null; context: string }

const BY_SUB: Record<string, PloverDefault> = {
  "Armed clash": { event: "ASSAULT", mode: "firearms", context: "military" },
  "Government regains territory": { event: "ASSAULT", mode: "firearms", context: "military, territory" },
  "Non-state actor overtakes territory": { event: "ASSAULT", mode: "firearms", context: "military, territory" },
  "Chemical weapon": { event: "ASSAULT", mode: "cbrn", context: "military" },
  "Air/drone strike": { event: "ASSAULT", mode: "aerial", context: "military" },
  "Suicide bomb": { event: "ASSAULT", mode: "explosive", context: "military" },
  "Shelling/artillery/missile attack": { event: "ASSAULT", mode: "heavy-weapons", context: "military" },
  "Remote explosive/landmine/IED": { event: "ASSAULT", mode: "explosive", context: "military" },
  "Grenade": { event: "ASSAULT", mode: "explosive", context: "military" },
  "Sexual violence": { event: "ASSAULT", mode: "sexual", context: "civilian" },
  "Attack": { event: "ASSAULT", mode: "firearms", context: "civilian" },
  "Abduction/forced disappearance": { event: "COERCE", mode: "abduct", context: "civilian" },
  "Peaceful protest": { event: "PROTEST", mode: "demonstrate", context: "political" },
  "Protest with intervention": { event: "PROTEST", mode: "demonstrate", context: "political" },
  "Excessive force against protesters": { event: "ASSAULT", mode: "beating", context: "political" },
  "Violent demonstration": { event: "PROTEST", mode: "riot", context: "political" },
  "Mob violence": { event: "PROTEST", mode: "riot", context: "civilian" },
  "Agreement": { event: "AGREE", mode: null, context: "political" },
  "Arrests": { event: "COERCE", mode: "arrest", context: "political" },
  "Change to group/activity": { event: "MOBILIZE", mode: null, context: "military" },
  "Disrupted weapons use": { event: "COERCE", mode: "seize", context: "military" },
  "Headquarters or base established": { event: "MOBILIZE", mode: "troops", context: "military, territory" },
  "Looting/property destruction": { event: "COERCE", mode: "destroy", context: "civilian" },
  "Non-violent transfer of territory": { event: "RETREAT", mode: "withdraw", context: "territory" },
};

/** Null for "Other" and unknown sub-types: no honest default exists. */
export function ploverFor(_eventType: string, subEventType: string): PloverDefault | null {
  return BY_SUB[subEventType] ?? null;
}

export interface PloverSource {
  id: string;
  event_id_cnty: string | null;
  event_date: string;
  actor1: string;
  actor2: string;
  plover_event: string | null;
  plover_mode: string | null;
  plover_context: string | null;
  location: string;
  admin1: string;
  country: string;
  latitude: number;
  longitude: number;
  geo_precision: number;
  notes: string;
  fatalities: number;
  verification: string;
  zone: string | null;
}

/** One PLOVER JSONL record. Incidents without a PLOVER category export with event null. */
export function toPloverRecord(i: PloverSource): Record<string, unknown> {
  return {
    id: i.id,
    date: i.event_date,
    actor: i.actor1,
    recipient: i.actor2 || null,
    event: i.plover_event,
    mode: i.plover_mode,
    context: i.plover_context,
    event_loc: { name: i.location, admin1: i.admin1, country: i.country, lat: i.latitude, lon: i.longitude, geo_precision: i.geo_precision },
    event_text: i.notes,
    fatalities: i.fatalities,
    acled_id: i.event_id_cnty,
    verification: i.verification,
    zone: i.zone,
  };
}
