// Two indexes every import paid for and no query needs any more: weekly
// counts come from the weekly cells (2026-11-30T0910) and their edge days from
// the date index, and a type filter walks the date index (it carries
// event_type) as fast as the (type, date) index did. Each index costs every
// inserted row a B-tree insert.
import { type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("incidents_week_cover").ifExists().execute();
  await db.schema.dropIndex("incidents_type_date").ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("incidents_week_cover")
    .on("incidents")
    .columns(["week", "zone", "pack_admin1", "event_type", "sub_event_type", "verification", "event_date", "distribution", "owner_party", "merged_into", "fatalities"])
    .execute();
  await db.schema.createIndex("incidents_type_date").on("incidents").columns(["event_type", "event_date", "id"]).execute();
}
