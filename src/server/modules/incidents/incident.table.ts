// Row types of the incident register. Incidents are vouched for by the audit
// chain in sets (one set per import batch or per single write), claims,
// verification moves, merges and evidence files row by row.
export interface IncidentsTable {
  id: string;
  event_id_cnty: string | null;
  event_date: string;
  /** Monday of the event's week (YYYY-MM-DD): weekly counts group by it. */
  week: string;
  time_precision: number;
  disorder_type: string;
  event_type: string;
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
  geo_precision: number;
  error_radius_m: number;
  source: string;
  /** Stricter distribution of the source names, or null (= the record's). */
  source_distribution: string | null;
  source_scale: string;
  notes: string;
  fatalities: number;
  tags: string;
  acled_timestamp: number | null;
  plover_event: string | null;
  plover_mode: string | null;
  plover_context: string | null;
  /** Pack classification at write: zone id, distances to each line (JSON), near-line key, admin area code, pack id and version. */
  zone: string | null;
  line_distances: string | null;
  near_line: string | null;
  pack_admin1: string | null;
  pack_id: string | null;
  pack_version: string | null;
  verification: string;
  merged_into: string | null;
  distribution: string;
  owner_party: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** The audited write set this row's current state belongs to. */
  audit_set: string;
}

export interface IncidentSetsTable {
  id: string;
  action: string;
  distribution: string;
  owner_party: string | null;
  created_at: string;
}

export interface IncidentClaimsTable {
  id: string;
  incident_id: string;
  kind: string;
  author_party: string;
  author_user: string | null;
  distribution: string;
  narrative: string;
  narrative_distribution: string | null;
  event_type: string | null;
  sub_event_type: string | null;
  fatalities: number | null;
  responsible_actor: string | null;
  saw: number;
  heard: number;
  observed_count: number | null;
  weapon: string | null;
  direction: string | null;
  assessed_as: string | null;
  article_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentVerificationsTable {
  id: string;
  incident_id: string;
  from_state: string;
  to_state: string;
  reason: string;
  actor_user: string | null;
  actor_party: string | null;
  distribution: string;
  owner_party: string | null;
  at: string;
}

export interface IncidentMergesTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  reason: string;
  actor_user: string | null;
  actor_party: string | null;
  at: string;
  undone_at: string | null;
  undone_by: string | null;
  undo_reason: string | null;
}

export interface IncidentEvidenceTable {
  id: string;
  incident_id: string;
  claim_id: string | null;
  owner_party: string;
  uploader_user: string | null;
  distribution: string;
  sha256: string;
  size_bytes: number;
  content_type: string;
  file_name: string;
  stored_name: string;
  created_at: string;
}

/** Trigger-kept weekly counts (migration 2026-11-30T0910); '' stands for a missing zone, admin area or owner. */
export interface IncidentCountsWeeklyTable {
  week: string;
  zone: string;
  pack_admin1: string;
  event_type: string;
  sub_event_type: string;
  verification: string;
  distribution: string;
  owner_party: string;
  n: number;
  fatalities: number;
}

export interface IncidentsTables {
  incidents: IncidentsTable;
  incident_counts_weekly: IncidentCountsWeeklyTable;
  incident_sets: IncidentSetsTable;
  incident_claims: IncidentClaimsTable;
  incident_verifications: IncidentVerificationsTable;
  incident_merges: IncidentMergesTable;
  incident_evidence: IncidentEvidenceTable;
}
