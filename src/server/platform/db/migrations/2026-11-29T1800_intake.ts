// Open-source intake: articles, their further sources, proposals, review
// decisions, feeds and the items already taken from them.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("intake_articles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("source_kind", "text", (c) => c.notNull())
    .addColumn("source_url", "text")
    .addColumn("file_name", "text")
    .addColumn("title", "text")
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .addColumn("published", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("simhash", "text", (c) => c.notNull())
    .addColumn("sim_b0", "text", (c) => c.notNull())
    .addColumn("sim_b1", "text", (c) => c.notNull())
    .addColumn("sim_b2", "text", (c) => c.notNull())
    .addColumn("sim_b3", "text", (c) => c.notNull())
    .addColumn("feed_id", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("intake_articles_hash").on("intake_articles").columns(["content_hash"]).execute();
  for (const b of ["sim_b0", "sim_b1", "sim_b2", "sim_b3"]) {
    await db.schema.createIndex(`intake_articles_${b}`).on("intake_articles").columns([b]).execute();
  }

  await db.schema
    .createTable("intake_article_sources")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("article_id", "text", (c) => c.notNull().references("intake_articles.id"))
    .addColumn("match", "text", (c) => c.notNull())
    .addColumn("distance", "integer", (c) => c.notNull())
    .addColumn("source_kind", "text", (c) => c.notNull())
    .addColumn("source_url", "text")
    .addColumn("file_name", "text")
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("added_by", "text")
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("fetched_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("intake_article_sources_article").on("intake_article_sources").columns(["article_id"]).execute();

  await db.schema
    .createTable("intake_proposals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("article_id", "text", (c) => c.notNull().references("intake_articles.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("confidence", "double precision", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("lease_until", "text")
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("intake_proposals_article").on("intake_proposals").columns(["article_id", "seq"]).execute();
  await db.schema.createIndex("intake_proposals_status").on("intake_proposals").columns(["status", "id"]).execute();

  await db.schema
    .createTable("intake_decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("proposal_id", "text", (c) => c.notNull().references("intake_proposals.id"))
    .addColumn("article_id", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("edited_fields", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("final_event", "text")
    .addColumn("event_date", "text")
    .addColumn("week", "text")
    .addColumn("incident_id", "text")
    .addColumn("claim_id", "text")
    .addColumn("existing_incident", "integer", (c) => c.notNull())
    .addColumn("actor_user", "text")
    .addColumn("actor_party", "text", (c) => c.notNull())
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("intake_decisions_proposal").on("intake_decisions").columns(["proposal_id"]).unique().execute();
  await db.schema.createIndex("intake_decisions_week").on("intake_decisions").columns(["week"]).execute();

  await db.schema
    .createTable("intake_feeds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("owner_party", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("distribution", "text", (c) => c.notNull())
    .addColumn("interval_minutes", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("next_poll_at", "text", (c) => c.notNull())
    .addColumn("last_polled_at", "text")
    .addColumn("last_status", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("intake_feeds_due").on("intake_feeds").columns(["active", "next_poll_at"]).execute();

  await db.schema
    .createTable("intake_feed_items")
    .addColumn("feed_id", "text", (c) => c.notNull().references("intake_feeds.id"))
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("article_id", "text")
    .addColumn("seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("intake_feed_items_pk", ["feed_id", "item_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["intake_feed_items", "intake_feeds", "intake_decisions", "intake_proposals", "intake_article_sources", "intake_articles"]) {
    await db.schema.dropTable(t).execute();
  }
}
