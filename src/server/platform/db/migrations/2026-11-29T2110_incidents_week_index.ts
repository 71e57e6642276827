// Weekly counts (per zone, admin area or type, over months) group by week:
// an index that starts with the week, holds the usual grouping columns and
// every column the visibility and date checks read lets them stream groups
// in index order, with no table rows read and no sort of the whole range.
// Queries reach it through a week bound implied by their date range.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("incidents_week_cover")
    .on("incidents")
    .columns(["week", "zone", "pack_admin1", "event_type", "sub_event_type", "verification", "event_date", "distribution", "owner_party", "merged_into", "fatalities"])
    .execute();
  await sql`ANALYZE incidents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("incidents_week_cover").execute();
}
