// Row types of the talks register: meetings, delegates, commitments with their
// status history, and scheduled windows (truces, repairs, inspections).
export interface MeetingsTable {
  id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  place: string;
  format: "in_person" | "intermediary" | "remote";
  mediator_party: string | null;
  agenda: string; // JSON array of strings
  minutes_md: string;
  minutes_distribution: string;
  outcomes: string; // JSON array of strings
  distribution: string;
  owner_party: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingDelegatesTable {
  id: string;
  meeting_id: string;
  party_id: string;
  name: string;
  role_title: string;
  distribution: string;
  created_at: string;
}

export interface CommitmentsTable {
  id: string;
  meeting_id: string | null;
  text: string;
  committed_party: string;
  beneficiary_party: string | null;
  kind: "commitment" | "cbm";
  due_date: string | null;
  status: "proposed" | "agreed" | "in_progress" | "fulfilled" | "breached" | "lapsed";
  criterion: string | null; // JSON
  distribution: string;
  owner_party: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CommitmentEventsTable {
  id: string;
  commitment_id: string;
  status: string;
  reason: string;
  evidence: string; // JSON array of {type, id, note?}
  at: string;
  actor_user: string | null;
  actor_party: string | null;
}

export interface WindowsTable {
  id: string;
  kind: "truce" | "repair" | "inspection";
  title: string;
  zone: string | null;
  area: string | null; // GeoJSON geometry
  starts_at: string;
  ends_at: string;
  status: "scheduled" | "completed" | "cancelled";
  findings: string | null; // JSON {item: count}, inspections only
  completed_at: string | null;
  distribution: string;
  owner_party: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttachmentsTable {
  id: string;
  meeting_id: string;
  file_name: string;
  stored_name: string;
  sha256: string;
  size: number;
  content_type: string;
  distribution: string;
  owner_party: string;
  uploaded_by: string;
  created_at: string;
}

export interface TalksTables {
  meeting_attachments: MeetingAttachmentsTable;
  meetings: MeetingsTable;
  meeting_delegates: MeetingDelegatesTable;
  commitments: CommitmentsTable;
  commitment_events: CommitmentEventsTable;
  windows: WindowsTable;
}
