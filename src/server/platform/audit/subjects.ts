// Which tables the audit chain vouches for, and which of their columns make up
// a record's state. Login counters live in rate_limits, outside the chain:
// they change on every attempt and are not shared facts.
import type { DbOrTx } from "../db/database.ts";

export interface AuditedSubject {
  table: string;
  key: string;
  columns: readonly string[];
  /** Extra state beyond the row (e.g. a group's members), keyed by subject id. */
  extra?: (db: DbOrTx, ids: readonly string[]) => Promise<Map<string, unknown>>;
}

export const auditedSubjects: Record<string, AuditedSubject> = {
  party: { table: "parties", key: "id", columns: ["id", "name", "kind"] },
  user: { table: "users", key: "id", columns: ["id", "username", "display_name", "party_id", "role", "password_hash", "totp_secret", "totp_enabled", "disabled"] },
  api_token: { table: "api_tokens", key: "id", columns: ["id", "user_id", "name", "secret_hash", "scopes", "expires_at", "revoked_at"] },
  sharing_group: {
    table: "sharing_groups",
    key: "id",
    columns: ["id", "name", "members_visible", "owner_party"],
    extra: async (db, ids) => {
      const out = new Map<string, unknown>();
      if (ids.length === 0) return out;
      const rows = await db.selectFrom("group_members").select(["group_id", "party_id"]).where("group_id", "in", ids).orderBy("party_id").execute();
      for (const id of ids) out.set(id, { members: rows.filter((r) => r.group_id === id).map((r) => r.party_id) });
      return out;
    },
  },
  note: { table: "notes", key: "id", columns: ["id", "owner_party", "author_user", "title", "body", "body_distribution", "distribution", "created_at", "updated_at"] },
};

/** Register the tables of a feature module (called at import time by the module). */
export function registerAuditedSubject(type: string, subject: AuditedSubject): void {
  auditedSubjects[type] = subject;
}
