// Row types of every table, as Kysely sees them. Row types stay inside
// repositories: services and routes work with the domain types they return.
import type { Generated } from "kysely";
import type { AuditCheckpoint, AuditEntry } from "../../../core/audit/chain.ts";
import type { RealtimeTables } from "../realtime/realtime.table.ts";
import type { JobsTables } from "../jobs/jobs.table.ts";
import type { HotlineTables } from "../../modules/hotline/hotline.table.ts";
import type { TalksTables } from "../../modules/talks/talks.table.ts";
import type { IndicatorsTables } from "../../modules/indicators/indicators.table.ts";
import type { IncidentsTables } from "../../modules/incidents/incident.table.ts";
import type { IntakeTables } from "../../modules/intake/intake.table.ts";

export interface MetaTable {
  key: string;
  value: string;
}

export interface PartiesTable {
  id: string;
  name: string;
  kind: "party" | "mediator" | "observer";
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  party_id: string | null;
  role: "liaison" | "analyst" | "mediator" | "observer" | "admin";
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string; // SHA-256 of the cookie value
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  scopes: string; // JSON array
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface SharingGroupsTable {
  id: string;
  name: string;
  members_visible: number;
  owner_party: string;
  created_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  party_id: string;
}

// The audit tables store exactly what the chain hashes and signs: one definition, in the core.
export type AuditLogTable = AuditEntry;
export type AuditCheckpointsTable = AuditCheckpoint;

export interface NotesTable {
  id: string;
  owner_party: string;
  author_user: string;
  title: string;
  body: string;
  body_distribution: string;
  distribution: string;
  created_at: string;
  updated_at: string;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  window_start: string;
}

export interface IdempotencyKeysTable {
  key: string; // user id + client key
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

/** One row (id 1): moved by triggers whenever access-defining rows change (see migration 2026-11-30T1000). */
export interface AccessEpochTable {
  id: number;
  n: number;
}

export interface FoundationTables {
  meta: MetaTable;
  parties: PartiesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sharing_groups: SharingGroupsTable;
  group_members: GroupMembersTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  notes: NotesTable;
  rate_limits: RateLimitsTable;
  idempotency_keys: IdempotencyKeysTable;
  access_epoch: AccessEpochTable;
}

// Each feature module declares its tables in its own *.table.ts and adds
// them here, one line each.
export interface Database
  extends FoundationTables,
    RealtimeTables,
    JobsTables,
    HotlineTables,
    TalksTables,
    IndicatorsTables,
    IncidentsTables,
    IntakeTables {}

export type { Generated };
