// Open-source intake: articles in (paste, upload, URL, feeds), duplicates
// linked rather than stored twice, every new article run through the pure
// extractor, and its proposals kept as a review queue. Nothing becomes an
// incident without a person: accepting a proposal writes a news-candidate
// claim through the incident register, on a new incident or on the duplicate
// the register suggests. Every decision is kept, which is what the accuracy
// report and the dyad timeline read.
import type { Distribution, Viewer } from "../../../core/access/distribution.ts";
import type { Classifier } from "../../../core/agreement/classify.ts";
import type { Actor as GazActor, Place } from "../../../core/agreement/gazetteer.ts";
import { weekStart } from "../../../core/incidents/dates.ts";
import { ACLED_EVENT_TYPES, PLOVER_EVENTS, PLOVER_MODES, isEventType, isSubEventTypeOf, type Precision } from "../../../core/incidents/taxonomy.ts";
import { countryOfAdmin1, extractEvents, hammingDistance, NEAR_DUPLICATE_BITS, simhash, simhashBandProbes, simhashBands, type ExtractContext, type LocateFn, type Proposal } from "../../../core/intake/index.ts";
import { ploverScore } from "../../../core/intake/lexicon.ts";
import { loadViewer } from "../../platform/access.ts";
import type { Actor, AuditService } from "../../platform/audit/audit.service.ts";
import { registerAuditedSubject } from "../../platform/audit/subjects.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db, DbOrTx, Tx } from "../../platform/db/database.ts";
import { AppError, errors } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import type { JobService } from "../../platform/jobs/jobs.service.ts";
import { loadBundledClassifier, loadBundledPack } from "../agreements/pack-files.ts";
import type { IncidentService } from "../incidents/incident.service.ts";
import { FEED_TYPES, PAGE_TYPES, fetchUrl, parseUrl, type FetchLimits, type Fetched } from "./intake.fetch.ts";
import { defaultDistribution, intakePolicy as policy } from "./intake.policy.ts";
import { intakeRepository as repo, type ArticleRow, type DecisionRow, type FeedRow, type ProposalFilter, type ProposalRow, type SourceRow } from "./intake.repository.ts";
import { canonicalText, dateOf, formatOf, htmlToArticle, parseFeedXml, plainToArticle, sha256Hex, toArticle, type CanonicalArticle, type TextFormat } from "./intake.text.ts";

registerAuditedSubject("intake_article", { table: "intake_articles", key: "id", columns: ["id", "owner_party", "created_by", "source_kind", "source_url", "file_name", "title", "fetched_at", "published", "language", "text", "content_hash", "simhash", "feed_id", "distribution", "created_at"] });
registerAuditedSubject("intake_article_source", { table: "intake_article_sources", key: "id", columns: ["id", "article_id", "match", "distance", "source_kind", "source_url", "file_name", "content_hash", "added_by", "owner_party", "distribution", "fetched_at"] });
// lease_until is a short lock, not a fact: left out.
registerAuditedSubject("intake_proposal", { table: "intake_proposals", key: "id", columns: ["id", "article_id", "seq", "data", "event_type", "confidence", "status", "owner_party", "distribution", "created_at"] });
registerAuditedSubject("intake_decision", { table: "intake_decisions", key: "id", columns: ["id", "proposal_id", "article_id", "decision", "edited_fields", "changes", "reason", "final_event", "event_date", "week", "incident_id", "claim_id", "existing_incident", "actor_user", "actor_party", "owner_party", "distribution", "at"] });
// Polling bookkeeping (next_poll_at, last_*, title) changes on every poll and is left out.
registerAuditedSubject("intake_feed", { table: "intake_feeds", key: "id", columns: ["id", "url", "owner_party", "created_by", "distribution", "interval_minutes", "active", "created_at"] });

export interface IntakeDeps {
  db: Db;
  audit: AuditService;
  clock: Clock;
  /** The incident register (a getter: the two services are built together). */
  incidents: () => IncidentService;
  /** Stored timers: feed polling runs as a recurring job when given. */
  jobs?: JobService | undefined;
  fetch: FetchLimits;
  /** The pack's gazetteer, actors and classifier (loaded on first use). */
  pack: () => Promise<{ places: readonly Place[]; actors: readonly GazActor[]; classifier: Classifier }>;
}

export interface IngestInput {
  kind: "paste" | "upload" | "url" | "feed";
  /** Canonical article (already converted from its format). */
  article: CanonicalArticle;
  source_url?: string | null;
  file_name?: string | null;
  feed_id?: string | null;
  title?: string | null;
  published?: string | null;
  distribution?: Distribution | undefined;
}

export interface IngestResult {
  article: ArticleRow;
  /** Set when the text was already stored: the new source was linked to the first article. */
  duplicate: { of: string; match: "exact" | "near"; distance: number; source_id: string } | null;
  proposals: ProposalRow[];
}

/** Fields a reviewer may change before accepting. */
export interface ProposalEdits {
  date?: string | undefined;
  event_type?: string | undefined;
  sub_event_type?: string | undefined;
  plover?: string | undefined;
  actor1?: string | undefined;
  actor1_country?: string | null | undefined;
  actor2?: string | null | undefined;
  actor2_country?: string | null | undefined;
  location?: string | null | undefined;
  lat?: number | undefined;
  lon?: number | undefined;
  geo_precision?: 1 | 2 | 3 | undefined;
  fatalities?: number | null | undefined;
}
export const EDITABLE_FIELDS = ["date", "event_type", "sub_event_type", "plover", "actor1", "actor1_country", "actor2", "actor2_country", "location", "lat", "lon", "geo_precision", "fatalities"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface AcceptInput {
  edits?: ProposalEdits | undefined;
  /** Put the claim on this incident (one the reviewer picked). */
  incident_id?: string | undefined;
  /** Create a new incident even when the register suggests a duplicate. */
  new_incident?: boolean | undefined;
  /** Distribution of the incident and claim; the proposal's by default. */
  distribution?: Distribution | undefined;
}

/** The event as accepted: what the decision keeps and the dyad timeline counts. */
export interface FinalEvent {
  date: string;
  date_precision: string | null;
  event_type: string;
  sub_event_type: string;
  plover: string;
  plover_mode: string | null;
  plover_score: number;
  actor1: { name: string; id: string | null; country: string | null };
  actor2: { name: string; id: string | null; country: string | null } | null;
  location: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  geo_precision: 1 | 2 | 3;
  fatalities: number | null;
}

export interface AccuracyReport {
  from: string | null;
  to: string | null;
  decisions: number;
  pending: number;
  accepted_as_is: { count: number; share: number };
  edited: { count: number; share: number };
  rejected: { count: number; share: number };
  /** Per field: how many accepted proposals had it changed, and the share of accepted ones. */
  fields: Record<string, { edited: number; share: number }>;
  rejection_reasons: Record<string, number>;
}

export interface DyadWeek {
  week: string;
  count: number;
  plover_sum: number;
}
export interface Dyad {
  actor_a: string;
  actor_b: string | null;
  count: number;
  plover_sum: number;
  weeks: DyadWeek[];
}

export interface PollResult {
  feed_id: string;
  items: number;
  new_items: number;
  stored: number;
  duplicates: number;
  errors: Array<{ item: string; code: string; message: string }>;
}

const FEED_TICK = "intake.feeds.tick";

/** The bundled pack's gazetteer, actors and classifier, for the extractor. */
export async function intakePack(packId: string): Promise<{ places: readonly Place[]; actors: readonly GazActor[]; classifier: Classifier }> {
  const [pack, classifier] = await Promise.all([loadBundledPack(packId), loadBundledClassifier(packId)]);
  return { places: pack.places?.places ?? [], actors: pack.actors?.actors ?? [], classifier };
}

const COUNTRY_NAMES: Record<string, string> = { SYR: "Syria", ISR: "Israel", LBN: "Lebanon", JOR: "Jordan", PSE: "Palestine", IRQ: "Iraq", TUR: "Turkey", SAU: "Saudi Arabia", USA: "United States", FRA: "France", AZE: "Azerbaijan", EGY: "Egypt", RUS: "Russia", IRN: "Iran" };
const precisionOf = (p: string | null): Precision => (p === "day" ? 1 : p === "week" ? 2 : 3);
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const share = (n: number, of: number) => (of === 0 ? 0 : round(n / of));
const actorOf = (v: Viewer): Actor => ({ userId: v.userId, party: v.party });

export class IntakeService {
  private ctxP: Promise<ExtractContext> | null = null;

  private polling: Promise<unknown> = Promise.resolve();
  private pollingNow = false;

  constructor(readonly d: IntakeDeps) {
    // One tick a minute while any feed is active; the tick polls the feeds that are due.
    d.jobs?.register(FEED_TICK, async (tx) => {
      if (await tx.selectFrom("intake_feeds").select("id").where("active", "=", 1).limit(1).executeTakeFirst()) await this.scheduleTick(tx, 60_000);
      // Polling fetches over the network and writes in its own transactions, so it runs after this one commits.
      setImmediate(() => void this.pollInBackground());
    });
  }

  private get incidents(): IncidentService {
    return this.d.incidents();
  }

  private async scheduleTick(db: DbOrTx, inMs: number): Promise<void> {
    if (!this.d.jobs) return;
    const due = new Date(Math.ceil((this.d.clock.now().getTime() + inMs) / 60_000) * 60_000);
    await this.d.jobs.schedule(db, { kind: FEED_TICK, dueAt: due, key: `${FEED_TICK}:${due.toISOString()}`, payload: null });
  }

  /** Starts a poll of due feeds unless one is running in this process; `idle()` waits for it. */
  pollInBackground(): Promise<unknown> {
    if (this.pollingNow) return this.polling;
    this.pollingNow = true;
    this.polling = this.pollDueFeeds().catch((e: unknown) => process.emitWarning(`intake feeds: ${(e as Error).message}`)).finally(() => { this.pollingNow = false; });
    return this.polling;
  }

  idle(): Promise<unknown> {
    return this.polling;
  }

  /** Gazetteer, actors and a locate() answered by the pack's classifier (admin-1 and zone from its polygons). */
  extractContext(): Promise<ExtractContext> {
    if (!this.ctxP) {
      this.ctxP = this.d.pack().then(({ places, actors, classifier }) => {
        const names = new Map(classifier.pack.admin1.map((a) => [a.code, a.name_en]));
        const locate: LocateFn = (lon, lat) => {
          const p = classifier.classifyPoint(lon as never, lat as never);
          if (!p.admin1) return null;
          return { country: countryOfAdmin1(p.admin1), admin1: p.admin1, admin1_name: names.get(p.admin1) ?? null, zone: p.zone === "outside" ? null : p.zone };
        };
        return { places, actors, locate };
      });
      this.ctxP.catch(() => { this.ctxP = null; });
    }
    return this.ctxP;
  }

  // ——— articles in ———

  /** Stores an article (or links it to the copy already stored) and queues its proposals. */
  async ingest(viewer: Viewer, input: IngestInput): Promise<IngestResult> {
    const dist = input.distribution ?? defaultDistribution(viewer);
    policy.share(viewer, dist);
    const text = canonicalText(input.article.text);
    if (text.length < 20) throw errors.validation("Invalid text: the article has no readable text (at least 20 characters after markup is removed).", [{ path: input.kind === "url" ? "url" : "text", problem: "no readable text" }]);
    const published = input.published ?? input.article.published ?? null;
    if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw errors.validation("Invalid published: use YYYY-MM-DD", [{ path: "published", problem: "YYYY-MM-DD" }]);
    const hash = sha256Hex(text);
    const sim = simhash(text);
    const bands = simhashBands(sim);
    const now = this.d.clock.now().toISOString();
    const ctx = await this.extractContext();
    return this.d.db.transaction().execute(async (tx) => {
      // Duplicates are looked for only among articles the submitter may see: anything else would reveal them.
      let first = await repo.exactDuplicate(tx, viewer, hash);
      let match: "exact" | "near" = "exact";
      let distance = 0;
      if (!first) {
        let best: { id: string; d: number } | null = null;
        for (const c of await repo.simhashCandidates(tx, viewer, simhashBandProbes(sim))) {
          const dd = hammingDistance(sim, c.simhash);
          if (dd <= NEAR_DUPLICATE_BITS && (!best || dd < best.d)) best = { id: c.id, d: dd };
        }
        if (best) {
          first = await repo.findArticleRaw(tx, best.id);
          match = "near";
          distance = best.d;
        }
      }
      if (first) {
        const src: SourceRow = {
          id: newId("isrc"), article_id: first.id, match, distance, source_kind: input.kind, source_url: input.source_url ?? null, file_name: input.file_name ?? null,
          content_hash: hash, added_by: viewer.userId, owner_party: viewer.party!, distribution: dist, fetched_at: now,
        };
        await repo.insertSource(tx, src);
        await this.d.audit.record(tx, actorOf(viewer), { action: "intake_article.duplicate", subjectType: "intake_article_source", subjectId: src.id, distribution: dist, ownerParty: viewer.party });
        return { article: first, duplicate: { of: first.id, match, distance, source_id: src.id }, proposals: await repo.proposalsOf(tx, viewer, first.id) };
      }
      const row: ArticleRow = {
        id: newId("art"), owner_party: viewer.party!, created_by: viewer.userId, source_kind: input.kind, source_url: input.source_url ?? null, file_name: input.file_name ?? null,
        title: input.title ?? input.article.title ?? null, fetched_at: now, published, language: input.article.language, text, content_hash: hash, simhash: sim,
        sim_b0: bands[0], sim_b1: bands[1], sim_b2: bands[2], sim_b3: bands[3], feed_id: input.feed_id ?? null, distribution: dist, created_at: now,
      };
      await repo.insertArticle(tx, row);
      await this.d.audit.record(tx, actorOf(viewer), { action: "intake_article.create", subjectType: "intake_article", subjectId: row.id, distribution: dist, ownerParty: row.owner_party });
      // The reference date for relative dates: the page's date, else when it was fetched.
      const proposals = extractEvents({ text, published, reference_date: published ? null : now.slice(0, 10), language: row.language }, ctx);
      const rows: ProposalRow[] = proposals.map((p, i) => ({
        id: newId("prop"), article_id: row.id, seq: i, data: JSON.stringify(p), event_type: p.event_type, confidence: p.confidence,
        status: "pending", lease_until: null, owner_party: row.owner_party, distribution: dist, created_at: now,
      }));
      await repo.insertProposals(tx, rows);
      for (const r of rows) await this.d.audit.record(tx, actorOf(viewer), { action: "intake_proposal.create", subjectType: "intake_proposal", subjectId: r.id, distribution: dist, ownerParty: r.owner_party });
      return { article: row, duplicate: null, proposals: rows };
    });
  }

  /** Pasted text. */
  paste(viewer: Viewer, input: { text: string; title?: string | undefined; published?: string | undefined; source_url?: string | undefined; distribution?: Distribution | undefined }): Promise<IngestResult> {
    return this.ingest(viewer, { kind: "paste", article: plainToArticle(input.text), title: input.title ?? null, published: input.published ?? null, source_url: input.source_url ?? null, distribution: input.distribution });
  }

  /** An uploaded txt, md or html file. */
  upload(viewer: Viewer, input: { content: string; file_name: string; content_type?: string | undefined; published?: string | undefined; distribution?: Distribution | undefined }): Promise<IngestResult> {
    const format = formatOf(input.file_name, input.content_type?.includes("octet-stream") ? null : input.content_type);
    if (!format) throw errors.validation("Invalid file_name: intake reads .txt, .md and .html files", [{ path: "query.file_name", problem: "use a .txt, .md or .html file" }]);
    return this.ingest(viewer, { kind: "upload", article: toArticle(input.content, format), file_name: input.file_name, published: input.published ?? null, distribution: input.distribution });
  }

  /** Fetches a page (refusing internal addresses) and stores it. */
  async fetchAndIngest(viewer: Viewer, input: { url: string; published?: string | undefined; distribution?: Distribution | undefined }): Promise<IngestResult> {
    policy.share(viewer, input.distribution ?? defaultDistribution(viewer));
    parseUrl(input.url);
    const page = await fetchUrl(input.url, this.d.fetch, PAGE_TYPES);
    return this.ingest(viewer, { kind: "url", article: articleFromFetched(page), source_url: page.url, published: input.published ?? null, distribution: input.distribution });
  }

  async getArticle(viewer: Viewer, id: string) {
    const article = await repo.findArticleVisible(this.d.db, viewer, id);
    if (!article) throw errors.notFound("article");
    const [sources, proposals, decisions] = await Promise.all([repo.sourcesOf(this.d.db, viewer, id), repo.proposalsOf(this.d.db, viewer, id), repo.decisionsOfArticle(this.d.db, viewer, id)]);
    return { article, sources, proposals, decisions };
  }

  listArticles(viewer: Viewer, after: string | null, limit: number) {
    return repo.listArticles(this.d.db, viewer, after, limit);
  }

  /** Sharing an article shares its proposals with it; each change is audited. */
  async setDistribution(viewer: Viewer, id: string, dist: Distribution): Promise<ArticleRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const a = await repo.findArticleVisible(tx, viewer, id);
      if (!a) throw errors.notFound("article");
      policy.owner(viewer, a.owner_party, "article");
      policy.share(viewer, dist);
      if (a.distribution === dist) return a;
      await repo.setArticleDistribution(tx, id, dist);
      await repo.setProposalDistribution(tx, id, dist);
      await this.d.audit.record(tx, actorOf(viewer), { action: "intake_article.distribution", subjectType: "intake_article", subjectId: id, distribution: dist, ownerParty: a.owner_party });
      for (const p of await repo.proposalsRawOf(tx, id)) {
        await this.d.audit.record(tx, actorOf(viewer), { action: "intake_proposal.distribution", subjectType: "intake_proposal", subjectId: p.id, distribution: dist, ownerParty: p.owner_party });
      }
      return (await repo.findArticleRaw(tx, id))!;
    });
  }

  // ——— review queue ———

  listProposals(viewer: Viewer, f: ProposalFilter, after: string | null, limit: number) {
    return repo.listProposals(this.d.db, viewer, f, after, limit);
  }

  async getProposal(viewer: Viewer, id: string) {
    const p = await repo.findProposalVisible(this.d.db, viewer, id);
    if (!p) throw errors.notFound("proposal");
    const decision = await repo.decisionOf(this.d.db, viewer, id);
    const data = JSON.parse(p.data) as Proposal;
    // What the incident register would call a duplicate, so the reviewer can pick before accepting.
    let duplicates: Awaited<ReturnType<IncidentService["findDuplicates"]>> = [];
    if (p.status === "pending" && data.date && data.lat !== null && data.lon !== null && viewer.party !== null) {
      duplicates = await this.incidents.findDuplicates(viewer, {
        event_date: data.date, event_type: data.event_type, actor1: data.actor1?.name ?? "", actor2: data.actor2?.name ?? "", assoc_actor_1: "", assoc_actor_2: "",
        latitude: data.lat, longitude: data.lon, geo_precision: (data.geo_precision ?? 3), error_radius_m: radiusOf(data.geo_precision),
      });
    }
    return { proposal: p, data, decision: decision ?? null, duplicates };
  }

  /** Accept (as proposed, or after edits): a news-candidate claim on a new incident, or on the one the register calls a duplicate. */
  async accept(viewer: Viewer, id: string, input: AcceptInput) {
    policy.review(viewer);
    const p = await repo.findProposalVisible(this.d.db, viewer, id);
    if (!p) throw errors.notFound("proposal");
    if (p.status !== "pending") throw errors.conflict(`This proposal was ${p.status} already.`);
    const dist = input.distribution ?? (p.distribution as Distribution);
    policy.share(viewer, dist);
    const data = JSON.parse(p.data) as Proposal;
    const { final, changes } = applyEdits(data, input.edits ?? {});
    const now = this.d.clock.now();
    if (!(await repo.lease(this.d.db, id, now.toISOString(), new Date(now.getTime() + 120_000).toISOString()))) {
      throw errors.conflict("Another reviewer is deciding this proposal right now, or has just decided it.");
    }
    try {
      let incidentId: string;
      let existing = false;
      if (input.incident_id) {
        const inc = await this.incidents.get(viewer, input.incident_id).catch((e: unknown) => {
          if (e instanceof AppError && e.code === "not_found") throw errors.validation("Invalid incident_id: no such incident, or you may not see it", [{ path: "incident_id", problem: "no such incident" }]);
          throw e;
        });
        incidentId = inc.merged_into ?? inc.id;
        existing = true;
      } else {
        const dupes = input.new_incident ? [] : await this.incidents.findDuplicates(viewer, {
          event_date: final.date, event_type: final.event_type, actor1: final.actor1.name, actor2: final.actor2?.name ?? "", assoc_actor_1: "", assoc_actor_2: "",
          latitude: final.lat, longitude: final.lon, geo_precision: final.geo_precision, error_radius_m: radiusOf(final.geo_precision),
        });
        const hit = dupes[0];
        if (hit) {
          incidentId = hit.incident.merged_into ?? hit.incident.id;
          existing = true;
        } else {
          const article = (await repo.findArticleRaw(this.d.db, p.article_id))!;
          const inc = await this.incidents.create(viewer, incidentInput(final, data, article, dist));
          incidentId = inc.id;
        }
      }
      const claim = await this.incidents.addNewsCandidate(viewer, incidentId, {
        article_id: p.article_id, narrative: narrativeOf(data), distribution: dist, event_type: final.event_type, sub_event_type: final.sub_event_type,
        fatalities: final.fatalities, responsible_actor: final.actor1.name,
      });
      const row: DecisionRow = {
        id: newId("idec"), proposal_id: id, article_id: p.article_id, decision: Object.keys(changes).length ? "edited" : "accepted",
        edited_fields: JSON.stringify(Object.keys(changes)), changes: JSON.stringify(changes), reason: null, final_event: JSON.stringify(final),
        event_date: final.date, week: weekStart(final.date), incident_id: incidentId, claim_id: claim.id, existing_incident: existing ? 1 : 0,
        actor_user: viewer.userId, actor_party: viewer.party!, owner_party: p.owner_party, distribution: p.distribution, at: this.d.clock.now().toISOString(),
      };
      await this.d.db.transaction().execute(async (tx) => this.recordDecision(tx, viewer, p, row, "intake_proposal.accept"));
      return { decision: row, incident_id: incidentId, claim_id: claim.id, existing_incident: existing };
    } catch (e) {
      await repo.release(this.d.db, id).catch(() => undefined);
      throw e;
    }
  }

  async reject(viewer: Viewer, id: string, reason: string) {
    policy.review(viewer);
    const why = reason.trim();
    if (why.length < 3) throw errors.validation("Invalid reason: say why the proposal is rejected", [{ path: "reason", problem: "at least 3 characters" }]);
    return this.d.db.transaction().execute(async (tx) => {
      const p = await repo.findProposalVisible(tx, viewer, id);
      if (!p) throw errors.notFound("proposal");
      if (p.status !== "pending") throw errors.conflict(`This proposal was ${p.status} already.`);
      if (p.lease_until && p.lease_until > this.d.clock.now().toISOString()) throw errors.conflict("Another reviewer is accepting this proposal right now.");
      const row: DecisionRow = {
        id: newId("idec"), proposal_id: id, article_id: p.article_id, decision: "rejected", edited_fields: "[]", changes: "{}", reason: why, final_event: null,
        event_date: null, week: null, incident_id: null, claim_id: null, existing_incident: 0, actor_user: viewer.userId, actor_party: viewer.party!,
        owner_party: p.owner_party, distribution: p.distribution, at: this.d.clock.now().toISOString(),
      };
      await this.recordDecision(tx, viewer, p, row, "intake_proposal.reject");
      return { decision: row };
    });
  }

  private async recordDecision(tx: Tx, viewer: Viewer, p: ProposalRow, row: DecisionRow, action: string): Promise<void> {
    if (!(await repo.setProposalStatus(tx, p.id, row.decision === "rejected" ? "rejected" : "accepted"))) throw errors.conflict("This proposal was decided already.");
    await repo.insertDecision(tx, row);
    await this.d.audit.record(tx, actorOf(viewer), { action, subjectType: "intake_proposal", subjectId: p.id, distribution: p.distribution as Distribution, ownerParty: p.owner_party });
    await this.d.audit.record(tx, actorOf(viewer), { action: "intake_decision.create", subjectType: "intake_decision", subjectId: row.id, distribution: row.distribution as Distribution, ownerParty: row.owner_party });
  }

  // ——— measuring ———

  /** How the extractor fares on real traffic: shares accepted as proposed, edited and rejected, and which fields reviewers fixed. */
  async accuracy(viewer: Viewer, from: string | null, to: string | null): Promise<AccuracyReport> {
    const rows = await repo.decisionsBetween(this.d.db, viewer, from, to);
    const pending = await repo.countPending(this.d.db, viewer);
    const n = rows.length;
    const asIs = rows.filter((r) => r.decision === "accepted").length;
    const edited = rows.filter((r) => r.decision === "edited").length;
    const rejected = rows.filter((r) => r.decision === "rejected").length;
    const fields: AccuracyReport["fields"] = {};
    for (const f of EDITABLE_FIELDS) fields[f] = { edited: 0, share: 0 };
    const reasons: Record<string, number> = {};
    for (const r of rows) {
      if (r.decision === "edited") for (const f of JSON.parse(r.edited_fields) as string[]) if (fields[f]) fields[f].edited++;
      if (r.decision === "rejected" && r.reason) {
        const k = r.reason.toLowerCase().replace(/\s+/g, " ").slice(0, 80);
        reasons[k] = (reasons[k] ?? 0) + 1;
      }
    }
    for (const f of Object.values(fields)) f.share = share(f.edited, asIs + edited);
    return {
      from, to, decisions: n, pending,
      accepted_as_is: { count: asIs, share: share(asIs, n) }, edited: { count: edited, share: share(edited, n) }, rejected: { count: rejected, share: share(rejected, n) },
      fields, rejection_reasons: reasons,
    };
  }

  /** Per pair of actors per week: how many accepted events and the sum of their PLOVER scores. */
  async dyads(viewer: Viewer, from: string | null, to: string | null): Promise<Dyad[]> {
    const rows = await repo.acceptedInWeeks(this.d.db, viewer, from ? weekStart(from) : null, to);
    const byPair = new Map<string, Dyad & { byWeek: Map<string, DyadWeek> }>();
    for (const r of rows) {
      if (!r.final_event || !r.week || !r.event_date) continue;
      if (from && r.event_date < from) continue;
      const e = JSON.parse(r.final_event) as FinalEvent;
      const a = e.actor1.name, b = e.actor2?.name ?? null;
      // Order does not imply direction: the pair is keyed alphabetically.
      const [x, y] = b === null || a.localeCompare(b) <= 0 ? [a, b] : [b, a];
      const key = `${x}\u0000${y ?? ""}`;
      let d = byPair.get(key);
      if (!d) byPair.set(key, (d = { actor_a: x, actor_b: y, count: 0, plover_sum: 0, weeks: [], byWeek: new Map() }));
      let w = d.byWeek.get(r.week);
      if (!w) d.byWeek.set(r.week, (w = { week: r.week, count: 0, plover_sum: 0 }));
      w.count++;
      w.plover_sum = round(w.plover_sum + e.plover_score, 2);
      d.count++;
      d.plover_sum = round(d.plover_sum + e.plover_score, 2);
    }
    return [...byPair.values()]
      .map(({ byWeek, ...d }) => ({ ...d, weeks: [...byWeek.values()].sort((p, q) => p.week.localeCompare(q.week)) }))
      .sort((p, q) => q.count - p.count || p.actor_a.localeCompare(q.actor_a));
  }

  // ——— feeds ———

  async addFeed(viewer: Viewer, input: { url: string; interval_minutes: number; distribution?: Distribution | undefined }): Promise<FeedRow> {
    const dist = input.distribution ?? defaultDistribution(viewer);
    policy.share(viewer, dist);
    parseUrl(input.url);
    const now = this.d.clock.now().toISOString();
    const row: FeedRow = {
      id: newId("feed"), url: input.url, title: null, owner_party: viewer.party!, created_by: viewer.userId, distribution: dist, interval_minutes: input.interval_minutes,
      active: 1, next_poll_at: now, last_polled_at: null, last_status: null, last_error: null, created_at: now, updated_at: now,
    };
    await this.d.db.transaction().execute(async (tx) => {
      await repo.insertFeed(tx, row);
      await this.scheduleTick(tx, 0);
      await this.d.audit.record(tx, actorOf(viewer), { action: "intake_feed.create", subjectType: "intake_feed", subjectId: row.id, distribution: dist, ownerParty: row.owner_party });
    });
    return row;
  }

  listFeeds(viewer: Viewer) {
    return repo.listFeeds(this.d.db, viewer);
  }

  async updateFeed(viewer: Viewer, id: string, patch: { active?: boolean | undefined; interval_minutes?: number | undefined }): Promise<FeedRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const f = await repo.findFeedVisible(tx, viewer, id);
      if (!f) throw errors.notFound("feed");
      policy.owner(viewer, f.owner_party, "feed");
      await repo.updateFeed(tx, id, {
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        ...(patch.interval_minutes !== undefined ? { interval_minutes: patch.interval_minutes } : {}),
        updated_at: this.d.clock.now().toISOString(),
      });
      await this.d.audit.record(tx, actorOf(viewer), { action: "intake_feed.update", subjectType: "intake_feed", subjectId: id, distribution: f.distribution as Distribution, ownerParty: f.owner_party });
      return (await repo.findFeedRaw(tx, id))!;
    });
  }

  /** Poll one feed now (a user asked). */
  async pollFeedAs(viewer: Viewer, id: string): Promise<PollResult> {
    const f = await repo.findFeedVisible(this.d.db, viewer, id);
    if (!f) throw errors.notFound("feed");
    policy.owner(viewer, f.owner_party, "feed");
    return this.poll(f);
  }

  /** Polls every active feed whose time has come; called on a schedule. */
  async pollDueFeeds(limit = 20): Promise<PollResult[]> {
    const due = await repo.dueFeeds(this.d.db, this.d.clock.now().toISOString(), limit);
    const out: PollResult[] = [];
    for (const f of due) out.push(await this.poll(f).catch((e: unknown) => ({ feed_id: f.id, items: 0, new_items: 0, stored: 0, duplicates: 0, errors: [{ item: f.url, code: e instanceof AppError ? e.code : "internal", message: (e as Error).message }] })));
    return out;
  }

  /** One poll per feed at a time in this process: a manual poll during a scheduled one shares its result. */
  private readonly inFlight = new Map<string, Promise<PollResult>>();

  private poll(f: FeedRow): Promise<PollResult> {
    let p = this.inFlight.get(f.id);
    if (!p) {
      p = this.pollOnce(f).finally(() => this.inFlight.delete(f.id));
      this.inFlight.set(f.id, p);
    }
    return p;
  }

  private async pollOnce(f: FeedRow): Promise<PollResult> {
    const started = this.d.clock.now();
    const res: PollResult = { feed_id: f.id, items: 0, new_items: 0, stored: 0, duplicates: 0, errors: [] };
    const book = async (status: string, error: string | null, title?: string | null) => {
      await repo.updateFeed(this.d.db, f.id, {
        last_polled_at: started.toISOString(), last_status: status, last_error: error, next_poll_at: new Date(started.getTime() + f.interval_minutes * 60_000).toISOString(),
        ...(title ? { title } : {}),
      });
    };
    // The feed acts with its creator's standing (party, groups), so duplicates are looked for where that user could see them.
    const creator = f.created_by ? await this.d.db.selectFrom("users").select(["id", "party_id", "role"]).where("id", "=", f.created_by).executeTakeFirst() : undefined;
    const viewer: Viewer = creator && creator.party_id === f.owner_party
      ? await loadViewer(this.d.db, creator)
      : { ...(await loadViewer(this.d.db, { id: "", party_id: f.owner_party, role: "analyst" })), userId: null };
    let feedDoc: Fetched;
    try {
      feedDoc = await fetchUrl(f.url, this.d.fetch, FEED_TYPES);
    } catch (e) {
      const code = e instanceof AppError ? e.code : "internal";
      await book(code, (e as Error).message);
      res.errors.push({ item: f.url, code, message: (e as Error).message });
      return res;
    }
    const parsed = parseFeedXml(decode(feedDoc.body, feedDoc.charset));
    if (!parsed) {
      const msg = "The address did not return an RSS or Atom feed.";
      await book("unsupported_content", msg);
      res.errors.push({ item: f.url, code: "unsupported_content", message: msg });
      return res;
    }
    res.items = parsed.items.length;
    const seen = await repo.seenItems(this.d.db, f.id, parsed.items.map((i) => i.key));
    for (const item of parsed.items.filter((i) => !seen.has(i.key)).slice(0, 50)) {
      res.new_items++;
      try {
        let article: CanonicalArticle = { text: item.text, title: item.title, published: item.published, language: "en" };
        let url = item.link;
        // A short summary is not the story: fetch the page it links to.
        if (item.text.length < 400 && item.link) {
          const page = await fetchUrl(new URL(item.link, f.url).toString(), this.d.fetch, PAGE_TYPES);
          article = articleFromFetched(page);
          url = page.url;
        }
        const r = await this.ingest(viewer, {
          kind: "feed", article: { ...article, title: article.title ?? item.title }, source_url: url, feed_id: f.id,
          published: item.published ?? article.published, distribution: f.distribution as Distribution,
        });
        if (r.duplicate) res.duplicates++;
        else res.stored++;
        await repo.markItem(this.d.db, f.id, item.key, r.article.id, this.d.clock.now().toISOString());
      } catch (e) {
        const code = e instanceof AppError ? e.code : "internal";
        res.errors.push({ item: item.link ?? item.key, code, message: (e as Error).message });
        // A page that refuses for good (blocked, too large, not text) is not retried on every poll.
        if (code !== "timeout" && code !== "http_error" && code !== "internal") await repo.markItem(this.d.db, f.id, item.key, null, this.d.clock.now().toISOString());
      }
    }
    await book(res.errors.length ? "partial" : "ok", res.errors[0]?.message ?? null, parsed.title);
    return res;
  }
}

function decode(body: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

export function articleFromFetched(page: Fetched): CanonicalArticle {
  let raw = decode(page.body, page.charset);
  if (!page.charset && page.contentType.includes("html")) {
    const cs = /<meta[^>]+charset=["']?([\w-]+)/i.exec(raw.slice(0, 4096))?.[1];
    if (cs && cs.toLowerCase() !== "utf-8") raw = decode(page.body, cs.toLowerCase());
  }
  const format: TextFormat = formatOf(new URL(page.url).pathname, page.contentType) ?? "txt";
  return format === "html" ? htmlToArticle(raw) : toArticle(raw, format);
}

function radiusOf(p: 1 | 2 | 3 | null): number {
  return p === 1 ? 2_000 : p === 2 ? 15_000 : 50_000;
}

function narrativeOf(p: Proposal): string {
  return p.evidence.map((e) => e.text).join(" ").slice(0, 4000) || `${p.event_type}: ${p.sub_event_type}`;
}

/** Applies a reviewer's edits; returns the accepted event and what actually changed. Throws 400 naming the field for anything unusable. */
export function applyEdits(p: Proposal, edits: ProposalEdits): { final: FinalEvent; changes: Record<string, { from: unknown; to: unknown }> } {
  const bad = (field: string, problem: string) => errors.validation(`Invalid edits.${field}: ${problem}`, [{ path: `edits.${field}`, problem }]);
  const before: Record<EditableField, unknown> = {
    date: p.date, event_type: p.event_type, sub_event_type: p.sub_event_type, plover: p.plover, actor1: p.actor1?.name ?? null, actor1_country: p.actor1?.country ?? null,
    actor2: p.actor2?.name ?? null, actor2_country: p.actor2?.country ?? null, location: p.location, lat: p.lat, lon: p.lon, geo_precision: p.geo_precision, fatalities: p.fatalities,
  };
  const after: Record<EditableField, unknown> = { ...before };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const f of EDITABLE_FIELDS) {
    const v = edits[f];
    if (v === undefined) continue;
    after[f] = v;
    if (v !== before[f]) changes[f] = { from: before[f], to: v };
  }
  const date = after.date as string | null;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw bad("date", "the proposal has no date; give one as YYYY-MM-DD");
  const type = after.event_type as string;
  if (!isEventType(type)) throw bad("event_type", `one of: ${Object.keys(ACLED_EVENT_TYPES).join(", ")}`);
  const sub = after.sub_event_type as string;
  if (!isSubEventTypeOf(type, sub)) throw bad("sub_event_type", `not a sub-type of ${type}; one of: ${ACLED_EVENT_TYPES[type].join(", ")}`);
  const plover = after.plover as string;
  if (!(PLOVER_EVENTS as readonly string[]).includes(plover)) throw bad("plover", `one of: ${PLOVER_EVENTS.join(", ")}`);
  const a1 = after.actor1 as string | null;
  if (!a1 || !a1.trim()) throw bad("actor1", "the event needs a first actor");
  const lat = after.lat as number | null, lon = after.lon as number | null;
  if (lat === null || lon === null) throw bad(lat === null ? "lat" : "lon", "the proposal has no position; give lat and lon");
  // Keep the extractor's mode and score only while the category is the extractor's.
  const mode = plover === p.plover ? p.plover_mode : null;
  const modeOk = mode !== null && (PLOVER_MODES[plover as (typeof PLOVER_EVENTS)[number]] ?? []).includes(mode) ? mode : null;
  const a2 = after.actor2 as string | null;
  const sameA1 = a1 === (p.actor1?.name ?? null), sameA2 = a2 === (p.actor2?.name ?? null);
  const final: FinalEvent = {
    date, date_precision: changes.date ? "day" : p.date_precision, event_type: type, sub_event_type: sub, plover, plover_mode: modeOk,
    plover_score: plover === p.plover ? p.plover_score : ploverScore(plover, null),
    actor1: { name: a1.trim(), id: sameA1 ? p.actor1?.id ?? null : null, country: (after.actor1_country as string | null) ?? null },
    actor2: a2 && a2.trim() ? { name: a2.trim(), id: sameA2 ? p.actor2?.id ?? null : null, country: (after.actor2_country as string | null) ?? null } : null,
    location: (after.location as string | null) ?? null,
    admin1: changes.lat || changes.lon ? null : p.admin1_name ?? p.admin1,
    lat, lon, geo_precision: ((after.geo_precision as 1 | 2 | 3 | null) ?? 3),
    fatalities: (after.fatalities as number | null) ?? null,
  };
  return { final, changes };
}

function incidentInput(e: FinalEvent, p: Proposal, article: ArticleRow, dist: Distribution): Parameters<IncidentService["create"]>[1] {
  const sameA1 = e.actor1.id === p.actor1?.id && e.actor1.name === p.actor1?.name;
  const sameA2 = e.actor2 !== null && e.actor2.name === p.actor2?.name;
  const country = p.country && !(e.lat !== p.lat || e.lon !== p.lon) ? p.country : null;
  return {
    event_id_cnty: null, event_date: e.date, time_precision: precisionOf(e.date_precision), event_type: e.event_type as never, sub_event_type: e.sub_event_type,
    actor1: e.actor1.name, assoc_actor_1: "", inter1: sameA1 ? p.actor1?.inter ?? null : null, actor2: e.actor2?.name ?? "", assoc_actor_2: "", inter2: sameA2 ? p.actor2?.inter ?? null : null,
    interaction: null, civilian_targeting: e.event_type === "Violence against civilians" ? "Civilian targeting" : "", iso: null, region: "Middle East",
    country: country ? COUNTRY_NAMES[country] ?? country : "", admin1: e.admin1 ?? "", admin2: "", admin3: "", location: e.location ?? "",
    latitude: e.lat, longitude: e.lon, geo_precision: e.geo_precision, source: article.source_url ? new URL(article.source_url).host : `intake ${article.id}`,
    source_scale: "", notes: narrativeOf(p).slice(0, 2000), fatalities: e.fatalities ?? 0, tags: "intake", acled_timestamp: null,
    plover_event: e.plover as never, plover_mode: e.plover_mode, plover_context: null, distribution: dist,
  };
}

export { dateOf };
