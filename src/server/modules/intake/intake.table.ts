// Row types of the intake module: articles (one row per distinct text), the
// further sources that delivered the same or a near-identical text, the
// extractor's proposals, the reviewers' decisions, and polled feeds.
export interface IntakeArticlesTable {
  id: string;
  owner_party: string;
  created_by: string | null;
  /** paste | upload | url | feed */
  source_kind: string;
  source_url: string | null;
  file_name: string | null;
  title: string | null;
  fetched_at: string;
  /** YYYY-MM-DD from the page, or null. */
  published: string | null;
  language: string;
  text: string;
  /** SHA-256 (hex) of the canonical text. */
  content_hash: string;
  /** 64-bit SimHash as 16 hex digits, and its four 16-bit bands for candidate lookup. */
  simhash: string;
  sim_b0: string;
  sim_b1: string;
  sim_b2: string;
  sim_b3: string;
  feed_id: string | null;
  distribution: string;
  created_at: string;
}

/** A later delivery of a text already stored (exactly or nearly): linked, not stored twice. */
export interface IntakeArticleSourcesTable {
  id: string;
  article_id: string;
  /** exact | near */
  match: string;
  /** SimHash bits that differ (0 for an exact match). */
  distance: number;
  source_kind: string;
  source_url: string | null;
  file_name: string | null;
  content_hash: string;
  added_by: string | null;
  owner_party: string;
  distribution: string;
  fetched_at: string;
}

export interface IntakeProposalsTable {
  id: string;
  article_id: string;
  /** Position among the article's proposals (0-based). */
  seq: number;
  /** The extractor's Proposal, as JSON, exactly as it came out. */
  data: string;
  event_type: string;
  confidence: number;
  /** pending | accepted | rejected */
  status: string;
  /** A reviewer holds it while the incident is being written (not audited: a lease). */
  lease_until: string | null;
  owner_party: string;
  distribution: string;
  created_at: string;
}

export interface IntakeDecisionsTable {
  id: string;
  proposal_id: string;
  article_id: string;
  /** accepted (as proposed) | edited (accepted after edits) | rejected */
  decision: string;
  /** JSON array of the field names the reviewer changed. */
  edited_fields: string;
  /** JSON object field → {from, to}. */
  changes: string;
  reason: string | null;
  /** The event as accepted (JSON), null for a rejection. */
  final_event: string | null;
  event_date: string | null;
  week: string | null;
  incident_id: string | null;
  claim_id: string | null;
  /** 1 when the claim went onto an incident that already existed. */
  existing_incident: number;
  actor_user: string | null;
  actor_party: string;
  owner_party: string;
  distribution: string;
  at: string;
}

export interface IntakeFeedsTable {
  id: string;
  url: string;
  title: string | null;
  owner_party: string;
  created_by: string | null;
  distribution: string;
  interval_minutes: number;
  active: number;
  /** Polling bookkeeping: changes on every poll, so it stays out of the audited columns. */
  next_poll_at: string;
  last_polled_at: string | null;
  last_status: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** Items already taken from a feed (by guid or link), so a poll only fetches what is new. */
export interface IntakeFeedItemsTable {
  feed_id: string;
  item_key: string;
  article_id: string | null;
  seen_at: string;
}

export interface IntakeTables {
  intake_articles: IntakeArticlesTable;
  intake_article_sources: IntakeArticleSourcesTable;
  intake_proposals: IntakeProposalsTable;
  intake_decisions: IntakeDecisionsTable;
  intake_feeds: IntakeFeedsTable;
  intake_feed_items: IntakeFeedItemsTable;
}
