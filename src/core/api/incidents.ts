// Wire shapes of the incident register, shared by the server's presenter
// (which produces them) and the web app (which parses them).
import { z } from "zod";

export const incidentSchema = z.object({
  id: z.string(),
  event_id_cnty: z.string().nullable(),
  event_date: z.string(),
  week: z.string(),
  time_precision: z.number(),
  disorder_type: z.string(),
  event_type: z.string(),
  sub_event_type: z.string(),
  actor1: z.string(),
  assoc_actor_1: z.string(),
  inter1: z.number().nullable(),
  actor2: z.string(),
  assoc_actor_2: z.string(),
  inter2: z.number().nullable(),
  interaction: z.number().nullable(),
  civilian_targeting: z.string(),
  iso: z.number().nullable(),
  region: z.string(),
  country: z.string(),
  admin1: z.string(),
  admin2: z.string(),
  admin3: z.string(),
  location: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  geo_precision: z.number(),
  error_radius_m: z.number(),
  source: z.string().nullable().describe("null when the source names' own distribution excludes you"),
  source_redacted: z.boolean(),
  source_distribution: z.string().nullable(),
  source_scale: z.string(),
  notes: z.string(),
  fatalities: z.number(),
  tags: z.string(),
  acled_timestamp: z.number().nullable(),
  plover: z.object({ event: z.string().nullable(), mode: z.string().nullable(), context: z.string().nullable() }),
  classification: z.object({
    zone: z.string().nullable(),
    distance_km: z.record(z.string(), z.number()).nullable(),
    near_line: z.string().nullable(),
    admin1: z.string().nullable(),
    pack: z.string().nullable(),
    pack_version: z.string().nullable(),
  }),
  verification: z.string(),
  merged_into: z.string().nullable(),
  distribution: z.string(),
  owner_party: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const claimSchema = z.object({
  id: z.string(),
  incident_id: z.string(),
  kind: z.string(),
  author_party: z.string(),
  distribution: z.string(),
  narrative: z.string().nullable(),
  narrative_redacted: z.boolean(),
  narrative_distribution: z.string().nullable(),
  event_type: z.string().nullable(),
  sub_event_type: z.string().nullable(),
  fatalities: z.number().nullable(),
  responsible_actor: z.string().nullable(),
  observation: z.object({ saw: z.boolean(), heard: z.boolean(), count: z.number().nullable(), weapon: z.string().nullable(), direction: z.string().nullable(), assessed_as: z.string().nullable() }).nullable(),
  article_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

export const verificationSchema = z.object({ id: z.string(), from: z.string(), to: z.string(), reason: z.string(), by_party: z.string().nullable(), at: z.string() });
export const mergeSchema = z.object({
  id: z.string(), survivor_id: z.string(), merged_id: z.string(), reason: z.string(), by_party: z.string().nullable(), at: z.string(),
  undone_at: z.string().nullable(), undo_reason: z.string().nullable(),
});

export const evidenceSchema = z.object({
  id: z.string(), incident_id: z.string(), claim_id: z.string().nullable(), owner_party: z.string(), distribution: z.string(),
  sha256: z.string(), size_bytes: z.number(), content_type: z.string(), file_name: z.string(), created_at: z.string(),
});

export const detailSchema = z.object({
  incident: incidentSchema,
  claims: z.array(claimSchema),
  /** Claims side by side: one column per author party, in first-claim order. */
  by_party: z.array(z.object({ party: z.string(), claims: z.array(z.string()) })),
  disputed: z.boolean(),
  verification_history: z.array(verificationSchema),
  next_states: z.array(z.string()),
  evidence: z.array(evidenceSchema),
  merges: z.array(mergeSchema),
  merged_ids: z.array(z.string()),
});

export const duplicateSchema = z.object({
  incident: incidentSchema,
  days: z.number(), distance_km: z.number(), place: z.enum(["distance", "admin_area"]), shared_actors: z.array(z.string()),
});

export type IncidentDto = z.infer<typeof incidentSchema>;
export type ClaimDto = z.infer<typeof claimSchema>;
export type IncidentDetailDto = z.infer<typeof detailSchema>;
