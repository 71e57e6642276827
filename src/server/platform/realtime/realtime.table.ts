// The events table: one row per realtime event, written in the same
// transaction as the change it announces. Ids grow in commit order (the writer
// holds the audit sequence lock), so "everything after id N" is well defined
// and a reconnecting client resumes from its Last-Event-ID.
export interface EventsTable {
  id: number;
  type: string;
  /** JSON: what the event says; only what every allowed reader may see. */
  payload: string;
  distribution: string;
  owner_party: string | null;
  /** JSON {users?: string[], parties?: string[]} narrowing the distribution, or null. */
  recipients: string | null;
  created_at: string;
}

export interface RealtimeTables {
  events: EventsTable;
}
