// The incident register: incidents (ACLED fields, PLOVER, pack
// classification, distribution), the audited write sets they belong to,
// claims per party, verification moves, merges and evidence files. Free text
// uses FTS5 on SQLite and a tsvector expression index on PostgreSQL.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = await isPostgres(db);
  await db.schema
    .createTable("incident_sets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  let t = db.schema
    .createTable("incidents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id_cnty", "text", (c) => c.unique())
    .addColumn("event_date", "text", (c) => c.notNull())
    .addColumn("week", "text", (c) => c.notNull())
    .addColumn("time_precision", "integer", (c) => c.notNull());
  for (const col of ["disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1"]) t = t.addColumn(col, "text", (c) => c.notNull());
  t = t.addColumn("inter1", "integer").addColumn("actor2", "text", (c) => c.notNull()).addColumn("assoc_actor_2", "text", (c) => c.notNull())
    .addColumn("inter2", "integer").addColumn("interaction", "integer").addColumn("civilian_targeting", "text", (c) => c.notNull()).addColumn("iso", "integer");
  for (const col of ["region", "country", "admin1", "admin2", "admin3", "location"]) t = t.addColumn(col, "text", (c) => c.notNull());
  t = t
    .addColumn("latitude", "double precision", (c) => c.notNull())
    .addColumn("longitude", "double precision", (c) => c.notNull())
    .addColumn("geo_precision", "integer", (c) => c.notNull())
    .addColumn("error_radius_m", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_distribution", "text")
    .addColumn("source_scale", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("fatalities", "integer", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("acled_timestamp", "bigint")
    .addColumn("plover_event", "text")
    .addColumn("plover_mode", "text")
    .addColumn("plover_context", "text")
    .addColumn("zone", "text")
    .addColumn("line_distances", "text")
    .addColumn("near_line", "text")
    .addColumn("pack_admin1", "text")
    .addColumn("pack_id", "text")
    .addColumn("pack_version", "text")
    .addColumn("verification", "text", (c) => c.notNull())
    .addColumn("merged_into", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text")
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("audit_set", "text", (c) => c.notNull().references("incident_sets.id"));
  await t.execute();
  // Each list and count starts from one of these, then filters distribution per row.
  await db.schema.createIndex("incidents_dist_date").on("incidents").columns(["distribution", "event_date"]).execute();
  await db.schema.createIndex("incidents_date").on("incidents").columns(["event_date", "id"]).execute();
  await db.schema.createIndex("incidents_zone_date").on("incidents").columns(["zone", "event_date"]).execute();
  await db.schema.createIndex("incidents_admin1_date").on("incidents").columns(["pack_admin1", "event_date"]).execute();
  await db.schema.createIndex("incidents_type_date").on("incidents").columns(["event_type", "event_date"]).execute();
  await db.schema.createIndex("incidents_actor1_date").on("incidents").columns(["actor1", "event_date"]).execute();
  await db.schema.createIndex("incidents_actor2_date").on("incidents").columns(["actor2", "event_date"]).execute();
  await db.schema.createIndex("incidents_audit_set").on("incidents").columns(["audit_set", "id"]).execute();
  await db.schema.createIndex("incidents_merged_into").on("incidents").column("merged_into").execute();

  if (pg) {
    await sql`CREATE INDEX incidents_fts ON incidents USING gin (to_tsvector('simple', notes || ' ' || location || ' ' || actor1 || ' ' || actor2 || ' ' || assoc_actor_1 || ' ' || assoc_actor_2))`.execute(db);
  } else {
    // Contentless: the text lives in incidents; the index holds tokens only, kept in step by triggers.
    await sql`CREATE VIRTUAL TABLE incidents_fts USING fts5(body, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 2')`.execute(db);
    const body = sql.raw(`new.notes || ' ' || new.location || ' ' || new.actor1 || ' ' || new.actor2 || ' ' || new.assoc_actor_1 || ' ' || new.assoc_actor_2`);
    await sql`CREATE TRIGGER incidents_fts_ins AFTER INSERT ON incidents BEGIN INSERT INTO incidents_fts(rowid, body) VALUES (new.rowid, ${body}); END`.execute(db);
    await sql`CREATE TRIGGER incidents_fts_del AFTER DELETE ON incidents BEGIN DELETE FROM incidents_fts WHERE rowid = old.rowid; END`.execute(db);
    await sql`CREATE TRIGGER incidents_fts_upd AFTER UPDATE OF notes, location, actor1, actor2, assoc_actor_1, assoc_actor_2 ON incidents BEGIN DELETE FROM incidents_fts WHERE rowid = old.rowid; INSERT INTO incidents_fts(rowid, body) VALUES (new.rowid, ${body}); END`.execute(db);
  }

  await db.schema
    .createTable("incident_claims")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("author_party", "text", (c) => c.notNull().references("parties.id"))
    .addColumn("author_user", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("narrative", "text", (c) => c.notNull())
    .addColumn("narrative_distribution", "text")
    .addColumn("event_type", "text")
    .addColumn("sub_event_type", "text")
    .addColumn("fatalities", "integer")
    .addColumn("responsible_actor", "text")
    .addColumn("saw", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("heard", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("observed_count", "integer")
    .addColumn("weapon", "text")
    .addColumn("direction", "text")
    .addColumn("assessed_as", "text")
    .addColumn("article_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("incident_claims_incident").on("incident_claims").columns(["incident_id", "created_at"]).execute();
  await db.schema.createIndex("incident_claims_party").on("incident_claims").columns(["author_party", "incident_id"]).execute();
  await db.schema.createIndex("incident_claims_article").on("incident_claims").column("article_id").execute();

  await db.schema
    .createTable("incident_verifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("from_state", "text", (c) => c.notNull())
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("actor_user", "text")
    .addColumn("actor_party", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("owner_party", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("incident_verifications_incident").on("incident_verifications").columns(["incident_id", "at"]).execute();

  await db.schema
    .createTable("incident_merges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("survivor_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("merged_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("actor_user", "text")
    .addColumn("actor_party", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "text")
    .addColumn("undo_reason", "text")
    .execute();
  await db.schema.createIndex("incident_merges_survivor").on("incident_merges").column("survivor_id").execute();
  await db.schema.createIndex("incident_merges_merged").on("incident_merges").column("merged_id").execute();

  await db.schema
    .createTable("incident_evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("incident_id", "text", (c) => c.notNull().references("incidents.id"))
    .addColumn("claim_id", "text", (c) => c.references("incident_claims.id"))
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("uploader_user", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size_bytes", "bigint", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("stored_name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("incident_evidence_incident").on("incident_evidence").column("incident_id").execute();
}

async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`SELECT version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["incident_evidence", "incident_merges", "incident_verifications", "incident_claims"]) await db.schema.dropTable(t).execute();
  await sql`DROP TABLE IF EXISTS incidents_fts`.execute(db);
  await db.schema.dropTable("incidents").execute();
  await db.schema.dropTable("incident_sets").execute();
}
