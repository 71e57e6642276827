// Hotline rows. Messages are immutable: a correction is a new row naming the
// old one. Keys change only by audited revocation; deadlines only by audited
// escalation or by the reply that meets them.
export interface HotlineKeysTable {
  id: string; // key id: ed25519:<first 16 hex of SHA-256 of the raw key>
  user_id: string;
  party_id: string | null;
  public_key: string; // base64 of the 32 raw bytes
  label: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface HotlineThreadsTable {
  id: string;
  title: string;
  /** JSON array of member party ids, sorted (the mediator included when via = mediator). */
  parties: string;
  via: "direct" | "mediator";
  mediator: string | null;
  created_by: string;
  owner_party: string;
  distribution: string;
  created_at: string;
}

export interface HotlineThreadMembersTable {
  thread_id: string;
  party_id: string;
}

export interface HotlineMessagesTable {
  id: string;
  thread_id: string;
  seq: number;
  kind: string;
  sender_user: string;
  sender_party: string;
  key_id: string;
  nonce: string;
  client_time: string;
  received_at: string;
  refers_to: string | null;
  corrects: string | null;
  /** The signed text exactly as verified (canonical JSON). */
  payload: string;
  signature: string;
  /** Canonical JSON of the server's receive receipt, and its signature. */
  receipt: string;
  receipt_signature: string;
  /** JSON of the checks run at send (notifications), or null. */
  checks: string | null;
  /** JSON of the lead-time timing (notifications), or null. */
  timing: string | null;
  /** For notifications: the activity window, kept as columns for overlap queries. */
  window_start: string | null;
  window_end: string | null;
  distribution: string;
  owner_party: string;
}

export interface HotlineReceiptsTable {
  id: string;
  message_id: string;
  event: "delivered" | "read";
  party_id: string;
  user_id: string;
  at: string;
  body: string;
  signature: string;
}

export interface HotlineDeadlinesTable {
  id: string;
  message_id: string;
  thread_id: string;
  rule_id: string;
  reply_kind: string;
  due_at: string;
  created_at: string;
  met_at: string | null;
  met_by: string | null;
  escalation_level: number;
  distribution: string;
  owner_party: string;
}

export interface HotlineTables {
  hotline_keys: HotlineKeysTable;
  hotline_threads: HotlineThreadsTable;
  hotline_thread_members: HotlineThreadMembersTable;
  hotline_messages: HotlineMessagesTable;
  hotline_receipts: HotlineReceiptsTable;
  hotline_deadlines: HotlineDeadlinesTable;
}
