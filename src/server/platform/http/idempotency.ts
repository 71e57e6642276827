// Idempotency keys for every POST. A client that retries a submission with
// the same `Idempotency-Key` gets the first response back instead of a second
// record. Keys are scoped per user; the same key with a different request is
// refused, since one of the two would otherwise be silently dropped.
import { canonicalJson, sha256Hex } from "../../../core/audit/canonical.ts";
import type { Clock } from "../clock.ts";
import type { Db, Dialect } from "../db/database.ts";
import { statementsOutside, type Statements } from "../db/statements.ts";
import { AppError } from "./errors.ts";

export type IdempotencyBegin =
  | { state: "new"; key: string }
  | { state: "replay"; status: number; response: unknown }
  | { state: "mismatch" }
  | { state: "in_progress" };

/** Placeholder status of a key whose first request has not finished. */
const IN_PROGRESS = 0;
/** A placeholder older than this belongs to a request that died (crash): the next retry takes it over. */
const ABANDONED_MS = 30_000;
const KEEP_MS = 24 * 3600_000;

export const idempotencyKeyPattern = /^[\x21-\x7e]{1,200}$/;

export const idempotencyErrors = {
  mismatch: () => new AppError("idempotency_conflict", "This Idempotency-Key was already used for a different request; use a new key for a new request.", [{ path: "headers.idempotency-key", problem: "reused with a different request" }]),
  inProgress: () => new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry in a moment.", [], { "retry-after": "1" }),
};

/** Thrown inside a handler's transaction when its key turns out to be answered already: the transaction rolls back and the stored answer is sent. */
export class IdempotentReplay extends Error {
  constructor(
    readonly status: number,
    readonly response: unknown,
  ) {
    super("idempotent replay");
  }
}

const CLAIM_SQL = "insert into idempotency_keys (key, request_hash, status, response, created_at) values (?, ?, ?, ?, ?) on conflict (key) do nothing";
const READ_SQL = "select request_hash, status, response, created_at from idempotency_keys where key = ?";
const TAKE_OVER_SQL = "update idempotency_keys set created_at = ? where key = ? and status = ? and created_at = ?";
const COMPLETE_SQL = "update idempotency_keys set status = ?, response = ? where key = ?";

/**
 * One request's key, written in the handler's own transaction: `claim` first
 * (on PostgreSQL a concurrent twin waits on the key's row, then replays) and
 * `complete` with the answer before commit, so the key, the records and the
 * answer commit together or not at all — no commits of its own.
 */
export class IdempotentWrite {
  done = false;
  constructor(
    readonly key: string,
    private readonly hash: string,
    private readonly status: number,
    private readonly at: string,
  ) {}

  async claim(st: Statements): Promise<void> {
    if ((await st.run(CLAIM_SQL, [this.key, this.hash, IN_PROGRESS, "", this.at])) === 1) return;
    const row = await st.get<Pick<IdempotencyKeysRow, "request_hash" | "status" | "response" | "created_at">>(READ_SQL, [this.key]);
    if (!row) throw idempotencyErrors.inProgress();
    if (row.request_hash !== this.hash) throw idempotencyErrors.mismatch();
    if (row.status !== IN_PROGRESS) throw new IdempotentReplay(row.status, JSON.parse(row.response) as unknown);
    // A placeholder of the commit-per-step path whose request died: take it over.
    if (Date.parse(this.at) - Date.parse(row.created_at) < ABANDONED_MS || (await st.run(TAKE_OVER_SQL, [this.at, this.key, IN_PROGRESS, row.created_at])) !== 1) throw idempotencyErrors.inProgress();
  }

  async complete(st: Statements, response: unknown): Promise<void> {
    await st.run(COMPLETE_SQL, [this.status, JSON.stringify(response ?? null), this.key]);
    this.done = true;
  }
}

interface IdempotencyKeysRow {
  key: string;
  request_hash: string;
  status: number;
  response: string;
  created_at: string;
}

export function requestHash(method: string, url: string, body: unknown): string {
  return sha256Hex(canonicalJson({ method, url, body: body ?? null }));
}

export class IdempotencyStore {
  private lastPurge = 0;
  constructor(private readonly d: { db: Db; dialect: Dialect; clock: Clock }) {}

  /**
   * Before a handler that writes its key itself (IdempotentWrite): a key
   * already answered is replayed here, before the request is checked again
   * (a retry must get the first answer even if, say, its signed time has
   * since gone stale); otherwise the handler gets the key to claim.
   */
  async prepare(userId: string, clientKey: string, hash: string, status: number): Promise<Exclude<IdempotencyBegin, { state: "new" }> | { state: "write"; write: IdempotentWrite }> {
    const key = `${userId}:${clientKey}`;
    const now = this.d.clock.now();
    await this.purge(now);
    const row = await statementsOutside(this.d.db, this.d.dialect).get<Pick<IdempotencyKeysRow, "request_hash" | "status" | "response" | "created_at">>(READ_SQL, [key]);
    if (row) {
      if (row.request_hash !== hash) return { state: "mismatch" };
      if (row.status !== IN_PROGRESS) return { state: "replay", status: row.status, response: JSON.parse(row.response) as unknown };
      if (now.getTime() - Date.parse(row.created_at) < ABANDONED_MS) return { state: "in_progress" };
    }
    return { state: "write", write: new IdempotentWrite(key, hash, status, now.toISOString()) };
  }

  async begin(userId: string, clientKey: string, hash: string): Promise<IdempotencyBegin> {
    const key = `${userId}:${clientKey}`;
    const now = this.d.clock.now();
    await this.purge(now);
    const inserted = await this.d.db
      .insertInto("idempotency_keys")
      .values({ key, request_hash: hash, status: IN_PROGRESS, response: "", created_at: now.toISOString() })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { state: "new", key };
    const row = await this.d.db.selectFrom("idempotency_keys").selectAll().where("key", "=", key).executeTakeFirst();
    if (!row) return this.begin(userId, clientKey, hash);
    if (row.request_hash !== hash) return { state: "mismatch" };
    if (row.status !== IN_PROGRESS) return { state: "replay", status: row.status, response: JSON.parse(row.response) as unknown };
    if (now.getTime() - Date.parse(row.created_at) < ABANDONED_MS) return { state: "in_progress" };
    const taken = await this.d.db
      .updateTable("idempotency_keys")
      .set({ created_at: now.toISOString() })
      .where("key", "=", key)
      .where("status", "=", IN_PROGRESS)
      .where("created_at", "=", row.created_at)
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1 ? { state: "new", key } : { state: "in_progress" };
  }

  async finish(key: string, status: number, response: unknown): Promise<void> {
    await this.d.db.updateTable("idempotency_keys").set({ status, response: JSON.stringify(response ?? null) }).where("key", "=", key).execute();
  }

  /** The request failed: forget the key so a corrected retry may use it. */
  async abandon(key: string): Promise<void> {
    await this.d.db.deleteFrom("idempotency_keys").where("key", "=", key).where("status", "=", IN_PROGRESS).execute();
  }

  private async purge(now: Date): Promise<void> {
    if (now.getTime() - this.lastPurge < 600_000) return;
    this.lastPurge = now.getTime();
    await this.d.db.deleteFrom("idempotency_keys").where("created_at", "<", new Date(now.getTime() - KEEP_MS).toISOString()).execute();
  }
}
