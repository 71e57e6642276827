// "merged_into is null" is on every incident query; a full index on the
// column made planners read it as a selective equality and scan the whole
// table through it. Only merged rows are ever looked up by it: index those.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("incidents_merged_into").execute();
  await sql`CREATE INDEX incidents_merged_into ON incidents (merged_into) WHERE merged_into IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("incidents_merged_into").execute();
  await db.schema.createIndex("incidents_merged_into").on("incidents").column("merged_into").execute();
}
