// SQL of the intake module. Every read that answers a user takes the viewer
// and filters through visibleTo() in SQL.
import { sql } from "kysely";
import type { Viewer } from "../../../core/access/distribution.ts";
import { visibleTo } from "../../platform/access.ts";
import type { DbOrTx } from "../../platform/db/database.ts";
import type { IntakeArticleSourcesTable, IntakeArticlesTable, IntakeDecisionsTable, IntakeFeedsTable, IntakeProposalsTable } from "./intake.table.ts";

export type ArticleRow = IntakeArticlesTable;
export type SourceRow = IntakeArticleSourcesTable;
export type ProposalRow = IntakeProposalsTable;
export type DecisionRow = IntakeDecisionsTable;
export type FeedRow = IntakeFeedsTable;

const artVisible = (v: Viewer) => visibleTo(v, "intake_articles.distribution", "intake_articles.owner_party");
const propVisible = (v: Viewer) => visibleTo(v, "intake_proposals.distribution", "intake_proposals.owner_party");
const decVisible = (v: Viewer) => visibleTo(v, "intake_decisions.distribution", "intake_decisions.owner_party");
const feedVisible = (v: Viewer) => visibleTo(v, "intake_feeds.distribution", "intake_feeds.owner_party");

export interface ProposalFilter {
  status?: string | undefined;
  articleId?: string | undefined;
}

export const intakeRepository = {
  // ——— articles ———
  insertArticle: (db: DbOrTx, row: ArticleRow) => db.insertInto("intake_articles").values(row).execute(),
  insertSource: (db: DbOrTx, row: SourceRow) => db.insertInto("intake_article_sources").values(row).execute(),
  findArticleVisible: (db: DbOrTx, viewer: Viewer, id: string) => db.selectFrom("intake_articles").selectAll().where("id", "=", id).where(artVisible(viewer)).executeTakeFirst(),
  findArticleRaw: (db: DbOrTx, id: string) => db.selectFrom("intake_articles").selectAll().where("id", "=", id).executeTakeFirst(),
  /** The first visible article with exactly this text. */
  exactDuplicate: (db: DbOrTx, viewer: Viewer, hash: string) =>
    db.selectFrom("intake_articles").selectAll().where("content_hash", "=", hash).where(artVisible(viewer)).orderBy("id").limit(1).executeTakeFirst(),
  /** Visible articles with a 16-bit SimHash band among the probes (simhashBandProbes: every hash within the near-duplicate threshold has one). */
  simhashCandidates: (db: DbOrTx, viewer: Viewer, probes: readonly [readonly string[], readonly string[], readonly string[], readonly string[]]) =>
    db.selectFrom("intake_articles").select(["id", "simhash"])
      .where((eb) => eb.or([eb("sim_b0", "in", probes[0]), eb("sim_b1", "in", probes[1]), eb("sim_b2", "in", probes[2]), eb("sim_b3", "in", probes[3])]))
      .where(artVisible(viewer)).orderBy("id").limit(500).execute(),
  listArticles: (db: DbOrTx, viewer: Viewer, after: string | null, limit: number) => {
    let q = db.selectFrom("intake_articles")
      .select(["id", "owner_party", "created_by", "source_kind", "source_url", "file_name", "title", "fetched_at", "published", "language", "content_hash", "feed_id", "distribution", "created_at"])
      .select(sql<number>`length(intake_articles.text)`.as("text_length"))
      .where(artVisible(viewer));
    if (after) q = q.where("id", "<", after);
    return q.orderBy("id", "desc").limit(limit).execute();
  },
  sourcesOf: (db: DbOrTx, viewer: Viewer, articleId: string) =>
    db.selectFrom("intake_article_sources").selectAll().where("article_id", "=", articleId)
      .where(visibleTo(viewer, "intake_article_sources.distribution", "intake_article_sources.owner_party")).orderBy("id").execute(),
  setArticleDistribution: (db: DbOrTx, id: string, distribution: string) => db.updateTable("intake_articles").set({ distribution }).where("id", "=", id).execute(),

  // ——— proposals ———
  insertProposals: (db: DbOrTx, rows: ProposalRow[]) => (rows.length ? db.insertInto("intake_proposals").values(rows).execute() : Promise.resolve([])),
  proposalsOf: (db: DbOrTx, viewer: Viewer, articleId: string) =>
    db.selectFrom("intake_proposals").selectAll().where("article_id", "=", articleId).where(propVisible(viewer)).orderBy("seq").execute(),
  proposalsRawOf: (db: DbOrTx, articleId: string) => db.selectFrom("intake_proposals").selectAll().where("article_id", "=", articleId).orderBy("seq").execute(),
  findProposalVisible: (db: DbOrTx, viewer: Viewer, id: string) => db.selectFrom("intake_proposals").selectAll().where("id", "=", id).where(propVisible(viewer)).executeTakeFirst(),
  findProposalRaw: (db: DbOrTx, id: string) => db.selectFrom("intake_proposals").selectAll().where("id", "=", id).executeTakeFirst(),
  listProposals: (db: DbOrTx, viewer: Viewer, f: ProposalFilter, after: string | null, limit: number) => {
    let q = db.selectFrom("intake_proposals").selectAll().where(propVisible(viewer));
    if (f.status) q = q.where("status", "=", f.status);
    if (f.articleId) q = q.where("article_id", "=", f.articleId);
    if (after) q = q.where("id", "<", after);
    return q.orderBy("id", "desc").limit(limit).execute();
  },
  countPending: async (db: DbOrTx, viewer: Viewer) =>
    Number((await db.selectFrom("intake_proposals").select(sql<number>`count(*)`.as("n")).where("status", "=", "pending").where(propVisible(viewer)).executeTakeFirstOrThrow()).n),
  /** Takes a short lease so two reviewers cannot turn one proposal into two incidents. */
  lease: async (db: DbOrTx, id: string, now: string, until: string) => {
    const r = await db.updateTable("intake_proposals").set({ lease_until: until }).where("id", "=", id).where("status", "=", "pending")
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)])).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  release: (db: DbOrTx, id: string) => db.updateTable("intake_proposals").set({ lease_until: null }).where("id", "=", id).execute(),
  setProposalStatus: async (db: DbOrTx, id: string, status: string) => {
    const r = await db.updateTable("intake_proposals").set({ status, lease_until: null }).where("id", "=", id).where("status", "=", "pending").executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  setProposalDistribution: (db: DbOrTx, articleId: string, distribution: string) => db.updateTable("intake_proposals").set({ distribution }).where("article_id", "=", articleId).execute(),

  // ——— decisions ———
  insertDecision: (db: DbOrTx, row: DecisionRow) => db.insertInto("intake_decisions").values(row).execute(),
  decisionOf: (db: DbOrTx, viewer: Viewer, proposalId: string) => db.selectFrom("intake_decisions").selectAll().where("proposal_id", "=", proposalId).where(decVisible(viewer)).executeTakeFirst(),
  decisionsOfArticle: (db: DbOrTx, viewer: Viewer, articleId: string) => db.selectFrom("intake_decisions").selectAll().where("article_id", "=", articleId).where(decVisible(viewer)).execute(),
  decisionsBetween: (db: DbOrTx, viewer: Viewer, from: string | null, to: string | null) => {
    let q = db.selectFrom("intake_decisions").select(["decision", "edited_fields", "reason", "at"]).where(decVisible(viewer));
    if (from) q = q.where("at", ">=", from);
    if (to) q = q.where("at", "<", to);
    return q.execute();
  },
  acceptedInWeeks: (db: DbOrTx, viewer: Viewer, fromWeek: string | null, to: string | null) => {
    let q = db.selectFrom("intake_decisions").select(["final_event", "week", "event_date"]).where("decision", "in", ["accepted", "edited"]).where(decVisible(viewer));
    if (fromWeek) q = q.where("week", ">=", fromWeek);
    if (to) q = q.where("event_date", "<=", to);
    return q.orderBy("week").execute();
  },

  // ——— feeds ———
  insertFeed: (db: DbOrTx, row: FeedRow) => db.insertInto("intake_feeds").values(row).execute(),
  findFeedVisible: (db: DbOrTx, viewer: Viewer, id: string) => db.selectFrom("intake_feeds").selectAll().where("id", "=", id).where(feedVisible(viewer)).executeTakeFirst(),
  findFeedRaw: (db: DbOrTx, id: string) => db.selectFrom("intake_feeds").selectAll().where("id", "=", id).executeTakeFirst(),
  listFeeds: (db: DbOrTx, viewer: Viewer) => db.selectFrom("intake_feeds").selectAll().where(feedVisible(viewer)).orderBy("id").execute(),
  updateFeed: (db: DbOrTx, id: string, patch: Partial<Omit<FeedRow, "id">>) => db.updateTable("intake_feeds").set(patch).where("id", "=", id).execute(),
  dueFeeds: (db: DbOrTx, now: string, limit: number) => db.selectFrom("intake_feeds").selectAll().where("active", "=", 1).where("next_poll_at", "<=", now).orderBy("next_poll_at").limit(limit).execute(),
  seenItems: async (db: DbOrTx, feedId: string, keys: string[]) => {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 200) {
      const rows = await db.selectFrom("intake_feed_items").select("item_key").where("feed_id", "=", feedId).where("item_key", "in", keys.slice(i, i + 200)).execute();
      for (const r of rows) out.add(r.item_key);
    }
    return out;
  },
  markItem: (db: DbOrTx, feedId: string, key: string, articleId: string | null, now: string) =>
    db.insertInto("intake_feed_items").values({ feed_id: feedId, item_key: key, article_id: articleId, seen_at: now }).onConflict((oc) => oc.columns(["feed_id", "item_key"]).doNothing()).execute(),
};
