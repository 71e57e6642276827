// The incident register: incidents with the pack's classification, separate
// claims per party, verification, duplicates and merges, evidence files, and
// ACLED import. Writes go through writeRows(), which puts the rows into a new
// audited set in the same transaction (see incident-audit.ts).
import type { Distribution, Viewer } from "../../../core/access/distribution.ts";
import { canSee } from "../../../core/access/distribution.ts";
import type { Classifier } from "../../../core/agreement/classify.ts";
import { addDays, weekStart } from "../../../core/incidents/dates.ts";
import { duplicateVerdict, type DuplicateVerdict } from "../../../core/incidents/duplicates.ts";
import { checkIncident, withDefaults, type IncidentData } from "../../../core/incidents/incident.ts";
import type { ClaimKind, VerificationState } from "../../../core/incidents/taxonomy.ts";
import { checkMove, movesFor } from "../../../core/incidents/verification.ts";
import type { Actor, AuditService } from "../../platform/audit/audit.service.ts";
import type { Clock } from "../../platform/clock.ts";
import { sqliteConnection, type Db, type Dialect, type Tx } from "../../platform/db/database.ts";
import { errors } from "../../platform/http/errors.ts";
import { newId } from "../../platform/ids.ts";
import { bindNativeSqlite } from "./incident-audit.ts";
import { bulkInsertSqlite, replaceSqlite } from "./incident-bulk.ts";
import { incidentPolicy as policy } from "./incident.policy.ts";
import {
  incidentRepository as repo, type ClaimRow, type Cursor, type EvidenceRow, type GroupKey, type IncidentFilter, type IncidentRow, type MergeRow,
} from "./incident.repository.ts";
import { EvidenceStore } from "./evidence.ts";

export interface IncidentDeps {
  db: Db;
  dialect: Dialect;
  audit: AuditService;
  clock: Clock;
  dataDir: string;
  evidenceMaxBytes: number;
  /** The agreement pack's classifier (loaded once, on first use). */
  classifier: () => Promise<Classifier>;
}

export type IncidentInput = Omit<IncidentData, "disorder_type" | "error_radius_m" | "plover_event" | "plover_mode" | "plover_context" | "event_id_cnty"> &
  Partial<Pick<IncidentData, "disorder_type" | "error_radius_m" | "plover_event" | "plover_mode" | "plover_context" | "event_id_cnty">> & {
    distribution: Distribution;
    source_distribution?: Distribution | null | undefined;
  };

export interface ClaimInput {
  kind: ClaimKind;
  narrative: string;
  distribution: Distribution;
  narrative_distribution?: Distribution | null | undefined;
  event_type?: string | null | undefined;
  sub_event_type?: string | null | undefined;
  fatalities?: number | null | undefined;
  responsible_actor?: string | null | undefined;
  saw?: boolean | undefined;
  heard?: boolean | undefined;
  observed_count?: number | null | undefined;
  weapon?: string | null | undefined;
  direction?: string | null | undefined;
  assessed_as?: string | null | undefined;
  article_id?: string | null | undefined;
}

export interface NewsCandidateInput {
  article_id: string;
  narrative: string;
  distribution: Distribution;
  event_type?: string | null | undefined;
  sub_event_type?: string | null | undefined;
  fatalities?: number | null | undefined;
  responsible_actor?: string | null | undefined;
}

export interface IncidentDetail {
  incident: IncidentRow;
  claims: ClaimRow[];
  verifications: Awaited<ReturnType<typeof repo.verificationsVisible>>;
  evidence: EvidenceRow[];
  merges: MergeRow[];
  merged_ids: string[];
  moves: VerificationState[];
}

export interface DuplicateCandidate {
  incident: IncidentRow;
  verdict: DuplicateVerdict;
}

const actorOf = (v: Viewer): Actor => ({ userId: v.userId, party: v.party });

type Classification = Pick<IncidentRow, "zone" | "line_distances" | "near_line" | "pack_admin1" | "pack_id" | "pack_version">;

/** Columns a re-import or an edit may change; the rest (ids, workflow, sharing) stay. */
const CONTENT_COLUMNS = [
  "event_id_cnty", "event_date", "week", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
  "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
  "admin3", "location", "latitude", "longitude", "geo_precision", "error_radius_m", "source", "source_scale", "notes", "fatalities", "tags",
  "acled_timestamp", "plover_event", "plover_mode", "plover_context", "zone", "line_distances", "near_line", "pack_admin1", "pack_id", "pack_version",
] as const satisfies ReadonlyArray<keyof IncidentRow>;

export function sameContent(a: IncidentRow, b: IncidentRow): boolean {
  for (const c of CONTENT_COLUMNS) if (a[c] !== b[c]) return false;
  return true;
}

export class IncidentService {
  readonly evidenceStore: EvidenceStore;
  private classifierP: Promise<Classifier> | null = null;

  constructor(readonly d: IncidentDeps) {
    this.evidenceStore = new EvidenceStore(d.dataDir, d.evidenceMaxBytes);
  }

  getClassifier(): Promise<Classifier> {
    if (!this.classifierP) {
      this.classifierP = this.d.classifier();
      this.classifierP.catch(() => { this.classifierP = null; });
    }
    return this.classifierP;
  }

  classifyWith(c: Classifier, lon: number, lat: number): Classification {
    const p = c.classifyPoint(lon as never, lat as never);
    return {
      zone: p.zone,
      line_distances: JSON.stringify(p.distance_km),
      near_line: p.near_line,
      pack_admin1: p.admin1,
      pack_id: c.pack.id,
      pack_version: c.pack.meta.version,
    };
  }

  /** A complete row from incident data, classification and sharing; ids and workflow come from `keep` when replacing. */
  buildRow(data: IncidentData, cls: Classification, share: { distribution: string; owner_party: string | null; source_distribution: string | null; created_by: string | null }, now: string, keep?: IncidentRow): IncidentRow {
    // Written out field by field (imports build a million of these; spreads of wide objects are slow).
    const d = data;
    return {
      id: keep?.id ?? newId("inc"),
      event_id_cnty: d.event_id_cnty, event_date: d.event_date, week: weekStart(d.event_date), time_precision: d.time_precision,
      disorder_type: d.disorder_type, event_type: d.event_type, sub_event_type: d.sub_event_type,
      actor1: d.actor1, assoc_actor_1: d.assoc_actor_1, inter1: d.inter1, actor2: d.actor2, assoc_actor_2: d.assoc_actor_2, inter2: d.inter2,
      interaction: d.interaction, civilian_targeting: d.civilian_targeting, iso: d.iso, region: d.region, country: d.country,
      admin1: d.admin1, admin2: d.admin2, admin3: d.admin3, location: d.location, latitude: d.latitude, longitude: d.longitude,
      geo_precision: d.geo_precision, error_radius_m: d.error_radius_m, source: d.source, source_scale: d.source_scale, notes: d.notes,
      fatalities: d.fatalities, tags: d.tags, acled_timestamp: d.acled_timestamp,
      plover_event: d.plover_event, plover_mode: d.plover_mode, plover_context: d.plover_context,
      zone: cls.zone, line_distances: cls.line_distances, near_line: cls.near_line, pack_admin1: cls.pack_admin1, pack_id: cls.pack_id, pack_version: cls.pack_version,
      source_distribution: keep ? keep.source_distribution : share.source_distribution,
      verification: keep?.verification ?? "reported",
      merged_into: keep?.merged_into ?? null,
      distribution: keep?.distribution ?? share.distribution,
      owner_party: keep ? keep.owner_party : share.owner_party,
      created_by: keep ? keep.created_by : share.created_by,
      created_at: keep?.created_at ?? now,
      updated_at: now,
      audit_set: "",
    };
  }

  /**
   * Writes rows inside `tx` and records them in the audit chain: new rows and
   * replaced rows go into fresh sets (one per distribution and owner), and
   * every set a replaced or deleted row left is recorded again.
   */
  async writeRows(tx: Tx, actor: Actor, action: string, w: { inserts?: IncidentRow[]; replaces?: IncidentRow[]; deletes?: string[] }): Promise<void> {
    const inserts = w.inserts ?? [], replaces = w.replaces ?? [], deletes = w.deletes ?? [];
    const now = this.d.clock.now().toISOString();
    const touched = [...replaces.map((r) => r.id), ...deletes];
    const oldSets = new Set<string>();
    for (let i = 0; i < touched.length; i += 500) {
      const rows = await tx.selectFrom("incidents").select(["audit_set"]).where("id", "in", touched.slice(i, i + 500)).execute();
      for (const r of rows) oldSets.add(r.audit_set);
    }
    const groups = new Map<string, { distribution: string; owner: string | null; rows: IncidentRow[] }>();
    for (const r of [...inserts, ...replaces]) {
      const k = `${r.distribution}\u0000${r.owner_party ?? ""}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { distribution: r.distribution, owner: r.owner_party, rows: [] }));
      g.rows.push(r);
    }
    const newSets: Array<{ id: string; distribution: string; owner: string | null }> = [];
    for (const g of groups.values()) {
      const id = newId("iset");
      await repo.insertSet(tx, { id, action, distribution: g.distribution, owner_party: g.owner, created_at: now });
      for (const r of g.rows) r.audit_set = id;
      newSets.push({ id, distribution: g.distribution, owner: g.owner });
    }
    const conn = this.d.dialect === "sqlite" ? sqliteConnection(this.d.db) : null;
    // In id order: the set's digest reads its rows by id, and on SQLite they then sit in rowid order too.
    if (inserts.length > 1) inserts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (conn) {
      bindNativeSqlite(tx, conn);
      // Same connection as tx, so inside its transaction: prepared once, run per row, triggers replayed per batch.
      if (inserts.length) bulkInsertSqlite(conn, inserts);
      if (replaces.length) replaceSqlite(conn, replaces);
    } else {
      if (inserts.length) await repo.insertMany(tx, this.d.dialect, inserts);
      for (const r of replaces) await repo.replace(tx, this.d.dialect, r);
    }
    for (let i = 0; i < deletes.length; i += 500) await repo.deleteByIds(tx, deletes.slice(i, i + 500));
    for (const s of newSets) {
      await this.d.audit.record(tx, actor, { action, subjectType: "incident_set", subjectId: s.id, distribution: s.distribution as Distribution, ownerParty: s.owner });
    }
    for (const old of await repo.findSets(tx, [...oldSets])) {
      await this.d.audit.record(tx, actor, { action: deletes.length && !replaces.length ? action : "incident_set.superseded", subjectType: "incident_set", subjectId: old.id, distribution: old.distribution as Distribution, ownerParty: old.owner_party });
    }
  }

  private async replaceOne(tx: Tx, actor: Actor, action: string, row: IncidentRow): Promise<IncidentRow> {
    await this.writeRows(tx, actor, action, { replaces: [row] });
    return (await repo.findRaw(tx, row.id))!;
  }

  // ——— incidents ———

  async create(viewer: Viewer, input: IncidentInput): Promise<IncidentRow> {
    policy.create(viewer, input.distribution, input.source_distribution ?? null);
    const { distribution, source_distribution, ...rest } = input;
    const data = withDefaults({ event_id_cnty: null, ...rest });
    const problems = checkIncident(data);
    if (problems.length) throw errors.validation(`Invalid ${problems[0]!.field}: ${problems[0]!.problem}`, problems.map((p) => ({ path: p.field, problem: p.problem })));
    const cls = this.classifyWith(await this.getClassifier(), data.longitude, data.latitude);
    const now = this.d.clock.now().toISOString();
    const row = this.buildRow(data, cls, { distribution, owner_party: viewer.party, source_distribution: source_distribution ?? null, created_by: viewer.userId }, now);
    return this.d.db.transaction().execute(async (tx) => {
      if (data.event_id_cnty && (await repo.findByAcledIds(tx, [data.event_id_cnty])).length) throw errors.conflict(`An incident with event_id_cnty ${data.event_id_cnty} exists already.`, [{ path: "event_id_cnty", problem: "already used" }]);
      await this.writeRows(tx, actorOf(viewer), "incident.create", { inserts: [row] });
      return (await repo.findRaw(tx, row.id))!;
    });
  }

  async get(viewer: Viewer, id: string): Promise<IncidentRow> {
    const r = await repo.findVisible(this.d.db, this.d.dialect, viewer, id);
    if (!r) throw errors.notFound("incident");
    return r;
  }

  /** The incident with every claim about it side by side (including those of incidents merged into it), its history and files. */
  async detail(viewer: Viewer, id: string): Promise<IncidentDetail> {
    const incident = await this.get(viewer, id);
    const merged = (await repo.mergedInto(this.d.db, viewer, id)).map((r) => r.id);
    const ids = [id, ...merged];
    const [claims, verifications, evidence, merges] = await Promise.all([
      repo.claimsVisible(this.d.db, viewer, ids),
      repo.verificationsVisible(this.d.db, viewer, id),
      repo.evidenceVisible(this.d.db, viewer, ids),
      repo.mergesOf(this.d.db, id),
    ]);
    // A merge names two incidents; show it only when the viewer may see both.
    const visibleIds = new Set(ids);
    if (incident.merged_into) visibleIds.add(incident.merged_into);
    const mergesSeen = merges.filter((m) => visibleIds.has(m.survivor_id) && visibleIds.has(m.merged_id));
    return { incident, claims, verifications, evidence, merges: mergesSeen, merged_ids: merged, moves: movesFor(incident.verification as VerificationState, viewer) };
  }

  async update(viewer: Viewer, id: string, patch: Partial<IncidentInput>): Promise<IncidentRow> {
    const c = await this.getClassifier();
    return this.d.db.transaction().execute(async (tx) => {
      const cur = await repo.findVisible(tx, this.d.dialect, viewer, id);
      if (!cur) throw errors.notFound("incident");
      policy.update(viewer, cur);
      const dist = (patch.distribution ?? cur.distribution) as Distribution;
      const sourceDist = patch.source_distribution === undefined ? (cur.source_distribution as Distribution | null) : patch.source_distribution;
      policy.create(viewer, dist, sourceDist);
      const { distribution: _d, source_distribution: _s, ...fields } = patch;
      const curData = Object.fromEntries(CONTENT_COLUMNS.map((k) => [k, cur[k]])) as unknown as IncidentData;
      const data: IncidentData = { ...curData, ...fields };
      if (fields.geo_precision !== undefined && fields.error_radius_m === undefined) data.error_radius_m = withDefaults({ ...data, error_radius_m: undefined }).error_radius_m;
      const problems = checkIncident(data);
      if (problems.length) throw errors.validation(`Invalid ${problems[0]!.field}: ${problems[0]!.problem}`, problems.map((p) => ({ path: p.field, problem: p.problem })));
      const cls = this.classifyWith(c, data.longitude, data.latitude);
      const row = this.buildRow(data, cls, { distribution: dist, owner_party: cur.owner_party, source_distribution: sourceDist, created_by: cur.created_by }, this.d.clock.now().toISOString(), cur);
      row.distribution = dist;
      row.source_distribution = sourceDist;
      const action = dist !== cur.distribution || sourceDist !== cur.source_distribution ? "incident.distribution" : "incident.update";
      return this.replaceOne(tx, actorOf(viewer), action, row);
    });
  }

  list(viewer: Viewer, f: IncidentFilter, after: Cursor | null, limit: number) {
    return repo.list(this.d.db, this.d.dialect, viewer, f, after, limit);
  }
  count(viewer: Viewer, f: IncidentFilter) {
    return repo.count(this.d.db, this.d.dialect, viewer, f);
  }
  /** Counts grouped by any of zone, admin1, event_type, sub_event_type, verification, party, week, month (for the indicators too). */
  countBy(viewer: Viewer, f: IncidentFilter, keys: readonly GroupKey[]) {
    return repo.countBy(this.d.db, this.d.dialect, viewer, f, keys);
  }
  iterate(viewer: Viewer, f: IncidentFilter) {
    return repo.iterate(this.d.db, this.d.dialect, viewer, f);
  }

  // ——— claims ———

  async addClaim(viewer: Viewer, incidentId: string, input: ClaimInput): Promise<ClaimRow> {
    const narrativeDist = input.narrative_distribution ?? null;
    policy.claim(viewer, input.kind, input.distribution, narrativeDist);
    if (input.kind === "news_candidate" && !input.article_id) throw errors.validation("A news-derived candidate names its article.", [{ path: "article_id", problem: "required for news_candidate" }]);
    const isObs = input.kind === "observer_finding";
    if (!isObs && (input.saw !== undefined || input.heard !== undefined || input.observed_count != null || input.weapon != null || input.direction != null || input.assessed_as != null)) {
      throw errors.validation("saw, heard, count, weapon, direction and assessed_as belong to an observer finding.", [{ path: "kind", problem: "must be observer_finding for observation fields" }]);
    }
    if (isObs && !input.saw && !input.heard) throw errors.validation("An observer finding says what was seen and/or heard.", [{ path: "saw", problem: "saw or heard must be true" }]);
    const now = this.d.clock.now().toISOString();
    const row: ClaimRow = {
      id: newId("clm"),
      incident_id: incidentId,
      kind: input.kind,
      author_party: viewer.party!,
      author_user: viewer.userId,
      distribution: input.distribution,
      narrative: input.narrative,
      narrative_distribution: narrativeDist,
      event_type: input.event_type ?? null,
      sub_event_type: input.sub_event_type ?? null,
      fatalities: input.fatalities ?? null,
      responsible_actor: input.responsible_actor ?? null,
      saw: input.saw ? 1 : 0,
      heard: input.heard ? 1 : 0,
      observed_count: input.observed_count ?? null,
      weapon: input.weapon ?? null,
      direction: input.direction ?? null,
      assessed_as: input.assessed_as ?? null,
      article_id: input.article_id ?? null,
      created_at: now,
      updated_at: now,
    };
    return this.d.db.transaction().execute(async (tx) => {
      const inc = await repo.findVisible(tx, this.d.dialect, viewer, incidentId);
      if (!inc) throw errors.notFound("incident");
      await repo.insertClaim(tx, row);
      await this.d.audit.record(tx, actorOf(viewer), { action: "incident_claim.create", subjectType: "incident_claim", subjectId: row.id, distribution: row.distribution as Distribution, ownerParty: row.author_party });
      return row;
    });
  }

  /** For the intake module: a news-derived candidate claim linked to its article. */
  addNewsCandidate(viewer: Viewer, incidentId: string, input: NewsCandidateInput): Promise<ClaimRow> {
    return this.addClaim(viewer, incidentId, { ...input, kind: "news_candidate" });
  }

  /** Claims (visible to the viewer) that came from one article: lets intake show where an article already went. */
  claimsForArticle(viewer: Viewer, articleId: string) {
    return repo.claimsByArticle(this.d.db, viewer, articleId);
  }

  async updateClaim(viewer: Viewer, incidentId: string, claimId: string, patch: Partial<Omit<ClaimInput, "kind">>): Promise<ClaimRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const inc = await repo.findVisible(tx, this.d.dialect, viewer, incidentId);
      const cur = inc ? await repo.findClaimRaw(tx, claimId) : undefined;
      if (!inc || !cur || cur.incident_id !== incidentId || !canSee(viewer, cur.distribution as Distribution, cur.author_party)) throw errors.notFound("claim");
      policy.updateClaim(viewer, cur);
      const dist = (patch.distribution ?? cur.distribution) as Distribution;
      const nd = patch.narrative_distribution === undefined ? (cur.narrative_distribution as Distribution | null) : patch.narrative_distribution;
      policy.claim(viewer, cur.kind as ClaimKind, dist, nd);
      const next: Partial<ClaimRow> = {
        distribution: dist,
        narrative_distribution: nd,
        updated_at: this.d.clock.now().toISOString(),
      };
      for (const k of ["narrative", "event_type", "sub_event_type", "fatalities", "responsible_actor", "observed_count", "weapon", "direction", "assessed_as", "article_id"] as const) {
        if (patch[k] !== undefined) (next as Record<string, unknown>)[k] = patch[k];
      }
      if (cur.kind === "observer_finding") {
        if (patch.saw !== undefined) next.saw = patch.saw ? 1 : 0;
        if (patch.heard !== undefined) next.heard = patch.heard ? 1 : 0;
        if ((next.saw ?? cur.saw) === 0 && (next.heard ?? cur.heard) === 0) throw errors.validation("An observer finding says what was seen and/or heard.", [{ path: "saw", problem: "saw or heard must be true" }]);
      }
      await repo.updateClaim(tx, claimId, next);
      const action = dist !== cur.distribution || nd !== cur.narrative_distribution ? "incident_claim.distribution" : "incident_claim.update";
      await this.d.audit.record(tx, actorOf(viewer), { action, subjectType: "incident_claim", subjectId: claimId, distribution: dist, ownerParty: cur.author_party });
      return (await repo.findClaimRaw(tx, claimId))!;
    });
  }

  // ——— verification ———

  async verify(viewer: Viewer, id: string, to: VerificationState, reason: string): Promise<IncidentRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const cur = await repo.findVisible(tx, this.d.dialect, viewer, id);
      if (!cur) throw errors.notFound("incident");
      if (cur.merged_into) throw errors.conflict(`This incident was merged into ${cur.merged_into}; verify that one.`);
      const check = checkMove(cur.verification as VerificationState, to, viewer, reason);
      if (!check.ok) {
        if (check.kind === "forbidden") throw errors.forbidden(`Not allowed: ${check.problem}.`);
        throw errors.validation(`Invalid ${check.kind === "reason" ? "reason" : "to"}: ${check.problem}`, [{ path: check.kind === "reason" ? "reason" : "to", problem: check.problem }]);
      }
      const now = this.d.clock.now().toISOString();
      const hist = {
        id: newId("ivr"), incident_id: id, from_state: cur.verification, to_state: to, reason: reason.trim(),
        actor_user: viewer.userId, actor_party: viewer.party, distribution: cur.distribution, owner_party: cur.owner_party, at: now,
      };
      await repo.insertVerification(tx, hist);
      await this.d.audit.record(tx, actorOf(viewer), { action: "incident_verification.create", subjectType: "incident_verification", subjectId: hist.id, distribution: cur.distribution as Distribution, ownerParty: cur.owner_party });
      return this.replaceOne(tx, actorOf(viewer), "incident.verify", { ...cur, verification: to, updated_at: now });
    });
  }

  // ——— duplicates and merges ———

  /** Duplicate candidates for an incident the viewer sees, among incidents it also sees. */
  async duplicates(viewer: Viewer, id: string): Promise<DuplicateCandidate[]> {
    const inc = await this.get(viewer, id);
    return this.findDuplicates(viewer, inc);
  }

  /** For intake: candidates for data not yet stored (e.g. a proposed event), same rule. */
  async findDuplicates(viewer: Viewer, data: Pick<IncidentRow, "event_date" | "event_type" | "actor1" | "actor2" | "assoc_actor_1" | "assoc_actor_2" | "latitude" | "longitude" | "geo_precision" | "error_radius_m"> & { id?: string; pack_admin1?: string | null; admin1?: string }): Promise<DuplicateCandidate[]> {
    let adminArea = data.pack_admin1 ?? null;
    if (adminArea === null && data.id === undefined) adminArea = this.classifyWith(await this.getClassifier(), data.longitude, data.latitude).pack_admin1;
    const self = { ...data, admin_area: adminArea ?? data.admin1 ?? null };
    const rows = await repo.duplicateCandidates(this.d.db, viewer, { id: data.id ?? "", event_type: data.event_type }, addDays(data.event_date, -1), addDays(data.event_date, 1));
    const out: DuplicateCandidate[] = [];
    for (const r of rows) {
      const verdict = duplicateVerdict(self, { ...r, admin_area: r.pack_admin1 ?? r.admin1 });
      if (verdict.candidate) out.push({ incident: r, verdict });
    }
    return out.sort((a, b) => a.verdict.distance_km - b.verdict.distance_km);
  }

  /** Folds `mergedId` into `survivorId`: every claim stays (shown on the survivor), the record is kept, the step is audited and reversible. */
  async merge(viewer: Viewer, survivorId: string, mergedId: string, reason: string): Promise<MergeRow> {
    policy.adjudicate(viewer, "merge duplicate incidents");
    if (reason.trim().length < 3) throw errors.validation("Invalid reason: a reason is required", [{ path: "reason", problem: "a reason is required" }]);
    if (survivorId === mergedId) throw errors.validation("An incident cannot be merged into itself.", [{ path: "duplicate_id", problem: "must differ from the incident" }]);
    return this.d.db.transaction().execute(async (tx) => {
      const a = await repo.findVisible(tx, this.d.dialect, viewer, survivorId);
      const b = await repo.findVisible(tx, this.d.dialect, viewer, mergedId);
      if (!a) throw errors.notFound("incident");
      if (!b) throw errors.notFound("duplicate incident");
      if (a.merged_into) throw errors.conflict(`The incident was itself merged into ${a.merged_into}.`);
      if (b.merged_into) throw errors.conflict(`The duplicate is already merged into ${b.merged_into}.`);
      if (await tx.selectFrom("incidents").select("id").where("merged_into", "=", mergedId).executeTakeFirst()) {
        throw errors.conflict("Other incidents are merged into the duplicate; undo those merges first.");
      }
      const now = this.d.clock.now().toISOString();
      const m: MergeRow = { id: newId("imrg"), survivor_id: survivorId, merged_id: mergedId, reason: reason.trim(), actor_user: viewer.userId, actor_party: viewer.party, at: now, undone_at: null, undone_by: null, undo_reason: null };
      await repo.insertMerge(tx, m);
      await this.d.audit.record(tx, actorOf(viewer), { action: "incident_merge.create", subjectType: "incident_merge", subjectId: m.id, distribution: a.distribution as Distribution, ownerParty: a.owner_party });
      await this.replaceOne(tx, actorOf(viewer), "incident.merge", { ...b, merged_into: survivorId, updated_at: now });
      return m;
    });
  }

  async undoMerge(viewer: Viewer, mergeId: string, reason: string): Promise<MergeRow> {
    policy.adjudicate(viewer, "undo merges");
    if (reason.trim().length < 3) throw errors.validation("Invalid reason: a reason is required", [{ path: "reason", problem: "a reason is required" }]);
    return this.d.db.transaction().execute(async (tx) => {
      const m = await repo.findMergeRaw(tx, mergeId);
      const a = m ? await repo.findVisible(tx, this.d.dialect, viewer, m.survivor_id) : undefined;
      const b = m ? await repo.findVisible(tx, this.d.dialect, viewer, m.merged_id) : undefined;
      if (!m || !a || !b) throw errors.notFound("merge");
      if (m.undone_at) throw errors.conflict("This merge was undone already.");
      const now = this.d.clock.now().toISOString();
      await repo.updateMerge(tx, m.id, { undone_at: now, undone_by: viewer.userId, undo_reason: reason.trim() });
      await this.d.audit.record(tx, actorOf(viewer), { action: "incident_merge.undo", subjectType: "incident_merge", subjectId: m.id, distribution: a.distribution as Distribution, ownerParty: a.owner_party });
      await this.replaceOne(tx, actorOf(viewer), "incident.unmerge", { ...b, merged_into: null, updated_at: now });
      return (await repo.findMergeRaw(tx, m.id))!;
    });
  }

  // ——— evidence ———

  async addEvidence(viewer: Viewer, incidentId: string, body: AsyncIterable<Uint8Array>, meta: { distribution: Distribution; file_name: string; claim_id?: string | undefined }): Promise<EvidenceRow> {
    policy.evidence(viewer, meta.distribution);
    const inc = await repo.findVisible(this.d.db, this.d.dialect, viewer, incidentId);
    if (!inc) throw errors.notFound("incident");
    if (meta.claim_id) {
      const c = await repo.findClaimRaw(this.d.db, meta.claim_id);
      if (!c || c.incident_id !== incidentId || !canSee(viewer, c.distribution as Distribution, c.author_party)) throw errors.validation("Invalid claim_id: no such claim on this incident", [{ path: "query.claim_id", problem: "no such claim on this incident" }]);
      if (c.author_party !== viewer.party) throw errors.forbidden("Only the party that wrote the claim can attach files to it.");
    }
    const stored = await this.evidenceStore.receive(body);
    try {
      const row: EvidenceRow = {
        id: newId("evd"), incident_id: incidentId, claim_id: meta.claim_id ?? null, owner_party: viewer.party!, uploader_user: viewer.userId,
        distribution: meta.distribution, sha256: stored.sha256, size_bytes: stored.size, content_type: stored.contentType,
        file_name: meta.file_name, stored_name: stored.name, created_at: this.d.clock.now().toISOString(),
      };
      await this.d.db.transaction().execute(async (tx) => {
        await repo.insertEvidence(tx, row);
        await this.d.audit.record(tx, actorOf(viewer), { action: "incident_evidence.create", subjectType: "incident_evidence", subjectId: row.id, distribution: meta.distribution, ownerParty: row.owner_party });
      });
      return row;
    } catch (e) {
      await this.evidenceStore.discard(stored.name);
      throw e;
    }
  }

  /** The file, after checking its SHA-256 against the one recorded at upload. */
  async readEvidence(viewer: Viewer, incidentId: string, evidenceId: string): Promise<{ row: EvidenceRow; data: Buffer }> {
    const inc = await repo.findVisible(this.d.db, this.d.dialect, viewer, incidentId);
    const row = inc ? await repo.findEvidenceVisible(this.d.db, viewer, incidentId, evidenceId) : undefined;
    if (!row) throw errors.notFound("evidence file");
    const data = await this.evidenceStore.read(row.stored_name, row.sha256);
    return { row, data };
  }

  // ——— pack classification ———

  /** Reclassifies incidents stored under another pack or pack version; returns how many changed. */
  async reclassifyStale(actor: Actor, opts: { batch?: number } = {}): Promise<{ checked: number; changed: number; pack: string; version: string }> {
    const c = await this.getClassifier();
    const batch = opts.batch ?? 2000;
    let after: string | null = null;
    let checked = 0, changed = 0;
    for (;;) {
      const rows = await repo.staleClassification(this.d.db, c.pack.id, c.pack.meta.version, after, batch);
      if (!rows.length) break;
      after = rows[rows.length - 1]!.id;
      checked += rows.length;
      const now = this.d.clock.now().toISOString();
      const replaces = rows.map((r) => ({ ...r, ...this.classifyWith(c, r.longitude, r.latitude), updated_at: now }));
      await this.d.db.transaction().execute((tx) => this.writeRows(tx, actor, "incident.reclassify", { replaces }));
      changed += replaces.length;
      if (rows.length < batch) break;
    }
    return { checked, changed, pack: c.pack.id, version: c.pack.meta.version };
  }
}
