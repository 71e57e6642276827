// Indexes for the register's common reads at a million incidents. One wide
// index in date order carries every column the counts group or filter by
// (and distribution, owner and merged_into, which every read checks), so a
// count or grouped count over a date range reads the index alone, never the
// ~1 KB table rows. It also serves (event_date, id) order for pages and
// exports, and zone or admin-area filters over short ranges, which made the
// (distribution, date), (date, id), (zone, date) and (admin1, date) indexes
// redundant: they are dropped (each index also costs every import).
// The type index gains id so keyset pages on it need no sort.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("incidents_date_cover")
    .on("incidents")
    .columns(["event_date", "id", "distribution", "owner_party", "merged_into", "zone", "pack_admin1", "week", "event_type", "sub_event_type", "verification", "fatalities"])
    .execute();
  for (const i of ["incidents_dist_date", "incidents_date", "incidents_zone_date", "incidents_admin1_date", "incidents_type_date"]) await db.schema.dropIndex(i).ifExists().execute();
  await db.schema.createIndex("incidents_type_date").on("incidents").columns(["event_type", "event_date", "id"]).execute();
  // Fresh statistics so the planners weigh the new index (same statement on both databases).
  await sql`ANALYZE incidents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("incidents_date_cover").execute();
  await db.schema.dropIndex("incidents_type_date").execute();
  await db.schema.createIndex("incidents_type_date").on("incidents").columns(["event_type", "event_date"]).execute();
  await db.schema.createIndex("incidents_dist_date").on("incidents").columns(["distribution", "event_date"]).execute();
  await db.schema.createIndex("incidents_date").on("incidents").columns(["event_date", "id"]).execute();
  await db.schema.createIndex("incidents_zone_date").on("incidents").columns(["zone", "event_date"]).execute();
  await db.schema.createIndex("incidents_admin1_date").on("incidents").columns(["pack_admin1", "event_date"]).execute();
}
