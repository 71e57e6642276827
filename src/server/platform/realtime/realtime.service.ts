// Realtime delivery. Modules publish an event inside the transaction of the
// change (`publish(tx, …)`); the row is the truth and the wake-up is only a
// hint: PostgreSQL NOTIFY (sent at commit, reaches every process), an
// in-process wake-up on SQLite, and a 1 s poll as the backstop. Each process
// reads new rows in id order and hands each to its own SSE subscribers after
// checking, per event, that the subscriber may see it — with access re-loaded
// from the database (sessions, tokens, disabled users, groups) so a revoked
// session stops receiving.
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { sql } from "kysely";
import type { Distribution, Viewer } from "../../../core/access/distribution.ts";
import type { Clock } from "../clock.ts";
import type { Db, Dialect, Tx } from "../db/database.ts";
import type { EventsTable } from "./realtime.table.ts";
import { mayReceive, partyVerdict, sseFrameJson, type RealtimeEvent, type Recipients } from "./delivery.ts";
import { lockSequenceWith, statementsIn, statementsOutside } from "../db/statements.ts";
import type { JobService } from "../jobs/jobs.service.ts";

export type { RealtimeEvent, Recipients };

export interface PublishInput<T = unknown> {
  type: string;
  /** Only what every allowed reader may see: the event carries no field-level redaction. */
  payload: T;
  distribution: Distribution;
  ownerParty: string | null;
  /** Narrows the distribution to these users or parties. */
  recipients?: Recipients | undefined;
}

/** How a subscriber proved who it is; re-checked against the database while it listens. */
export interface SubscriberCredentials {
  userId: string;
  sessionId: string | null;
  tokenId: string | null;
}

export interface Subscription {
  readonly userId: string;
  close(): void;
}

interface Subscriber {
  cred: SubscriberCredentials;
  viewer: Viewer;
  /** Resume position while catching up; live streams are all at the service's lastId. */
  cursor: number;
  live: boolean;
  closed: boolean;
  /** The audience it listens in once live, and the first of the audience's pending frames that is its own. */
  audience: Audience | null;
  from: number;
  write: (chunk: string | Buffer) => void;
  end: () => void;
  /** Bytes queued for a slow client; beyond the limit it is cut off and resumes by Last-Event-ID. */
  backlog: () => number;
}

/**
 * Live streams whose viewers hold the same access (party, its kind, groups,
 * role): the rule is checked once per event for all of them, each frame is
 * encoded once, and the batch goes out as one shared buffer per flush.
 */
interface Audience {
  key: string;
  viewer: Viewer;
  subs: Set<Subscriber>;
  frames: string[];
  /** Frames narrowed to named users (recipients.users): index in `frames` → who may have it. */
  narrowed: Map<number, readonly string[]> | null;
}

export interface RealtimeOptions {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  /** PostgreSQL connection for LISTEN; absent on SQLite. */
  listen?: { url: string; schema: string } | undefined;
  jobs?: JobService | undefined;
  heartbeatMs?: number;
  pollMs?: number;
  /** How stale a subscriber's access may be when an event is checked (0 = re-load for every batch). */
  accessTtlMs?: number;
  maxBacklogBytes?: number;
  /**
   * Writes to streams are coalesced: while events keep coming, each stream
   * gets at most one write per interval, which grows with the number of open
   * streams from `flushMs` (default 10) to 50 ms so that a process makes at
   * most about `writesPerSecond` (default 25,000) socket writes a second. The
   * first event after a quiet spell goes out at once.
   */
  flushMs?: number;
  writesPerSecond?: number;
}

const PAGE = 500;
const NEXT_EVENTS_SQL = "select id, type, payload, distribution, owner_party, recipients, created_at from events where id > ? order by id limit ?";
type DeliverHook = (ev: RealtimeEvent, viewer: Viewer) => void;

/** An event row as the fan-out needs it: the payload stays JSON text unless a delivery hook reads it. */
interface EventRow {
  id: number;
  type: string;
  payload: string;
  distribution: Distribution;
  ownerParty: string | null;
  recipients: Recipients | null;
  at: string;
}

function row(r: EventsTable): EventRow {
  return { id: Number(r.id), type: r.type, payload: r.payload, distribution: r.distribution as Distribution, ownerParty: r.owner_party, recipients: r.recipients ? (JSON.parse(r.recipients) as Recipients) : null, at: r.created_at };
}

function decode(r: EventRow): RealtimeEvent {
  return { id: r.id, type: r.type, payload: JSON.parse(r.payload) as unknown, distribution: r.distribution, ownerParty: r.ownerParty, recipients: r.recipients, at: r.at };
}

function audienceKey(v: Viewer): string {
  return `${v.party ?? ""}|${v.partyKind ?? ""}|${v.role ?? ""}|${v.groups.join(",")}`;
}

export class RealtimeService {
  readonly processId = `${hostname()}:${process.pid}`;
  private readonly subs = new Set<Subscriber>();
  private readonly audiences = new Map<string, Audience>();
  private lastId = 0;
  private chain: Promise<void> = Promise.resolve();
  private pumpQueued = false;
  private started: Promise<void> | null = null;
  private stopped = false;
  private timers: NodeJS.Timeout[] = [];
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private flushImmediate: NodeJS.Immediate | null = null;
  private lastFlush = -Infinity;
  private listener: pg.Client | null = null;
  private accessLoadedAt = -Infinity;
  private readonly hooks = new Map<string, DeliverHook[]>();
  readonly channel: string;

  constructor(private readonly d: RealtimeOptions) {
    this.channel = `tl_events_${d.listen?.schema ?? "main"}`.slice(0, 63);
    d.jobs?.register("realtime.publish", async (tx, job) => {
      await this.publish(tx, job.payload as PublishInput);
    });
  }

  /** Write an event in the caller's transaction; it is delivered once the transaction commits. */
  async publish<T>(tx: Tx, input: PublishInput<T>): Promise<number> {
    // Ids must grow in commit order, or a reader could pass over a late-committing
    // smaller id: the audit's sequence lock (held to commit) orders both chains.
    const st = statementsIn(this.d.db, this.d.dialect, tx);
    await lockSequenceWith(st, "truceline_audit");
    const r = await st.get<{ id: number }>(
      "insert into events (id, type, payload, distribution, owner_party, recipients, created_at) select coalesce(max(id), 0) + 1, ?, ?, ?, ?, ?, ? from events returning id",
      [input.type, JSON.stringify(input.payload ?? null), input.distribution, input.ownerParty, input.recipients ? JSON.stringify(input.recipients) : null, this.d.clock.now().toISOString()],
    );
    const id = Number(r!.id);
    if (this.d.dialect === "postgres") await st.run("select pg_notify(?, ?)", [this.channel, String(id)]);
    // SQLite: the read queues behind this transaction on the one connection, so it sees the commit.
    else if (this.started) setImmediate(() => this.wake());
    return id;
  }

  /** A delivery observer (e.g. delivery receipts) for one event type. Must not throw or block. */
  onDeliver(type: string, hook: DeliverHook): void {
    const list = this.hooks.get(type) ?? [];
    list.push(hook);
    this.hooks.set(type, list);
  }

  start(): Promise<void> {
    this.started ??= (async () => {
      this.stopped = false;
      this.lastId = await this.maxId();
      if (this.d.listen) await this.connectListener();
      const poll = setInterval(() => this.wake(), this.d.pollMs ?? 1000);
      this.heartbeatTimer = setInterval(() => this.heartbeat(), this.d.heartbeatMs ?? 15_000);
      poll.unref();
      this.heartbeatTimer.unref();
      this.timers.push(poll);
    })();
    return this.started;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.flush();
    for (const s of this.subs) this.drop(s);
    const l = this.listener;
    this.listener = null;
    await l?.end().catch(() => undefined);
    await this.chain.catch(() => undefined);
    this.started = null;
  }

  /** Adjust timings at run time (tests make access re-load on every batch). */
  tune(opts: Pick<RealtimeOptions, "accessTtlMs" | "heartbeatMs" | "maxBacklogBytes">): void {
    if (opts.accessTtlMs !== undefined) this.d.accessTtlMs = opts.accessTtlMs;
    if (opts.maxBacklogBytes !== undefined) this.d.maxBacklogBytes = opts.maxBacklogBytes;
    if (opts.heartbeatMs !== undefined) {
      this.d.heartbeatMs = opts.heartbeatMs;
      if (this.heartbeatTimer) {
        clearInterval(this.heartbeatTimer);
        this.heartbeatTimer = setInterval(() => this.heartbeat(), opts.heartbeatMs);
        this.heartbeatTimer.unref();
      }
    }
  }

  /** Number of open streams in this process. */
  get subscriberCount(): number {
    return this.subs.size;
  }

  /**
   * Register a stream. Events after `lastEventId` that the user may see are
   * sent first (resume), then live ones; an id is never sent twice on one
   * stream. Without `lastEventId` the stream starts at the present.
   */
  subscribe(cred: SubscriberCredentials, viewer: Viewer, lastEventId: number | null, io: { write: (chunk: string | Buffer) => void; end: () => void; backlog: () => number }): Subscription {
    const sub: Subscriber = { cred, viewer, cursor: 0, live: false, closed: false, audience: null, from: 0, write: io.write, end: io.end, backlog: io.backlog };
    this.subs.add(sub);
    this.enqueue(async () => {
      await this.start();
      if (sub.closed) return;
      if (lastEventId === null) sub.cursor = this.lastId;
      else {
        sub.cursor = lastEventId;
        while (!sub.closed && sub.cursor < this.lastId) {
          const rows = await this.d.db.selectFrom("events").selectAll().where("id", ">", sub.cursor).where("id", "<=", this.lastId).orderBy("id").limit(PAGE).execute();
          if (!rows.length) break;
          // One write per page of the catch-up.
          let out = "";
          for (const r of rows) {
            const ev = row(r);
            sub.cursor = ev.id;
            if (!mayReceive(sub.viewer, ev)) continue;
            out += sseFrameJson(ev.id, ev.type, ev.at, ev.payload);
            this.observe(ev, [sub.viewer]);
          }
          if (out) this.send(sub, out);
        }
        if (this.lastId > sub.cursor) sub.cursor = this.lastId;
      }
      if (sub.closed) return;
      this.send(sub, `id: ${sub.cursor}\nevent: ready\ndata: ${JSON.stringify({ last_event_id: sub.cursor })}\n\n`);
      this.join(sub);
    });
    return { userId: cred.userId, close: () => this.drop(sub) };
  }

  /** Read and dispatch whatever is new; coalesces concurrent wake-ups. */
  wake(): void {
    if (!this.started || this.stopped || this.pumpQueued) return;
    this.pumpQueued = true;
    this.enqueue(async () => {
      this.pumpQueued = false;
      await this.pump();
    });
  }

  /** Resolves when every queued read and dispatch so far has finished and gone out (for tests and shutdown). */
  async settle(): Promise<void> {
    await this.chain;
    this.flush();
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((err: unknown) => {
      // A failed read is retried by the next wake-up or poll; nothing is skipped.
      process.emitWarning(`realtime: ${(err as Error).message}`);
    });
  }

  private async maxId(): Promise<number> {
    const r = await this.d.db.selectFrom("events").select(sql<number | null>`max(id)`.as("m")).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  /** A caught-up stream goes live in the audience of its access; frames already pending there are not its own. */
  private join(sub: Subscriber): void {
    const key = audienceKey(sub.viewer);
    let a = this.audiences.get(key);
    if (!a) {
      a = { key, viewer: sub.viewer, subs: new Set(), frames: [], narrowed: null };
      this.audiences.set(key, a);
    }
    a.subs.add(sub);
    sub.audience = a;
    sub.from = a.frames.length;
    sub.live = true;
  }

  private leave(sub: Subscriber): void {
    const a = sub.audience;
    if (!a) return;
    a.subs.delete(sub);
    sub.audience = null;
    if (!a.subs.size) this.audiences.delete(a.key);
  }

  private async pump(): Promise<void> {
    for (;;) {
      // Read after every commit that publishes: a native statement on SQLite (see statementsOutside).
      const rows = await statementsOutside(this.d.db, this.d.dialect).all<EventsTable>(NEXT_EVENTS_SQL, [this.lastId, PAGE]);
      if (!rows.length) return;
      if (this.subs.size) await this.refreshAccess(false);
      let queued = false;
      for (const r of rows) {
        const ev = row(r);
        this.lastId = ev.id;
        let frame: string | null = null;
        let seen: Viewer[] | null = null;
        for (const a of this.audiences.values()) {
          const verdict = partyVerdict(a.viewer, ev);
          if (verdict === "none") continue;
          frame ??= sseFrameJson(ev.id, ev.type, ev.at, ev.payload);
          if (verdict === "named") {
            const users = ev.recipients!.users!;
            (a.narrowed ??= new Map()).set(a.frames.length, users);
            for (const s of a.subs) if (s.viewer.userId !== null && users.includes(s.viewer.userId)) (seen ??= []).push(s.viewer);
          } else (seen ??= []).push(a.viewer);
          a.frames.push(frame);
          queued = true;
        }
        if (seen) this.observe(ev, seen);
      }
      if (queued) this.scheduleFlush();
      if (rows.length < PAGE) return;
    }
  }

  /** Delivery hooks: once per event and audience (or named user) that receives it. */
  private observe(r: EventRow, viewers: Viewer[]): void {
    const hooks = this.hooks.get(r.type);
    if (!hooks) return;
    const ev = decode(r);
    for (const v of viewers) for (const h of hooks) h(ev, v);
  }

  /**
   * Coalesced writes: the first batch after a quiet spell goes out on the
   * next turn of the event loop; while events keep coming, each stream gets
   * one write per flush interval, however many events it holds.
   */
  private scheduleFlush(): void {
    if (this.flushTimer || this.flushImmediate) return;
    const interval = Math.min(50, Math.max(this.d.flushMs ?? 10, (this.subs.size * 1000) / (this.d.writesPerSecond ?? 25_000)));
    const wait = this.lastFlush + interval - performance.now();
    if (wait <= 0) this.flushImmediate = setImmediate(() => this.flush());
    else this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  /** Sends every audience's pending frames: one shared buffer per audience, one write per stream. */
  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.flushImmediate) clearImmediate(this.flushImmediate);
    this.flushTimer = null;
    this.flushImmediate = null;
    this.lastFlush = performance.now();
    for (const a of this.audiences.values()) {
      if (!a.frames.length) continue;
      const frames = a.frames, narrowed = a.narrowed;
      a.frames = [];
      a.narrowed = null;
      let shared: Buffer | null = null;
      for (const s of [...a.subs]) {
        const from = s.from;
        s.from = 0;
        if (from === 0 && !narrowed) {
          shared ??= Buffer.from(frames.length === 1 ? frames[0]! : frames.join(""), "utf8");
          this.send(s, shared);
          continue;
        }
        let out = "";
        for (let i = from; i < frames.length; i++) {
          const users = narrowed?.get(i);
          if (!users || (s.viewer.userId !== null && users.includes(s.viewer.userId))) out += frames[i];
        }
        if (out) this.send(s, out);
      }
    }
  }

  private send(sub: Subscriber, chunk: string | Buffer): void {
    if (sub.closed) return;
    if (sub.backlog() > (this.d.maxBacklogBytes ?? 4 * 1024 * 1024)) {
      this.drop(sub);
      return;
    }
    sub.write(chunk);
  }

  private drop(sub: Subscriber): void {
    if (sub.closed) return;
    sub.closed = true;
    this.subs.delete(sub);
    this.leave(sub);
    try {
      sub.end();
    } catch {
      /* the socket is already gone */
    }
  }

  private heartbeat(): void {
    const line = `: heartbeat ${this.d.clock.now().toISOString()}\n\n`;
    for (const s of this.subs) if (s.live) this.send(s, line);
    // Expiry needs no event to be noticed: re-check access on the heartbeat too.
    if (this.subs.size) this.enqueue(() => this.refreshAccess(true));
  }

  /** Re-load every subscriber's viewer in a few bulk queries; close streams whose access is gone. */
  private async refreshAccess(force: boolean): Promise<void> {
    const ttl = this.d.accessTtlMs ?? 1000;
    if (!force && performance.now() - this.accessLoadedAt < ttl) return;
    this.accessLoadedAt = performance.now();
    const subs = [...this.subs];
    const now = this.d.clock.now().toISOString();
    const sessionIds = [...new Set(subs.map((s) => s.cred.sessionId).filter((x): x is string => x !== null))];
    const tokenIds = [...new Set(subs.map((s) => s.cred.tokenId).filter((x): x is string => x !== null))];
    const userIds = [...new Set(subs.map((s) => s.cred.userId))];
    const db = this.d.db;
    const [sessions, tokens, users] = await Promise.all([
      sessionIds.length ? db.selectFrom("sessions").select(["id", "user_id", "revoked_at", "expires_at"]).where("id", "in", sessionIds).execute() : [],
      tokenIds.length ? db.selectFrom("api_tokens").select(["id", "user_id", "revoked_at", "expires_at"]).where("id", "in", tokenIds).execute() : [],
      userIds.length ? db.selectFrom("users").select(["id", "party_id", "role", "disabled"]).where("id", "in", userIds).execute() : [],
    ]);
    const partyIds = [...new Set(users.map((u) => u.party_id).filter((x): x is string => x !== null))];
    const [parties, groups] = await Promise.all([
      partyIds.length ? db.selectFrom("parties").select(["id", "kind"]).where("id", "in", partyIds).execute() : [],
      partyIds.length ? db.selectFrom("group_members").select(["group_id", "party_id"]).where("party_id", "in", partyIds).execute() : [],
    ]);
    const valid = (r: { user_id: string; revoked_at: string | null; expires_at: string } | undefined, userId: string) => !!r && r.user_id === userId && r.revoked_at === null && r.expires_at > now;
    const sessionMap = new Map(sessions.map((s) => [s.id, s]));
    const tokenMap = new Map(tokens.map((t) => [t.id, t]));
    const userMap = new Map(users.map((u) => [u.id, u]));
    const kindMap = new Map(parties.map((p) => [p.id, p.kind]));
    for (const s of subs) {
      if (s.closed) continue;
      const u = userMap.get(s.cred.userId);
      const credOk = s.cred.sessionId !== null ? valid(sessionMap.get(s.cred.sessionId), s.cred.userId) : s.cred.tokenId !== null ? valid(tokenMap.get(s.cred.tokenId), s.cred.userId) : false;
      if (!u || u.disabled || !credOk) {
        this.drop(s);
        continue;
      }
      s.viewer = {
        userId: u.id,
        party: u.party_id,
        partyKind: u.party_id ? (kindMap.get(u.party_id) ?? null) : null,
        groups: groups.filter((g) => g.party_id === u.party_id).map((g) => g.group_id).sort(),
        role: u.role,
      };
      if (s.audience && s.audience.key !== audienceKey(s.viewer)) {
        // Frames already queued for its old audience were checked then: they go out before it moves.
        this.flush();
        this.leave(s);
        this.join(s);
      }
    }
  }

  private async connectListener(): Promise<void> {
    const l = this.d.listen!;
    const client = new pg.Client({ connectionString: l.url });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      client.end().catch(() => undefined);
      this.reconnect();
    };
    client.on("notification", () => this.wake());
    client.on("error", lost);
    client.on("end", lost);
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.listener = client;
  }

  private reconnect(): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.connectListener().then(
        () => this.wake(),
        () => this.reconnect(),
      );
    }, 1000);
    t.unref();
  }
}
