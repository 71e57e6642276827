// What an incident, a claim, a verification move, a merge or an evidence
// file looks like to one reader. Fields whose own distribution excludes the
// reader (source names, a claim's narrative) are dropped here, and only here.
import type { z } from "zod";
import { incidentSchema, claimSchema, verificationSchema, mergeSchema, evidenceSchema, detailSchema, duplicateSchema } from "../../../core/api/incidents.ts";
import { canSeeField, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import type { ClaimRow, EvidenceRow, IncidentRow, MergeRow, VerificationRow } from "./incident.repository.ts";
import type { DuplicateCandidate, IncidentDetail } from "./incident.service.ts";

export { incidentSchema, claimSchema, verificationSchema, mergeSchema, evidenceSchema, detailSchema, duplicateSchema };

export type IncidentView = z.infer<typeof incidentSchema>;

export function presentIncident(viewer: Viewer, r: IncidentRow): IncidentView {
  const srcVisible = canSeeField(viewer, r.distribution as Distribution, r.source_distribution as Distribution | null, r.owner_party);
  return {
    id: r.id, event_id_cnty: r.event_id_cnty, event_date: r.event_date, week: r.week, time_precision: r.time_precision,
    disorder_type: r.disorder_type, event_type: r.event_type, sub_event_type: r.sub_event_type,
    actor1: r.actor1, assoc_actor_1: r.assoc_actor_1, inter1: r.inter1, actor2: r.actor2, assoc_actor_2: r.assoc_actor_2, inter2: r.inter2,
    interaction: r.interaction, civilian_targeting: r.civilian_targeting, iso: r.iso, region: r.region, country: r.country,
    admin1: r.admin1, admin2: r.admin2, admin3: r.admin3, location: r.location, latitude: r.latitude, longitude: r.longitude,
    geo_precision: r.geo_precision, error_radius_m: r.error_radius_m,
    source: srcVisible ? r.source : null, source_redacted: !srcVisible, source_distribution: srcVisible ? r.source_distribution : null,
    source_scale: r.source_scale, notes: r.notes, fatalities: r.fatalities, tags: r.tags,
    acled_timestamp: r.acled_timestamp === null ? null : Number(r.acled_timestamp),
    plover: { event: r.plover_event, mode: r.plover_mode, context: r.plover_context },
    classification: {
      zone: r.zone, distance_km: r.line_distances ? (JSON.parse(r.line_distances) as Record<string, number>) : null, near_line: r.near_line,
      admin1: r.pack_admin1, pack: r.pack_id, pack_version: r.pack_version,
    },
    verification: r.verification, merged_into: r.merged_into, distribution: r.distribution, owner_party: r.owner_party,
    created_at: r.created_at, updated_at: r.updated_at,
  };
}

export function presentClaim(viewer: Viewer, c: ClaimRow) {
  const vis = canSeeField(viewer, c.distribution as Distribution, c.narrative_distribution as Distribution | null, c.author_party);
  return {
    id: c.id, incident_id: c.incident_id, kind: c.kind, author_party: c.author_party, distribution: c.distribution,
    narrative: vis ? c.narrative : null, narrative_redacted: !vis, narrative_distribution: vis ? c.narrative_distribution : null,
    event_type: c.event_type, sub_event_type: c.sub_event_type, fatalities: c.fatalities, responsible_actor: c.responsible_actor,
    observation: c.kind === "observer_finding" ? { saw: c.saw === 1, heard: c.heard === 1, count: c.observed_count, weapon: c.weapon, direction: c.direction, assessed_as: c.assessed_as } : null,
    article_id: c.article_id, created_at: c.created_at, updated_at: c.updated_at,
  };
}

const presentVerification = (v: VerificationRow) => ({ id: v.id, from: v.from_state, to: v.to_state, reason: v.reason, by_party: v.actor_party, at: v.at });

export const presentMerge = (m: MergeRow) => ({ id: m.id, survivor_id: m.survivor_id, merged_id: m.merged_id, reason: m.reason, by_party: m.actor_party, at: m.at, undone_at: m.undone_at, undo_reason: m.undo_reason });

export const presentEvidence = (e: EvidenceRow) => ({
  id: e.id, incident_id: e.incident_id, claim_id: e.claim_id, owner_party: e.owner_party, distribution: e.distribution,
  sha256: e.sha256, size_bytes: Number(e.size_bytes), content_type: e.content_type, file_name: e.file_name, created_at: e.created_at,
});

export function presentDetail(viewer: Viewer, d: IncidentDetail) {
  const byParty = new Map<string, string[]>();
  for (const c of d.claims) {
    const l = byParty.get(c.author_party) ?? [];
    l.push(c.id);
    byParty.set(c.author_party, l);
  }
  return {
    incident: presentIncident(viewer, d.incident),
    claims: d.claims.map((c) => presentClaim(viewer, c)),
    by_party: [...byParty].map(([party, claims]) => ({ party, claims })),
    disputed: d.incident.verification === "disputed",
    verification_history: d.verifications.map(presentVerification),
    next_states: d.moves,
    evidence: d.evidence.map(presentEvidence),
    merges: d.merges.map(presentMerge),
    merged_ids: d.merged_ids,
  };
}

export const presentDuplicate = (viewer: Viewer, c: DuplicateCandidate) => ({
  incident: presentIncident(viewer, c.incident), days: c.verdict.days, distance_km: c.verdict.distance_km, place: c.verdict.place, shared_actors: c.verdict.shared_actors,
});
