// The hotline: threads between parties, signed immutable messages with the
// server's countersigned receipt, checks before send, reply deadlines that
// escalate to the mediator, and delivery/read receipts. Every write is one
// transaction with its audit entry, its realtime event and its timers.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { KeyObject } from "node:crypto";
import { canSee, type Distribution, type Viewer } from "../../../core/access/distribution.ts";
import { checkActivity, type Finding } from "../../../core/agreement/activity.ts";
import { InputError } from "../../../core/agreement/errors.ts";
import { findingEnglish, type FindingText } from "../../../core/agreement/finding-text.ts";
import { channelRulesFileSchema, type ChannelRule, type MessageKind } from "../../../core/agreement/schema.ts";
import { canonicalJson, sha256Hex } from "../../../core/audit/canonical.ts";
import { expectedReplies, meetsDeadline, mergeRules, notificationTiming } from "../../../core/hotline/deadlines.ts";
import { overlapping, type NotifiedActivity } from "../../../core/hotline/overlap.ts";
import {
  EXPORT_FORMAT,
  MAX_CLOCK_SKEW_MS,
  RECEIPT_FORMAT,
  bodySchemas,
  replyKinds,
  signedText,
  type CheckResult,
  type NotificationBody,
  type ReceiptBody,
  type Receipt,
  type SendRequest,
  type SignedMessage,
  type Timing,
} from "../../../core/hotline/protocol.ts";
import { parsePublicKey, verifySignedTextAsync, type HotlineExport } from "../../../core/hotline/verify.ts";
import type { AuditService } from "../../platform/audit/audit.service.ts";
import { registerAuditedSubject } from "../../platform/audit/subjects.ts";
import type { Clock } from "../../platform/clock.ts";
import type { DeploymentKey } from "../../platform/crypto/keys.ts";
import type { Db, Dialect, Tx } from "../../platform/db/database.ts";
import { insertRow, lockSequenceWith, statementsIn } from "../../platform/db/statements.ts";
import { AppError, errors } from "../../platform/http/errors.ts";
import type { IdempotentWrite } from "../../platform/http/idempotency.ts";
import { zodDetails } from "../../platform/http/route.ts";
import { newId } from "../../platform/ids.ts";
import type { JobService, ScheduleInput } from "../../platform/jobs/jobs.service.ts";
import type { RealtimeEvent, RealtimeService } from "../../platform/realtime/realtime.service.ts";
import { loadBundledClassifier, loadBundledPack } from "../agreements/pack-files.ts";
import { hotlinePolicy } from "./hotline.policy.ts";
import { presentDeadline, presentMessage, presentThread } from "./hotline.presenter.ts";
import { hotlineRepository as repo, type DeadlineRow, type KeyRow, type MessageRow, type ReceiptRow, type ThreadRow } from "./hotline.repository.ts";

registerAuditedSubject("hotline_key", { table: "hotline_keys", key: "id", columns: ["id", "user_id", "party_id", "public_key", "label", "created_at", "revoked_at"] });
registerAuditedSubject("hotline_thread", {
  table: "hotline_threads",
  key: "id",
  columns: ["id", "title", "parties", "via", "mediator", "created_by", "owner_party", "distribution", "created_at"],
  extra: async (db, ids) => {
    const out = new Map<string, unknown>();
    if (!ids.length) return out;
    const rows = await db.selectFrom("hotline_thread_members").select(["thread_id", "party_id"]).where("thread_id", "in", ids).orderBy("party_id").execute();
    for (const id of ids) out.set(id, { members: rows.filter((r) => r.thread_id === id).map((r) => r.party_id) });
    return out;
  },
});
const MESSAGE_COLUMNS = ["id", "thread_id", "seq", "kind", "sender_user", "sender_party", "key_id", "nonce", "client_time", "received_at", "refers_to", "corrects", "payload", "signature", "receipt", "receipt_signature", "checks", "timing", "window_start", "window_end", "distribution", "owner_party"] as const satisfies ReadonlyArray<keyof MessageRow>;
registerAuditedSubject("hotline_message", { table: "hotline_messages", key: "id", columns: MESSAGE_COLUMNS });
const DEADLINE_COLUMNS = ["id", "message_id", "thread_id", "rule_id", "reply_kind", "due_at", "created_at", "met_at", "met_by", "escalation_level", "distribution", "owner_party"] as const satisfies ReadonlyArray<keyof DeadlineRow>;
const RECEIPT_COLUMNS = ["id", "message_id", "event", "party_id", "user_id", "at", "body", "signature"] as const satisfies ReadonlyArray<keyof ReceiptRow>;
registerAuditedSubject("hotline_deadline", { table: "hotline_deadlines", key: "id", columns: ["id", "message_id", "thread_id", "rule_id", "reply_kind", "due_at", "met_at", "met_by", "escalation_level"] });

export const DEFAULT_PACK = "israel-syria-1974";
/** Thread records are for parties only; membership narrows them to the parties in the thread. */
const THREAD_DIST: Distribution = "shared";
/** Audit entries of the hotline: the mediator and the acting party. */
const AUDIT_DIST: Distribution = "mediator";

interface DeadlineJob {
  deadline_id: string;
  step: "due" | "escalate";
  level?: number;
  to?: "mediator" | "observer" | "both_parties";
}

export interface HotlineDeps {
  db: Db;
  dialect: Dialect;
  audit: AuditService;
  clock: Clock;
  key: DeploymentKey;
  deploymentId: string;
  realtime: RealtimeService;
  jobs: JobService;
  dataDir: string;
  packId?: string;
}

function actor(v: Viewer) {
  return { userId: v.userId, party: v.party };
}

function isUniqueViolation(e: unknown, needle: string): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  return (err.code === "23505" && (err.constraint ?? "").includes(needle)) || (typeof err.message === "string" && err.message.includes("UNIQUE") && err.message.includes(needle));
}

export class HotlineService {
  private rulesCache: Promise<ChannelRule[]> | null = null;
  private readonly pendingDelivered = new Map<string, { messageId: string; party: string; userId: string; at: string }>();
  private readonly seenDelivered = new Set<string>();
  private deliveryFlush: Promise<void> | null = null;
  /** Threads never change once written: kept after the first read, with their member parties. */
  private readonly threadCache = new Map<string, { row: ThreadRow; members: readonly string[] }>();
  /** A key id names one public key of one user for good (only its revocation changes): parsed once. */
  private readonly keyCache = new Map<string, { userId: string; key: KeyObject }>();

  constructor(private readonly d: HotlineDeps) {
    d.jobs.register("hotline.deadline", (tx, job) => this.onDeadlineJob(tx, job.payload as DeadlineJob));
    d.realtime.onDeliver("hotline.message", (ev, viewer) => this.observeDelivery(ev, viewer));
  }

  private get packId(): string {
    return this.d.packId ?? DEFAULT_PACK;
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }

  /** The pack's channel rules, with the deployment's overrides (<data>/channel-rules.json) by rule id. */
  rules(): Promise<ChannelRule[]> {
    this.rulesCache ??= (async () => {
      const pack = await loadBundledPack(this.packId);
      const file = join(this.d.dataDir, "channel-rules.json");
      if (!existsSync(file)) return pack.channelRules;
      const parsed = channelRulesFileSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return mergeRules(pack.channelRules, parsed.data.rules);
    })();
    this.rulesCache.catch(() => (this.rulesCache = null));
    return this.rulesCache;
  }

  // ---------- keys ----------
  async registerKey(viewer: Viewer, input: { public_key: string; label?: string | undefined }): Promise<KeyRow> {
    hotlinePolicy.registerKey(viewer);
    const k = parsePublicKey(input.public_key);
    if (!k) throw errors.validation("public_key must be an Ed25519 public key: base64 of its 32 raw bytes, or an SPKI PEM.", [{ path: "public_key", problem: "not an Ed25519 public key" }]);
    const row: KeyRow = { id: k.keyId, user_id: viewer.userId!, party_id: viewer.party, public_key: k.raw, label: input.label ?? null, created_at: this.now(), revoked_at: null };
    await this.d.db.transaction().execute(async (tx) => {
      if (await repo.findKey(tx, row.id)) throw errors.conflict(`Key ${row.id} is already registered; generate a new key pair.`);
      await repo.insertKey(tx, row);
      await this.d.audit.record(tx, actor(viewer), { action: "hotline.key.register", subjectType: "hotline_key", subjectId: row.id, distribution: "shared", ownerParty: viewer.party });
    });
    return row;
  }

  listKeys(userId: string | null): Promise<KeyRow[]> {
    return repo.listKeys(this.d.db, userId);
  }

  async revokeKey(viewer: Viewer, keyId: string): Promise<KeyRow> {
    return this.d.db.transaction().execute(async (tx) => {
      const k = await repo.findKey(tx, keyId);
      // Another user's key answers as a missing one.
      if (!k || k.user_id !== viewer.userId) throw errors.notFound("hotline key");
      if (k.revoked_at === null) {
        await repo.revokeKey(tx, keyId, this.now());
        await this.d.audit.record(tx, actor(viewer), { action: "hotline.key.revoke", subjectType: "hotline_key", subjectId: keyId, distribution: "shared", ownerParty: k.party_id });
      }
      return (await repo.findKey(tx, keyId))!;
    });
  }

  // ---------- threads ----------
  async createThread(viewer: Viewer, input: { title: string; parties: string[]; via: "direct" | "mediator" }) {
    hotlinePolicy.createThread(viewer);
    const own = viewer.party!;
    return this.d.db.transaction().execute(async (tx) => {
      const all = await tx.selectFrom("parties").select(["id", "kind"]).execute();
      const kinds = new Map(all.map((p) => [p.id, p.kind]));
      for (const [i, p] of input.parties.entries()) if (!kinds.has(p)) throw errors.validation(`Party ${p} does not exist.`, [{ path: `parties.${i}`, problem: `unknown party ${p}` }]);
      let mediator: string | null = null;
      if (input.via === "mediator") {
        mediator = all.find((p) => p.kind === "mediator")?.id ?? null;
        if (!mediator) throw errors.validation("This deployment has no mediator party; open a direct thread.", [{ path: "via", problem: "no mediator party" }]);
      }
      const members = [...new Set([own, ...input.parties, ...(mediator ? [mediator] : [])])].sort();
      if (members.length < 2) throw errors.validation("A thread needs at least one other party.", [{ path: "parties", problem: "only your own party" }]);
      const row: ThreadRow = { id: newId("thr"), title: input.title, parties: JSON.stringify(members), via: input.via, mediator, created_by: viewer.userId!, owner_party: own, distribution: THREAD_DIST, created_at: this.now() };
      await repo.insertThread(tx, row, members);
      await this.d.audit.record(tx, actor(viewer), { action: "hotline.thread.create", subjectType: "hotline_thread", subjectId: row.id, distribution: AUDIT_DIST, ownerParty: own });
      const view = presentThread(row, 0);
      await this.d.realtime.publish(tx, { type: "hotline.thread", payload: view, distribution: THREAD_DIST, ownerParty: own, recipients: { parties: members } });
      return view;
    });
  }

  async listThreads(viewer: Viewer) {
    const rows = await repo.listThreads(this.d.db, viewer);
    const seqs = await repo.lastSeqs(this.d.db, rows.map((r) => r.id));
    return rows.map((t) => presentThread(t, seqs.get(t.id) ?? 0));
  }

  async getThread(viewer: Viewer, id: string) {
    const t = await repo.findThreadVisible(this.d.db, viewer, id);
    if (!t) throw errors.notFound("hotline thread");
    const seqs = await repo.lastSeqs(this.d.db, [id]);
    return presentThread(t, seqs.get(id) ?? 0);
  }

  async listMessages(viewer: Viewer, threadId: string, afterSeq: number, limit: number) {
    const t = await repo.findThreadVisible(this.d.db, viewer, threadId);
    if (!t) throw errors.notFound("hotline thread");
    const rows = await repo.listMessages(this.d.db, threadId, afterSeq, limit);
    this.noteDelivered(viewer, rows);
    return rows.map((m) => presentMessage(m, this.d.key.keyId));
  }

  async getMessage(viewer: Viewer, id: string) {
    const m = await repo.findMessageVisible(this.d.db, viewer, id);
    if (!m) throw errors.notFound("hotline message");
    this.noteDelivered(viewer, [m]);
    const deadlines = await repo.deadlinesForMessages(this.d.db, [m.id]);
    return { ...presentMessage(m, this.d.key.keyId), deadlines: deadlines.map(presentDeadline) };
  }

  async listDeadlines(viewer: Viewer, open: boolean) {
    return (await repo.listDeadlines(this.d.db, viewer, open)).map(presentDeadline);
  }

  // ---------- checks before send ----------
  /** Findings for a draft notification: the agreement check (forces summed across the party's concurrent notifications) and overlap with other notified activity. */
  async checkNotification(viewer: Viewer, body: NotificationBody, excludeIds: readonly string[] = []): Promise<CheckResult> {
    const [pack, classifier, rules] = await Promise.all([loadBundledPack(this.packId), loadBundledClassifier(this.packId), this.rules()]);
    const party = viewer.party ?? "";
    const notified = (await repo.notifiedActivity(this.d.db, viewer, body.window.start, body.window.end)).filter((m) => !excludeIds.includes(m.id));
    const asActivity = (m: MessageRow) => {
      const b = (JSON.parse(m.payload) as SignedMessage).body as NotificationBody;
      return { id: m.id, party: m.sender_party, geometry: b.area, start: b.window.start, end: b.window.end, forces: b.forces, thread_id: m.thread_id };
    };
    const others = notified.map(asActivity);
    let check;
    try {
      check = checkActivity(pack, { id: "draft", party, geometry: body.area, start: body.window.start, end: body.window.end, forces: body.forces }, others.filter((o) => o.party === party), classifier);
    } catch (e) {
      if (e instanceof InputError) {
        throw errors.validation(`The notification cannot be checked: ${e.message}`, e.issues.map((i) => ({ path: `body.${i.field === undefined ? "area" : i.field.startsWith("geometry") ? i.field.replace(/^geometry/, "area") : i.field}`, problem: i.message })));
      }
      throw e;
    }
    const overlapList: NotifiedActivity[] = others.map((o) => ({ message_id: o.id, thread_id: o.thread_id, party: o.party, area: o.geometry, start: o.start, end: o.end }));
    const overlaps = overlapping({ party, area: body.area, start: body.window.start, end: body.window.end }, overlapList).map((o) => ({
      message_id: o.message_id,
      thread_id: o.thread_id,
      party: o.party,
      start: o.start,
      end: o.end,
      message: `overlaps in space and time with activity ${o.message_id} notified by ${o.party} (${o.start} – ${o.end})`,
    }));
    const zones = check.geometry.zones.map((z) => z.zone);
    const timing = notificationTiming(rules, this.now(), body.window.start, zones);
    let status = check.status;
    if (overlaps.length && status === "compliant") status = "warning";
    if (timing?.late && status === "compliant") status = "warning";
    const findings: Finding[] = [...check.findings];
    if (timing?.late) {
      const text: FindingText = { key: "notice.short", values: { lead_min: timing.lead_minutes, required_min: timing.required_lead_minutes, short_min: timing.shortfall_minutes ?? 0 } };
      findings.push({ status: "warning", zone: null, limit_id: null, limit: null, clause: null, source: null, message: findingEnglish(text), text });
    }
    return { status, findings, overlaps, timing, disclaimer: check.disclaimer };
  }

  // ---------- send ----------
  /** `once`: the request's Idempotency-Key, claimed and completed in the message's transaction. */
  async send(viewer: Viewer, threadId: string, req: SendRequest, once: IdempotentWrite | null = null) {
    const p = req.payload;
    const thread = await this.memberThread(viewer, threadId);
    // Missing and foreign threads answer alike, with the hotline's own code.
    if (!thread) throw new AppError("not_in_thread", "You are not a member of that hotline thread, or it does not exist.", [{ path: "thread_id", problem: "not a member" }]);
    hotlinePolicy.send(viewer);
    const bad = (path: string, problem: string, message: string) => errors.validation(message, [{ path, problem }]);
    if (p.thread_id !== threadId) throw bad("payload.thread_id", "differs from the thread in the URL", "The signed message names another thread.");
    if (p.deployment !== this.d.deploymentId) throw bad("payload.deployment", `must be ${this.d.deploymentId}`, "The signed message names another deployment.");
    if (p.sender !== viewer.userId) throw bad("payload.sender", "must be your own user id", "The signed message names another sender.");
    const bodyResult = bodySchemas[p.kind].safeParse(p.body);
    if (!bodyResult.success) {
      const details = zodDetails(bodyResult.error, "payload.body");
      throw errors.validation(`Invalid ${details[0]?.path ?? "payload.body"}: ${details[0]?.problem ?? "invalid"}`, details);
    }
    if (replyKinds.includes(p.kind) && p.refers_to === null) throw bad("payload.refers_to", `required for ${p.kind}`, `An ${p.kind} must name the message it answers in refers_to.`);

    const key = await this.publicKey(p.key_id);
    const keyUnknown = () => new AppError("key_unknown", `Key ${p.key_id} is not registered to you; register its public key first (POST /api/hotline/keys).`, [{ path: "payload.key_id", problem: "not your registered key" }]);
    if (!key || key.userId !== viewer.userId) throw keyUnknown();
    // The canonical text is computed once: verified here, stored, and hashed into the receipt.
    const text = signedText(p);
    if (!(await verifySignedTextAsync(key.key, text, req.signature))) throw new AppError("signature_invalid", "The signature does not match the message and key: sign the RFC 8785 canonical JSON of the payload exactly as sent.", [{ path: "signature", problem: "does not verify" }]);
    const receivedAt = this.now();
    const skew = Date.parse(p.client_time) - Date.parse(receivedAt);
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
      throw new AppError("clock_skew", `Your clock is ${Math.round(Math.abs(skew) / 1000)} s ${skew > 0 ? "ahead of" : "behind"} the server's (allowed: ${MAX_CLOCK_SKEW_MS / 1000} s). Correct it and sign again.`, [{ path: "payload.client_time", problem: `off by ${Math.round(skew / 1000)} s` }]);
    }

    const members = thread.members;
    const refersTo = p.refers_to ? await repo.findMessageInThread(this.d.db, threadId, p.refers_to) : null;
    if (p.refers_to && !refersTo) throw bad("payload.refers_to", "no such message in this thread", "refers_to must name a message of this thread.");
    if (p.corrects) {
      const orig = await repo.findMessageInThread(this.d.db, threadId, p.corrects);
      if (!orig) throw bad("payload.corrects", "no such message in this thread", "corrects must name a message of this thread.");
      if (orig.sender_party !== viewer.party) throw bad("payload.corrects", "only your own party's messages", "A correction replaces a message of your own party.");
    }

    let checks: CheckResult | null = null;
    let timing: Timing | null = null;
    let zones: string[] | null = null;
    const nb = p.kind === "notification" ? (bodyResult.data as NotificationBody) : null;
    const rules = await this.rules();
    if (nb) {
      checks = await this.checkNotification(viewer, nb, p.corrects ? [p.corrects] : []);
      timing = notificationTiming(rules, receivedAt, nb.window.start, checks.findings.map((f) => f.zone).filter((z): z is string => z !== null));
      checks = { ...checks, timing };
      zones = [...new Set(checks.findings.map((f) => f.zone).filter((z): z is string => z !== null))];
    }
    const checksText = checks ? canonicalJson(checks) : null;
    const sender = actor(viewer);

    try {
      return await this.d.db.transaction().execute(async (tx) => {
        const st = statementsIn(this.d.db, this.d.dialect, tx);
        await once?.claim(st);
        await lockSequenceWith(st, `hotline_thread:${threadId}`);
        // Revocation is the one thing about a key that changes: read under the transaction.
        const current = await st.get<{ user_id: string; revoked_at: string | null }>("select user_id, revoked_at from hotline_keys where id = ?", [p.key_id]);
        if (!current || current.user_id !== viewer.userId) throw keyUnknown();
        if (current.revoked_at !== null) throw new AppError("key_revoked", `Key ${p.key_id} was revoked at ${current.revoked_at}; sign with a current key.`, [{ path: "payload.key_id", problem: "revoked" }]);
        const seq = Number((await st.get<{ n: number }>("select coalesce(max(seq), 0) + 1 as n from hotline_messages where thread_id = ?", [threadId]))!.n);
        const id = newId("msg", Date.parse(receivedAt));
        const receiptBody: ReceiptBody = {
          format: RECEIPT_FORMAT,
          deployment: this.d.deploymentId,
          event: "received",
          message_id: id,
          thread_id: threadId,
          thread_seq: seq,
          payload_sha256: sha256Hex(text),
          sender_signature: req.signature,
          findings_sha256: checksText ? sha256Hex(checksText) : null,
          late: timing ? timing.late : null,
          shortfall_minutes: timing ? timing.shortfall_minutes : null,
          party: viewer.party,
          user_id: viewer.userId,
          at: receivedAt,
        };
        const receiptText = canonicalJson(receiptBody);
        const row: MessageRow = {
          id,
          thread_id: threadId,
          seq,
          kind: p.kind,
          sender_user: viewer.userId,
          sender_party: viewer.party!,
          key_id: p.key_id,
          nonce: p.nonce,
          client_time: p.client_time,
          received_at: receivedAt,
          refers_to: p.refers_to,
          corrects: p.corrects,
          payload: text,
          signature: req.signature,
          receipt: receiptText,
          receipt_signature: this.d.key.sign(Buffer.from(receiptText, "utf8")),
          checks: checksText,
          timing: timing ? JSON.stringify(timing) : null,
          window_start: nb ? nb.window.start : null,
          window_end: nb ? nb.window.end : null,
          distribution: THREAD_DIST,
          owner_party: viewer.party!,
        };
        // A reused nonce fails here on the unique (sender, nonce) index: the message is a replay.
        await insertRow(st, "hotline_messages", MESSAGE_COLUMNS, row);

        // Deadlines this message sets, with their timers; the message and its deadlines are audited together.
        const deadlines: DeadlineRow[] = [];
        const timers: ScheduleInput[] = [];
        for (const exp of expectedReplies(rules, p.kind, receivedAt, zones)) {
          const dl: DeadlineRow = { id: newId("ddl"), message_id: id, thread_id: threadId, rule_id: exp.rule_id, reply_kind: exp.reply_kind, due_at: exp.due_at, created_at: receivedAt, met_at: null, met_by: null, escalation_level: 0, distribution: THREAD_DIST, owner_party: viewer.party! };
          deadlines.push(dl);
          timers.push({ kind: "hotline.deadline", dueAt: exp.due_at, key: `hotline:${dl.id}:due`, payload: { deadline_id: dl.id, step: "due" } satisfies DeadlineJob });
          for (const e of exp.escalations) timers.push({ kind: "hotline.deadline", dueAt: e.at, key: `hotline:${dl.id}:esc:${e.level}`, payload: { deadline_id: dl.id, step: "escalate", level: e.level, to: e.to } satisfies DeadlineJob });
        }
        for (const dl of deadlines) await insertRow(st, "hotline_deadlines", DEADLINE_COLUMNS, dl);
        await this.d.audit.recordWritten(st, sender, [
          { rec: { action: `hotline.message.${p.kind}`, subjectType: "hotline_message", subjectId: id, distribution: AUDIT_DIST, ownerParty: viewer.party }, row },
          ...deadlines.map((dl) => ({ rec: { action: "hotline.deadline.set", subjectType: "hotline_deadline", subjectId: dl.id, distribution: AUDIT_DIST, ownerParty: viewer.party }, row: dl })),
        ]);
        await this.d.realtime.publish(tx, { type: "hotline.message", payload: messageEvent(row), distribution: THREAD_DIST, ownerParty: viewer.party, recipients: { parties: [...members] } });
        await this.d.jobs.scheduleWith(st, timers);

        // Deadlines this message meets.
        if (refersTo) {
          for (const dl of await repo.openDeadlinesFor(tx, refersTo.id)) {
            if (!meetsDeadline({ reply_kind: dl.reply_kind as MessageKind, message_id: dl.message_id, sender_party: refersTo.sender_party }, { kind: p.kind, refers_to: p.refers_to, sender_party: viewer.party! })) continue;
            await repo.meetDeadline(tx, dl.id, receivedAt, id);
            await this.d.audit.record(tx, sender, { action: "hotline.deadline.met", subjectType: "hotline_deadline", subjectId: dl.id, distribution: AUDIT_DIST, ownerParty: dl.owner_party });
            await this.d.jobs.cancel(tx, `hotline:${dl.id}:`);
            const met = (await repo.findDeadline(tx, dl.id))!;
            await this.d.realtime.publish(tx, { type: "hotline.deadline", payload: { status: "met", deadline: presentDeadline(met) }, distribution: THREAD_DIST, ownerParty: dl.owner_party, recipients: { parties: [...members] } });
          }
        }
        const answer = { ...presentMessage(row, this.d.key.keyId), deadlines: deadlines.map(presentDeadline) };
        await once?.complete(st, answer);
        return answer;
      });
    } catch (e) {
      if (isUniqueViolation(e, "nonce")) throw replayed(p.nonce);
      throw e;
    }
  }

  /** The thread if the viewer's party is a member and may see it (the rule of the repository's memberThreads, on the cached row). */
  private async memberThread(viewer: Viewer, id: string): Promise<{ row: ThreadRow; members: readonly string[] } | null> {
    let t = this.threadCache.get(id);
    if (!t) {
      const row = await repo.findThreadRaw(this.d.db, id);
      if (!row) return null;
      if (this.threadCache.size >= 10_000) this.threadCache.clear();
      t = { row, members: JSON.parse(row.parties) as string[] };
      this.threadCache.set(id, t);
    }
    return viewer.party !== null && t.members.includes(viewer.party) && canSee(viewer, t.row.distribution as Distribution, t.row.owner_party) ? t : null;
  }

  /** The registered key's owner and parsed public key (whether it is revoked is read at use). */
  private async publicKey(keyId: string): Promise<{ userId: string; key: KeyObject } | null> {
    let k = this.keyCache.get(keyId);
    if (!k) {
      const row = await repo.findKey(this.d.db, keyId);
      const parsed = row ? parsePublicKey(row.public_key) : null;
      if (!row || !parsed) return null;
      if (this.keyCache.size >= 10_000) this.keyCache.clear();
      k = { userId: row.user_id, key: parsed.key };
      this.keyCache.set(keyId, k);
    }
    return k;
  }

  // ---------- receipts ----------
  private signReceipt(m: MessageRow, event: "delivered" | "read", party: string, userId: string, at: string): ReceiptRow {
    const body: ReceiptBody = {
      format: RECEIPT_FORMAT,
      deployment: this.d.deploymentId,
      event,
      message_id: m.id,
      thread_id: m.thread_id,
      thread_seq: m.seq,
      payload_sha256: sha256Hex(m.payload),
      sender_signature: m.signature,
      findings_sha256: null,
      late: null,
      shortfall_minutes: null,
      party,
      user_id: userId,
      at,
    };
    const text = canonicalJson(body);
    return { id: newId("rcp"), message_id: m.id, event, party_id: party, user_id: userId, at, body: text, signature: this.d.key.sign(Buffer.from(text, "utf8")) };
  }

  /** Read receipt: the reader's party has opened the message. Once per party; later calls return the first. */
  async markRead(viewer: Viewer, id: string): Promise<Receipt> {
    const m = await repo.findMessageVisible(this.d.db, viewer, id);
    if (!m) throw errors.notFound("hotline message");
    if (m.sender_party === viewer.party) throw errors.validation("Read receipts are for the recipients of a message, not its sender.", [{ path: "id", problem: "your own party's message" }]);
    await this.d.db.transaction().execute(async (tx) => {
      const row = this.signReceipt(m, "read", viewer.party!, viewer.userId!, this.now());
      if ((await repo.insertReceipts(tx, [row])) === 1) {
        await this.d.realtime.publish(tx, { type: "hotline.receipt", payload: this.receiptView(row), distribution: THREAD_DIST, ownerParty: m.sender_party, recipients: { parties: [m.sender_party, viewer.party!] } });
      }
    });
    return this.receiptView((await repo.findReceipt(this.d.db, id, "read", viewer.party!))!);
  }

  private receiptView(r: ReceiptRow): Receipt {
    return { body: JSON.parse(r.body) as ReceiptBody, signature: r.signature, key_id: this.d.key.keyId };
  }

  /** A message reached a recipient party's user over the stream: record it once per party, in batches. */
  private observeDelivery(ev: RealtimeEvent, viewer: Viewer): void {
    const m = ev.payload as MessageEvent;
    if (!viewer.party || !viewer.userId || viewer.party === m.sender.party) return;
    this.queueDelivery(m.id, viewer.party, viewer.userId);
  }

  private noteDelivered(viewer: Viewer, rows: MessageRow[]): void {
    if (!viewer.party || !viewer.userId) return;
    for (const m of rows) if (m.sender_party !== viewer.party) this.queueDelivery(m.id, viewer.party, viewer.userId);
  }

  private queueDelivery(messageId: string, party: string, userId: string): void {
    const k = `${messageId}\u0000${party}`;
    if (this.seenDelivered.has(k) || this.pendingDelivered.has(k)) return;
    this.pendingDelivered.set(k, { messageId, party, userId, at: this.now() });
    this.scheduleDeliveryFlush();
  }

  private scheduleDeliveryFlush(): void {
    if (this.deliveryFlush) return;
    // Delivery receipts are batched for 100 ms: one transaction (one fsync) for many deliveries.
    this.deliveryFlush = new Promise<void>((resolve) => setTimeout(resolve, 100)).then(() => this.flushDeliveries()).catch((err: unknown) => process.emitWarning(`hotline delivery receipts: ${(err as Error).message}`)).finally(() => {
      this.deliveryFlush = null;
      if (this.pendingDelivered.size) this.scheduleDeliveryFlush();
    });
  }

  /** Writes queued delivery receipts in one transaction; already-recorded ones are skipped. Each is announced to the sender's party. */
  async flushDeliveries(): Promise<void> {
    const batch = [...this.pendingDelivered.entries()];
    if (!batch.length) return;
    for (const [k] of batch) this.pendingDelivered.delete(k);
    const ids = [...new Set(batch.map(([, r]) => r.messageId))];
    const [existing, rows] = await Promise.all([repo.existingReceipts(this.d.db, ids, "delivered"), this.d.db.selectFrom("hotline_messages").selectAll().where("id", "in", ids).execute()]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const fresh = batch.filter(([k, r]) => !existing.has(k) && byId.has(r.messageId));
    if (fresh.length) {
      await this.d.db.transaction().execute(async (tx) => {
        const st = statementsIn(this.d.db, this.d.dialect, tx);
        for (const [, r] of fresh) {
          const m = byId.get(r.messageId)!;
          const row = this.signReceipt(m, "delivered", r.party, r.userId, r.at);
          // Another process may have recorded this party's delivery meanwhile: the first receipt stands.
          const inserted = await insertRow(st, "hotline_receipts", RECEIPT_COLUMNS, row, " on conflict (message_id, event, party_id) do nothing");
          if (inserted !== 1) continue;
          await this.d.realtime.publish(tx, { type: "hotline.receipt", payload: this.receiptView(row), distribution: THREAD_DIST, ownerParty: m.sender_party, recipients: { parties: [m.sender_party, r.party] } });
        }
      });
    }
    for (const [k] of batch) this.seenDelivered.add(k);
    if (this.seenDelivered.size > 200_000) this.seenDelivered.clear();
  }

  /** Resolves once queued delivery receipts are written (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.deliveryFlush) await this.deliveryFlush;
  }

  // ---------- deadlines ----------
  private async onDeadlineJob(tx: Tx, job: DeadlineJob): Promise<void> {
    const dl = await repo.findDeadline(tx, job.deadline_id);
    if (!dl || dl.met_at !== null) return;
    const thread = await repo.findThreadRaw(tx, dl.thread_id);
    const msg = await tx.selectFrom("hotline_messages").select(["id", "kind", "sender_party", "received_at", "seq"]).where("id", "=", dl.message_id).executeTakeFirst();
    if (!thread || !msg) return;
    const members = JSON.parse(thread.parties) as string[];
    const now = this.now();
    const overdueMinutes = Math.max(0, Math.round((Date.parse(now) - Date.parse(dl.due_at)) / 60_000));
    const summary = { deadline_id: dl.id, message_id: msg.id, message_kind: msg.kind, message_seq: msg.seq, thread_id: thread.id, thread_title: thread.title, parties: members, sender_party: msg.sender_party, reply_kind: dl.reply_kind, due_at: dl.due_at, overdue_minutes: overdueMinutes };
    if (job.step === "due") {
      await this.d.realtime.publish(tx, { type: "hotline.deadline", payload: { status: "overdue", deadline: presentDeadline(dl), ...summary }, distribution: THREAD_DIST, ownerParty: dl.owner_party, recipients: { parties: members } });
      return;
    }
    const level = job.level ?? 1;
    const r = await repo.escalateDeadline(tx, dl.id, level);
    if (Number(r.numUpdatedRows) !== 1) return;
    await this.d.audit.record(tx, { userId: null, party: null }, { action: "hotline.deadline.escalate", subjectType: "hotline_deadline", subjectId: dl.id, distribution: AUDIT_DIST, ownerParty: dl.owner_party });
    const parties = await tx.selectFrom("parties").select(["id", "kind"]).execute();
    const to = job.to ?? "mediator";
    const alerted = to === "mediator" ? parties.filter((p) => p.kind === "mediator").map((p) => p.id) : to === "observer" ? parties.filter((p) => p.kind === "observer").map((p) => p.id) : [];
    const recipients = [...new Set([...members, ...alerted])].sort();
    await this.d.realtime.publish(tx, { type: "hotline.escalation", payload: { level, to, alerted, ...summary }, distribution: THREAD_DIST, ownerParty: dl.owner_party, recipients: { parties: recipients } });
  }

  // ---------- export ----------
  async exportThread(viewer: Viewer, threadId: string): Promise<HotlineExport> {
    const t = await repo.findThreadVisible(this.d.db, viewer, threadId);
    if (!t) throw errors.notFound("hotline thread");
    const messages: MessageRow[] = [];
    for (let after = 0; ; ) {
      const page = await repo.listMessages(this.d.db, threadId, after, 1000);
      messages.push(...page);
      if (page.length < 1000) break;
      after = page[page.length - 1]!.seq;
    }
    const keys = await repo.keysByIds(this.d.db, [...new Set(messages.map((m) => m.key_id))]);
    const receipts = await repo.receiptsForThread(this.d.db, threadId);
    return {
      format: EXPORT_FORMAT,
      deployment: this.d.deploymentId,
      exported_at: this.now(),
      exported_by: { user_id: viewer.userId!, party: viewer.party },
      deployment_key: { key_id: this.d.key.keyId, public_key: this.d.key.publicKeyPem },
      thread: { id: t.id, title: t.title, parties: JSON.parse(t.parties) as string[], via: t.via, mediator: t.mediator },
      keys: keys.map((k) => ({ key_id: k.id, user_id: k.user_id, username: k.username ?? null, party: k.party_id, public_key: k.public_key, created_at: k.created_at, revoked_at: k.revoked_at })),
      messages: messages.map((m) => ({ id: m.id, seq: m.seq, payload: JSON.parse(m.payload) as SignedMessage, signature: m.signature, receipt: { body: JSON.parse(m.receipt) as ReceiptBody, signature: m.receipt_signature, key_id: this.d.key.keyId }, checks: m.checks ? (JSON.parse(m.checks) as unknown) : null })),
      receipts: receipts.map((r) => this.receiptView(r)),
    };
  }
}

/** What the stream says about a new message: enough to show it and fetch the rest (GET /api/hotline/messages/:id). */
export interface MessageEvent {
  id: string;
  thread_id: string;
  seq: number;
  kind: string;
  sender: { user_id: string; party: string };
  nonce: string;
  received_at: string;
  refers_to: string | null;
  corrects: string | null;
  late: boolean | null;
}

function messageEvent(m: MessageRow): MessageEvent {
  const timing = m.timing ? (JSON.parse(m.timing) as Timing) : null;
  return { id: m.id, thread_id: m.thread_id, seq: m.seq, kind: m.kind, sender: { user_id: m.sender_user, party: m.sender_party }, nonce: m.nonce, received_at: m.received_at, refers_to: m.refers_to, corrects: m.corrects, late: timing ? timing.late : null };
}

function replayed(nonce: string): AppError {
  return new AppError("message_replayed", `This message (nonce ${nonce}) was already received; a new message needs a new nonce. To retry a submission safely, send the same Idempotency-Key.`, [{ path: "payload.nonce", problem: "already used" }]);
}
