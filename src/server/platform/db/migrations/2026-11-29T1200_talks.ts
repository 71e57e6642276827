// Talks register: meetings and delegations, commitments with status history,
// scheduled windows (truces, repair work, inspections).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("mediator_party", "text")
    .addColumn("agenda", "text", (c) => c.notNull())
    .addColumn("minutes_md", "text", (c) => c.notNull())
    .addColumn("minutes_distribution", "text", (c) => c.notNull())
    .addColumn("outcomes", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meetings_starts").on("meetings").columns(["starts_at"]).execute();

  await db.schema
    .createTable("meeting_delegates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meetings.id"))
    .addColumn("party_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role_title", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meeting_delegates_meeting").on("meeting_delegates").columns(["meeting_id"]).execute();

  await db.schema
    .createTable("commitments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.references("meetings.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("committed_party", "text", (c) => c.notNull())
    .addColumn("beneficiary_party", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("criterion", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("commitment_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("commitment_id", "text", (c) => c.notNull().references("commitments.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user", "text")
    .addColumn("actor_party", "text")
    .execute();
  await db.schema.createIndex("commitment_events_c").on("commitment_events").columns(["commitment_id", "at"]).execute();

  await db.schema
    .createTable("windows")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("zone", "text")
    .addColumn("area", "text")
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("findings", "text")
    .addColumn("completed_at", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("windows_kind_zone").on("windows").columns(["kind", "zone", "completed_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["windows", "commitment_events", "commitments", "meeting_delegates", "meetings"]) await db.schema.dropTable(t).ifExists().execute();
}
